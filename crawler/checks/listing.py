"""Reading findings and verdicts back, for `portalwatch findings` and the review app.

A finding's `status` is its review status as crawler/decisions.py rules it (the analyst's
decision where it still holds, else open or resolved): the same status the review app and
the reports show.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata

from crawler import decisions

from . import schema

FIELDS = ["id", "site", "kind", "severity", "indicator", "status", "unit", "column", "column_url", "url",
          "detail", "first_seen", "last_seen", "resolved_on", "evidence"]


def list_findings(db, *, site: str | None = None, kind: str | None = None,
                  status: str | None = None) -> list[dict]:
    decisions.ensure_schema(db)
    shown = "f.review_status"
    where, args = [], {}
    if site:
        where.append("f.site = :site")
        args["site"] = site
    if kind:
        where.append("f.kind = :kind")
        args["kind"] = kind
    if status:
        where.append(f"({shown}) = :status")
        args["status"] = status
    sql = (f"select f.*, {shown} as shown_status from {decisions.VIEW} f"
           + (" where " + " and ".join(where) if where else "")
           + " order by f.site, f.status = 'resolved', f.kind, f.id")
    out = []
    for r in db.query(sql, args):
        out.append({
            "id": r["id"], "site": r["site"], "kind": r["kind"], "severity": r["severity"],
            "indicator": r["indicator"], "status": r["shown_status"],
            "status_label": decisions.STATUS_LABELS.get(r["shown_status"], r["shown_status"]),
            "unit": r["unit"], "column": r["column_name"], "column_url": r["column_url"], "url": r["url"],
            "detail": r["detail"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
            "resolved_on": r["resolved_on"], "last_check": r["last_check"],
            "evidence": json.loads(r["evidence"]) if r["evidence"] else {},
        })
    return out


def latest_verdicts(db, site: str | None = None) -> list[dict]:
    """The verdict rows of each site's latest check run."""
    schema.ensure_schema(db)
    sql = """select v.*, c.as_of, c.crawl_id from verdicts v join checks c on c.id = v.check_id
             where c.id in (select max(id) from checks group by site)"""
    args = []
    if site:
        sql += " and c.site = ?"
        args.append(site)
    return list(db.query(sql + " order by v.site, v.veto desc, v.indicator", args))


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1)


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({**r, "evidence": json.dumps(r["evidence"], ensure_ascii=False)})
    return buf.getvalue()


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text, size: int, right: bool = False) -> str:
    text = "" if text is None else str(text)
    while width(text) > size:
        text = text[:-1]
    fill = " " * (size - width(text))
    return fill + text if right else text + fill


def to_table(rows: list[dict], detail_width: int = 100) -> str:
    if not rows:
        return "no findings"
    lines = [f"{pad('id', 5, True)}  {pad('kind', 26)} {pad('severity', 8)} {pad('status', 9)} "
             f"{pad('unit', 16)} detail"]
    for r in rows:
        lines.append(f"{pad(r['id'], 5, True)}  {pad(r['kind'], 26)} {pad(r['severity'], 8)} "
                     f"{pad(r['status'], 9)} {pad(r['unit'], 16)} {pad(r['detail'], detail_width).rstrip()}")
    return "\n".join(lines)


def verdict_table(result) -> str:
    """The short table `portalwatch check` prints for one run."""
    head = (f"site {result.site}  crawl {result.crawl_id}  as of {result.as_of}  rules {result.rules_hash}  "
            f"check {result.check_id}")
    lines = [head, f"{pad('indicator', 24)} {pad('count', 8, True)} {pad('threshold', 9, True)}  "
                   f"{pad('verdict', 7)} level"]
    for v in result.verdicts:
        if not v["veto"]:
            continue
        threshold = f"≥{v['threshold']}" if v["threshold"] is not None else ""
        lines.append(f"{pad(v['label'], 24)} {pad(v['value'], 8, True)} {pad(threshold, 9, True)}  "
                     f"{pad(v['verdict'], 7)} {v['level']}")
    lines.append(f"verdict {result.verdict}; {len(result.findings)} open findings "
                 f"({result.new} new, {result.resolved} resolved)")
    kinds = ", ".join(f"{k} {n}" for k, n in result.by_kind.items())
    if kinds:
        lines.append(f"by kind: {kinds}")
    return "\n".join(lines)
