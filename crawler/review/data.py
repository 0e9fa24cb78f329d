"""What each screen shows, read from the store (SQL over findings, the `finding_review` view,
and the crawl tables). No Flask here: every function takes an open Database."""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, fields, replace
from datetime import date
from urllib.parse import urlencode, urlsplit

from crawler import decisions

from .labels import KIND_ORDER, SEVERITY_ORDER, STALE_KINDS, STATUS_ORDER

PER_PAGE = 50
PER_PAGE_CHOICES = (20, 50, 100, 200)
SNAPSHOT_CHARS = 30000

# -- sites and checks -----------------------------------------------------------------


def sites(db) -> list[str]:
    names = {r[0] for r in db.execute("select distinct site from checks")}
    names |= {r[0] for r in db.execute("select distinct site from crawls")}
    return sorted(n for n in names if n)


def default_site(db) -> str | None:
    row = db.execute("select site from checks order by id desc limit 1").fetchone() \
        or db.execute("select site from crawls order by id desc limit 1").fetchone()
    return row[0] if row else None


def latest_check(db, site: str) -> dict | None:
    rows = list(db.query("select * from checks where site = ? order by id desc limit 1", [site]))
    return rows[0] if rows else None


def crawl(db, crawl_id: int | None) -> dict | None:
    if crawl_id is None:
        return None
    rows = list(db.query("select * from crawls where id = ?", [crawl_id]))
    return rows[0] if rows else None


def home_url(db, site: str) -> str | None:
    row = db.execute("select url from pages where site = ? and kind = 'home' limit 1", [site]).fetchone()
    if row:
        return row[0]
    row = db.execute("select start_url from crawls where site = ? order by id desc limit 1", [site]).fetchone()
    return row[0] if row else None


# -- the findings list ----------------------------------------------------------------

SORTS = {
    "severity": "严重程度",
    "newest": "最近发现",
    "first_seen": "首次发现",
    "unit": "单位",
    "column": "栏目",
    "kind": "问题类型",
}


def _rank(column: str, order: list[str]) -> str:
    whens = " ".join(f"when '{v}' then {i}" for i, v in enumerate(order))
    return f"(case {column} {whens} else {len(order)} end)"


SEVERITY_RANK = _rank("severity", SEVERITY_ORDER)
STATUS_RANK = _rank("review_status", STATUS_ORDER)
KIND_RANK = _rank("kind", KIND_ORDER)

ORDER_BY = {
    "severity": f"{SEVERITY_RANK}, {STATUS_RANK}, {KIND_RANK}, id",
    "newest": "last_seen desc, id desc",
    "first_seen": "first_seen desc, id desc",
    "unit": f"unit, {SEVERITY_RANK}, {KIND_RANK}, id",
    "column": f"column_name, {SEVERITY_RANK}, id",
    "kind": f"{KIND_RANK}, {SEVERITY_RANK}, id",
}


