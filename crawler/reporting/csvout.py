"""CSV: the report's main list (the evidence list of a quarter, the tasks of a bulletin, the
units' counts of a year) in UTF-8 with a BOM, so Excel on a Chinese desktop opens it right.
Cells a spreadsheet would read as a formula (= + - @ first) are kept as text."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from .tables import main_table


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(report: dict) -> str:
    spec = main_table(report)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([label for _, label, _, _ in spec["columns"]])
    for row in spec["rows"]:
        writer.writerow([_cell(row.get(key)) for key, _, _, _ in spec["columns"]])
    return buf.getvalue()


def write_csv(report: dict, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(("\ufeff" + to_csv(report)).encode("utf-8"))
    return path
