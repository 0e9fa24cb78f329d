"""The findings list as CSV and XLSX, exactly as filtered on screen (for sending a unit its list).

Cells that a spreadsheet would read as a formula (text starting with = + - @) are kept as
text: crawled titles are not trusted.
"""
from __future__ import annotations

import csv
import io
from datetime import datetime

from .labels import SEVERITY_LABELS, STATUS_LABELS, kind_label

COLUMNS = [
    ("id", "编号", 8), ("unit", "单位", 16), ("column_name", "栏目", 36), ("kind", "问题类型", 18),
    ("severity", "严重程度", 10), ("review_status", "审核状态", 10), ("detail", "问题说明", 70),
    ("url", "网址", 50), ("first_seen", "首次发现", 12), ("last_seen", "最近发现", 12),
    ("decided_by", "审核人", 10), ("decided_at", "审核时间", 18), ("decision_reason", "排除理由", 24),
    ("decision_note", "备注", 24),
]


def _value(row: dict, key: str):
    value = row.get(key)
    if key == "kind":
        return kind_label(value)
    if key == "severity":
        return SEVERITY_LABELS.get(value, value)
    if key == "review_status":
        return STATUS_LABELS.get(value, value)
    if key == "decided_at" and value:
        return value[:16].replace("T", " ")
    return "" if value is None else value


def _text(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: list[dict]) -> bytes:
    """UTF-8 with a BOM, so Excel on a Chinese desktop opens it correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([label for _, label, _ in COLUMNS])
    for row in rows:
        writer.writerow([_text(_value(row, key)) for key, _, _ in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict], title: str, subtitle: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([subtitle])
    ws["A2"].font = Font(color="666666")
    ws.append([label for _, label, _ in COLUMNS])
    head = 3
    for i, (_, _, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=head, column=i)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F3A60")
        cell.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    for r, row in enumerate(rows, start=head + 1):
        for c, (key, _, _) in enumerate(COLUMNS, start=1):
            value = _value(row, key)
            cell = ws.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"        # never a formula, whatever the text starts with
            if key in ("detail", "column_name"):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
    ws.freeze_panes = ws.cell(row=head + 1, column=1)
    if rows:
        ws.auto_filter.ref = f"A{head}:{get_column_letter(len(COLUMNS))}{head + len(rows)}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def filename(site: str, unit: str | None, ext: str) -> str:
    parts = ["问题清单", site]
    if unit:
        parts.append(unit)
    parts.append(datetime.now().strftime("%Y%m%d"))
    return "-".join(p.replace("/", "_").replace("\\", "_") for p in parts) + "." + ext
