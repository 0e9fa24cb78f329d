"""The city-level roll-up (`portalwatch report --quarter 2019Q4 --all`): one row per site with
its verdict per veto indicator, its open findings by kind, its rank, and the change against
the previous period. Each site's figures are those of its own latest check in the period,
so the roll-up says what each site's `portalwatch check` said.
"""
from __future__ import annotations

import json
from datetime import datetime

from crawler.checks import schema as check_schema
from crawler.checks.rulepack import load_rules

from . import tables
from .data import operator, version
from .tables import I, T
from .period import Period
from .source import ReportError, sites_in_period

TITLE = "政府网站检查汇总"


def _latest_check(db, site: str, period: Period) -> dict | None:
    rows = list(db.query("select * from checks where site = ? and finished is not null and as_of between ? and ? "
                         "order by as_of desc, id desc limit 1",
                         [site, period.start.isoformat(), period.end.isoformat()]))
    return rows[0] if rows else None


def _site_name(db, site: str, crawl_id: int) -> str:
    row = db.execute("select json_extract(meta, '$.SiteName'), title from pages where site = ? and crawl_id >= ? "
                     "and kind = 'home' limit 1", [site, crawl_id]).fetchone()
    return (row and (row[0] or row[1])) or site


def build_rollup(db, period: Period, *, by: str | None = None, now: datetime | None = None) -> dict:
    check_schema.ensure_schema(db)
    names = sites_in_period(db, period)
    indicators = {k: v for k, v in (load_rules().section("indicators") or {}).items() if v.get("veto")}
    sites = []
    for site in names:
        check = _latest_check(db, site, period)
        verdicts = {r["indicator"]: r for r in db.query("select * from verdicts where check_id = ?", [check["id"]])}
        by_kind = json.loads(check["by_kind"] or "{}")
        previous = _latest_check(db, site, period.previous())
        failed = [verdicts[k]["label"] for k in indicators if verdicts.get(k, {}).get("verdict") == "不合格"]
        sites.append({
            "site": site, "name": _site_name(db, site, check["crawl_id"]), "as_of": check["as_of"],
            "check_id": check["id"], "verdict": check["verdict"], "failed": failed,
            "verdicts": {k: verdicts.get(k) for k in indicators},
            "by_kind": by_kind, "open": check["open"] or 0,
            "vetoes": sum((verdicts.get(k) or {}).get("count") or 0 for k in indicators),
            "previous": ({"verdict": previous["verdict"], "open": previous["open"] or 0} if previous else None),
        })
    # Best first: a pass before a fail, then fewer failed indicators, veto findings, open findings.
    sites.sort(key=lambda s: (s["verdict"] != "合格", len(s["failed"]), s["vetoes"], s["open"], s["site"]))
    for rank, s in enumerate(sites, 1):
        s["rank"] = rank
        s["change"] = None if s["previous"] is None else s["open"] - s["previous"]["open"]
    kinds = sorted({k for s in sites for k in s["by_kind"]})
    now = now or datetime.now().astimezone()
    as_of = max(s["as_of"] for s in sites)
    meta = {"title": TITLE, "kind": "rollup", "site_name": f"{len(sites)} 个网站", "period_label": period.label,
            "period_tag": period.tag, "as_of": as_of, "in_progress": as_of < period.end.isoformat(),
            "generated_at": now.strftime("%Y-%m-%d %H:%M"), "generated_by": operator(by), "version": version()}
    if not sites:
        raise ReportError(f"no check run with an as-of day in {period.tag}")
    return {"kind": "rollup", "meta": meta, "indicators": [{"key": k, "label": v["label"]} for k, v in indicators.items()],
            "sites": sites, "kinds": kinds, "labels": {},
            "summary": {"sites": len(sites), "failed": sum(1 for s in sites if s["verdict"] != "合格")}}


def table(report: dict) -> dict:
    """The roll-up as one table: the XLSX sheet and the CSV."""
    columns = [("rank", "排名", 6, I), ("name", "网站", 24, T), ("site", "站点", 14, T),
               ("as_of", "检查日", 12, T), ("verdict", "总体结论", 10, T)]
    columns += [(f"v:{i['key']}", i["label"], 14, T) for i in report["indicators"]]
    columns += [(f"k:{k}", k, 10, I) for k in report["kinds"]]
    columns += [("open", "未消除问题", 10, I), ("change", "较上期", 8, I)]
    rows = []
    for s in report["sites"]:
        row = {k: s[k] for k in ("rank", "name", "site", "as_of", "verdict", "open", "change")}
        for i in report["indicators"]:
            v = s["verdicts"].get(i["key"]) or {}
            row[f"v:{i['key']}"] = v.get("verdict") or "未测定"
        for k in report["kinds"]:
            row[f"k:{k}"] = s["by_kind"].get(k, 0)
        rows.append(row)
    return tables.table("汇总", TITLE, columns, rows)
