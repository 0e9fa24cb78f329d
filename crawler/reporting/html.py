"""HTML: a report's data rendered through the jinja2 templates in `reports/`.

The page is self-contained (styles and SVG charts inline, no script, no external file) and
prints on A4: the same HTML is what `pdf.py` hands to WeasyPrint.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup

from .settings import templates_dir

TEMPLATES = {"quarterly": "quarterly.j2", "monthly": "bulletin.j2", "weekly": "bulletin.j2",
             "annual": "annual.j2", "rollup": "rollup.j2"}


class TemplateProblem(Exception):
    """A template that fails to render (one line: template and reason)."""


def _day(value, fmt: str = "%Y-%m-%d") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.strftime(fmt)
    return str(value)[:10]


def _num(value, digits: int = 0) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.{digits or 1}f}"
    return f"{int(value):,}"


def environment(path: str | Path | None = None) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates_dir(path))),
                      autoescape=select_autoescape(["j2", "html"], default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["day"] = _day
    env.filters["num"] = _num
    env.filters["css_string"] = lambda text: Markup(str(text).replace("\\", "\\\\").replace('"', '\\"')
                                                    .replace("<", "\\3c ").replace("\n", " "))
    env.filters["svg"] = lambda text: Markup(text)      # charts are built in Python, never from crawled text
    return env


def render(report: dict, templates: str | Path | None = None) -> str:
    env = environment(templates)
    name = TEMPLATES[report["kind"]]
    try:
        return env.get_template(name).render(r=report, meta=report["meta"], labels=report["labels"])
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or name
        line = getattr(exc, "lineno", None)
        raise TemplateProblem(f"{where}{':' + str(line) if line else ''}: {exc.message or exc}") from None
