"""Review decisions and the one rule for a finding's *effective* status.

The review app (`portalwatch review`) records what a person decided about a finding as rows
of its own table, `decisions`; findings rows are never edited. Reports and
`portalwatch findings` should read a finding's status through this module (or the
`finding_review` view it creates), so every place applies the same rule:

    no decision, or the latest one is 'reopened'  ->  open (待审核), or resolved (已消除)
    confirmed   ->  confirmed (已确认) while detected, else resolved
    dismissed   ->  dismissed (已排除) while the finding's evidence is what it was when it was
                    dismissed (compared without the fields that change every night, such as
                    a column's age); otherwise open again, flagged `evidence_changed`
    fixed       ->  fixed (已整改), until a crawl started after the decision sees the problem
                    again: then open again, flagged `came_back`

The detection status (`findings.status`, open/resolved) stays the checks' business; a
finding a later check no longer sees is resolved (已消除) whatever was decided, except one
marked fixed, which stays fixed. Notes ('note' rows) never change a status.

Everything here is plain SQL over the store (SQLite's JSON functions, no registered Python
functions), so the view also works from the sqlite3 shell or Datasette.
"""
from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

from crawler import store

# -- vocabulary -----------------------------------------------------------------------

STATUSES = ("open", "confirmed", "dismissed", "fixed", "resolved")
STATUS_LABELS = {"open": "待审核", "confirmed": "已确认", "dismissed": "已排除", "fixed": "已整改",
                 "resolved": "已消除"}

DECISIONS = ("confirmed", "dismissed", "fixed", "reopened", "note")
DECISION_LABELS = {"confirmed": "确认问题", "dismissed": "排除（误报）", "fixed": "标记已整改",
                   "reopened": "重新打开", "note": "备注"}

# Evidence fields that change while the problem stays the same (a column's age grows every
# day, a broken link collects failed crawls and linking pages). They are left out when a
# dismissal's evidence is compared with the finding's current evidence. Top-level keys.
VOLATILE_EVIDENCE = (
    "age_days", "cutoff", "limit", "days", "warn_days",            # staleness: grows daily, rule params
    "items", "undated", "items_shown", "items_dated", "class_source", "level",
    "failed_crawls", "repeated", "sources", "sources_count",       # broken links: history, pages linking
    "pages", "of_pages", "sample_urls",                            # footer: how many pages so far
    "waited_days", "count", "where", "tables_read", "deadline",
)

TABLE = "decisions"
VIEW = "finding_review"

SCHEMA = {
    "id": int, "site": str, "finding_id": int, "decision": str, "reason": str, "note": str,
    "by": str, "decided_at": str,
    "finding_status": str,      # the detection status when decided (open/resolved)
    "check_id": int,            # the finding's last check when decided
    "crawl_id": int,            # the site's newest crawl when decided: a later crawl is "after the fix"
    "evidence_hash": str,       # sha256 (16 hex) of evidence_key, for people and reports
    "evidence_key": str,        # the evidence without its volatile fields, as the view compares it
    "batch": str,               # one id shared by the rows of one bulk decision
}


def evidence_key_sql(expr: str) -> str:
    """SQL for the comparable part of an evidence JSON text (``expr`` names a column)."""
    paths = ", ".join(f"'$.{k}'" for k in VOLATILE_EVIDENCE)
    return (f"coalesce(case when json_valid({expr}) then json_remove({expr}, {paths}) "
            f"else {expr} end, '')")


REVIEW_VIEW_SQL = f"""
create view if not exists {VIEW} as
select f.*,
  d.id as decision_id, d.decision as decision, d.reason as decision_reason,
  d.note as decision_note, d.by as decided_by, d.decided_at as decided_at,
  d.evidence_hash as decision_evidence_hash,
  case when d.decision = 'dismissed'
       and d.evidence_key is not {evidence_key_sql('f.evidence')} then 1 else 0 end as evidence_changed,
  case when d.decision = 'fixed' and f.status = 'open'
       and f.crawl_id > d.crawl_id then 1 else 0 end as came_back,
  case
    when d.decision = 'fixed' and not (f.status = 'open' and f.crawl_id > d.crawl_id) then 'fixed'
    when f.status = 'resolved' then 'resolved'
    when d.decision = 'confirmed' then 'confirmed'
    when d.decision = 'dismissed'
         and d.evidence_key is {evidence_key_sql('f.evidence')} then 'dismissed'
    else 'open'
  end as review_status
from findings f
left join decisions d on d.id = (
  select max(x.id) from decisions x where x.finding_id = f.id and x.decision <> 'note')
"""


