"""broken_link: a link whose target fails.

A target fails when it answered HTTP ≥ 400 or not at all (`targets.status`/`error`, else
the fetched page's `pages.status`/`error`), or answered 200 with a page saying it is not
there (a soft 404, confirmed like a 404); one the site's robots.txt kept the crawl from
asking was not checked, so it is not broken. 404 and 403 are *confirmed* (a deduction);
timeouts, DNS failures, refused or reset connections and 5xx are *suspected* (a warning)
until they repeat: a suspected target still failing in `confirm_after_crawls` distinct
crawls (counted through its open finding's evidence) is confirmed. Another site's answer
is confirmed only when it says the page is gone (404, 410): the 403 or 412 its firewall
gives a crawler, night after night, is not what a person clicking the link sees. One finding per failing
target, naming the pages that link to it; a target linked from the home page is counted
apart (indicator `broken_links_home`).
"""
from __future__ import annotations

import json

from crawler.records import NOT_ASKED_ROBOTS, SOFT_404

from .base import Context, Finding, row_seen
from .rulepack import Int, List, Str

KIND = "broken_link"
INDICATOR = "broken_links"
PARAMS = {"confirmed_statuses": List(Int(min=100)), "external_confirmed_statuses": List(Int(min=100)),
          "home_indicator": Str(),
          "confirmed_severity": Str(choices=("veto", "deduct", "warning")),
          "suspected_severity": Str(choices=("veto", "deduct", "warning")),
          "max_sources": Int(min=1), "confirm_after_crawls": Int(min=1, nullable=True)}
DEFAULTS = {"confirmed_statuses": [403, 404], "external_confirmed_statuses": [404, 410],
            "home_indicator": "broken_links_home",
            "confirmed_severity": "deduct", "suspected_severity": "warning", "max_sources": 10,
            "confirm_after_crawls": 2}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    home = ctx.home_url or ""
    failed = ctx.query(f"""
        select t.url, t.kind as target_kind, coalesce(t.status, p.status) as status,
               coalesce(t.error, p.error) as error
        from targets t left join pages p on p.site = t.site and p.url = t.url
        where t.site = :site and {row_seen('t')}
          and (coalesce(t.status, p.status) >= 400
               or (coalesce(t.status, p.status) is null and coalesce(t.error, p.error) is not null)
               or coalesce(t.error, p.error) = :soft_404)
          and coalesce(t.error, p.error, '') != :not_asked
        order by t.url""", not_asked=NOT_ASKED_ROBOTS, soft_404=SOFT_404)
    if not failed:
        return []
    # The pages linking to each failing target, in one pass over the links index.
    ctx.db.execute("create temp table if not exists pw_failed (url text primary key)")
    ctx.db.execute("delete from temp.pw_failed")
    ctx.db.conn.executemany("insert into temp.pw_failed values (?)", [(r["url"],) for r in failed])
    sources: dict[str, list] = {}
    for r in ctx.query(f"""
            select l.target_url, l.source_url, l.anchor, l.tag, pg.column_url, pg.kind as source_kind
            from temp.pw_failed f join links l on l.site = :site and l.target_url = f.url
            left join pages pg on pg.site = l.site and pg.url = l.source_url
            where {row_seen('l')} order by l.target_url, l.source_url"""):
        sources.setdefault(r["target_url"], []).append(r)
    history = _failed_before(ctx)
    out = []
    for t in failed:
        linked = sources.get(t["url"])
        if not linked:
            continue
        crawls = sorted(set(history.get(Finding(KIND, t["url"], "", "", "").fingerprint(ctx.site), []))
                        | {ctx.crawl_id})
        repeated = p["confirm_after_crawls"] is not None and len(crawls) >= p["confirm_after_crawls"]
        if t["target_kind"] == "external" and t["status"] is not None:
            confirmed = t["status"] in p["external_confirmed_statuses"]
        else:
            confirmed = t["status"] in p["confirmed_statuses"] or t["error"] == SOFT_404 or repeated
        on_home = any(s["source_url"] == home or s["source_kind"] == "home" for s in linked)
        first = next((s for s in linked if s["source_kind"] != "home"), linked[0])
        col = ctx.column(first["column_url"]) or ctx.column(first["source_url"])
        why = ("页面不存在，HTTP 200" if t["error"] == SOFT_404 else f"HTTP {t['status']}"
               if t["status"] is not None else (t["error"] or "no answer"))
        where = "首页" if on_home else f"{len(linked)} 个页面"
        out.append(Finding(
            kind=KIND, key=t["url"],
            severity=p["confirmed_severity"] if confirmed else p["suspected_severity"],
            indicator=p["home_indicator"] if on_home else p["indicator"],
            detail=f"{'确认' if confirmed else '疑似'}错链（{why}）：{t['url']}，见于{where}",
            url=t["url"], column_url=col.url if col else None, column=col.path if col else None,
            unit=col.unit if col else ctx.government_name,
            evidence={"status": t["status"], "error": t["error"], "confirmed": confirmed,
                      "target_kind": t["target_kind"], "on_home": on_home, "sources_count": len(linked),
                      "failed_crawls": crawls, "repeated": repeated,
                      "sources": [{"url": s["source_url"], "anchor": s["anchor"], "tag": s["tag"]}
                                  for s in linked[:p["max_sources"]]]}))
    return out


def _failed_before(ctx: Context) -> dict[str, list]:
    """fingerprint -> the crawls an open broken_link finding saw its target fail in."""
    if not ctx.db["findings"].exists():
        return {}
    out = {}
    for fp, evidence in ctx.db.execute(
            "select fingerprint, evidence from findings where site = ? and kind = ? and status = 'open'",
            [ctx.site, KIND]):
        try:
            out[fp] = [c for c in json.loads(evidence or "{}").get("failed_crawls", []) if c <= ctx.crawl_id]
        except (ValueError, AttributeError):
            continue
    return out
