"""Charts as inline SVG text (no script, no external file): bars and lines.

Every function returns a complete `<svg>` element sized in CSS pixels with a viewBox, so it
scales to the page in a browser and in WeasyPrint alike.
"""
from __future__ import annotations

import math
from html import escape

FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif"
PALETTE = ["#1f4e8c", "#c0392b", "#d68910", "#27865f", "#7d3c98", "#5d6d7e"]
INK, GRID, MUTED = "#222", "#d5d8dc", "#6b7280"


def nice_max(value: float) -> float:
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _fmt(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"


def _frame(width, height, left, top, plot_w, plot_h, top_value, unit):
    parts = []
    for i in range(5):
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     f'stroke="{GRID}" stroke-width="{1 if i else 1.2}"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
                     f'fill="{MUTED}">{_fmt(value)}</text>')
    if unit:
        parts.append(f'<text x="{left - 6}" y="{top - 8}" text-anchor="end" font-size="11" '
                     f'fill="{MUTED}">{escape(unit)}</text>')
    return parts


def _legend(series, x, y):
    parts = []
    for s in series:
        parts.append(f'<rect x="{x}" y="{y - 9}" width="12" height="10" fill="{s["color"]}"/>')
        parts.append(f'<text x="{x + 16}" y="{y}" font-size="11" fill="{INK}">{escape(s["name"])}</text>')
        x += 28 + 12 * len(s["name"])
    return parts


def _svg(width, height, parts, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{FONT}" role="img" aria-label="{escape(title)}">'
            + "".join(parts) + "</svg>")


def _colored(series):
    return [{**s, "color": s.get("color") or PALETTE[n % len(PALETTE)]} for n, s in enumerate(series)]


def bar_chart(labels: list[str], series: list[dict], *, title: str = "", unit: str = "",
              stacked: bool = True, width: int = 640, height: int = 240) -> str:
    """Bars per label; `series` = [{"name", "values", "color"?}], stacked or side by side."""
    series = _colored(series)
    left, top, bottom = 48, 28, 46
    plot_w, plot_h = width - left - 12, height - top - bottom
    n = max(len(labels), 1)
    totals = [sum(s["values"][i] for s in series) if stacked else max([s["values"][i] for s in series] or [0])
              for i in range(len(labels))]
    top_value = nice_max(max(totals or [0]))
    parts = _frame(width, height, left, top, plot_w, plot_h, top_value, unit)
    slot = plot_w / n
    bar_w = min(slot * 0.6, 56)
    for i, label in enumerate(labels):
        x0 = left + slot * i + (slot - bar_w) / 2
        base = top + plot_h
        for k, s in enumerate(series):
            value = s["values"][i]
            h = plot_h * value / top_value
            if stacked:
                base -= h
                x, w, y = x0, bar_w, base
            else:
                w = bar_w / len(series)
                x, y = x0 + k * w, top + plot_h - h
            if value:
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                             f'fill="{s["color"]}"/>')
        if stacked:
            parts.append(f'<text x="{x0 + bar_w / 2:.1f}" y="{base - 4:.1f}" text-anchor="middle" '
                         f'font-size="11" fill="{INK}">{_fmt(totals[i])}</text>')
        parts.append(f'<text x="{left + slot * i + slot / 2:.1f}" y="{top + plot_h + 16}" '
                     f'text-anchor="middle" font-size="11" fill="{INK}">{escape(label)}</text>')
    parts += _legend(series, left, height - 10)
    return _svg(width, height, parts, title)


def line_chart(labels: list[str], series: list[dict], *, title: str = "", unit: str = "",
               threshold: float | None = None, threshold_label: str = "", width: int = 640,
               height: int = 240, max_labels: int = 12) -> str:
    """Lines over labelled points; None values leave gaps. An optional dashed threshold."""
    series = _colored(series)
    left, top, bottom = 48, 28, 46
    plot_w, plot_h = width - left - 16, height - top - bottom
    values = [v for s in series for v in s["values"] if v is not None]
    top_value = nice_max(max(values + ([threshold * 1.1] if threshold else []) or [0]))
    parts = _frame(width, height, left, top, plot_w, plot_h, top_value, unit)
    n = len(labels)

    def x_at(i):
        return left + (plot_w / 2 if n == 1 else plot_w * i / (n - 1))

    def y_at(v):
        return top + plot_h - plot_h * v / top_value

    if threshold is not None:
        y = y_at(threshold)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#c0392b" '
                     f'stroke-dasharray="5 4" stroke-width="1.2"/>')
        if threshold_label:
            parts.append(f'<text x="{left + plot_w}" y="{y - 4:.1f}" text-anchor="end" font-size="11" '
                         f'fill="#c0392b">{escape(threshold_label)}</text>')
    for s in series:
        run, points = [], []
        for i, v in enumerate(s["values"]):
            if v is None:
                if len(run) > 1:
                    points.append(run)
                run = []
                continue
            run.append(f"{x_at(i):.1f},{y_at(v):.1f}")
            parts.append(f'<circle cx="{x_at(i):.1f}" cy="{y_at(v):.1f}" r="{3 if n < 40 else 1.6}" '
                         f'fill="{s["color"]}"/>')
        if len(run) > 1:
            points.append(run)
        for run in points:
            parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{s["color"]}" '
                         f'stroke-width="2"/>')
    step = max(1, math.ceil(n / max_labels))
    for i, label in enumerate(labels):
        if i % step == 0 or i == n - 1 and n - 1 - (n - 1) // step * step >= step / 2:
            parts.append(f'<text x="{x_at(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                         f'font-size="11" fill="{INK}">{escape(label)}</text>')
    parts += _legend(series, left, height - 10)
    return _svg(width, height, parts, title)
