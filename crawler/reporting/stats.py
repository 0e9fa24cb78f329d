"""Counts over the crawl: items published per period, column class, 年度报表 category and unit;
the history of check runs; how fresh the dynamic columns were at each check.

Columns are classified once (`crawler.checks.classify.load_columns`, in `source.open_source`),
which leaves them in the temp table `pw_col`; the counts here join on it in SQL.
"""
from __future__ import annotations

import json
import statistics
from collections import defaultdict
from datetime import date

from crawler.checks.base import item_seen

from .period import Period
from .settings import Settings
from .source import Source


# -- items published ---------------------------------------------------------------

def published(src: Source, start: date, end: date, by_month: bool = False) -> list[tuple]:
    """(day, class, in_catalogue, unit, count) for items published from start to end (and not
    after the as-of day), as the period's crawl holds them; `by_month`: (YYYY-MM, …) instead."""
    gov = src.ctx.government_name
    cur = src.db.execute(f"""
        select substr(i.publish_date, 1, {7 if by_month else 10}) as day, coalesce(p.class, 'other'),
               coalesce(p.in_catalogue, 0),
               coalesce(p.unit, :gov), count(*)
        from items i left join temp.pw_col p on p.url = i.column_url
        where i.site = :site and {item_seen('i')} and i.publish_date >= :start
          and substr(i.publish_date, 1, 10) <= :end
        group by 1, 2, 3, 4""",
        {"site": src.site, "crawl": src.crawl_id, "gov": gov, "start": start.isoformat(),
         "end": min(end, src.as_of).isoformat()})
    return cur.fetchall()


class Tally:
    """Published items counted per period by category, class and unit."""

    def __init__(self, rows: list[tuple], periods: list[Period], settings: Settings):
        self.periods = periods
        self.by_cat = defaultdict(lambda: defaultdict(int))       # period tag -> category -> n
        self.by_cls = defaultdict(lambda: defaultdict(int))
        self.by_unit = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))   # tag -> unit -> cat -> n
        self.total = defaultdict(int)
        bounds = [(p.start.isoformat(), p.end.isoformat(), p.tag) for p in periods]
        cats = {}
        for day, cls, in_cat, unit, n in rows:
            day = day if len(day) == 10 else day + "-01"
            if (cls, in_cat) not in cats:
                cats[cls, in_cat] = settings.category_of(cls, bool(in_cat))
            cat = cats[cls, in_cat]
            for start, end, tag in bounds:        # a month counts in its year too
                if start <= day <= end:
                    self.by_cat[tag][cat] += n
                    self.by_cls[tag][cls] += n
                    self.by_unit[tag][unit][cat] += n
                    self.total[tag] += n


def change(current: int, previous: int) -> dict:
    diff = current - previous
    pct = f"{diff / previous * 100:+.1f}%" if previous else "—"
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return {"diff": diff, "pct": pct, "text": f"{sign}{abs(diff)}" + (f"（{pct}）" if previous else "")}


def publication(src: Source, settings: Settings, period: Period, previous: Period,
                extra: list[Period] = ()) -> tuple[dict, Tally]:
    """The update statistics of `period` against `previous` (and a Tally over every period given)."""
    periods = sorted({previous, period, *extra}, key=lambda p: p.start)
    monthly = all(p.kind != "week" for p in periods)
    tally = Tally(published(src, periods[0].start, period.end, by_month=monthly), periods, settings)
    cur, prev = period.tag, previous.tag
    names = [c["name"] for c in settings.categories]
    if any(tally.by_cat[t].get(settings.other_category) for t in (cur, prev)):
        names.append(settings.other_category)
    categories = [{"name": "信息发布总数", "current": tally.total[cur], "previous": tally.total[prev],
                   **change(tally.total[cur], tally.total[prev]), "total": True}]
    for name in names:
        a, b = tally.by_cat[cur].get(name, 0), tally.by_cat[prev].get(name, 0)
        categories.append({"name": name, "current": a, "previous": b, **change(a, b), "total": False})
    classes = []
    for cls in sorted(set(tally.by_cls[cur]) | set(tally.by_cls[prev]),
                      key=lambda c: -(tally.by_cls[cur].get(c, 0))):
        a, b = tally.by_cls[cur].get(cls, 0), tally.by_cls[prev].get(cls, 0)
        classes.append({"cls": cls, "label": settings.label("classes", cls), "current": a, "previous": b,
                        **change(a, b)})
    units = []
    for name, info in src.ctx.units.items():
        counts = tally.by_unit[cur].get(name, {})
        a = sum(counts.values())
        b = sum(tally.by_unit[prev].get(name, {}).values())
        units.append({"unit": name, "unit_type": info["type"], "categories": [counts.get(n, 0) for n in names],
                      "current": a, "previous": b, **change(a, b)})
    order = {"government": 0, "department": 1, "town": 2}
    units.sort(key=lambda u: (order.get(u["unit_type"], 3), -u["current"], u["unit"]))
    silent = [u["unit"] for u in units if u["current"] == 0 and u["unit_type"] != "government"]
    return {"current_label": period.label, "previous_label": previous.label, "category_names": names,
            "categories": categories, "classes": classes, "units": units, "silent_units": silent,
            "partial": src.as_of < period.end}, tally


# -- history of check runs -----------------------------------------------------------

def check_history(src: Source, start: date, end: date) -> list[dict]:
    out = []
    for c in src.checks:
        if start.isoformat() <= c["as_of"] <= end.isoformat():
            severity = json.loads(c["by_severity"]) if c.get("by_severity") else {}
            out.append({"id": c["id"], "as_of": c["as_of"], "crawl_id": c["crawl_id"], "open": c["open"] or 0,
                        "veto": severity.get("veto", 0), "verdict": c["verdict"]})
    return out


def latest_per_period(history: list[dict], periods: list[Period]) -> dict:
    """period tag -> the latest check run whose as-of day falls in it."""
    out = {}
    for h in history:
        day = date.fromisoformat(h["as_of"])
        for p in periods:
            if p.contains(day):
                out[p.tag] = h
    return out


def dynamic_freshness(src: Source, runs: list[dict], limit: int = 60) -> list[dict]:
    """For each check run (at most `limit`, evenly spread): how old the newest item of each
    dynamic column was on the run's as-of day, as that run's crawl saw the column."""
    if len(runs) > limit:
        step = (len(runs) - 1) / (limit - 1)
        runs = [runs[round(i * step)] for i in range(limit)]
    # The dynamic columns first, then their items by index: joined the other way round,
    # SQLite read every item of the site (100,000 on a large one) to keep a tenth of them.
    rows = src.db.execute("""
        select i.column_url, substr(i.publish_date, 1, 10), i.first_crawl, i.last_crawl
        from temp.pw_col p cross join items i on i.site = ? and i.column_url = p.url
        where p.class = 'dynamic' and i.publish_date is not null
        order by i.column_url, i.publish_date desc""", [src.site]).fetchall()
    per_column = defaultdict(list)
    for url, day, first, last in rows:
        per_column[url].append((day, first or 0, last or 0))
    out = []
    for run in runs:
        as_of, crawl = run["as_of"], run["crawl_id"]
        ages = []
        for items in per_column.values():
            for day, first, last in items:
                if first <= crawl <= last and day <= as_of:
                    ages.append((date.fromisoformat(as_of) - date.fromisoformat(day)).days)
                    break
        out.append({"as_of": as_of, "columns": len(ages),
                    "median": statistics.median(ages) if ages else None,
                    "max": max(ages) if ages else None})
    return out