@dataclass
class Filters:
    """The list's filters, as they travel in the query string (every screen keeps them)."""
    site: str
    kind: str = ""
    severity: str = ""
    indicator: str = ""
    status: str = ""        # '' = every finding still detected or decided (not 已消除); 'all'; a status
    unit: str = ""
    column: str = ""        # a breadcrumb prefix: 政务公开 > 政府信息公开 covers its subtree
    seen_from: str = ""     # first seen on or after (YYYY-MM-DD)
    seen_to: str = ""       # first seen on or before
    q: str = ""
    new_after: int = 0      # only findings first found by a check after this one (new since a visit)
    sort: str = "severity"
    per: int = PER_PAGE
    page: int = 1

    KEYS = ("kind", "severity", "indicator", "status", "unit", "column", "seen_from", "seen_to", "q", "new_after",
            "sort", "per")

    @classmethod
    def from_args(cls, args, site: str) -> "Filters":
        def text(name, limit=200):
            return (args.get(name) or "").strip()[:limit]

        def day(name):
            value = text(name, 10)
            try:
                return date.fromisoformat(value).isoformat() if value else ""
            except ValueError:
                return ""

        def number(name, default):
            try:
                return max(int(args.get(name) or default), 0)
            except ValueError:
                return default

        status = text("status", 20)
        if status not in ("", "all", *decisions.STATUSES):
            status = ""
        sort = text("sort", 20)
        per = number("per", PER_PAGE)
        return cls(site=site, kind=text("kind", 60), severity=text("severity", 20),
                   indicator=text("indicator", 60), status=status,
                   unit=text("unit"), column=text("column", 500), seen_from=day("seen_from"),
                   seen_to=day("seen_to"), q=text("q"), new_after=number("new_after", 0),
                   sort=sort if sort in SORTS else "severity", page=max(number("page", 1), 1),
                   per=per if per in PER_PAGE_CHOICES else PER_PAGE)

    def where(self, *, skip: tuple = ()) -> tuple[str, list]:
        clauses, args = ["site = ?"], [self.site]
        if self.kind and "kind" not in skip:
            clauses.append("kind = ?")
            args.append(self.kind)
        if self.severity and "severity" not in skip:
            clauses.append("severity = ?")
            args.append(self.severity)
        if self.indicator and "indicator" not in skip:
            clauses.append("indicator = ?")
            args.append(self.indicator)
        if "status" not in skip:
            if self.status == "":
                clauses.append("review_status <> 'resolved'")
            elif self.status != "all":
                clauses.append("review_status = ?")
                args.append(self.status)
        if self.unit and "unit" not in skip:
            clauses.append("unit = ?")
            args.append(self.unit)
        if self.column and "column" not in skip:
            clauses.append("(column_name = ? or column_name like ? escape '\\')")
            args += [self.column, _like_prefix(self.column + " > ")]
        if self.seen_from:
            clauses.append("first_seen >= ?")
            args.append(self.seen_from)
        if self.seen_to:
            clauses.append("first_seen <= ?")
            args.append(self.seen_to)
        if self.new_after:
            clauses.append("first_check > ?")
            args.append(self.new_after)
        if self.q:
            for word in self.q.split()[:5]:
                clauses.append("(detail like ? escape '\\' or url like ? escape '\\' "
                               "or column_name like ? escape '\\' or unit like ? escape '\\')")
                args += [_like_any(word)] * 4
        return " and ".join(clauses), args

    def params(self, **override) -> dict:
        """The non-default filters as query parameters (for links and forms)."""
        values = replace(self, **override) if override else self
        out = {}
        for key in self.KEYS:
            value = getattr(values, key)
            default = next(f.default for f in fields(self) if f.name == key)
            if value != default:
                out[key] = value
        if values.page != 1:
            out["page"] = values.page
        return out

    def query(self, **override) -> str:
        return urlencode(self.params(**override))

    @property
    def active(self) -> bool:
        return any(k not in ("sort", "per") for k in self.params(page=1))


def _like_any(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Cache:
    """Results keyed by the store's review version (see `version`), shared by the app's threads.

    Findings change only when a check run commits (a new `checks` row) and review statuses
    only with a new decision, so a key holding max(checks.id), max(decisions.id) and
    max(findings.id) is enough; a crawl writing meanwhile changes none of them."""

    def __init__(self, size: int = 64):
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, compute):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = compute()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value


class _NoCache:
    def get(self, key, compute):
        return compute()


NO_CACHE = _NoCache()


def version(db) -> tuple:
    return tuple(db.execute(
        "select (select max(id) from checks), (select max(id) from findings), "
        "(select id from decisions where decision <> 'note' order by id desc limit 1)").fetchone())


def cached(db, cache, name: str, key: tuple, compute, *, decisions_too: bool = True):
    """`compute()`, kept until a check runs (or, with `decisions_too`, a status-changing decision)."""
    if cache is None or cache is NO_CACHE:
        return compute()
    ver = version(db)
    return cache.get((name, ver if decisions_too else ver[:2], *key), compute)


