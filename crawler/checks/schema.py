"""The tables `portalwatch check` writes, defined in one place.

- checks     one row per check run: site, crawl, as-of day, rules hash, counts, verdict
- verdicts   one row per run and veto indicator: count against threshold, 合格/不合格, level
- findings   one row per problem, durable across runs (a stable fingerprint per site)

`findings.status` is about detection only: `open` while the problem is seen, `resolved`
(with `resolved_on`) once a later check no longer sees it. Review decisions (confirmed,
dismissed, fixed) belong in a `decisions` table of the review app, keyed by `finding_id`.
"""
from __future__ import annotations

SCHEMA = {
    "checks": {
        "columns": {"id": int, "site": str, "crawl_id": int, "as_of": str, "started": str,
                    "finished": str, "rules_hash": str, "rules_path": str, "site_config": str,
                    "open": int, "new": int, "resolved": int, "by_kind": str, "by_severity": str,
                    "verdict": str},
        "pk": "id",
    },
    "verdicts": {
        "columns": {"check_id": int, "site": str, "indicator": str, "label": str, "veto": int,
                    "count": int, "threshold": int, "warn_at": int, "value": str,
                    "verdict": str, "level": str},
        "pk": ("check_id", "indicator"),
    },
    "findings": {
        "columns": {"id": int, "site": str, "fingerprint": str, "kind": str, "severity": str,
                    "indicator": str, "status": str, "url": str, "column_url": str,
                    "column_name": str, "unit": str, "detail": str, "evidence": str,
                    "first_seen": str, "last_seen": str, "resolved_on": str,
                    "first_check": int, "last_check": int, "crawl_id": int, "seen_count": int},
        "pk": "id",
    },
}

INDEXES = [
    ("findings", ["site", "fingerprint"], True),
    ("findings", ["site", "status", "kind"], False),
    ("checks", ["site", "id"], False),
]



def ensure_schema(db) -> None:
    for name, spec in SCHEMA.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"],
                         not_null=set(spec["pk"]) if isinstance(spec["pk"], tuple) else set())
        else:
            for column, kind in spec["columns"].items():
                if column not in table.columns_dict:
                    table.add_column(column, kind)
    for table, cols, unique in INDEXES:
        db[table].create_index(cols, unique=unique, if_not_exists=True)
