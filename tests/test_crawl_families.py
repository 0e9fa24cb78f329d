"""End to end, per CMS family: the crawl of the default sample portal equals its ground truth.

The sample renders most columns in its own generic template and a few subtrees the way other
CMS families do (see sample/README.md): TRS WCM (pager only in script), Hanweb JCMS (lists
embedded as a jpage datastore, the rest from dataproxy.jsp), 博达 VSB (pages numbered
downward, year-less dates), and a GBK-encoded subtree. For every family, every column's item
count and newest date and every item's title and publish date must be what a person reads.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlite_utils

FAMILIES = ("generic", "trs", "hanweb", "vsb", "gbk", "jpaas")
EXAMPLES = 6   # failures shown per family and kind


def _path(url: str) -> str:
    """Root-relative path (with its query string), the ground truth's form."""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


@pytest.fixture(scope="module")
def store(crawled_sample):
    db = sqlite_utils.Database(crawled_sample.db_path)
    columns = {_path(r["url"]): r for r in db.query(
        "select url, name, item_count, newest_date from columns "
        "where last_crawl = (select max(id) from crawls)")}
    items = {_path(r["url"]): r for r in db.query("select url, column_url, title, publish_date from items")}
    pages = [dict(r, path=_path(r["url"])) for r in db.query("select url, status from pages")]
    targets = [dict(r, path=_path(r["url"])) for r in db.query("select url, kind, status, error from targets")]
    return {"columns": columns, "items": items, "pages": pages, "targets": targets}


@pytest.fixture(scope="module")
def failures(crawled_sample, store) -> dict:
    """{family: {kind of failure: [lines]}} for everything the store gets wrong."""
    truth = crawled_sample.ground_truth
    family_of = {c["url"]: c["family"] for c in truth["columns"]}
    out = {f: {} for f in FAMILIES}

    def fail(family, kind, line):
        out[family].setdefault(kind, []).append(line)

    for c in truth["columns"]:
        got = store["columns"].get(c["url"])
        f = c["family"]
        if got is None:
            fail(f, "column missing", f"{c['url']} ({c['name']})")
            continue
        if got["item_count"] != c["item_count"]:
            fail(f, "column item_count", f"{c['url']} ({c['name']}): store {got['item_count']}, "
                                         f"truth {c['item_count']}")
        if got["newest_date"] != c["newest_date"]:
            fail(f, "column newest_date", f"{c['url']} ({c['name']}): store {got['newest_date']}, "
                                          f"truth {c['newest_date']}")
    for it in truth["items"]:
        f = family_of[it["column"]]
        got = store["items"].get(it["url"])
        if got is None:
            fail(f, "item missing", f"{it['url']} in {it['column']} ({it['title']!r}, {it['publish_date']})")
            continue
        if got["title"] != it["title"]:
            fail(f, "item title", f"{it['url']}: store {got['title']!r}, truth {it['title']!r}")
        if got["publish_date"] != it["publish_date"]:
            fail(f, "item publish_date", f"{it['url']}: store {got['publish_date']}, truth {it['publish_date']}")
    return out


def _report(failures: dict, families) -> str:
    lines = []
    for f in families:
        kinds = failures[f]
        if not kinds:
            continue
        lines.append(f"[{f}] {sum(len(v) for v in kinds.values())} failures")
        for kind, rows in kinds.items():
            lines.append(f"  {kind}: {len(rows)}")
            lines += [f"    {r}" for r in rows[:EXAMPLES]]
            if len(rows) > EXAMPLES:
                lines.append(f"    … and {len(rows) - EXAMPLES} more")
    return "\n".join(lines)


def test_the_default_portal_has_every_family(crawled_sample):
    truth = crawled_sample.ground_truth
    for f in FAMILIES:
        leaves = [c for c in truth["columns"] if c["family"] == f and c["leaf"] and c["item_count"]]
        assert leaves, f"no {f} column with items in the default portal"


def test_every_family_matches_the_ground_truth(failures):
    """Columns (item count, newest date) and items (title, publish date), failures grouped by family."""
    assert not any(failures[f] for f in FAMILIES), "\n" + _report(failures, FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_family(failures, family):
    assert not failures[family], "\n" + _report(failures, [family])


def test_no_guessed_pages_no_loops_no_bad_data_requests(crawled_sample, store):
    """Hanweb has no index_1.html (guessing it is a 404); a ?page=N list that answers any page past
    its end with the last page must not be walked past its end; dataproxy answers 200."""
    truth = crawled_sample.ground_truth
    problems = []
    hanweb_dirs = tuple(c["url"].rsplit("/", 1)[0] + "/" for c in truth["columns"] if c["family"] == "hanweb")
    for p in store["pages"]:
        path = p["path"]
        if path.startswith(hanweb_dirs) and re.search(r"/index_\d+\.html$", path):
            problems.append(f"guessed a Hanweb static page: {path} (status {p['status']})")
    for c in truth["columns"]:
        if not c["url"].endswith("/list.html"):
            continue
        asked = []
        for p in store["pages"]:
            if p["path"].split("?", 1)[0] == c["url"] and "?" in p["path"]:
                page = parse_qs(p["path"].split("?", 1)[1]).get("page", ["0"])[0]
                asked.append(int(page) if page.isdigit() else 0)
        past = sorted(n for n in asked if n > c["list_pages"])
        if past:
            problems.append(f"{c['url']} has {c['list_pages']} pages but the crawl fetched page(s) {past[:10]}")
    for t in store["targets"]:
        if "dataproxy.jsp" in t["path"] and t["status"] != 200:
            problems.append(f"dataproxy request answered {t['status'] or t['error']}: {t['path']}")
    assert not problems, "\n".join(problems[:20])
