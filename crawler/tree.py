"""The column tree, put right when a crawl ends: one column under two URLs made one, and
columns whose pages show no breadcrumb placed in it.

Such a list page announces itself (`found_by = 'page'`) at level 1 under the name its <title>
gives. Once every column of the crawl is known, it is named as the site's own links name it
(a navigation menu says 通知公告 where the title says 通知公告_XX区人民政府), and placed
under the column whose folder holds its own: /xwzx/bmdt/index.html under /xwzx/index.html,
博达's /zwgk/czxx.htm under /zwgk.htm; a column in no other's folder stays at level 1.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from crawler.understand.urls import index_forms

_INDEX_STEMS = ("index", "default", "list", "")
_MAX_NAME = 16      # a link text longer than this is a headline, not a column's name


def folder(url: str) -> str:
    """The folder a column's pages and children live in: /xwzx/ for /xwzx/index.html or
    /xwzx/, /zwgk/czxx/ for /zwgk/czxx.htm."""
    path = urlsplit(url).path or "/"
    head, _, last = path.rpartition("/")
    stem = last.split(".", 1)[0]
    return f"{head}/" if stem.lower() in _INDEX_STEMS else f"{head}/{stem}/"


def merge_index_forms(db, site: str, crawl_id: int) -> None:
    """One column under two URLs, /xwzx/ and /xwzx/index.html (a template's breadcrumb links
    one form, another template the other): the form its list pages name stays, and the
    other's items, pages and children move to it. Left apart, the second would read
    as a blank column, a veto."""
    args = {"site": site, "crawl": crawl_id}
    by_folder: dict[str, list[str]] = {}
    for (url,) in db.execute("select url from columns where site = :site and last_crawl = :crawl", args):
        forms = index_forms(url)
        if len(forms) > 1:
            by_folder.setdefault(folder(url), []).append(url)
    for urls in by_folder.values():
        if len(urls) < 2:
            continue
        named = db.execute(
            f"select column_url from pages where site = ? and kind = 'column' and column_url in "
            f"({','.join('?' * len(urls))}) group by column_url order by count(*) desc limit 1", [site, *urls]).fetchone()
        keep = named[0] if named else urls[0]
        for drop in urls:
            if drop == keep:
                continue
            move = {"site": site, "keep": keep, "drop": drop}
            for table, column in (("listings", "column_url"), ("items", "column_url"), ("pages", "column_url"),
                                  ("columns", "parent_url")):
                db.execute(f"update {table} set {column} = :keep where site = :site and {column} = :drop", move)
            db.execute("delete from columns where site = :site and url = :drop", move)


def place_columns(db, site: str, crawl_id: int) -> None:
    args = {"site": site, "crawl": crawl_id}
    placed = db.execute("select count(*) from columns where site = :site and last_crawl = :crawl "
                        "and found_by = 'page'", args).fetchone()[0]
    if not placed:
        return
    columns = {url: {"url": url, "name": name, "level": level, "path": path, "found_by": found_by,
                     "folder": folder(url)}
               for url, name, level, path, found_by in db.execute(
                   "select url, name, level, path, found_by from columns "
                   "where site = :site and last_crawl = :crawl", args)}
    # Where two columns share a folder, the one a breadcrumb placed is the parent.
    by_folder = {c["folder"]: c for c in sorted(columns.values(), key=lambda c: c["found_by"] == "breadcrumb")}
    for column in sorted(columns.values(), key=lambda c: len(c["folder"])):
        if column["found_by"] != "page":
            continue
        column["name"] = _linked_name(db, site, column["url"]) or column["name"]
        parent = _enclosing(column, by_folder)
        column["parent_url"] = parent["url"] if parent else None
        column["level"] = parent["level"] + 1 if parent else 1
        column["path"] = f"{parent['path']} > {column['name']}" if parent else column["name"]
        db.execute("update columns set name = :name, parent_url = :parent_url, level = :level, path = :path "
                   "where site = :site and url = :url", {**column, "site": site})


def _enclosing(column: dict, by_folder: dict) -> dict | None:
    """The column whose folder is the longest that holds this one's (not its own; the site's
    root folder is the home page's)."""
    cut = column["folder"].rstrip("/").rpartition("/")[0] + "/"
    while cut != "/":
        parent = by_folder.get(cut)
        if parent is not None and parent["url"] != column["url"]:
            return parent
        cut = cut.rstrip("/").rpartition("/")[0] + "/"
    return None


def _linked_name(db, site: str, url: str) -> str | None:
    """The text the site's links to this column most often show."""
    row = db.execute(
        "select anchor from links where site = ? and target_url = ? and tag = 'a' "
        "and length(anchor) between 2 and ? group by anchor order by count(*) desc, anchor limit 1",
        [site, url, _MAX_NAME]).fetchone()
    return row[0] if row else None
