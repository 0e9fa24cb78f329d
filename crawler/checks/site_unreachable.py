"""site_unreachable (站点无法访问): probes that failed, as a share of all probes in the period.

The inspection rule: probe the home page at spaced intervals (at least 20 a day for a
week); a probe not loaded after 15 s is a failure; failures of 5 % or more fail the site.
Vendors warn at 3 %. Too few probes give no verdict, not a pass.
"""
from __future__ import annotations

from datetime import timedelta

from .base import Context, Finding
from .rulepack import Int

KIND = "site_unreachable"
INDICATOR = "site_unreachable"
PARAMS = {"window_days": Int(min=1), "min_probes": Int(min=1), "veto_percent": Int(min=1),
          "warn_percent": Int(min=0, nullable=True)}
DEFAULTS = {"window_days": 7, "min_probes": 20, "veto_percent": 5, "warn_percent": 3}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    since = (ctx.as_of - timedelta(days=p["window_days"] - 1)).isoformat()
    until = (ctx.as_of + timedelta(days=1)).isoformat()
    row = ctx.query("select count(*) as probes, coalesce(sum(1 - ok), 0) as failed, "
                    "min(at) as first, max(at) as last from probes "
                    "where site = :site and at >= :since and at < :until", since=since, until=until)[0]
    probes, failed = row["probes"], row["failed"]
    if probes < p["min_probes"]:
        ctx.measures[p["indicator"]] = f"探测不足（{probes} 次）"
        ctx.unmeasured.add(p["indicator"])
        return []
    percent = 100.0 * failed / probes
    ctx.measures[p["indicator"]] = f"{percent:.1f} %"
    if percent >= p["veto_percent"]:
        severity = p.get("severity") or "veto"
    elif p["warn_percent"] is not None and percent >= p["warn_percent"]:
        severity = "warning"
    else:
        return []
    failures = ctx.query("select url, at, status, error, elapsed_ms from probes where site = :site "
                         "and at >= :since and at < :until and ok = 0 order by at desc limit 20",
                         since=since, until=until)
    return [Finding(
        kind=KIND, key="site", severity=severity, indicator=p["indicator"], url=ctx.home_url,
        unit=ctx.government_name,
        detail=(f"近 {p['window_days']} 天探测 {probes} 次，失败 {failed} 次（{percent:.1f} %，"
                f"阈值 {p['veto_percent']} %）"),
        evidence={"probes": probes, "failed": failed, "percent": round(percent, 2),
                  "first": row["first"], "last": row["last"], "recent_failures": failures})]
