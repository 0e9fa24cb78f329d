"""The store pipeline: the spider's records into the SQLite store, in batches."""
from __future__ import annotations

from crawler import store
from crawler.records import (ColumnRecord, Done, ItemRecord, LinksRecord, ListingsRecord,
                             PageRecord, TargetRecord)

BATCH = 2000


def _row(record) -> dict:
    return {name: getattr(record, name) for name in record.__slots__}


class StorePipeline:
    """Buffers records and writes each batch in one transaction.

    A crawl killed mid-way loses at most the unwritten batch; what is written is whole.
    """

    def __init__(self, db_path: str, site: str, crawl_id: int):
        self.db_path, self.site, self.crawl_id = db_path, site, crawl_id
        self.batch: dict[str, list] = {t: [] for t in store.RECORD_TABLES}
        self.pending = 0

    @classmethod
    def from_crawler(cls, crawler):
        spider_args = crawler.settings
        return cls(spider_args.get("PORTALWATCH_DB"), spider_args.get("PORTALWATCH_SITE"),
                   spider_args.getint("PORTALWATCH_CRAWL_ID"))

    def open_spider(self):
        self.db = store.open_db(self.db_path)

    def close_spider(self):
        self.flush()
        self.db.close()

    def process_item(self, record):
        if isinstance(record, Done):
            for each in record.records:
                self.add(each)
            if self.pending >= BATCH:
                self.flush()
        return record

    def add(self, record):
        batch = self.batch
        if isinstance(record, LinksRecord):
            src = record.source_url
            batch["links"].extend({"source_url": src, "target_url": t, "anchor": a, "tag": g}
                                  for t, a, g in record.links)
        elif isinstance(record, ListingsRecord):
            page, column = record.page_url, record.column_url
            for u, title, d, dt, pos, url_date in record.rows:
                batch["listings"].append({"page_url": page, "item_url": u, "column_url": column,
                                          "title": title, "date": d, "date_text": dt, "position": pos})
                # A listed item exists even if its article is never fetched (404, elsewhere).
                batch["items"].append({"url": u, "list_title": title, "list_date": d, "url_date": url_date})
        elif isinstance(record, ColumnRecord):
            batch["columns"].append(_row(record))
        elif isinstance(record, PageRecord):
            batch["pages"].append(_row(record))
        elif isinstance(record, ItemRecord):
            batch["items"].append(_row(record))
        elif isinstance(record, TargetRecord):
            batch["targets"].append(_row(record))
        self.pending += 1

    def flush(self):
        if self.pending:
            store.write_records(self.db, self.site, self.crawl_id, self.batch)
            self.batch = {t: [] for t in self.batch}
            self.pending = 0
