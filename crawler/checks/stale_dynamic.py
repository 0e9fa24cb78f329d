"""stale_dynamic: a dynamic column (动态, 要闻, 部门快讯, 街镇动态 …) with nothing in 14 days.

13 and 14 days old are fresh; 15 is stale (the newest item must be on or after
as-of minus `days`).
"""
from __future__ import annotations

from datetime import timedelta

from .base import Context, Finding
from .rulepack import Int
from .stale import stale_columns, stale_finding

KIND = "stale_dynamic"
INDICATOR = "columns_not_updated_1"
PARAMS = {"days": Int(min=1)}
DEFAULTS = {"days": 14}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    cutoff = ctx.as_of - timedelta(days=p["days"])
    return [stale_finding(ctx, KIND, col, severity=p.get("severity", "veto"), indicator=p["indicator"],
                          limit=f"{p['days']} 天", cutoff=cutoff)
            for col in stale_columns(ctx, ("dynamic",), cutoff)]
