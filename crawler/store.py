"""The SQLite store: the schema in one place, and the only code that writes crawl data.

Tables (every one carries `site`, so one file can hold many sites):

- crawls    one row per run: when, how it ended, what it counted
- pages     every URL fetched: status, type, size, time, kind (home/column/article/other)
- columns   the column tree (栏目): name, parent, level, breadcrumb path, items, newest date
- items     every item (信息) seen in a list or fetched as an article, with all its dates
- listings  which list page (or home page block) showed which item, with the list's date
- links     every link: source page, target URL, anchor text
- targets   every link target with the HTTP status it answered (or the error)
- probes    availability probes (`portalwatch probe`): status, response time, failure
- column_history  each column's item count and newest date at each finished crawl (trends)
"""
from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from crawler.tree import merge_index_forms, place_columns

SCHEMA = {
    "crawls": {
        "columns": {"id": int, "site": str, "start_url": str, "mode": str, "started": str,
                    "finished": str, "outcome": str, "message": str, "requests": int,
                    "not_modified": int, "pages": int, "items": int, "new_items": int,
                    "columns": int, "links": int, "errors": int},
        "pk": "id",
    },
    "pages": {
        "columns": {"site": str, "url": str, "status": int, "content_type": str, "size": int,
                    "fetched_at": str, "elapsed_ms": float, "kind": str, "title": str,
                    "column_url": str, "page_no": int, "etag": str, "last_modified": str,
                    "site_id_code": str, "icp": str, "police_record": str, "meta": str,
                    "empty_marker": int, "own_text": int, "crawl_id": int, "error": str},
        "pk": ("site", "url"),
    },
    "columns": {
        "columns": {"site": str, "url": str, "name": str, "parent_url": str, "level": int,
                    "path": str, "column_type": str, "found_by": str, "is_leaf": int, "item_count": int,
                    "undated_count": int, "newest_date": str, "list_pages": int,
                    "empty_marker": int, "first_crawl": int, "last_crawl": int},
        "pk": ("site", "url"),
    },
    "items": {
        "columns": {"site": str, "url": str, "column_url": str, "title": str, "list_title": str,
                    "publish_date": str, "date_source": str, "list_date": str,
                    "article_date": str, "meta_date": str, "table_date": str, "url_date": str,
                    "written_date": str, "fields": str, "attachments": str, "tables": str,
                    "text": str,
                    "status": int, "first_crawl": int, "last_crawl": int},
        "pk": ("site", "url"),
    },
    "listings": {
        "columns": {"site": str, "page_url": str, "item_url": str, "column_url": str,
                    "title": str, "date": str, "date_text": str, "position": int,
                    "crawl_id": int},
        "pk": ("site", "page_url", "item_url"),
    },
    "links": {
        "columns": {"site": str, "source_url": str, "target_url": str, "anchor": str,
                    "tag": str, "crawl_id": int},
        "pk": ("site", "source_url", "target_url"),
    },
    "column_history": {
        "columns": {"site": str, "crawl_id": int, "url": str, "item_count": int,
                    "undated_count": int, "newest_date": str},
        "pk": ("site", "crawl_id", "url"),
    },
    "probes": {
        "columns": {"id": int, "site": str, "url": str, "at": str, "status": int,
                    "elapsed_ms": float, "ok": int, "error": str},
        "pk": "id",
    },
    "targets": {
        "columns": {"site": str, "url": str, "kind": str, "status": int, "error": str,
                    "checked_at": str, "crawl_id": int},
        "pk": ("site", "url"),
    },
}

INDEXES = [
    ("pages", ["site", "kind"]),
    ("pages", ["site", "column_url"]),
    ("items", ["site", "column_url"]),
    ("listings", ["site", "item_url"]),
    ("listings", ["site", "column_url"]),
    ("links", ["site", "target_url"]),
    ("columns", ["site", "parent_url"]),
    ("probes", ["site", "at"]),
]


