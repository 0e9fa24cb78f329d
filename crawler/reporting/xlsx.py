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

    def styled(ws, value, **style):
        cell = WriteOnlyCell(ws, value=value)
        for attr, setting in style.items():
            setattr(cell, attr, setting)
        return cell

    def cell(ws, value, width: int, kind: str):
        # Plain values wherever the look allows: a cell object with a style costs openpyxl
        # several times a plain value, and a large site's evidence sheet has 70,000 cells.
        if value is None or value == "":
            return None
        if kind == D and isinstance(value, date):
            return styled(ws, value, number_format="yyyy-mm-dd")
        if kind in (I, F) and isinstance(value, (int, float)):
            return value
        value = str(value)
        if len(value) > width:
            return styled(ws, value, data_type="s", alignment=wrap)
        if value.startswith("="):          # the one thing openpyxl would read as a formula
            return styled(ws, value, data_type="s")
        return value

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
        ws.append([styled(ws, f"{meta['site_name']} {meta['period_label']} {spec['title']}",
                          font=Font(bold=True, size=12))])
        ws.append([styled(ws, label, **head) for _, label, _, _ in columns])
        for row in spec["rows"]:
            ws.append([cell(ws, row.get(key), width, kind) for key, _, width, kind in columns])
    wb.properties.title = f"{meta['site_name']} {meta['period_label']}{meta['title']}"
    wb.properties.creator = f"portalwatch {meta['version']} ({meta['generated_by']})"
    path = Path(path)
    wb.save(path)
    return path
