"""A report's data, built once from SQL as plain dicts; every format renders the same dict.

    build(db, "quarterly", Period.parse("quarter", "2019Q4"), "sample", settings)

Kinds: `quarterly` (季度检查报告), `monthly` / `weekly` (月通报 / 周调度: the short form),
`annual` (年度报表 信息发布 counts). The period's data come from its latest check run
(the `checks` row with the latest as-of day in the period), that run's crawl and verdicts,
and the findings seen during the period with their effective review status.
"""
from __future__ import annotations

import getpass
import os
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from . import charts, stats
from .period import Period, cn_date
from .settings import Settings
from crawler.checks.base import iso_to_date
from .source import DONE, OUTSTANDING, Source, identity, open_source, period_findings, status_counts

TITLES = {"quarterly": "政府网站季度检查报告", "monthly": "政府网站内容保障月通报",
          "weekly": "政府网站内容保障周调度", "annual": "政府网站工作年度报表（信息发布）"}
SEVERITY_ORDER = {"veto": 0, "deduct": 1, "warning": 2}
STATUS_ORDER = {"confirmed": 0, "open": 1, "fixed": 2, "resolved": 3, "dismissed": 4}


def build(db, kind: str, period: Period, site: str, settings: Settings, *, by: str | None = None,
          rules_path=None, site_config=None, now: datetime | None = None) -> dict:
    src = open_source(db, site, period, rules_path=rules_path, site_config=site_config)
    meta = cover(src, kind, settings, by=by, now=now)
    builder = {"quarterly": quarterly, "monthly": bulletin, "weekly": bulletin, "annual": annual}[kind]
    report = {"kind": kind, "meta": meta, **builder(src, settings)}
    report["labels"] = settings.labels
    return report


# -- the cover ------------------------------------------------------------------------