LIST_COLUMNS = ("id, site, kind, severity, indicator, status, review_status, evidence_changed, came_back, "
                "url, column_url, column_name, unit, detail, first_seen, last_seen, resolved_on, "
                "decision, decided_by, decided_at, decision_reason")


def ordered_ids(db, flt: Filters, cache=None) -> list[int]:
    """Every matching finding's id, in the list's order (cached: paging and the detail page's
    previous/next reuse it)."""
    where, args = flt.where()
    return cached(db, cache, "ids", (where, tuple(args), flt.sort), lambda: [r[0] for r in db.execute(
        f"select id from {decisions.VIEW} where {where} order by {ORDER_BY[flt.sort]}", args)])



def rows_by_ids(db, ids: list[int]) -> list[dict]:
    """The list's columns for these findings, in the given order."""
    if not ids:
        return []
    by_id = {r["id"]: r for r in db.query(
        f"select {LIST_COLUMNS} from {decisions.VIEW} where id in ({','.join('?' * len(ids))})", ids)}
    return [by_id[i] for i in ids if i in by_id]


def page_of_findings(db, flt: Filters, cache=None) -> tuple[list[dict], int]:
    ids = ordered_ids(db, flt, cache)
    per_page = flt.per
    pages = max((len(ids) + per_page - 1) // per_page, 1)
    page = min(flt.page, pages)
    return rows_by_ids(db, ids[(page - 1) * per_page: page * per_page]), len(ids)


def ids_of_site(db, site: str, ids) -> list[int]:
    ids = sorted({int(i) for i in ids})
    out = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out += [r[0] for r in db.execute(
            f"select id from findings where site = ? and id in ({','.join('?' * len(chunk))})", [site, *chunk])]
    return out


def export_rows(db, flt: Filters) -> list[dict]:
    where, args = flt.where()
    return list(db.query(f"select * from {decisions.VIEW} where {where} order by {ORDER_BY[flt.sort]}", args))


def facets(db, flt: Filters, cache=None) -> dict:
    """Counts for the status tabs and the choices of the filter menus."""
    where, args = flt.where(skip=("status",))

    def counts():
        by_status = dict(db.execute(
            f"select review_status, count(*) from {decisions.VIEW} where {where} group by review_status", args))
        by_status["active"] = sum(n for s, n in by_status.items() if s != "resolved")
        by_status["all"] = sum(n for s, n in by_status.items() if s in decisions.STATUSES)
        return by_status

    def choices():
        kinds = [r[0] for r in db.execute("select distinct kind from findings where site = ?", [flt.site])]
        kinds.sort(key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k))
        units = [r[0] for r in db.execute(
            "select unit from findings where site = ? and unit is not null group by unit "
            "order by count(*) desc, unit", [flt.site])]
        paths = [r[0] for r in db.execute(
            "select distinct column_name from findings where site = ? and column_name is not null "
            "order by column_name", [flt.site])]
        return {"kinds": kinds, "units": units, "columns": paths}
    return {"status": cached(db, cache, "status-counts", (where, tuple(args)), counts),
            **cached(db, cache, "choices", (flt.site,), choices, decisions_too=False)}


def neighbours(db, flt: Filters, finding_id: int, cache=None) -> dict:
    """The previous and next findings in the current list, and this one's position."""
    ids = ordered_ids(db, flt, cache)
    try:
        at = ids.index(finding_id)
    except ValueError:
        return {"prev": None, "next": ids[0] if ids else None, "position": None, "total": len(ids)}
    return {"prev": ids[at - 1] if at > 0 else None, "next": ids[at + 1] if at + 1 < len(ids) else None,
            "position": at + 1, "total": len(ids)}


# -- overview ---------------------------------------------------------------------------