class DecisionError(ValueError):
    """A decision that cannot be recorded (unknown kind, no reviewer, dismissal without reason)."""


def ensure_schema(db) -> None:
    """Create the decisions table, its index and the `finding_review` view (idempotent)."""
    from crawler.checks import schema as check_schema
    check_schema.ensure_schema(db)
    table = db[TABLE]
    if not table.exists():
        table.create(SCHEMA, pk="id")
    else:
        for column, kind in SCHEMA.items():
            if column not in table.columns_dict:
                table.add_column(column, kind)
    table.create_index(["finding_id", "id"], if_not_exists=True)
    table.create_index(["site", "decided_at"], if_not_exists=True)
    current = db.execute("select sql from sqlite_master where type = 'view' and name = ?", [VIEW]).fetchone()
    wanted = REVIEW_VIEW_SQL.strip().split(" as", 1)[1]
    if current and current[0].split(" as", 1)[1].strip() != wanted.strip():
        db.execute(f"drop view {VIEW}")     # an older definition (views hold no data)
    db.execute(REVIEW_VIEW_SQL)
    db.conn.commit()


def evidence_key(db, evidence: str | None) -> str:
    """The comparable part of an evidence JSON text, computed by the same SQL as the view."""
    return db.execute(f"select {evidence_key_sql('v')} from (select ? as v)", [evidence]).fetchone()[0]


def evidence_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def decide(db, finding_ids: Iterable[int], decision: str, *, by: str, reason: str | None = None,
           note: str | None = None, at: str | None = None) -> list[int]:
    """Record one decision for each finding (one transaction); return the new rows' ids.

    `dismissed` needs a reason; every decision needs a reviewer name. Ids that name no
    finding are ignored.
    """
    if decision not in DECISIONS:
        raise DecisionError(f"unknown decision '{decision}' (known: {', '.join(DECISIONS)})")
    by = (by or "").strip()
    if not by:
        raise DecisionError("a decision needs the reviewer's name")
    reason = (reason or "").strip() or None
    note = (note or "").strip() or None
    if decision == "dismissed" and not reason:
        raise DecisionError("dismissing a finding needs a reason")
    if decision == "note" and not note:
        raise DecisionError("a note needs text")
    ids = sorted({int(i) for i in finding_ids})
    if not ids:
        return []
    at = at or store.now()
    batch = uuid.uuid4().hex[:12] if len(ids) > 1 else None
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows += db.execute(
            f"""select f.id, f.site, f.status, f.last_check, {evidence_key_sql('f.evidence')},
                  (select max(c.id) from crawls c where c.site = f.site)
                from findings f where f.id in ({','.join('?' * len(chunk))})""", chunk).fetchall()
    new_ids = []
    with db.atomic():
        for fid, site, status, check_id, key, crawl_id in rows:
            cur = db.conn.execute(
                f"insert into {TABLE} (site, finding_id, decision, reason, note, by, decided_at, "
                "finding_status, check_id, crawl_id, evidence_hash, evidence_key, batch) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [site, fid, decision, reason, note, by, at, status, check_id, crawl_id or 0,
                 evidence_hash(key), key, batch])
            new_ids.append(cur.lastrowid)
    return new_ids


def review_rows(db, ids: Iterable[int] | None = None, *, site: str | None = None) -> list[dict]:
    """Findings with their effective status (`review_status`) and latest decision."""
    where, args = [], []
    if site:
        where.append("site = ?")
        args.append(site)
    if ids is not None:
        ids = list(ids)
        if not ids:
            return []
        where.append(f"id in ({','.join('?' * len(ids))})")
        args += ids
    sql = f"select * from {VIEW}" + (" where " + " and ".join(where) if where else "") + " order by id"
    return list(db.query(sql, args))


def effective_status(db, finding_id: int) -> str | None:
    """open, confirmed, dismissed, fixed or resolved; None when there is no such finding."""
    row = db.execute(f"select review_status from {VIEW} where id = ?", [finding_id]).fetchone()
    return row[0] if row else None


def effective_statuses(db, site: str | None = None) -> dict[int, str]:
    """finding id -> effective status, for every finding (of one site)."""
    sql = f"select id, review_status from {VIEW}" + (" where site = ?" if site else "")
    return dict(db.execute(sql, [site] if site else []).fetchall())


def history(db, finding_id: int) -> list[dict]:
    """Every decision recorded for a finding, newest first."""
    return list(db.query(f"select * from {TABLE} where finding_id = ? order by id desc", [finding_id]))