def now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a store; WAL so a reader never blocks the crawl."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    # First, so that a second process opening the file (crawl --all --parallel, the review
    # app during a crawl) waits for the first instead of failing.
    db.execute("PRAGMA busy_timeout=30000")
    db.execute("PRAGMA synchronous=NORMAL")
    # The crawl's indexes outgrow SQLite's 2 MB default cache on a large portal.
    db.execute("PRAGMA cache_size=-65536")
    _set_up(db)
    return db


def _set_up(db: sqlite_utils.Database, tries: int = 100) -> None:
    """WAL, and the schema under the write lock. Crawls starting together on a new file
    (crawl --all --parallel) race here, and SQLite answers some of those races (switching
    to WAL while another process reads the header) at once with "database is locked"
    rather than waiting: such an answer is tried again."""
    for attempt in range(tries):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            with writing(db):
                ensure_schema(db)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.05)


@contextmanager
def writing(db: sqlite_utils.Database):
    """A write transaction that takes the write lock at once (BEGIN IMMEDIATE), waiting for
    the busy timeout. sqlite-utils' atomic() begins deferred: one that reads first cannot
    take the lock once a parallel crawl of another site has written, and fails at once with
    "database is locked"."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def ensure_schema(db: sqlite_utils.Database) -> None:
    for name, spec in SCHEMA.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], not_null=_not_null(spec["pk"]))
        else:
            missing = {c: t for c, t in spec["columns"].items() if c not in table.columns_dict}
            for column, kind in missing.items():
                table.add_column(column, kind)
    for table, cols in INDEXES:
        db[table].create_index(cols, if_not_exists=True)


def _not_null(pk):
    return set(pk) if isinstance(pk, tuple) else set()


# -- crawls -------------------------------------------------------------------

def start_crawl(db, site: str, start_url: str) -> int:
    table = db["crawls"]
    table.insert({"site": site, "start_url": start_url, "started": now(), "outcome": "running"})
    return table.last_pk


def finish_crawl(db, crawl_id: int, outcome: str, message: str = "", *,
                 base_crawl: int | None = None, stats: dict | None = None) -> dict:
    """Close a run: carry forward what an incremental run did not re-read, derive the
    column facts from what was stored, then count."""
    site = db["crawls"].get(crawl_id)["site"]
    if outcome == "ok":
        if base_crawl is not None:
            carry_forward(db, site, base_crawl, crawl_id)
        summarise_columns(db, site, crawl_id)
    counts = crawl_counts(db, site, crawl_id)
    db["crawls"].update(crawl_id, {"finished": now(), "outcome": outcome,
                                   "message": message, **counts, **(stats or {})})
    return db["crawls"].get(crawl_id)


def carry_forward(db, site: str, base: int, crawl_id: int) -> None:
    """Rows current after the base crawl and not re-read tonight are current still.

    An incremental run fetches only what changed; the rest of the site stands as the base
    crawl saw it (what vanished from the site is noticed by the weekly full sweep).
    """
    args = {"site": site, "base": base, "crawl": crawl_id}
    with writing(db):
        for table, column in (("items", "last_crawl"), ("columns", "last_crawl"),
                              ("pages", "crawl_id"), ("listings", "crawl_id"),
                              ("links", "crawl_id"), ("targets", "crawl_id")):
            db.execute(f"update {table} set {column} = :crawl where site = :site and {column} = :base", args)


def crawl_counts(db, site: str, crawl_id: int) -> dict:
    one = lambda sql: db.execute(sql, [site, crawl_id]).fetchone()[0]
    return {
        "pages": one("select count(*) from pages where site=? and crawl_id=?"),
        "items": one("select count(*) from items where site=? and last_crawl=?"),
        "new_items": one("select count(*) from items where site=? and first_crawl=?"),
        "columns": one("select count(*) from columns where site=? and last_crawl=?"),
        "links": one("select count(*) from links where site=? and crawl_id=?"),
        "errors": one("select count(*) from pages where site=? and crawl_id=? "
                      "and (status is null or status >= 400)"),
    }


def latest_crawl(db, site: str | None = None, finished_only: bool = False) -> dict | None:
    where, args = [], []
    if site:
        where.append("site = ?")
        args.append(site)
    if finished_only:
        where.append("outcome = 'ok'")
    sql = "select * from crawls" + (" where " + " and ".join(where) if where else "")
    rows = list(db.query(sql + " order by id desc limit 1", args))
    return rows[0] if rows else None


# -- records ------------------------------------------------------------------

def write_probes(db, site: str, rows: list[dict]) -> None:
    with writing(db):
        db["probes"].insert_all([{"site": site, **row} for row in rows])


def write_records(db, site: str, crawl_id: int, batch: dict[str, list[dict]]) -> None:
    """Store one batch of spider records, keyed by table, in a single transaction."""
    with writing(db):
        for table, rows in batch.items():
            if not rows:
                continue
            for row in rows:
                row["site"] = site
            _WRITERS[table](db, crawl_id, rows)


def _pages(db, crawl_id, rows):
    for row in rows:
        row["crawl_id"] = crawl_id
        if isinstance(row.get("meta"), dict):
            row["meta"] = json.dumps(row["meta"], ensure_ascii=False) if row["meta"] else None
    db["pages"].upsert_all(rows, pk=SCHEMA["pages"]["pk"], alter=False)


def _columns(db, crawl_id, rows):
    # A column is seen many times (each list page, each breadcrumb): keep the first
    # sighting's facts and mark it seen in this crawl; a breadcrumb's placement beats the
    # one a page without a breadcrumb gave itself.
    by_crumb = "coalesce(found_by, 'breadcrumb') = 'breadcrumb'"     # stores older than found_by
    keep = f"last_crawl = :crawl and ({by_crumb} or excluded.found_by = 'page')"
    guessed_late = f"last_crawl = :crawl and {by_crumb} and excluded.found_by = 'page'"
    db.conn.executemany(
        "insert into columns (site, url, name, parent_url, level, path, column_type, found_by, first_crawl, last_crawl) "
        "values (:site, :url, :name, :parent_url, :level, :path, :column_type, :found_by, :crawl, :crawl) "
        "on conflict(site, url) do update set last_crawl = :crawl, "
        f"name = case when {guessed_late} then name else coalesce(excluded.name, name) end, "
        "column_type = coalesce(excluded.column_type, column_type), "
        f"parent_url = case when {keep} then parent_url else excluded.parent_url end, "
        f"level = case when {keep} then level else excluded.level end, "
        f"path = case when {keep} then path else excluded.path end, "
        f"found_by = case when {keep} then found_by else excluded.found_by end",
        [{"column_type": None, "found_by": "breadcrumb", "crawl": crawl_id, **r} for r in rows],
    )


_ITEM_FIELDS = [c for c in SCHEMA["items"]["columns"] if c not in ("site", "url", "first_crawl", "last_crawl")]


def _items(db, crawl_id, rows):
    # An item is reported by its list row and by its article page; merge, never blank out.
    sets = ", ".join(f"{c} = coalesce(excluded.{c}, {c})" for c in _ITEM_FIELDS)
    cols = ["site", "url", *_ITEM_FIELDS, "first_crawl", "last_crawl"]
    db.conn.executemany(
        f"insert into items ({', '.join(cols)}) values ({', '.join(':' + c for c in cols)}) "
        f"on conflict(site, url) do update set {sets}, last_crawl = excluded.last_crawl",
        [_item_row(r, crawl_id) for r in rows],
    )


def _item_row(row, crawl_id):
    out = dict.fromkeys(_ITEM_FIELDS)
    out.update(row)
    for key in ("fields", "attachments", "tables"):
        if out.get(key) is not None and not isinstance(out[key], str):
            out[key] = json.dumps(out[key], ensure_ascii=False) if out[key] else None
    out["first_crawl"] = out["last_crawl"] = crawl_id
    return out


def _listings(db, crawl_id, rows):
    _forget_older(db, "listings", "page_url", crawl_id, rows)
    for row in rows:
        row["crawl_id"] = crawl_id
    db["listings"].upsert_all(rows, pk=SCHEMA["listings"]["pk"], alter=False)


def _forget_older(db, table, source, crawl_id, rows, only: str = "1"):
    """A page read again replaces what an earlier crawl recorded from it (the rows `only` names)."""
    db.conn.executemany(f"delete from {table} where site = ? and {source} = ? and crawl_id != ? and {only}",
                        [(site, page, crawl_id) for site, page in {(r["site"], r[source]) for r in rows}])


def _links(db, crawl_id, rows):
    # The links a list script fetches onto a page (tag 'record': Hanweb dataproxy, jpaas
    # answers) are not in its HTML: reading the page again replaces only the others, so a
    # nightly crawl that does not fetch the list again keeps them.
    _forget_older(db, "links", "source_url", crawl_id, [r for r in rows if r.get("tag") != "record"],
                  only="coalesce(tag, '') != 'record'")
    db.conn.executemany(
        "insert into links (site, source_url, target_url, anchor, tag, crawl_id) "
        "values (?, ?, ?, ?, ?, ?) on conflict(site, source_url, target_url) do update set "
        "anchor = excluded.anchor, tag = excluded.tag, crawl_id = excluded.crawl_id",
        [(r["site"], r["source_url"], r["target_url"], r.get("anchor"), r.get("tag"), crawl_id)
         for r in rows],
    )


def _targets(db, crawl_id, rows):
    for row in rows:
        row["crawl_id"] = crawl_id
    db["targets"].upsert_all(rows, pk=SCHEMA["targets"]["pk"], alter=False)


_WRITERS = {"pages": _pages, "columns": _columns, "items": _items, "listings": _listings,
            "links": _links, "targets": _targets}
RECORD_TABLES = tuple(_WRITERS)   # what a crawl writes, batch by batch


# -- derived column facts -----------------------------------------------------

# An item's publish date: the first of these present (standards.md §5). The article's own
# 发布时间 line ranks with its metadata table, above the list date.
PUBLISH_PRIORITY = ("meta_date", "table_date", "article_date", "list_date", "url_date")


def _year_listed_dates(db, args: dict) -> None:
    """A list date shown without its year ([09-03]) was given the crawl day's year, or the one
    before; a list of sixteen months then shows last year's items as this year's. The
    article's own date on the same day says which year the list meant."""
    own = "coalesce(i.meta_date, i.table_date, i.article_date)"
    meant = f"""(select {own} from items i where i.site = {{t}}.site and i.url = {{t}}.{{url}}
                 and substr({own}, 6, 5) = substr({{t}}.{{date}}, 6, 5))"""
    yearless = "date_text not glob '*[0-9][0-9][0-9][0-9]*'"
    db.execute(f"""
        update listings set date = coalesce({meant.format(t="listings", url="item_url", date="date")}, date)
        where site = :site and crawl_id = :crawl and date is not null and {yearless}""", args)
    db.execute(f"""
        update items set list_date = coalesce({meant.format(t="items", url="url", date="list_date")}, list_date)
        where site = :site and last_crawl = :crawl and list_date is not null
          and exists (select 1 from listings l where l.site = items.site and l.item_url = items.url
                      and l.crawl_id = :crawl and l.{yearless})""", args)