def overview(db, site: str, since_check: int | None, cache=None) -> dict:
    check = latest_check(db, site)
    verdicts = list(db.query("select * from verdicts where check_id = ? order by veto desc, rowid",
                             [check["id"]])) if check else []

    def counts():
        status_counts, units, veto_open, new = {}, {}, 0, 0
        for status, severity, unit, is_new, n in db.execute(
                f"select review_status, severity, unit, first_check > ?, count(*) from {decisions.VIEW} "
                f"where site = ? group by 1, 2, 3, 4", [since_check or 0, site]):
            status_counts[status] = status_counts.get(status, 0) + n
            if severity == "veto" and status == "open":
                veto_open += n
            if status == "resolved":
                continue
            if is_new:
                new += n
            u = units.setdefault(unit, {"unit": unit, "total": 0, "veto": 0, "open": 0, "confirmed": 0,
                                        "fixed": 0, "dismissed": 0})
            u["total"] += n
            u[status] = u.get(status, 0) + n
            if severity == "veto":
                u["veto"] += n
        ranked = sorted(units.values(), key=lambda u: (-u["veto"], -u["total"], u["unit"] or ""))
        return status_counts, ranked, veto_open, new

    status_counts, units, veto_open, new = cached(db, cache, "overview", (site, since_check), counts)
    decided_today = db.execute(
        "select count(*) from decisions where site = ? and substr(decided_at, 1, 10) = ?",
        [site, date.today().isoformat()]).fetchone()[0]
    return {"check": check, "crawl": crawl(db, check["crawl_id"]) if check else None,
            "verdicts": verdicts, "status_counts": status_counts, "veto_open": veto_open,
            "new": new if since_check is not None else None, "units": units, "decided_today": decided_today}


def _age_class(newest: str | None, as_of: date) -> tuple[str, int | None]:
    if not newest:
        return "none", None
    try:
        age = (as_of - date.fromisoformat(newest[:10])).days
    except ValueError:
        return "none", None
    if age < 0:
        return "future", age
    if age <= 14:
        return "fresh", age
    if age <= 183:
        return "months", age
    if age <= 365:
        return "year", age
    return "old", age


def column_flags(db, site: str) -> list[tuple]:
    """(id, kind, severity, column_url, review_status) of the staleness findings not resolved."""
    kinds = ",".join("?" * len(STALE_KINDS))
    return db.execute(f"select id, kind, severity, column_url, review_status from {decisions.VIEW} "
                      f"where site = ? and kind in ({kinds}) and status = 'open' order by id",
                      [site, *STALE_KINDS]).fetchall()


def column_tree(db, site: str, check: dict | None, flags: list[tuple] | None = None) -> list[dict]:
    """The column tree of the checked crawl, each node with its newest date, item count and
    the staleness findings on it (`column_flags`); siblings in the site's navigation order."""
    crawl_id = check["crawl_id"] if check else None
    if crawl_id is None:
        row = db.execute("select max(id) from crawls where site = ? and outcome = 'ok'", [site]).fetchone()
        crawl_id = row[0]
    if crawl_id is None:
        return []
    as_of = date.fromisoformat(check["as_of"]) if check else date.today()
    # Siblings in the order the site's pages first link them (its navigation order).
    rows = list(db.query(
        "select c.url, c.name, c.parent_url, c.level, c.path, c.item_count, c.newest_date, c.is_leaf, "
        "(select min(l.rowid) from links l where l.site = c.site and l.target_url = c.url) as first_link "
        "from columns c where c.site = ? and c.last_crawl >= ? and c.first_crawl <= ? "
        "order by first_link is null, first_link, c.rowid", [site, crawl_id, crawl_id]))
    flagged: dict[str, list] = {}
    for fid, kind, severity, column_url, status in (column_flags(db, site) if flags is None else flags):
        flagged.setdefault(column_url, []).append({"id": fid, "kind": kind, "severity": severity,
                                                   "review_status": status})
    nodes = {}
    for r in rows:
        age_class, age = _age_class(r["newest_date"], as_of)
        mine = flagged.get(r["url"], [])
        kinds: dict[str, dict] = {}
        for f in mine:      # one badge per kind: the finding, or how many
            k = kinds.setdefault(f["kind"], {"kind": f["kind"], "severity": f["severity"], "id": f["id"], "n": 0,
                                             "dismissed": True})
            k["n"] += 1
            k["dismissed"] = k["dismissed"] and f["review_status"] in ("dismissed", "fixed")
        nodes[r["url"]] = {**r, "age_class": age_class, "age": age, "children": [],
                           "findings": mine, "badges": list(kinds.values())}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["parent_url"]) if node["parent_url"] else None
        if parent is not None and parent is not node:
            parent["children"].append(node)
        else:
            roots.append(node)
    def total(node, seen):
        """A branch shows its subtree's item count, newest date and number of flagged columns."""
        seen.add(node["url"])
        items, newest, flags = node["item_count"] or 0, node["newest_date"], len(node["findings"])
        for child in node["children"]:
            if child["url"] in seen:
                continue
            c_items, c_newest, c_flags = total(child, seen)
            items += c_items
            flags += c_flags
            if c_newest and (newest is None or c_newest > newest):
                newest = c_newest
        node["flagged_below"] = flags - len(node["findings"])
        if node["children"]:
            node["sub_items"], node["sub_newest"] = items, newest
            node["sub_age_class"] = _age_class(newest, as_of)[0]
        return items, newest, flags
    seen: set = set()
    for root in roots:
        total(root, seen)
    return roots


