"""blank_column: a leaf column that holds nothing (暂无信息, an empty list).

Judged after all of its pagination: a column is not blank if any of its list pages showed
an item (`listings`) or any item belongs to it, so a column whose items appear only on
page 2 and beyond is not blank. The column's page must have answered (a dead column is a
`broken_link`), and a column whose own page is a content page (概况, 机构职能 as one
article) holds content, as does one whose page shows an undated list: links to pages that
almost no other page links to (领导之窗, 办事指南; `Column.n_linked`, crawler/checks/classify.py),
as does a single-page column whose page shows text of its own between its breadcrumb and its
footer (联系方式, 单位简介; `pages.own_text`).
"""
from __future__ import annotations

from .base import Context, Finding

KIND = "blank_column"
INDICATOR = "columns_not_updated_3"
PARAMS: dict = {}
DEFAULTS: dict = {}


UNDATED_LIST = 2    # content links that make an undated list
SINGLE_PAGE = 30    # Chinese characters of its own that make a column's page its content


def blank(col) -> bool:
    return (col.is_leaf and col.n_items == 0 and col.n_listed == 0 and col.page_ok
            and col.page_kind != "article" and col.n_linked < UNDATED_LIST and col.own_text < SINGLE_PAGE
            and col.cls != "ignore")


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    out = []
    for col in sorted(ctx.columns.values(), key=lambda c: c.url):
        if not blank(col):
            continue
        marker = "（页面显示“暂无信息”）" if col.empty_marker else ""
        out.append(Finding(
            kind=KIND, key=col.url, severity=p.get("severity", "veto"), indicator=p["indicator"],
            detail=f"空白栏目「{col.path}」没有任何信息{marker}", url=col.url, column_url=col.url,
            column=col.path, unit=col.unit,
            evidence={"class": col.cls, "level": col.level, "empty_marker": col.empty_marker,
                      "page_kind": col.page_kind}))
    return out
