"""The verdict per indicator: a run's findings counted against the official thresholds.

Only `veto`-severity findings count toward a veto indicator (a stale notice column below
the first level is a deduction and does not). The level is `veto` when the threshold is
reached, `warning` when the early-warning count (`warn_at`, counting warning findings
too) is reached or a rule issued an early warning (the home page at 10 days), else `ok`.
Indicators without `veto: true` get their counts only.
"""
from __future__ import annotations

from .rulepack import RulePack

PASS, FAIL = "合格", "不合格"


def judge(rules: RulePack, findings: list, measures: dict | None = None,
          unmeasured: set | None = None) -> tuple[list[dict], str]:
    """Rows per indicator, and the overall verdict. An indicator a rule could not measure
    (too few availability probes) gets no verdict and the level `unknown`, not a pass."""
    indicators = rules.section("indicators") or {}
    rows, failed = [], False
    for key, spec in indicators.items():
        mine = [f for f in findings if f.indicator == key]
        vetoes = [f for f in mine if f.severity == "veto"]
        warnings = [f for f in mine if f.severity == "warning"]
        veto = bool(spec.get("veto", False))
        threshold = spec.get("threshold", 1)
        warn_at = spec.get("warn_at")
        count = len(vetoes) if veto else len(mine)
        value = str(count)
        if measures and key in measures:
            value = measures[key]
        elif spec.get("measure") == "days":
            ages = [f.evidence.get("age_days") for f in mine]
            ages = [a for a in ages if a is not None]
            value = f"{max(ages)} 天" if ages else ("无日期" if mine else "—")
        if unmeasured and key in unmeasured:
            verdict, level = None, "unknown"
        elif veto:
            verdict = FAIL if count >= threshold else PASS
            failed = failed or verdict == FAIL
            if verdict == FAIL:
                level = "veto"
            elif warnings or (warn_at and len(vetoes) + len(warnings) >= warn_at):
                level = "warning"
            else:
                level = "ok"
        else:
            verdict, level = None, ("warning" if warn_at and count >= warn_at else "ok")
        rows.append({"indicator": key, "label": spec.get("label", key), "veto": int(veto), "count": count,
                     "threshold": threshold if veto else None, "warn_at": warn_at, "value": value,
                     "verdict": verdict, "level": level})
    return rows, FAIL if failed else PASS