# -- one finding ------------------------------------------------------------------------


def indicator_labels(db, site: str) -> dict:
    """indicator key -> its label, from the site's newest verdicts."""
    return dict(db.execute("select indicator, label from verdicts where site = ? "
                           "and check_id = (select max(check_id) from verdicts where site = ?)", [site, site]))


def finding(db, finding_id: int) -> dict | None:
    rows = list(db.query(f"select * from {decisions.VIEW} where id = ?", [finding_id]))
    if not rows:
        return None
    row = rows[0]
    try:
        row["ev"] = json.loads(row["evidence"]) if row["evidence"] else {}
    except ValueError:
        row["ev"] = {"raw": row["evidence"]}
    if not isinstance(row["ev"], dict):
        row["ev"] = {"value": row["ev"]}
    row["indicator_label"] = indicator_labels(db, row["site"]).get(row["indicator"], row["indicator"])
    return row


def item(db, site: str, url: str | None) -> dict | None:
    if not url:
        return None
    rows = list(db.query("select * from items where site = ? and url = ?", [site, url]))
    if not rows:
        return None
    row = rows[0]
    for key in ("fields", "attachments", "tables"):
        try:
            row[key] = json.loads(row[key]) if row[key] else None
        except ValueError:
            pass
    return row


def page(db, site: str, url: str | None) -> dict | None:
    if not url:
        return None
    rows = list(db.query("select * from pages where site = ? and url = ?", [site, url]))
    return rows[0] if rows else None


def column(db, site: str, url: str | None) -> dict | None:
    if not url:
        return None
    rows = list(db.query("select * from columns where site = ? and url = ?", [site, url]))
    return rows[0] if rows else None


def latest_items(db, site: str, column_url: str, limit: int = 12) -> list[dict]:
    """A column's newest items with their list dates (what the list page showed)."""
    return list(db.query("""
        select i.url, i.title, i.publish_date, i.date_source, i.list_date, i.written_date, i.last_crawl,
               (select l.date from listings l where l.site = i.site and l.item_url = i.url
                  and l.column_url = i.column_url order by l.crawl_id desc limit 1) as listed_date
        from items i where i.site = ? and i.column_url = ?
        order by i.publish_date is null, i.publish_date desc, i.rowid limit ?""", [site, column_url, limit]))


def home_items(db, site: str, home: str | None, limit: int = 12) -> list[dict]:
    if not home:
        return []
    return list(db.query("""
        select l.item_url as url, coalesce(i.title, l.title) as title, l.date as listed_date,
               i.publish_date, i.date_source
        from listings l left join items i on i.site = l.site and i.url = l.item_url
        where l.site = ? and l.page_url = ?
        order by coalesce(i.publish_date, l.date) is null, coalesce(i.publish_date, l.date) desc limit ?""",
        [site, home, limit]))


