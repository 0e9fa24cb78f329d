"""annual_report_arithmetic: an annual report whose 收到和处理政府信息公开申请情况 table breaks
its own cross-checks (see `annual_table`). One finding per report, listing every broken
relation. Reports are found by their table's own words (本年新收 … 结转下年度), so the SQL
filter reads only the few items that can hold one.
"""
from __future__ import annotations

import json

from .annual_table import cross_check, read_application_table, readable
from .base import Context, Finding, item_seen
from .rulepack import Int

KIND = "annual_report_arithmetic"
INDICATOR = "annual_report"
PARAMS = {"max_issues": Int(min=1)}
DEFAULTS = {"max_issues": 20}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    out = []
    for item in ctx.query(f"""
            select i.url, i.title, i.column_url, i.tables from items i
            where i.site = :site and {item_seen('i')} and i.tables is not null
              and instr(i.tables, '本年新收') > 0 order by i.url"""):
        try:
            tables = json.loads(item["tables"])
        except ValueError:
            continue
        issues, read = [], 0
        for table_rows in tables if isinstance(tables, list) else []:
            table = read_application_table(table_rows)
            if table is None or not readable(table):
                continue
            read += 1
            issues += cross_check(table)
        if not issues:
            continue
        col = ctx.column(item["column_url"])
        first = issues[0]["detail"]
        more = f" 等 {len(issues)} 处" if len(issues) > 1 else ""
        out.append(Finding(
            kind=KIND, key=item["url"], severity=p.get("severity", "deduct"), indicator=p["indicator"],
            detail=f"年报「{item['title'] or item['url']}」申请情况表勾稽关系不符：{first}{more}",
            url=item["url"], column_url=item["column_url"], column=col.path if col else None,
            unit=col.unit if col else ctx.government_name,
            evidence={"issues": issues[:p["max_issues"]], "issue_count": len(issues), "tables_read": read,
                      "title": item["title"]}))
    return out
