"""What tonight's crawl of a site needs to know from earlier ones, read once from the store.

The spider stays storage-free: it gets this plan as plain values. A first crawl, `--full`,
and the weekly sweep fetch everything; an incremental crawl re-reads the home page and the
column pages (conditionally, ETag/Last-Modified), follows a column's pagination only while
its pages show unknown items, and fetches only new or changed articles; link targets are
re-checked on a rolling schedule. A crawl that was killed is resumed: what it stored is not
fetched again.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass
class CrawlPlan:
    mode: str = "full"                      # full, incremental, resume
    base_crawl: int | None = None           # the crawl an incremental run carries forward
    column_pages: list[str] = field(default_factory=list)     # known columns' first pages
    validators: dict = field(default_factory=dict)             # list page → (etag, last-modified)
    known_items: dict = field(default_factory=dict)            # article URL → (list date, list title)
    fresh_targets: set = field(default_factory=set)            # checked recently, not due tonight
    done: set = field(default_factory=set)                     # resume: fetched or checked already
    pending: list = field(default_factory=list)                # linked, not reached or due again

    def is_known_item(self, url: str, list_date: str | None, title: str | None) -> bool:
        """An article already stored whose list row still says the same."""
        known = self.known_items.get(url)
        return known is not None and known == (list_date, title)


def plan_crawl(db, site: str, crawl_id: int, *, full: bool = False, full_every_days: int = 7,
               recheck_days: int = 7, now: datetime | None = None) -> tuple[CrawlPlan, int]:
    """The plan for a run, and the crawl id it writes under (a resumed run keeps its id)."""
    now = now or datetime.now().astimezone()
    interrupted = _interrupted(db, site, crawl_id)
    if interrupted is not None:
        db["crawls"].delete(crawl_id)
        db["crawls"].update(interrupted, {"outcome": "running", "mode": "resume"})
        return _resume_plan(db, site, interrupted), interrupted

    previous = list(db.query("select id, started, mode from crawls where site = ? and outcome = 'ok' "
                             "order by id desc", [site]))
    last_full = next((c for c in previous if c["mode"] in (None, "full")), None)
    due_full = last_full is None or datetime.fromisoformat(last_full["started"]) < now - timedelta(days=full_every_days)
    if full or not previous or due_full:
        return CrawlPlan(mode="full"), crawl_id
    return _incremental_plan(db, site, previous[0]["id"], recheck_days, now), crawl_id


def _interrupted(db, site, crawl_id):
    """A run of this site that never finished; the caller holds the site's lock, so it is dead."""
    rows = list(db.query("select id from crawls where site = ? and id < ? and outcome in ('running', 'interrupted') "
                         "and id > coalesce((select max(id) from crawls where site = ? and outcome = 'ok'), 0) "
                         "order by id desc limit 1", [site, crawl_id, site]))
    return rows[0]["id"] if rows else None


def _incremental_plan(db, site, base, recheck_days, now) -> CrawlPlan:
    args = [site, base]
    plan = CrawlPlan(mode="incremental", base_crawl=base)
    plan.column_pages = [r[0] for r in db.execute(
        "select url from columns where site = ? and last_crawl = ?", args)]
    # Only pages that show their own rows are asked conditionally: a page whose list a
    # script fetches (jpaas) or that shows none stays the same when its list changes.
    plan.validators = {r[0]: (r[1], r[2]) for r in db.execute(
        "select url, etag, last_modified from pages p where site = ? and crawl_id = ? "
        "and kind in ('home', 'column') and status = 200 and exists "
        "(select 1 from listings l where l.site = p.site and l.page_url = p.url)", args)}
    plan.known_items = {r[0]: (r[1], r[2]) for r in db.execute(
        "select i.url, i.list_date, i.list_title from items i join pages p on p.site = i.site and p.url = i.url "
        "where i.site = ? and i.last_crawl = ? and p.status < 400", args)}
    # A target that answered well is checked again after recheck_days, spread by URL over a
    # further recheck_days so that each night checks a slice, not everything at once; one
    # that failed is checked every night. Both whether or not a page re-read tonight links it.
    linked = dict(db.execute("select target_url, max(tag) from links where site = ? and crawl_id = ? "
                             "group by target_url", args).fetchall())
    for url, checked_at, status in db.execute(
            "select url, checked_at, status from targets where site = ? and crawl_id = ?", args):
        spread = zlib.crc32(url.encode()) % max(recheck_days, 1)
        if (status is not None and status < 400 and checked_at
                and datetime.fromisoformat(checked_at) + timedelta(days=recheck_days + spread) > now):
            plan.fresh_targets.add(url)
        elif url in linked:
            plan.pending.append((url, linked[url]))
    return plan


def _resume_plan(db, site, crawl_id) -> CrawlPlan:
    """Everything the killed run stored stays; lists are read again to find where it stopped."""
    args = [site, crawl_id]
    plan = CrawlPlan(mode="resume", base_crawl=None)
    plan.done = {r[0] for r in db.execute(
        "select url from pages where site = ? and crawl_id = ? and coalesce(kind, '') not in ('home', 'column')", args)}
    plan.done |= {r[0] for r in db.execute(
        "select url from targets where site = ? and crawl_id = ? and kind != 'page'", args)}
    plan.pending = [(r[0], r[1]) for r in db.execute(
        "select distinct l.target_url, l.tag from links l where l.site = ? and l.crawl_id = ? and not exists "
        "(select 1 from targets t where t.site = l.site and t.url = l.target_url and t.crawl_id = l.crawl_id)", args)]
    return plan