def link_sources(db, site: str, sources: list[dict]) -> list[dict]:
    """The pages that link to a broken target, with what the store knows of each."""
    out = []
    for s in sources:
        url = s.get("url")
        pg = page(db, site, url) or {}
        it = db.execute("select title from items where site = ? and url = ?", [site, url]).fetchone()
        out.append({"url": url, "anchor": s.get("anchor"), "tag": s.get("tag"),
                    "title": (it[0] if it else None) or pg.get("title"), "status": pg.get("status"),
                    "kind": pg.get("kind")})
    return out


def target(db, site: str, url: str | None) -> dict | None:
    if not url:
        return None
    rows = list(db.query("select * from targets where site = ? and url = ?", [site, url]))
    return rows[0] if rows else None


def crawls_by_id(db, ids) -> list[dict]:
    ids = [int(i) for i in ids or [] if isinstance(i, int) or str(i).isdigit()]
    if not ids:
        return []
    return list(db.query(f"select id, started, finished, outcome from crawls where id in "
                         f"({','.join('?' * len(ids))}) order by id", ids))


def column_findings(db, site: str, column_url: str) -> list[dict]:
    return list(db.query(
        f"select id, kind, severity, review_status, detail, first_seen from {decisions.VIEW} "
        f"where site = ? and (column_url = ? or url = ?) order by review_status = 'resolved', "
        f"{SEVERITY_RANK}, id", [site, column_url, column_url]))


def url_findings(db, site: str, url: str) -> list[dict]:
    return list(db.query(
        f"select id, kind, severity, review_status, detail from {decisions.VIEW} "
        f"where site = ? and url = ? order by id", [site, url]))


def child_columns(db, site: str, url: str) -> list[dict]:
    return list(db.query("select url, name, item_count, newest_date from columns "
                         "where site = ? and parent_url = ? and url <> ? order by rowid", [site, url, url]))


# -- text helpers -----------------------------------------------------------------------


def marked(text: str | None, needles, limit: int = SNAPSHOT_CHARS) -> dict:
    """Split text into (segment, is_match) runs so a template can wrap matches in <mark>
    while escaping everything; the text is cut at `limit` characters."""
    text = text or ""
    cut = len(text) > limit
    text = text[:limit]
    needles = sorted({n for n in (needles or []) if n}, key=len, reverse=True)
    runs, at = [], 0
    if needles:
        while at < len(text):
            hits = [(text.find(n, at), n) for n in needles]
            hits = [(i, n) for i, n in hits if i >= 0]
            if not hits:
                break
            i, n = min(hits)
            if i > at:
                runs.append((text[at:i], False))
            runs.append((n, True))
            at = i + len(n)
    if at < len(text):
        runs.append((text[at:], False))
    return {"runs": runs, "cut": cut, "matches": sum(1 for _, m in runs if m)}


def http_url(url: str | None) -> str | None:
    """The URL if a browser may follow it from here (http/https only), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def sites_overview(db) -> list[dict]:
    """Every site of the store: its latest check's verdicts and its findings by review status."""
    out = []
    for site in sites(db):
        check = latest_check(db, site)
        verdicts = list(db.query("select label, verdict, level, value from verdicts where check_id = ? "
                                 "and veto = 1 order by rowid", [check["id"]])) if check else []
        counts = dict(db.execute(f"select review_status, count(*) from {decisions.VIEW} where site = ? group by 1",
                                 [site]).fetchall())
        last = db.execute("select max(finished) from crawls where site = ? and outcome = 'ok'", [site]).fetchone()[0]
        out.append({"site": site, "check": check, "verdicts": verdicts, "counts": counts, "last_crawl": last,
                    "failed": [v["label"] for v in verdicts if v["verdict"] == "不合格"]})
    # Failing sites first, then the most to review.
    out.sort(key=lambda s: (-(len(s["failed"])), -(s["counts"].get("open", 0)), s["site"]))
    return out
