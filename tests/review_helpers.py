"""Helpers for the review app's tests (tests/test_review_*.py).

- `copy_db(src, dst)`        a consistent copy of a live store (SQLite backup API, WAL included)
- `serve(app)`               the app on 127.0.0.1 in a background thread (werkzeug), yields its URL
- `next_crawl(db_path, …)`   record a new finished crawl that saw the site as the last one did,
                             with some link targets answering differently: what a night's
                             crawl of an unchanged site writes, without fetching it again
"""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from crawler import store


def copy_db(src, dst) -> Path:
    dst = Path(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    if dst.exists():
        dst.unlink()
    source = sqlite3.connect(src)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return dst


@contextmanager
def serve(app):
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):
            pass

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    thread = threading.Thread(target=server.serve_forever, name="review-app", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(10)
        server.server_close()


def next_crawl(db_path, site: str, *, statuses: dict[str, int] | None = None) -> int:
    """Record crawl N+1 as having seen every row crawl N saw; `statuses` maps link-target
    URLs to the HTTP status they answer now (200 = fixed, 404 = broken)."""
    db = store.open_db(db_path)
    try:
        last = store.latest_crawl(db, site, finished_only=True)
        if last is None:
            raise ValueError(f"no finished crawl of {site}")
        new = store.start_crawl(db, site, last["start_url"])
        old = last["id"]
        with db.conn:
            for table in ("items", "columns"):
                db.execute(f"update {table} set last_crawl = ? where site = ? and last_crawl = ?", [new, site, old])
            for table in ("pages", "listings", "links", "targets"):
                db.execute(f"update {table} set crawl_id = ? where site = ? and crawl_id = ?", [new, site, old])
            for url, status in (statuses or {}).items():
                db.execute("update targets set status = ?, error = null where site = ? and url = ?", [status, site, url])
                db.execute("update pages set status = ?, error = null where site = ? and url = ?", [status, site, url])
        store.finish_crawl(db, new, "ok")
        return new
    finally:
        db.conn.close()
