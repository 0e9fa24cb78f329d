"""Reading the 年报 table 收到和处理政府信息公开申请情况 and checking its own arithmetic.

Input: one table as a list of rows, each a list of cell texts, as the crawler stores it
(`items.tables`): merged cells appear once, so rows differ in length, labels may be split
over several cells or missing where a rowspan covers them. The reader therefore ignores
positions: a row's figures are its numeric cells (the last N, where N is the width most
rows share), its label is the rest of its text. Roles come from the label:

    一、本年新收…            new
    二、上年结转…            carried_in
    三、本年度办理结果        the results section: (一)…(六) categories, their 1. 2. … items,
                              (七) 总计
    四、结转下年度继续办理    carried_out

Cross-checks, per applicant column: 一 + 二 = 三(七)总计 + 四; 总计 = Σ categories (a
category's own row, else the sum of its items); a category's own row = Σ its items; and,
when the header has a 总计 column, each row's 总计 = Σ the applicant columns.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_NUMBER = re.compile(r"\d{1,9}")
_CATEGORY = re.compile(r"[（(]\s*([一二三四五六七八九十])\s*[)）]")
_ITEM = re.compile(r"(?:^|\s)(\d{1,2})\s*[.、．]")
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "社会组织", "法律服务机构", "其他", "总计")
DEFAULT_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")


@dataclass
class Category:
    marker: str
    label: str
    own: list | None = None
    items: list = field(default_factory=list)       # [(label, values)]


@dataclass
class ApplicationTable:
    columns: list
    has_total_column: bool
    new: list | None = None
    carried_in: list | None = None
    total: list | None = None
    carried_out: list | None = None
    categories: dict = field(default_factory=dict)  # marker -> Category, in order
    rows: list = field(default_factory=list)        # [(label, values)] every data row read
    unread: list = field(default_factory=list)      # labels of rows that could not be read


def _cell_number(text: str) -> int | None:
    t = (text or "").strip().replace(",", "").replace("，", "").replace(" ", "")
    t = t.removesuffix("件").removesuffix("个")
    return int(t) if _NUMBER.fullmatch(t) else None


def looks_like_application_table(rows) -> bool:
    text = "".join("".join(map(str, r)) for r in rows)
    return "本年新收" in text and "结转下年" in text


def read_application_table(rows) -> ApplicationTable | None:
    rows = [[str(c) if c is not None else "" for c in r] for r in rows if isinstance(r, list)]
    if not looks_like_application_table(rows):
        return None
    parsed = []
    for r in rows:
        numbers = [n for n in (_cell_number(c) for c in r) if n is not None]
        label = " ".join(c.strip() for c in r if c.strip() and _cell_number(c) is None)
        parsed.append((label, numbers, r))
    widths = Counter(len(n) for _, n, _ in parsed if len(n) >= 2)
    if not widths:
        return None
    width = widths.most_common(1)[0][0]
    first_data = next(i for i, (_, n, _) in enumerate(parsed) if len(n) >= 2)
    header_cells = [c.strip() for _, _, r in parsed[:first_data] for c in r if c.strip()]
    has_total = "总计" in header_cells and "小计" not in header_cells and width >= 3
    table = ApplicationTable(columns=_column_names(header_cells, width, has_total), has_total_column=has_total)

    in_results = False
    current = None
    for label, numbers, _ in parsed[first_data:]:
        if "办理结果" in label:
            in_results = True
        if not numbers:
            continue
        if len(numbers) != width:
            if len(numbers) > width:
                numbers = numbers[-width:]
            else:
                table.unread.append(label)
                continue
        table.rows.append((label, numbers))
        if "本年新收" in label:
            table.new = numbers
        elif "上年结转" in label:
            table.carried_in = numbers
        elif "结转下年" in label:
            table.carried_out = numbers
            in_results = False
        elif in_results or _CATEGORY.search(label):
            in_results = True
            markers = _CATEGORY.findall(label)
            item = _ITEM.search(label)
            if "总计" in label:
                table.total = numbers
            elif markers:
                marker = markers[-1]
                name = _ITEM.split(_CATEGORY.split(label)[-1])[0].strip()
                current = table.categories.setdefault(marker, Category(marker, name))
                if item:
                    current.items.append((label, numbers))
                else:
                    current.own = numbers
            elif item and current is not None:
                current.items.append((label, numbers))
            else:
                table.unread.append(label)
        else:
            table.unread.append(label)
    return table


def _column_names(header_cells, width, has_total) -> list:
    found = [c for c in header_cells if c in APPLICANTS]
    found = [c for c in found if c != "总计"] + (["总计"] if "总计" in found else [])
    if len(found) == width:
        return found
    if width == len(DEFAULT_NAMES):
        return list(DEFAULT_NAMES)
    names = [f"第{n + 1}列" for n in range(width)]
    if has_total:
        names[-1] = "总计"
    return names


def cross_check(table: ApplicationTable) -> list[dict]:
    """Every broken relation, as {check, column, row, expected, found, detail}."""
    issues = []
    cols = table.columns

    def issue(check, j, row, expected, found, detail):
        issues.append({"check": check, "column": cols[j] if j is not None else None, "row": row,
                       "expected": expected, "found": found, "detail": detail})

    width = len(cols)
    categories = list(table.categories.values())
    for cat in categories:
        if cat.own is not None and cat.items:
            for j in range(width):
                s = sum(v[j] for _, v in cat.items)
                if s != cat.own[j]:
                    issue("category", j, cat.label, s, cat.own[j],
                          f"（{cat.marker}）{cat.label}：{cols[j]} 小计 {cat.own[j]} ≠ 各项之和 {s}")
    computed_total = None
    if categories:
        computed_total = [sum((c.own[j] if c.own is not None else sum(v[j] for _, v in c.items))
                              for c in categories) for j in range(width)]
        if table.total is not None:
            for j in range(width):
                if computed_total[j] != table.total[j]:
                    issue("results_total", j, "总计", computed_total[j], table.total[j],
                          f"三、办理结果 总计：{cols[j]} 为 {table.total[j]}，各项之和为 {computed_total[j]}")
    total = table.total if table.total is not None else computed_total
    if None not in (table.new, table.carried_in, total, table.carried_out):
        for j in range(width):
            left = table.new[j] + table.carried_in[j]
            right = total[j] + table.carried_out[j]
            if left != right:
                issue("balance", j, None, left, right,
                      f"{cols[j]}：一 + 二 = {table.new[j]} + {table.carried_in[j]} = {left}，"
                      f"三 + 四 = {total[j]} + {table.carried_out[j]} = {right}")
    if table.has_total_column:
        for label, values in table.rows:
            s = sum(values[:-1])
            if s != values[-1]:
                issue("row_total", width - 1, label, s, values[-1],
                      f"「{label[:30]}」：总计 {values[-1]} ≠ 各申请人之和 {s}")
    return issues


def readable(table: ApplicationTable) -> bool:
    """Enough of the table was read to judge it."""
    return None not in (table.new, table.carried_in, table.carried_out) and (
        table.total is not None or bool(table.categories))
