"""What the three staleness rules share: a column's newest publish date against a cutoff.

A column's date is its newest item's publish date on or before the as-of day. An item
without a visible publish date counts as not updated, so a column whose items are all
undated is stale. A column with no items at all is not stale but blank (`blank_column`);
a channel whose items all sit in its children is judged through them.
"""
from __future__ import annotations

from datetime import date

from .base import Column, Context, Finding, age_days


def stale_columns(ctx: Context, classes: tuple, cutoff: date) -> list[Column]:
    cut = cutoff.isoformat()
    return sorted((c for c in ctx.columns.values()
                   if c.cls in classes and c.n_items > 0 and (c.newest is None or c.newest < cut)),
                  key=lambda c: c.url)


def stale_finding(ctx: Context, kind: str, col: Column, *, severity: str, indicator: str,
                  limit: str, cutoff: date, **extra) -> Finding:
    age = age_days(ctx.as_of, col.newest)
    if col.newest is None:
        detail = f"栏目「{col.path}」的 {col.n_items} 条信息均无发布日期（视为未更新，阈值 {limit}）"
    else:
        detail = (f"栏目「{col.path}」最新信息发布于 {col.newest}，已 {age} 天未更新（阈值 {limit}）")
    return Finding(
        kind=kind, key=col.url, severity=severity, indicator=indicator, detail=detail,
        url=col.url, column_url=col.url, column=col.path, unit=col.unit,
        evidence={"newest": col.newest, "age_days": age, "cutoff": cutoff.isoformat(), "limit": limit,
                  "items": col.n_items, "undated": col.n_items - col.n_dated, "class": col.cls,
                  "class_source": col.cls_source, "level": col.level, **extra})