def operator(by: str | None = None) -> str:
    if by:
        return by
    for name in ("PORTALWATCH_OPERATOR", "USER", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        return getpass.getuser()
    except Exception:     # pragma: no cover - no user database
        return "—"


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as dist_version
    try:
        return dist_version("portalwatch")
    except PackageNotFoundError:     # pragma: no cover - run from a source tree
        return "dev"


def cover(src: Source, kind: str, settings: Settings, *, by=None, now=None) -> dict:
    now = now or datetime.now().astimezone()
    period = src.period
    in_progress = src.as_of < period.end
    note = ""
    if in_progress:
        note = (f"本{period.unit_name}尚未结束：数据截至 {cn_date(src.as_of)}，"
                f"为{period.unit_name}中报告（{period.unit_name}进行中），期末数据以正式报告为准。")
    rules_note = ""
    if src.rules.digest != src.check.get("rules_hash"):
        rules_note = "栏目分类所用规则与检查时不同（规则已修改），信息发布统计按当前规则分类。"
    return {
        **identity(src), "title": TITLES[kind], "kind": kind,
        "period_label": period.label, "period_span": period.span, "period_tag": period.tag,
        "period_start": period.start, "period_end": period.end,
        "as_of": src.as_of, "as_of_cn": cn_date(src.as_of), "in_progress": in_progress, "progress_note": note,
        "generated_at": now.strftime("%Y-%m-%d %H:%M"), "generated_on_cn": cn_date(now.date()),
        "generated_by": operator(by), "version": version(),
        "check_id": src.check["id"], "crawl_id": src.crawl_id, "rules_hash": src.check.get("rules_hash"),
        "rules_note": rules_note, "crawl_started": (src.crawl or {}).get("started"),
        "crawl_finished": (src.crawl or {}).get("finished"), "settings": settings.source,
        "government": src.ctx.government_name,
    }


# -- the verdict ----------------------------------------------------------------------

def verdict(src: Source, settings: Settings) -> dict:
    order = {k: n for n, k in enumerate(src.rules.section("indicators") or {})}
    rows = list(src.db.query("select * from verdicts where check_id = ?", [src.check["id"]]))
    rows.sort(key=lambda v: (-v["veto"], order.get(v["indicator"], 99), v["indicator"]))
    out_veto, out_other = [], []
    for v in rows:
        row = {"indicator": v["indicator"], "label": v["label"], "value": v["value"], "count": v["count"],
               "threshold": v["threshold"], "warn_at": v["warn_at"], "verdict": v["verdict"],
               "level": v["level"], "level_label": settings.label("level", v["level"]),
               "threshold_text": threshold_text(src, v)}
        (out_veto if v["veto"] else out_other).append(row)
    failed = [r["label"] for r in out_veto if r["verdict"] == "不合格"]
    warned = [r["label"] for r in out_veto if r["level"] == "warning"]
    unknown = [f"{r['label']}（{r['value']}）" for r in out_veto if r["level"] == "unknown"]
    return {"overall": src.check.get("verdict") or ("不合格" if failed else "合格"), "rows": out_veto,
            "other": out_other, "failed": failed, "warned": warned, "unknown": unknown}


def threshold_text(src: Source, v: dict) -> str:
    """The veto threshold as a person reads it (the rule's days or percent where it has one)."""
    if not v["veto"]:
        return ""
    from crawler.checks.kinds import KINDS
    for name in KINDS:
        params = src.rules.kind(name)
        if params.get("indicator") != v["indicator"]:
            continue
        if "veto_percent" in params:
            return f"失败率≥{params['veto_percent']}%"
        if name == "homepage_stale" and "days" in params:
            return f"≥{params['days']} 天未更新"
    return f"≥{v['threshold']} 个"


# -- findings by group, by unit, as evidence ------------------------------------------------

def groups(rows: list[dict], settings: Settings, indicator_labels: dict) -> dict:
    kept = [r for r in rows if r["review_status"] != "dismissed"]
    by_group = defaultdict(lambda: defaultdict(Counter))
    for r in kept:
        g = settings.group_of(r["kind"], r["indicator"])
        c = by_group[g][r["indicator"]]
        c[r["severity"]] += 1
        c["total"] += 1
        if r["review_status"] in OUTSTANDING:
            c["outstanding"] += 1
            if r["severity"] != "veto":
                c["pointed"] += 1
    names = [g["name"] for g in settings.groups]
    if settings.other_group in by_group and settings.other_group not in names:
        names.append(settings.other_group)
    notes = {g["name"]: g["note"] for g in settings.groups}
    out, total_points = [], 0.0
    for name in names:
        listed = next((g["indicators"] for g in settings.groups if g["name"] == name), [])
        keys = [k for k in listed if k in by_group[name]] + sorted(k for k in by_group[name] if k not in listed)
        lines, sums, points = [], Counter(), 0.0
        for key in keys:
            c = by_group[name][key]
            spec = settings.points.get(key)
            p = min(spec["max"], spec["each"] * c["pointed"]) if spec else 0.0
            points += p
            sums.update(c)
            lines.append({"indicator": key, "label": indicator_labels.get(key, key), "veto": c["veto"],
                          "deduct": c["deduct"], "warning": c["warning"], "total": c["total"],
                          "outstanding": c["outstanding"], "points": round(p, 2)})
        total_points += points
        out.append({"name": name, "note": notes.get(name, ""), "rows": lines, "veto": sums["veto"],
                    "deduct": sums["deduct"], "warning": sums["warning"], "total": sums["total"],
                    "outstanding": sums["outstanding"], "points": round(points, 2)})
    score = max(0.0, 100 - total_points)
    return {"groups": out, "points": round(total_points, 2), "score": round(score, 1),
            "score_ok": score >= settings.pass_score, "pass_score": settings.pass_score}


def unit_name(r: dict, settings: Settings) -> str:
    return r.get("unit") or settings.unassigned_unit


def units(rows: list[dict], settings: Settings, unit_types: dict) -> dict:
    labels = [c["label"] for c in settings.accountability]
    if any(settings.column_of(r["kind"]) == settings.other_label for r in rows):
        labels.append(settings.other_label)
    table = {}
    for r in rows:
        name = unit_name(r, settings)
        u = table.setdefault(name, {"unit": name, "unit_type": unit_types.get(name, ""),
                                    "cols": Counter(), "total": 0, "veto": 0, "confirmed": 0, "open": 0,
                                    "done": 0, "dismissed": 0})
        if r["review_status"] == "dismissed":
            u["dismissed"] += 1
            continue
        u["cols"][settings.column_of(r["kind"])] += 1
        u["total"] += 1
        u["veto"] += r["severity"] == "veto"
        if r["review_status"] == "confirmed":
            u["confirmed"] += 1
        elif r["review_status"] == "open":
            u["open"] += 1
        else:
            u["done"] += 1
    ranked = sorted(table.values(), key=lambda u: (-(u["confirmed"] + u["open"]), -u["veto"], -u["total"],
                                                   u["unit"]))
    rank = 0
    for u in ranked:
        u["outstanding"] = u["confirmed"] + u["open"]
        u["values"] = [u["cols"].get(label, 0) for label in labels]
        if u["total"]:
            rank += 1
            u["rank"] = rank
        else:
            u["rank"] = None
    sums = {"values": [sum(u["values"][i] for u in ranked) for i in range(len(labels))]}
    for key in ("total", "veto", "confirmed", "open", "done", "dismissed", "outstanding"):
        sums[key] = sum(u[key] for u in ranked)
    return {"columns": labels, "rows": ranked, "sums": sums}


def brief(kind: str, ev: dict) -> str:
    """The dates or statuses behind a finding, in a few words."""
    if kind.startswith("stale_") or kind == "homepage_stale":
        if ev.get("newest"):
            return f"最新信息 {ev['newest']}（{ev.get('age_days', '')} 天）"
        return "无发布日期"
    if kind == "broken_link":
        return f"HTTP {ev['status']}" if ev.get("status") else (ev.get("error") or "无响应")
    if kind == "overdue_reply":
        reply = ev.get("reply_date") or "未回复"
        return f"来信 {ev.get('letter_date', '')}，回复 {reply}"
    if kind == "date_suspicious":
        d = ev.get("dates") or {}
        return f"列表 {d.get('list_date') or '—'}，文章 {d.get('publish_date') or '—'}"
    if kind == "policy_interpretation_link" and ev.get("publish_date"):
        return f"发布 {ev['publish_date']}"
    if kind == "missing_catalogue":
        return ev.get("entry", "")
    if kind == "typo":
        return f"「{ev.get('wrong', '')}」→「{ev.get('right', '')}」"
    if kind == "footer_missing":
        return f"{ev.get('label', '')} {ev.get('pages', '')}/{ev.get('of_pages', '')} 页"
    return ""


def evidence_rows(rows: list[dict], settings: Settings, indicator_labels: dict) -> list[dict]:
    """Every finding not dismissed, as the evidence list shows it: confirmed first, the most
    severe first, then by kind, unit and id."""
    kept = [r for r in rows if r["review_status"] != "dismissed"]
    kept.sort(key=lambda r: (STATUS_ORDER.get(r["review_status"], 9), SEVERITY_ORDER.get(r["severity"], 9),
                             r["kind"], unit_name(r, settings), r["id"]))
    return [{
        "id": r["id"], "kind": r["kind"], "kind_label": settings.label("kinds", r["kind"]),
        "indicator": r["indicator"], "indicator_label": indicator_labels.get(r["indicator"], r["indicator"]),
        "severity": r["severity"], "severity_label": settings.label("severity", r["severity"]),
        "status": r["review_status"], "status_label": settings.label("status", r["review_status"]),
        "reviewed": r["review_status"] != "open", "unit": unit_name(r, settings),
        "column": r.get("column_name") or "", "url": r.get("url") or r.get("column_url") or "",
        "detail": r.get("detail") or "", "brief": brief(r["kind"], r["evidence"]),
        "first_seen": iso_to_date(r["first_seen"]), "last_seen": iso_to_date(r["last_seen"]),
        "resolved_on": iso_to_date(r.get("resolved_on")), "decided_by": r.get("decided_by") or "",
        "present": r["present"],
    } for r in kept]


def evidence(rows: list[dict], settings: Settings, indicator_labels: dict) -> dict:
    """`rows`: the whole list (XLSX, CSV). `sections`: what is still to fix, confirmed then
    awaiting review, each by kind with at most `evidence_rows_per_kind` rows (HTML, PDF:
    every listed row costs the PDF time and pages; the files hold the rest)."""
    out = evidence_rows(rows, settings, indicator_labels)
    counts = status_counts(rows)
    cap = settings.evidence_rows_per_kind
    sections = []
    for status in OUTSTANDING[::-1]:            # confirmed first, then those awaiting review
        kinds = {}
        for row in (r for r in out if r["status"] == status):
            k = kinds.setdefault(row["kind"], {"kind": row["kind"], "kind_label": row["kind_label"],
                                               "count": 0, "rows": []})
            k["count"] += 1
            if not cap or len(k["rows"]) < cap:
                k["rows"].append(row)
        for k in kinds.values():
            k["more"] = k["count"] - len(k["rows"])
        sections.append({"status": status, "label": settings.label("status", status), "kinds": list(kinds.values()),
                         "count": counts.get(status, 0)})
    return {"rows": out, "sections": sections, "cap": cap,
            "hidden_total": sum(k["more"] for s in sections for k in s["kinds"]),
            "counts": {s: counts.get(s, 0) for s in ("confirmed", "open", "fixed", "resolved", "dismissed")},
            "total": len(rows)}


def _indicator_labels(src: Source) -> dict:
    return {k: v.get("label", k) for k, v in (src.rules.section("indicators") or {}).items()}


def _unit_types(src: Source) -> dict:
    return {name: info["type"] for name, info in src.ctx.units.items()}


# -- trends ---------------------------------------------------------------------------

def trends(src: Source, settings: Settings, tally: stats.Tally, periods: list[Period]) -> dict:
    period = src.period
    names = [c["name"] for c in settings.categories] + [settings.other_category]
    series = [{"name": n, "values": [tally.by_cat[p.tag].get(n, 0) for p in periods]} for n in names]
    series = [s for s in series if any(s["values"])] or series[:1]
    out = {"charts": []}
    out["charts"].append({"title": f"近{len(periods)}个{period.unit_name}信息发布数量",
                          "svg": charts.bar_chart([p.short for p in periods], series, unit="条",
                                                  title="信息发布数量"),
                          "note": "按发布日期统计本期抓取所见信息；分类同年度报表。"})
    history = stats.check_history(src, periods[0].start, period.end)
    latest = stats.latest_per_period(history, periods)
    out["periods"] = [{"label": p.label, "short": p.short, "published": tally.total[p.tag],
                       "check": latest.get(p.tag)} for p in periods]
    one_year = len({h["as_of"][:4] for h in history}) <= 1
    labels = [h["as_of"][5:] if one_year else h["as_of"][2:] for h in history]
    out["charts"].append({
        "title": "历次检查发现的问题数",
        "svg": charts.line_chart(labels, [{"name": "存在问题", "values": [h["open"] for h in history]},
                                          {"name": "单项否决问题", "values": [h["veto"] for h in history],
                                           "color": "#c0392b"}],
                                 unit="个", title="历次检查发现的问题数"),
        "note": f"共 {len(history)} 次检查（{periods[0].label}以来）；每次检查时仍存在的问题，含待审核。"})
    runs = [h for h in history if period.contains(date.fromisoformat(h["as_of"]))]
    fresh = stats.dynamic_freshness(src, runs)
    days = src.rules.kind("stale_dynamic").get("days", 14)
    out["charts"].append({
        "title": "动态类栏目最新信息距检查日天数",
        "svg": charts.line_chart([f["as_of"][5:] for f in fresh],
                                 [{"name": "最久未更新栏目", "values": [f["max"] for f in fresh],
                                   "color": "#d68910"},
                                  {"name": "中位数", "values": [f["median"] for f in fresh]}],
                                 unit="天", threshold=days, threshold_label=f"{days} 天否决线",
                                 title="动态类栏目更新时效"),
        "note": f"本{period.unit_name}内每次抓取（共 {len(fresh)} 次）所见动态类栏目"
                f"（{fresh[-1]['columns'] if fresh else 0} 个）最新信息的天数。"})
    out["freshness"] = fresh
    out["history"] = history
    return out


# -- the reports ------------------------------------------------------------------------

def quarterly(src: Source, settings: Settings) -> dict:
    rows = period_findings(src)
    labels = _indicator_labels(src)
    periods = src.period.recent(settings.trend_periods + 1)
    pub, tally = stats.publication(src, settings, src.period, src.period.previous(), periods)
    return {"verdict": verdict(src, settings), "groups": groups(rows, settings, labels),
            "units": units(rows, settings, _unit_types(src)), "publication": pub,
            "trends": trends(src, settings, tally, periods), "evidence": evidence(rows, settings, labels)}


def bulletin(src: Source, settings: Settings) -> dict:
    """The short form: which unit must fix what by when."""
    rows = period_findings(src)
    labels = _indicator_labels(src)
    period, as_of = src.period, src.as_of
    ev = {r["id"]: r for r in evidence_rows(rows, settings, labels)}
    problems, done = [], []
    for r in rows:
        if r["review_status"] in DONE:
            done.append(r)
        if not (r["present"] and r["review_status"] in OUTSTANDING):
            continue
        first = iso_to_date(r["first_seen"])
        due = first + timedelta(days=settings.due_days.get(r["severity"], 30))
        problems.append({**ev[r["id"]], "due": due, "overdue": due < as_of,
                         "new": first >= period.start,
                         "state": "已逾期" if due < as_of else ("新发现" if first >= period.start else "整改中")})
    problems.sort(key=lambda p: (unit_name(p, settings), not p["overdue"], SEVERITY_ORDER.get(p["severity"], 9),
                                 p["due"], p["id"]))
    by_unit = defaultdict(list)
    for p in problems:
        by_unit[p["unit"]].append(p)
    unit_types = _unit_types(src)
    table, cap, unit_cap = [], settings.evidence_rows_per_kind, settings.bulletin_rows_per_unit
    for name, items in by_unit.items():
        shown, per_kind = [], Counter()
        for p in items:      # overdue first, then by severity: what is cut is the least urgent
            per_kind[p["kind"]] += 1
            if not (cap and per_kind[p["kind"]] > cap) and not (unit_cap and len(shown) >= unit_cap):
                shown.append(p)
        table.append({"unit": name, "unit_type": unit_types.get(name, ""), "items": items, "shown": shown,
                      "hidden_total": len(items) - len(shown), "deadlines": deadlines(items, as_of),
                      "new": sum(p["new"] for p in items), "carried": sum(not p["new"] for p in items),
                      "overdue": sum(p["overdue"] for p in items), "veto": sum(p["severity"] == "veto" for p in items),
                      "total": len(items), "first_due": min(p["due"] for p in items)})
    table.sort(key=lambda u: (-u["overdue"], -u["veto"], -u["total"], u["unit"]))
    pub, _ = stats.publication(src, settings, period, period.previous())
    counts = status_counts(rows)
    summary = {"units": len(table), "problems": len(problems), "new": sum(p["new"] for p in problems),
               "overdue": sum(p["overdue"] for p in problems), "veto": sum(p["severity"] == "veto" for p in problems),
               "done": len(done), "dismissed": counts.get("dismissed", 0)}
    due_rules = [{"severity": settings.label("severity", s), "days": d} for s, d in settings.due_days.items()]
    return {"verdict": verdict(src, settings), "summary": summary, "units": table, "problems": problems,
            "publication": pub, "due_rules": due_rules, "row_cap": unit_cap}


def deadlines(items: list[dict], as_of: date) -> list[dict]:
    """A unit's problems by the day they are to be fixed by, earliest first, each day with
    the kinds due then and how many of each."""
    by_due = defaultdict(Counter)
    for p in items:
        by_due[p["due"]][p["kind_label"]] += 1
    return [{"due": due, "overdue": due < as_of, "kinds": [{"kind_label": k, "count": n} for k, n in kinds.items()]}
            for due, kinds in sorted(by_due.items())]


def annual(src: Source, settings: Settings) -> dict:
    """The year's 信息发布 counts as the 政府网站工作年度报表 asks, by month and by unit, with each
    unit's findings of the year and a reference score."""
    year = src.period
    months = [Period("month", year.year, m) for m in range(1, 13)]
    pub, tally = stats.publication(src, settings, year, year.previous(), months)
    names = pub["category_names"]
    by_month = [{"label": m.label, "short": m.short, "total": tally.total[m.tag],
                 "categories": [tally.by_cat[m.tag].get(n, 0) for n in names],
                 "future": m.start > src.as_of} for m in months]
    series = [{"name": n, "values": [m["categories"][i] for m in by_month]} for i, n in enumerate(names)]
    chart = charts.bar_chart([m["short"] for m in by_month], series, unit="条", title="各月信息发布数量",
                             width=680)
    rows = period_findings(src)
    labels = _indicator_labels(src)
    per_unit = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r["review_status"] != "dismissed":
            per_unit[unit_name(r, settings)][r["indicator"]] += 1
    for u in pub["units"]:
        found = per_unit.get(u["unit"], {})
        points = sum(min(settings.points[k]["max"], settings.points[k]["each"] * n)
                     for k, n in found.items() if k in settings.points)
        u["findings"] = sum(found.values())
        u["score"] = round(max(0.0, 100 - points), 1)
    return {"verdict": verdict(src, settings), "publication": pub, "by_month": by_month,
            "chart": chart, "groups": groups(rows, settings, labels),
            "units": units(rows, settings, _unit_types(src))}