def summarise_columns(db, site: str, crawl_id: int) -> None:
    """Give each item its column and each column its counts, in SQL.

    An item belongs to the deepest column whose list shows it (a channel page's blocks
    show its children's items), unless its article's breadcrumb names a deeper one (a
    picture column shows its items undated, so only its parent's block lists them); an
    item no list shows keeps the column its article's breadcrumb names.
    """
    args = {"site": site, "crawl": crawl_id}
    with writing(db):
        merge_index_forms(db, site, crawl_id)
        place_columns(db, site, crawl_id)
        _year_listed_dates(db, args)
        db.execute(f"""
            update items set title = coalesce(title, list_title),
              publish_date = coalesce({', '.join(PUBLISH_PRIORITY)}),
              date_source = case {' '.join(f"when {c} is not null then '{c}'" for c in PUBLISH_PRIORITY)} end
            where site = :site and last_crawl = :crawl
        """, args)
        db.execute("""
            update items set column_url = coalesce((
                select l.column_url from listings l join columns c
                  on c.site = l.site and c.url = l.column_url
                where l.site = items.site and l.item_url = items.url and l.crawl_id = :crawl
                  and c.level >= coalesce((select own.level from columns own where own.site = items.site
                                           and own.url = items.column_url), 0)
                order by c.level desc, coalesce(c.found_by, 'breadcrumb') = 'breadcrumb' desc, l.position
                limit 1), column_url)
            where site = :site and last_crawl = :crawl
        """, args)
        db.execute("""
            update columns set
              is_leaf = not exists (select 1 from columns k where k.site = columns.site
                                     and k.parent_url = columns.url and k.last_crawl = :crawl),
              item_count = (select count(*) from items i where i.site = columns.site
                            and i.column_url = columns.url and i.last_crawl = :crawl),
              undated_count = (select count(*) from items i where i.site = columns.site
                               and i.column_url = columns.url and i.last_crawl = :crawl
                               and i.publish_date is null),
              newest_date = (select max(i.publish_date) from items i where i.site = columns.site
                             and i.column_url = columns.url and i.last_crawl = :crawl),
              list_pages = (select count(*) from pages p where p.site = columns.site
                            and p.column_url = columns.url and p.kind = 'column'
                            and p.crawl_id = :crawl),
              empty_marker = (select max(p.empty_marker) from pages p where p.site = columns.site
                              and p.column_url = columns.url and p.kind = 'column'
                              and p.crawl_id = :crawl)
            where site = :site and last_crawl = :crawl
        """, args)
        # A list page without a breadcrumb whose every item belongs to another column is a
        # view over them (最新信息, a 更多 page), not a column: left, it would read as blank.
        db.execute("""
            delete from columns where site = :site and last_crawl = :crawl and found_by = 'page'
              and item_count = 0 and is_leaf
              and exists (select 1 from listings l where l.site = columns.site
                          and l.column_url = columns.url and l.crawl_id = :crawl)
        """, args)
        db.execute("""
            insert or replace into column_history (site, crawl_id, url, item_count, undated_count, newest_date)
            select site, :crawl, url, item_count, undated_count, newest_date from columns
            where site = :site and last_crawl = :crawl
        """, args)


def crawl_status(db, site: str | None = None) -> dict | None:
    """The latest crawl with the counts `portalwatch status` prints."""
    crawl = latest_crawl(db, site)
    if crawl is None:
        return None
    levels = [n for _, n in db.execute(
        "select level, count(*) from columns where site = ? and last_crawl = ? and level is not null "
        "group by level order by level", [crawl["site"], crawl["id"]]).fetchall()]
    duration = None
    if crawl["finished"]:
        start = datetime.fromisoformat(crawl["started"])
        duration = round((datetime.fromisoformat(crawl["finished"]) - start).total_seconds(), 1)
    return {
        "site": crawl["site"], "crawl_id": crawl["id"], "outcome": crawl["outcome"],
        "message": crawl["message"], "started": crawl["started"], "finished": crawl["finished"],
        "duration_s": duration, "columns_by_level": levels, "columns": crawl["columns"] or 0,
        "items": crawl["items"] or 0, "pages": crawl["pages"] or 0, "links": crawl["links"] or 0,
        "errors": crawl["errors"] or 0,
    }
