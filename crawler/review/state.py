"""The review app's own small tables (beside `decisions`, which crawler/decisions.py owns):

- review_visits   per reviewer and site: the latest check when they last opened the overview
- review_meta     key/value: the session-signing key generated on first start
"""
from __future__ import annotations

import secrets

from crawler import store

VISITS = "review_visits"
META = "review_meta"


def ensure_schema(db) -> None:
    if not db[VISITS].exists():
        db[VISITS].create({"reviewer": str, "site": str, "check_id": int, "visited_at": str},
                          pk=("reviewer", "site"), not_null={"reviewer", "site"})
    if not db[META].exists():
        db[META].create({"key": str, "value": str}, pk="key")


def secret_key(db) -> str:
    """A signing key kept in the database, so sessions survive a restart of the app."""
    row = db.execute(f"select value from {META} where key = 'secret_key'").fetchone()
    if row and row[0]:
        return row[0]
    key = secrets.token_hex(32)
    with db.conn:
        db.execute(f"insert or ignore into {META} (key, value) values ('secret_key', ?)", [key])
    return db.execute(f"select value from {META} where key = 'secret_key'").fetchone()[0]


def last_visit(db, reviewer: str, site: str) -> dict | None:
    rows = list(db.query(f"select * from {VISITS} where reviewer = ? and site = ?", [reviewer, site]))
    return rows[0] if rows else None


def record_visit(db, reviewer: str, site: str, check_id: int | None) -> None:
    with db.conn:
        db.execute(f"insert into {VISITS} (reviewer, site, check_id, visited_at) values (?, ?, ?, ?) "
                   "on conflict(reviewer, site) do update set check_id = excluded.check_id, "
                   "visited_at = excluded.visited_at", [reviewer, site, check_id or 0, store.now()])
