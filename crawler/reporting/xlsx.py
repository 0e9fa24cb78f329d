"""XLSX: one sheet per section (openpyxl, streamed): a title row, a frozen header row with
filters, sensible column widths, dates as dates. Crawled text is never read as a formula."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .tables import D, F, I, sheets

_BAD = '[]:*?/\\'


def _sheet_name(name: str, used: set) -> str:
    clean = "".join("_" if c in _BAD else c for c in name)[:31] or "Sheet"
    out, n = clean, 2
    while out in used:
        out = f"{clean[:28]}_{n}"
        n += 1
    used.add(out)
    return out


def write_xlsx(report: dict, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="9AA7B8")
    head = {"font": Font(bold=True), "fill": PatternFill("solid", fgColor="EEF2F7"),
            "border": Border(bottom=thin, top=thin, left=thin, right=thin),
            "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True)}
    wrap = Alignment(wrap_text=True, vertical="top")
    wb = Workbook(write_only=True)
    used: set = set()
    meta = report["meta"]
    for spec in sheets(report):
        ws = wb.create_sheet(_sheet_name(spec["name"], used))
        columns = spec["columns"]
        for n, (_, _, width, _) in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(n)].width = width
        ws.freeze_panes = "A3"
        if spec["rows"]:
            ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{len(spec['rows']) + 2}"
        title = WriteOnlyCell(ws, value=f"{meta['site_name']} {meta['period_label']} {spec['title']}")
        title.font = Font(bold=True, size=12)
        ws.append([title])
        header = []
        for _, label, _, _ in columns:
            cell = WriteOnlyCell(ws, value=label)
            for attr, style in head.items():
                setattr(cell, attr, style)
            header.append(cell)
        ws.append(header)
        for row in spec["rows"]:
            out = []
            for key, _, width, kind in columns:
                value = row.get(key)
                if value is None or value == "":
                    out.append(None)
                elif kind == D and isinstance(value, date):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = "yyyy-mm-dd"
                    out.append(cell)
                elif kind in (I, F) and isinstance(value, (int, float)):
                    out.append(value)
                else:
                    cell = WriteOnlyCell(ws, value=str(value))
                    cell.data_type = "s"          # never a formula, whatever the text starts with
                    if len(cell.value) > width:
                        cell.alignment = wrap
                    out.append(cell)
            ws.append(out)
    wb.properties.title = f"{meta['site_name']} {meta['period_label']}{meta['title']}"
    wb.properties.creator = f"portalwatch {meta['version']} ({meta['generated_by']})"
    path = Path(path)
    wb.save(path)
    return path
