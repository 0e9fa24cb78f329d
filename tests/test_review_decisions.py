"""crawler/decisions.py: decisions are rows of their own, and one rule gives a finding's
effective status (a dismissal sticks while the evidence is unchanged, a fix reopens when a
later crawl sees the problem again). Hand-made stores, no crawl."""
from __future__ import annotations

import json
import sqlite3

import pytest

from crawler import decisions, store
from crawler.checks import schema as check_schema


def make_store(path):
    db = store.open_db(path)
    check_schema.ensure_schema(db)
    decisions.ensure_schema(db)
    return db


def add_crawl(db, site="s"):
    crawl = store.start_crawl(db, site, "http://example.gov.cn/")
    db["crawls"].update(crawl, {"outcome": "ok", "finished": store.now()})
    return crawl


def add_finding(db, *, kind="stale_dynamic", status="open", crawl_id=1, check=1, evidence=None, site="s",
                fingerprint=None):
    ev = evidence if evidence is not None else {"newest": "2019-12-01", "age_days": 30, "cutoff": "2019-12-17",
                                                "class": "dynamic"}
    table = db["findings"]
    table.insert({
        "site": site, "fingerprint": fingerprint or f"fp{db['findings'].count}", "kind": kind,
        "severity": "veto", "indicator": "columns_not_updated_1", "status": status,
        "url": "http://example.gov.cn/col/1/", "detail": "栏目不更新", "evidence": json.dumps(ev, sort_keys=True),
        "first_seen": "2019-12-31", "last_seen": "2019-12-31", "first_check": check, "last_check": check,
        "crawl_id": crawl_id, "seen_count": 1, "unit": "区教育局"})
    return table.last_rowid


def see_again(db, fid, *, crawl_id, check, evidence=None, status="open"):
    """What the check engine does to a durable finding on a later run."""
    row = {"status": status, "last_check": check}
    if status == "open":
        row["crawl_id"] = crawl_id
    if evidence is not None:
        row["evidence"] = json.dumps(evidence, sort_keys=True)
    db["findings"].update(fid, row)


@pytest.fixture
def db(tmp_path):
    db = make_store(tmp_path / "s.db")
    add_crawl(db)
    return db


def test_no_decision_is_pending_or_resolved(db):
    a = add_finding(db)
    b = add_finding(db, status="resolved")
    assert decisions.effective_status(db, a) == "open"
    assert decisions.effective_status(db, b) == "resolved"
    assert decisions.effective_status(db, 999) is None
    assert decisions.STATUS_LABELS["open"] == "待审核"


def test_decisions_are_rows_of_their_own_and_never_edit_findings(db):
    fid = add_finding(db)
    before = db["findings"].get(fid)
    decisions.decide(db, [fid], "confirmed", by="王晓明", note="已通知")
    assert db["findings"].get(fid) == before
    (row,) = decisions.history(db, fid)
    assert (row["decision"], row["by"], row["note"], row["finding_status"]) == ("confirmed", "王晓明", "已通知", "open")
    assert row["decided_at"] and len(row["evidence_hash"]) == 16 and row["crawl_id"] == 1
    assert decisions.effective_status(db, fid) == "confirmed"


@pytest.mark.parametrize("decision, kwargs, message", [
    ("dismissed", {"by": "王晓明"}, "reason"),
    ("dismissed", {"by": "王晓明", "reason": "   "}, "reason"),
    ("confirmed", {"by": " "}, "reviewer"),
    ("deleted", {"by": "王晓明"}, "unknown"),
    ("note", {"by": "王晓明"}, "note"),
])
def test_invalid_decisions_are_refused(db, decision, kwargs, message):
    fid = add_finding(db)
    with pytest.raises(decisions.DecisionError, match=message):
        decisions.decide(db, [fid], decision, **kwargs)
    assert db["decisions"].count == 0


def test_dismissal_sticks_while_evidence_is_unchanged(db):
    fid = add_finding(db)
    decisions.decide(db, [fid], "dismissed", by="王晓明", reason="历史专题")
    # the next night: same column, one day older (age_days and cutoff are volatile)
    crawl = add_crawl(db)
    see_again(db, fid, crawl_id=crawl, check=2,
              evidence={"newest": "2019-12-01", "age_days": 31, "cutoff": "2019-12-18", "class": "dynamic"})
    assert decisions.effective_status(db, fid) == "dismissed"
    # a new item moved the newest date but the column is still stale: the evidence changed
    see_again(db, fid, crawl_id=crawl, check=3,
              evidence={"newest": "2019-12-10", "age_days": 22, "cutoff": "2019-12-18", "class": "dynamic"})
    (row,) = decisions.review_rows(db, [fid])
    assert row["review_status"] == "open" and row["evidence_changed"] == 1
    # dismissed again on the new evidence: sticks again
    decisions.decide(db, [fid], "dismissed", by="李娜", reason="误报")
    assert decisions.effective_status(db, fid) == "dismissed"


