"""End to end: `portalwatch check` on the crawled sample portal finds every seeded problem and
nothing else (precision and recall 1.0 per kind), against the generator's ground truth."""
from __future__ import annotations

import json
from collections import Counter

import pytest
import sqlite_utils

from conftest import portalwatch
from crawler.checks.kinds import KINDS


def _norm(url: str | None, base: str) -> str | None:
    """Site URLs as root-relative paths (the ground truth's form); other hosts stay absolute."""
    if url is None:
        return None
    base = base.rstrip("/")
    if url.startswith(base + "/"):
        return url[len(base):]
    return url


@pytest.fixture(scope="module")
def checked(crawled_sample, tmp_path_factory):
    import shutil
    db_path = tmp_path_factory.mktemp("checks") / "sample.db"
    shutil.copy(crawled_sample.db_path, db_path)
    out = portalwatch("check", "--db", db_path, "--config", crawled_sample.config_path,
                      "--as-of", crawled_sample.as_of.isoformat()).stdout
    found = json.loads(portalwatch("findings", "--db", db_path, "--format", "json", "--status", "open").stdout)
    return db_path, out, found


def _by_kind(rows, base, key="url"):
    out: dict[str, Counter] = {k: Counter() for k in KINDS}
    for r in rows:
        out.setdefault(r["kind"], Counter())[_norm(r[key], base)] += 1
    return out


def test_every_seeded_problem_is_found_and_nothing_else(crawled_sample, checked):
    _, _, found = checked
    base = crawled_sample.site_url
    want = _by_kind(crawled_sample.ground_truth["problems"], base)
    got = _by_kind(found, base)
    report, wrong = [], False
    for kind in KINDS:
        w, g = want.get(kind, Counter()), got.get(kind, Counter())
        hits = sum((w & g).values())
        precision = hits / sum(g.values()) if g else 1.0
        recall = hits / sum(w.values()) if w else 1.0
        report.append(f"{kind}: precision {precision:.2f} recall {recall:.2f} "
                      f"(want {sum(w.values())}, got {sum(g.values())})")
        if precision < 1 or recall < 1:
            wrong = True
            report.append(f"  missed: {sorted((w - g).elements())[:5]}")
            report.append(f"  extra:  {sorted((g - w).elements())[:5]}")
    assert not wrong, "\n".join(report)
    assert sum(sum(c.values()) for c in want.values()) == len(found)


def test_no_finding_on_a_declared_non_problem(crawled_sample, checked):
    _, _, found = checked
    base = crawled_sample.site_url
    flagged = {(f["kind"], _norm(f["url"], base)) for f in found}
    hit = [(p["kind"], p["url"], p.get("detail")) for p in crawled_sample.ground_truth["not_problems"]
           if (p["kind"], p["url"]) in flagged]
    assert not hit, hit


def test_findings_carry_the_facts_of_the_ground_truth(crawled_sample, checked):
    _, _, found = checked
    base = crawled_sample.site_url
    index = {(f["kind"], _norm(f["url"], base)): f for f in found}
    for p in crawled_sample.ground_truth["problems"]:
        f = index[(p["kind"], p["url"])]
        d, e = p.get("detail") or {}, f["evidence"]
        if p["kind"] == "typo":
            assert (e["wrong"], e["right"]) == (d["wrong"], d["right"])
        elif p["kind"] == "missing_catalogue":
            assert f["unit"] == d["unit"] and d["unit"] in f["detail"]
            if d.get("year"):
                assert e["year"] == d["year"] and e["deadline"] == d["deadline"]
            else:
                assert e["entry"] == d["entry"]
        elif p["kind"] == "broken_link":
            assert e["confirmed"] == (d["status"] in (403, 404))
            if d["status"] in (403, 404):
                assert e["status"] == d["status"]
        elif p["kind"] in ("stale_dynamic", "stale_notice_policy", "stale_longterm"):
            assert e["newest"] == d["newest_date"] and e["age_days"] == d["days"]
        elif p["kind"] == "footer_missing":
            assert e["label"] == d["missing"] and e["pages"] == len(d["urls"])
        elif p["kind"] == "overdue_reply":
            assert e["letter_date"] == d["letter_date"] and e["reply_date"] == d["reply_date"]
        elif p["kind"] == "annual_report_arithmetic":
            failing = {i["column"] for i in e["issues"] if i["check"] == "balance"}
            assert failing == set(d["failing_columns"])
        assert f["first_seen"] == f["last_seen"] == crawled_sample.as_of.isoformat()
        assert f["severity"] in ("veto", "deduct", "warning") and f["indicator"]


def test_verdict_table_and_stored_verdicts(crawled_sample, checked):
    db_path, out, found = checked
    assert f"as of {crawled_sample.as_of}" in out and "verdict" in out
    db = sqlite_utils.Database(db_path)
    rows = {r["indicator"]: r for r in db.query(
        "select * from verdicts where check_id = (select max(id) from checks)")}
    stale = sum(1 for f in found if f["indicator"] == "columns_not_updated_1" and f["severity"] == "veto")
    assert rows["columns_not_updated_1"]["count"] == stale
    blank = sum(1 for f in found if f["kind"] == "blank_column")
    assert rows["columns_not_updated_3"]["count"] == blank
    assert rows["columns_not_updated_3"]["verdict"] == ("不合格" if blank >= 5 else "合格")
    assert rows["poor_response"]["verdict"] == ("不合格" if any(
        f["kind"] == "overdue_reply" and f["severity"] == "veto" for f in found) else "合格")


def test_checking_the_same_crawl_again_changes_nothing(crawled_sample, checked):
    db_path, _, found = checked
    portalwatch("check", "--db", db_path, "--config", crawled_sample.config_path,
                "--as-of", crawled_sample.as_of.isoformat(), "--quiet")
    again = json.loads(portalwatch("findings", "--db", db_path, "--format", "json").stdout)
    strip = lambda rows: sorted((r["id"], r["kind"], r["url"], r["detail"], r["status"]) for r in rows)
    assert strip(again) == strip(found)
