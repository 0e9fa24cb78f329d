"""Make a report's files: the data once, then each format asked for.

    paths = generate(db, "quarterly", Period.parse("quarter", "2019Q4"), out=Path("var/reports"))
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from . import csvout, data, html, pdf, rollup, xlsx
from .period import Period
from .settings import Settings, load_settings, templates_dir
from .source import sites_in_period

FORMATS = ("html", "pdf", "xlsx", "csv")
KIND_OF_PERIOD = {"quarter": "quarterly", "month": "monthly", "week": "weekly", "year": "annual"}
CSV_NAMES = {"quarterly": "evidence", "monthly": "tasks", "weekly": "tasks", "annual": "units", "rollup": "sites"}


def file_stem(site: str, kind: str, period: Period) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in site)
    return f"{safe}-{period.tag}-{kind}"


@contextmanager
def cyclic_gc_paused():
    """WeasyPrint and openpyxl make hundreds of thousands of objects per report; the cyclic
    collector's passes over them cost a tenth of the report's time (the objects go by
    reference counting anyway). It runs again, as usual, once the files are written."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def generate(db, kind: str, period: Period, *, site: str | None = None, formats=FORMATS,
             out: str | Path = "var/reports", by: str | None = None, templates: str | Path | None = None,
             settings: Settings | None = None, rules_path=None, site_config=None, timings: dict | None = None,
             now=None) -> list[Path]:
    """Write the report of `period` for `site` (or every site checked in the period); return the paths."""
    import time
    settings = settings or load_settings(Path(templates_dir(templates)) / "groups.yml")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    timings = timings if timings is not None else {}
    if kind == "rollup":
        reports = [("all-sites", lambda: rollup.build_rollup(db, period, by=by, now=now))]
    else:
        reports = [(name, lambda name=name: data.build(db, kind, period, name, settings, by=by, rules_path=rules_path,
                                                        site_config=site_config, now=now))
                   for name in sites_in_period(db, period, site)]
    for name, build in reports:
        with cyclic_gc_paused():
            start = time.perf_counter()
            report = build()
            timings["data"] = timings.get("data", 0) + time.perf_counter() - start
            stem = out / file_stem(name, kind, period)
            page = None
            if "html" in formats or "pdf" in formats:
                start = time.perf_counter()
                page = html.render(report, templates)
                timings["html"] = timings.get("html", 0) + time.perf_counter() - start
            if "html" in formats:
                target = stem.with_suffix(".html")
                target.write_text(page, encoding="utf-8")
                paths.append(target)
            if "pdf" in formats:
                start = time.perf_counter()
                paths.append(pdf.write_pdf(page, stem.with_suffix(".pdf")))
                timings["pdf"] = timings.get("pdf", 0) + time.perf_counter() - start
            if "xlsx" in formats:
                start = time.perf_counter()
                paths.append(xlsx.write_xlsx(report, stem.with_suffix(".xlsx")))
                timings["xlsx"] = timings.get("xlsx", 0) + time.perf_counter() - start
            if "csv" in formats:
                start = time.perf_counter()
                paths.append(csvout.write_csv(report, out / f"{stem.name}-{CSV_NAMES[kind]}.csv"))
                timings["csv"] = timings.get("csv", 0) + time.perf_counter() - start
    return paths
