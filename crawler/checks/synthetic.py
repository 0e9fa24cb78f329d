"""Hand-made stores for tests and benchmarks, written through `crawler.store` like a crawl.

Describe a site (columns, items, links), then `write_crawl()` stores one full crawl of it
(pages, columns, items, listings, links, targets) and closes it; change the description
and write again for the next night's crawl.

    b = SiteBuilder(open_db(path))
    news = b.column("/xwzx/", "新闻中心")
    dyn = b.column("/xwzx/gzdt/", "工作动态", parent=news)
    b.item(dyn, "/xwzx/gzdt/1.html", "某某会议召开", date="2019-12-20")
    b.write_crawl()
"""
from __future__ import annotations

from dataclasses import dataclass, field

from crawler import store

FOOTER = {"site_id_code": "3713110001", "icp": "鲁ICP备05012345号",
          "police_record": "鲁公网安备37131102000123号"}


@dataclass
class _Column:
    url: str
    name: str
    parent: str | None
    column_type: str | None = None
    status: int = 200
    page_kind: str = "column"
    footer: dict = field(default_factory=lambda: dict(FOOTER))
    empty_marker: bool = False


@dataclass
class _Item:
    url: str
    column: str
    title: str
    list_date: str | None = None
    meta_date: str | None = None
    table_date: str | None = None
    article_date: str | None = None
    page: int = 1                   # the list page (1 = the column's own page) that shows it
    fields: dict | None = None
    tables: list | None = None
    text: str | None = None
    status: int = 200
    footer: dict = field(default_factory=lambda: dict(FOOTER))
    listed: bool = True


class SiteBuilder:
    def __init__(self, db, site: str = "t", base: str = "http://t.example"):
        self.db, self.site, self.base = db, site, base.rstrip("/")
        self.home = self.base + "/index.html"
        self.home_footer = dict(FOOTER)
        self.columns: dict[str, _Column] = {}
        self.items: dict[str, _Item] = {}
        self.home_items: list[tuple[str, str | None]] = []       # (item url, date shown)
        self.links: list[tuple[str, str, str, str]] = []         # (source, target, anchor, tag)
        self.targets: dict[str, tuple] = {}                      # url -> (status, error, kind)

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base + ("" if path.startswith("/") else "/") + path

    # -- description ---------------------------------------------------------------

    def column(self, path: str, name: str, parent: str | None = None, **kw) -> str:
        url = self.url(path)
        self.columns[url] = _Column(url, name, parent, **kw)
        return url

    def item(self, column: str, path: str, title: str, date: str | None = None, **kw) -> str:
        """An item listed in `column`; `date` is its list date (and meta date unless given)."""
        url = self.url(path)
        kw.setdefault("list_date", date)
        if "meta_date" not in kw and "table_date" not in kw and "article_date" not in kw:
            kw["meta_date"] = date
        self.items[url] = _Item(url, column, title, **kw)
        return url

    def on_home(self, item_url: str, date: str | None = None) -> None:
        self.home_items.append((item_url, date))

    def link(self, source: str, target: str, anchor: str = "", tag: str = "a",
             status: int | None = 200, error: str | None = None, kind: str = "page") -> None:
        self.links.append((self.url(source), self.url(target), anchor, tag))
        self.targets[self.url(target)] = (status, error, kind)

    # -- one crawl ---------------------------------------------------------------------

    def path_of(self, url: str) -> tuple[int, str]:
        names, seen = [], set()
        while url and url in self.columns and url not in seen:
            seen.add(url)
            names.append(self.columns[url].name)
            url = self.columns[url].parent
        return len(names), " > ".join(reversed(names))

    def write_crawl(self, outcome: str = "ok", chunk: int = 20000) -> int:
        db, site = self.db, self.site
        crawl = store.start_crawl(db, site, self.home)
        batch = {"pages": [], "columns": [], "items": [], "listings": [], "links": [], "targets": []}

        def flush(force=False):
            if force or sum(len(v) for v in batch.values()) >= chunk:
                store.write_records(db, site, crawl, {k: v for k, v in batch.items()})
                for v in batch.values():
                    v.clear()

        batch["pages"].append({"url": self.home, "status": 200, "kind": "home", "title": "首页",
                               **self.home_footer})
        batch["targets"].append({"url": self.home, "kind": "page", "status": 200})
        for n, (item_url, shown) in enumerate(self.home_items):
            item = self.items.get(item_url)
            batch["listings"].append({"page_url": self.home, "item_url": item_url, "column_url": None,
                                      "title": item.title if item else "", "date": shown,
                                      "position": n})
        pages_of: dict[tuple[str, int], int] = {}
        for col in self.columns.values():
            level, path = self.path_of(col.url)
            batch["columns"].append({"url": col.url, "name": col.name, "parent_url": col.parent,
                                     "level": level, "path": path, "column_type": col.column_type})
            batch["pages"].append({"url": col.url, "status": col.status, "kind": col.page_kind,
                                   "title": col.name, "column_url": col.url, **col.footer})
            batch["targets"].append({"url": col.url, "kind": "page", "status": col.status})
        for n, item in enumerate(self.items.values()):
            if item.listed:
                page_url = item.column if item.page == 1 else \
                    item.column.rsplit("/", 1)[0] + f"/index_{item.page - 1}.html"
                if item.page > 1 and (item.column, item.page) not in pages_of:
                    pages_of[(item.column, item.page)] = 1
                    batch["pages"].append({"url": page_url, "status": 200, "kind": "column",
                                           "title": "", "column_url": item.column, **FOOTER})
                batch["listings"].append({"page_url": page_url, "item_url": item.url,
                                          "column_url": item.column, "title": item.title,
                                          "date": item.list_date, "position": n})
            batch["items"].append({"url": item.url, "title": item.title, "column_url": item.column,
                                   "list_date": item.list_date, "meta_date": item.meta_date,
                                   "table_date": item.table_date, "article_date": item.article_date,
                                   "fields": item.fields, "tables": item.tables, "text": item.text,
                                   "status": item.status})
            batch["pages"].append({"url": item.url, "status": item.status, "kind": "article",
                                   "title": item.title, "column_url": item.column, **item.footer})
            batch["targets"].append({"url": item.url, "kind": "page", "status": item.status})
            flush()
        for source, target, anchor, tag in self.links:
            batch["links"].append({"source_url": source, "target_url": target, "anchor": anchor, "tag": tag})
        for url, (status, error, kind) in self.targets.items():
            batch["targets"].append({"url": url, "kind": kind, "status": status, "error": error})
        flush(force=True)
        store.finish_crawl(db, crawl, outcome)
        return crawl
