"""stale_notice_policy: a 通知公告/政策文件 column with nothing in 6 months.

Every such column is reported, naming the first-level column it sits under. By default
all count toward the veto indicator (栏目不更新①); `veto_max_level: N` counts only the
columns of level ≤ N and makes the deeper ones deductions.
"""
from __future__ import annotations

from .base import Context, Finding
from .classify import ancestors
from .rulepack import Int, minus_months
from .stale import stale_columns, stale_finding

KIND = "stale_notice_policy"
INDICATOR = "columns_not_updated_1"
PARAMS = {"months": Int(min=1), "veto_max_level": Int(min=1, nullable=True)}
DEFAULTS = {"months": 6, "veto_max_level": None}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    cutoff = minus_months(ctx.as_of, p["months"])
    out = []
    for col in stale_columns(ctx, ("notice", "policy"), cutoff):
        chain = ancestors(ctx, col)
        top = chain[-1] if chain else col
        counts = p["veto_max_level"] is None or col.level <= p["veto_max_level"]
        severity = p.get("severity", "veto") if counts else "deduct"
        out.append(stale_finding(ctx, KIND, col, severity=severity, indicator=p["indicator"],
                                 limit=f"{p['months']} 个月", cutoff=cutoff, counts_for_veto=counts,
                                 first_level=top.url, first_level_name=top.name))
    return out
