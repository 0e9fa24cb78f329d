"""The store writes each batch whole or not at all: a killed crawl leaves no half page."""
import sqlite3

import pytest

from crawler import store


def test_a_batch_is_one_transaction(tmp_path):
    db = store.open_db(tmp_path / "s.db")
    crawl = store.start_crawl(db, "x", "http://x/")
    batch = {"pages": [{"url": "http://x/a.html", "status": 200, "kind": "article"}],
             "items": [{"url": "http://x/a.html", "title": "标题"}],
             "links": [{"source_url": "http://x/a.html", "target_url": None}]}   # breaks NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.write_records(db, "x", crawl, batch)
    assert db["pages"].count == 0 and db["items"].count == 0


def test_rewriting_a_page_replaces_its_links_from_earlier_crawls(tmp_path):
    db = store.open_db(tmp_path / "s.db")
    first = store.start_crawl(db, "x", "http://x/")
    store.write_records(db, "x", first, {"links": [
        {"source_url": "http://x/", "target_url": "http://x/old.html", "anchor": "旧"}]})
    second = store.start_crawl(db, "x", "http://x/")
    store.write_records(db, "x", second, {"links": [
        {"source_url": "http://x/", "target_url": "http://x/new.html", "anchor": "新"}]})
    assert [r["target_url"] for r in db.query("select target_url from links")] == ["http://x/new.html"]


def test_each_crawl_keeps_its_columns_history(crawled_sample):
    import sqlite_utils
    db = sqlite_utils.Database(crawled_sample.db_path)
    rows = {r["url"]: r for r in db.query("select * from column_history where crawl_id = 1")}
    assert len(rows) == 214
    for col in db.query("select url, item_count, newest_date from columns"):
        assert (rows[col["url"]]["item_count"], rows[col["url"]]["newest_date"]) == (col["item_count"], col["newest_date"])


def test_a_write_that_reads_first_survives_a_parallel_crawl_writing(tmp_path):
    """crawl --all --parallel: one site's crawl ends (reads, then writes) while another's
    writes its batches into the same file; neither may fail with "database is locked"."""
    import threading
    import time
    path = tmp_path / "city.db"
    ours = store.open_db(path)
    other = threading.Thread(target=lambda: store.open_db(path)["probes"].insert({"site": "b", "url": "u", "ok": 1}))
    with store.writing(ours):
        ours.execute("select count(*) from probes").fetchone()
        other.start()
        time.sleep(0.3)     # the other crawl's write waits for ours, not the other way round
        ours["probes"].insert({"site": "a", "url": "u", "ok": 1})
    other.join()
    assert sorted(r[0] for r in ours.execute("select site from probes")) == ["a", "b"]


def _open(path):
    store.open_db(path).execute("select count(*) from crawls")


def test_crawls_starting_together_on_a_new_file_all_open_it(tmp_path):
    """crawl --all --parallel starts several crawls on a store no one has created yet."""
    import multiprocessing
    failed = 0
    for round_ in range(15):
        path = tmp_path / f"new{round_}.db"
        starters = [multiprocessing.Process(target=_open, args=(path,)) for _ in range(3)]
        for p in starters:
            p.start()
        for p in starters:
            p.join()
        failed += sum(p.exitcode != 0 for p in starters)
    assert failed == 0
