"""missing_catalogue: a required catalogue entry absent or empty for the government or one
of its departments/towns, and the previous year's 政府信息公开年报 not published by its
deadline.

The required entries per unit type, their name patterns and the deadlines are in the rule
pack (`catalogue:`). A unit's scope is its catalogue subtree (for the government: every
column not owned by a unit). An entry is present when a column in scope matches it (or an
item whose title is the entry's name, for entries shown as one page) and holds something:
an item, a listed row, or content on its own page.

The report on year Y is due on the unit type's deadline in year Y+1 (1月31日 departments
and towns, 3月31日 the government; for years before `old_rule_before_year` 3月31日 for
all). The report checked is the latest one whose deadline has passed: the unit's report
columns (else the government's, by the unit's name in the title) must hold an item whose
title names Y and reads as an annual report; otherwise one finding names the unit, the
entry, the year and the deadline.
"""
from __future__ import annotations

from datetime import date

from .base import Context, Finding
from .classify import children_of
from .rulepack import compile_patterns, matches

KIND = "missing_catalogue"
INDICATOR = "catalogue"
PARAMS: dict = {}
DEFAULTS: dict = {}


def _deadline(spec: dict, unit_type: str, year: int) -> date:
    """The day by which the report on `year` is due."""
    old = spec.get("old_rule_before_year", 2019)
    mmdd = spec.get("old_deadline", "03-31") if year < old else \
        (spec.get("deadlines") or {}).get(unit_type, "03-31" if unit_type == "government" else "01-31")
    month, day = map(int, mmdd.split("-"))
    return date(year + 1, month, day)


def due_year(spec: dict, unit_type: str, as_of: date) -> int:
    """The latest year whose report is overdue on `as_of` (its deadline is past)."""
    year = as_of.year - 1
    while _deadline(spec, unit_type, year) >= as_of:
        year -= 1
    return year


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    spec = ctx.rules.section("catalogue") or {}
    required = spec.get("required") or {}
    report_spec = spec.get("annual_report") or {}
    report_words = compile_patterns(report_spec.get("title") or ["年报", "年度报告"])
    kids = children_of(ctx)
    gov = ctx.government_name

    # Items per column, titles only for the columns that can matter (in-scope entries).
    def subtree(url):
        out, stack = [], [url]
        while stack:
            u = stack.pop()
            out.append(u)
            stack += [k.url for k in kids.get(u, [])]
        return out

    titles_cache: dict[str, list] = {}

    def items_of(urls):
        want = [u for u in urls if u not in titles_cache]
        if want:
            for u in want:
                titles_cache[u] = []
            marks = ",".join("?" * len(want))
            rows = ctx.db.execute(
                f"select column_url, url, title, publish_date from items i where i.site = ? and "
                f"i.last_crawl >= ? and i.first_crawl <= ? and column_url in ({marks})",
                [ctx.site, ctx.crawl_id, ctx.crawl_id, *want]).fetchall()
            for column_url, url, title, published in rows:
                titles_cache[column_url].append((url, title or "", published))
        return [t for u in urls for t in titles_cache.get(u, [])]

    def holds_something(col) -> bool:
        for u in subtree(col.url):
            c = ctx.columns.get(u)
            if c and (c.n_items or c.n_listed or c.page_kind == "article"):
                return True
        return False

    units = sorted(ctx.units.items(), key=lambda kv: (kv[1]["type"] != "government", kv[0]))
    other_units = [name for name in ctx.units if name != gov]
    out = []
    for unit, info in units:
        unit_type = info["type"]
        entries = required.get(unit_type) or []
        if not entries:
            continue
        scope = [c for c in ctx.columns.values() if c.unit == unit]
        if unit_type != "government" and not scope:
            continue
        unit_url = info.get("url")
        unit_col = ctx.column(unit_url)
        for entry in entries:
            pats = compile_patterns(entry["match"])
            found = sorted((c for c in scope if matches(pats, c.name)), key=lambda c: (c.level, c.url))
            as_page = []
            if not found:
                names = set(entry["match"]) | {entry["name"]}
                as_page = [t for t in items_of([c.url for c in scope]) if t[1].strip() in names]
            base = dict(unit=unit, column_url=found[0].url if found else unit_url,
                        column=found[0].path if found else (unit_col.path if unit_col else None))
            ev = {"unit": unit, "unit_type": unit_type, "entry": entry["name"],
                  "columns": [c.url for c in found][:5]}
            if entry.get("annual_report"):
                year = due_year(report_spec, unit_type, ctx.as_of)
                due = _deadline(report_spec, unit_type, year)
                reports = [t for t in items_of([u for c in found for u in subtree(c.url)])
                           if str(year) in t[1] and matches(report_words, t[1])]
                if unit_type == "government":
                    reports = [t for t in reports if not any(o in t[1] for o in other_units)]
                else:
                    gov_cols = [c for c in ctx.columns.values() if c.unit == gov and matches(pats, c.name)]
                    reports += [t for t in items_of([u for c in gov_cols for u in subtree(c.url)])
                                if unit in t[1] and str(year) in t[1] and matches(report_words, t[1])]
                if reports:
                    continue
                state = "absent" if not found else "report_missing"
                out.append(Finding(
                    kind=KIND, key=f"{unit}|{entry['name']}", severity=p.get("severity", "deduct"),
                    indicator=p["indicator"],
                    detail=f"{unit}：{year}年政府信息公开年报未在 {due} 前发布"
                           + ("（无年报栏目）" if not found else ""),
                    url=found[0].url if found else unit_url,
                    evidence={**ev, "state": state, "year": year, "deadline": due.isoformat()}, **base))
                continue
            if not found and not as_page:
                out.append(Finding(
                    kind=KIND, key=f"{unit}|{entry['name']}", severity=p.get("severity", "deduct"),
                    indicator=p["indicator"], detail=f"{unit}：缺少目录项「{entry['name']}」",
                    url=unit_url, evidence={**ev, "state": "absent"}, **base))
            elif found and not any(holds_something(c) for c in found):
                out.append(Finding(
                    kind=KIND, key=f"{unit}|{entry['name']}", severity=p.get("severity", "deduct"),
                    indicator=p["indicator"], detail=f"{unit}：目录项「{entry['name']}」为空",
                    url=found[0].url, evidence={**ev, "state": "empty"}, **base))
    return out