def test_broken_link_dismissal_ignores_its_growing_history(db):
    ev = {"status": 404, "error": None, "confirmed": True, "target_kind": "page", "on_home": False,
          "failed_crawls": [1], "repeated": False, "sources": [{"url": "a"}], "sources_count": 1}
    fid = add_finding(db, kind="broken_link", evidence=ev)
    decisions.decide(db, [fid], "dismissed", by="王晓明", reason="外部网站")
    crawl = add_crawl(db)
    see_again(db, fid, crawl_id=crawl, check=2, evidence={**ev, "failed_crawls": [1, 2], "repeated": True,
                                                         "sources": [{"url": "a"}, {"url": "b"}], "sources_count": 2})
    assert decisions.effective_status(db, fid) == "dismissed"
    see_again(db, fid, crawl_id=crawl, check=3, evidence={**ev, "status": 403})
    assert decisions.effective_status(db, fid) == "open"


def test_fixed_stays_fixed_until_a_later_crawl_sees_the_problem(db):
    fid = add_finding(db)
    decisions.decide(db, [fid], "fixed", by="王晓明")
    assert decisions.effective_status(db, fid) == "fixed"
    # the same crawl checked again (e.g. another as-of day) is no new evidence
    see_again(db, fid, crawl_id=1, check=2)
    assert decisions.effective_status(db, fid) == "fixed"
    # the next crawl no longer sees it: resolved, still shown as fixed
    crawl2 = add_crawl(db)
    see_again(db, fid, crawl_id=crawl2, check=3, status="resolved")
    assert decisions.effective_status(db, fid) == "fixed"
    # the one after sees it again: reopened
    crawl3 = add_crawl(db)
    see_again(db, fid, crawl_id=crawl3, check=4)
    (row,) = decisions.review_rows(db, [fid])
    assert row["review_status"] == "open" and row["came_back"] == 1


def test_a_crawl_running_when_the_fix_was_marked_does_not_reopen_it(db):
    fid = add_finding(db)
    running = store.start_crawl(db, "s", "http://example.gov.cn/")      # started before the decision
    decisions.decide(db, [fid], "fixed", by="王晓明")
    see_again(db, fid, crawl_id=running, check=2)
    assert decisions.effective_status(db, fid) == "fixed"


def test_confirmed_follows_detection_and_reopen_and_notes(db):
    fid = add_finding(db)
    decisions.decide(db, [fid], "confirmed", by="王晓明")
    see_again(db, fid, crawl_id=1, check=2, status="resolved")
    assert decisions.effective_status(db, fid) == "resolved"
    see_again(db, fid, crawl_id=1, check=3)
    assert decisions.effective_status(db, fid) == "confirmed"
    decisions.decide(db, [fid], "note", by="李娜", note="单位称下周整改")
    assert decisions.effective_status(db, fid) == "confirmed"
    decisions.decide(db, [fid], "reopened", by="李娜")
    assert decisions.effective_status(db, fid) == "open"
    assert [d["decision"] for d in decisions.history(db, fid)] == ["reopened", "note", "confirmed"]


def test_bulk_decision_is_one_batch(db):
    ids = [add_finding(db) for _ in range(3)]
    other_site = add_finding(db, site="t")
    new = decisions.decide(db, ids + [12345], "dismissed", by="王晓明", reason="规则不适用")
    assert len(new) == 3
    batches = {r[0] for r in db.execute("select batch from decisions")}
    assert len(batches) == 1 and None not in batches
    assert decisions.effective_statuses(db, site="s") == {i: "dismissed" for i in ids}
    assert decisions.effective_status(db, other_site) == "open"


def test_the_view_works_without_python_functions(db, tmp_path):
    """Reports, the sqlite3 shell or Datasette can read the same rule."""
    fid = add_finding(db)
    decisions.decide(db, [fid], "dismissed", by="王晓明", reason="误报")
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("select review_status from finding_review where id = ?", [fid]).fetchone() == ("dismissed",)


def test_schema_is_idempotent_and_replaces_an_old_view(db):
    db.execute("drop view finding_review")
    db.execute("create view finding_review as select id, 'x' as review_status from findings")
    fid = add_finding(db)
    decisions.ensure_schema(db)
    decisions.ensure_schema(db)
    assert decisions.effective_status(db, fid) == "open"
    assert "evidence_changed" in {c[1] for c in db.execute("pragma table_info(finding_review)")}


def test_evidence_key_leaves_out_volatile_fields(db):
    a = json.dumps({"newest": "2019-12-01", "age_days": 3, "class": "dynamic"}, sort_keys=True)
    b = json.dumps({"newest": "2019-12-01", "age_days": 9, "class": "dynamic"}, sort_keys=True)
    c = json.dumps({"newest": "2019-12-02", "age_days": 9, "class": "dynamic"}, sort_keys=True)
    assert decisions.evidence_key(db, a) == decisions.evidence_key(db, b) != decisions.evidence_key(db, c)
    assert decisions.evidence_key(db, None) == "" and decisions.evidence_key(db, "not json") == "not json"
