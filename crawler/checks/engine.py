"""One check run: classify the columns, run every enabled rule, keep findings durable,
judge each veto indicator, and record the run.

Nothing is written until every rule has run; the writes are one transaction.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from crawler import store

from . import schema
from .base import Context, Finding
from .classify import load_columns
from .kinds import KINDS
from .rulepack import RulePack
from .verdict import judge


class CheckError(Exception):
    """A check that cannot run (no finished crawl); one line for the operator."""


@dataclass
class CheckResult:
    check_id: int
    site: str
    crawl_id: int
    as_of: date
    rules_hash: str
    findings: list = field(default_factory=list)
    new: int = 0
    resolved: int = 0
    verdicts: list = field(default_factory=list)
    verdict: str = "合格"
    seconds: dict = field(default_factory=dict)

    @property
    def by_kind(self) -> dict:
        return dict(sorted(Counter(f.kind for f in self.findings).items()))


def sites_to_check(db, site: str | None) -> list[tuple[str, dict]]:
    if site:
        crawl = store.latest_crawl(db, site, finished_only=True)
        if crawl is None:
            raise CheckError(f"no finished crawl of site '{site}' in this database")
        return [(site, crawl)]
    names = [r[0] for r in db.execute("select distinct site from crawls where outcome = 'ok' order by site")]
    if not names:
        raise CheckError("no finished crawl in this database (run `portalwatch crawl` first)")
    return [(name, store.latest_crawl(db, name, finished_only=True)) for name in names]


def evaluate(db, site: str, crawl_id: int, as_of: date, rules: RulePack) -> tuple[Context, list[Finding], dict]:
    """Run every enabled rule against one crawl; return the findings (no writes)."""
    ctx = Context(db=db, site=site, crawl_id=crawl_id, as_of=as_of, rules=rules)
    timings = {}
    start = time.perf_counter()
    load_columns(ctx)
    timings["classify"] = round(time.perf_counter() - start, 3)
    found: dict[str, Finding] = {}
    for name, module in KINDS.items():
        if not rules.kind(name).get("enabled", True):
            continue
        start = time.perf_counter()
        for finding in module.run(ctx):
            found.setdefault(finding.fingerprint(site), finding)
        timings[name] = round(time.perf_counter() - start, 3)
    db.conn.commit()    # the temp tables' rows; nothing persistent was written
    return ctx, list(found.values()), timings


def run_check(db, rules: RulePack, *, as_of: date | None = None, site: str | None = None,
              rules_path: str | None = None, site_config: str | None = None) -> list[CheckResult]:
    """Check the latest finished crawl of `site` (or of every site) and store the results."""
    as_of = as_of or date.today()
    schema.ensure_schema(db)
    results = []
    for name, crawl in sites_to_check(db, site):
        started = store.now()
        ctx, findings, timings = evaluate(db, name, crawl["id"], as_of, rules)
        enabled = [k for k in KINDS if rules.kind(k).get("enabled", True)]
        verdicts, overall = judge(rules, findings, ctx.measures, ctx.unmeasured)
        result = CheckResult(check_id=0, site=name, crawl_id=crawl["id"], as_of=as_of,
                             rules_hash=rules.digest, findings=findings, verdicts=verdicts,
                             verdict=overall, seconds=timings)
        with db.atomic():
            _record(db, result, enabled, started, rules_path, site_config)
        results.append(result)
    return results


def _record(db, result: CheckResult, kinds_run: list, started: str, rules_path, site_config) -> None:
    site, day = result.site, result.as_of.isoformat()
    checks = db["checks"]
    checks.insert({"site": site, "crawl_id": result.crawl_id, "as_of": day, "started": started,
                   "rules_hash": result.rules_hash, "rules_path": str(rules_path) if rules_path else None,
                   "site_config": str(site_config) if site_config else None})
    check_id = checks.last_pk
    result.check_id = check_id

    existing = {r[0]: (r[1], r[2]) for r in db.execute(
        "select fingerprint, id, status from findings where site = ?", [site])}
    inserts, updates = [], []
    for f in result.findings:
        fp = f.fingerprint(site)
        row = {"severity": f.severity, "indicator": f.indicator, "url": f.url, "column_url": f.column_url,
               "column_name": f.column, "unit": f.unit, "detail": f.detail, "evidence": f.evidence_json(),
               "crawl_id": result.crawl_id, "check": check_id, "day": day}
        if fp in existing:
            fid, status = existing[fp]
            if status != "open":
                result.new += 1
            updates.append({**row, "id": fid})
        else:
            result.new += 1
            inserts.append({**row, "site": site, "fingerprint": fp, "kind": f.kind})
    db.conn.executemany("""
        insert into findings (site, fingerprint, kind, severity, indicator, status, url, column_url,
          column_name, unit, detail, evidence, first_seen, last_seen, resolved_on, first_check,
          last_check, crawl_id, seen_count)
        values (:site, :fingerprint, :kind, :severity, :indicator, 'open', :url, :column_url,
          :column_name, :unit, :detail, :evidence, :day, :day, null, :check, :check, :crawl_id, 1)""",
        inserts)
    db.conn.executemany("""
        update findings set severity = :severity, indicator = :indicator, status = 'open', url = :url,
          column_url = :column_url, column_name = :column_name, unit = :unit, detail = :detail,
          evidence = :evidence, resolved_on = null, crawl_id = :crawl_id,
          first_seen = min(first_seen, :day), last_seen = max(last_seen, :day),
          seen_count = seen_count + (last_check is not :check), last_check = :check
        where id = :id""", updates)

    current = {f.fingerprint(site) for f in result.findings}
    gone = [fid for fp, (fid, status) in existing.items() if status == "open" and fp not in current]
    if gone:
        kinds = ",".join("?" * len(kinds_run))
        for start in range(0, len(gone), 500):
            chunk = gone[start:start + 500]
            cur = db.execute(
                f"update findings set status = 'resolved', resolved_on = ?, last_check = ? "
                f"where id in ({','.join('?' * len(chunk))}) and kind in ({kinds})",
                [day, check_id, *chunk, *kinds_run])
            result.resolved += cur.rowcount

    db["verdicts"].insert_all([{"check_id": check_id, "site": site, **v} for v in result.verdicts],
                              pk=schema.SCHEMA["verdicts"]["pk"])
    by_severity = dict(sorted(Counter(f.severity for f in result.findings).items()))
    checks.update(check_id, {"finished": store.now(), "open": len(result.findings), "new": result.new,
                             "resolved": result.resolved,
                             "by_kind": json.dumps(result.by_kind, ensure_ascii=False),
                             "by_severity": json.dumps(by_severity), "verdict": result.verdict})
