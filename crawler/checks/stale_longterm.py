"""stale_longterm: a column that should be updated (人事, 规划计划, 财政, 统计, 机构/领导信息,
catalogue columns …) with nothing in a year."""
from __future__ import annotations

from .base import Context, Finding
from .rulepack import Int, minus_months
from .stale import stale_columns, stale_finding

KIND = "stale_longterm"
INDICATOR = "columns_not_updated_2"
PARAMS = {"months": Int(min=1)}
DEFAULTS = {"months": 12}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    cutoff = minus_months(ctx.as_of, p["months"])
    return [stale_finding(ctx, KIND, col, severity=p.get("severity", "veto"), indicator=p["indicator"],
                          limit=f"{p['months']} 个月", cutoff=cutoff)
            for col in stale_columns(ctx, ("longterm",), cutoff)]
