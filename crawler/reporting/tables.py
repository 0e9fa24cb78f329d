"""A report's data as plain tables (one per section), for the XLSX sheets and the CSV file.

A table is {"name", "title", "columns": [(key, label, width, type)], "rows": [dict]};
types: text, int, float, date. Every kind of report has its sheets and one main list
(`main_table`) that the CSV holds: the evidence list, the list of tasks, the units' counts.
"""
from __future__ import annotations

from datetime import date

T, I, F, D = "text", "int", "float", "date"


def table(name: str, title: str, columns: list[tuple], rows: list[dict]) -> dict:
    return {"name": name, "title": title, "columns": columns, "rows": rows}


def cover(report: dict) -> dict:
    meta = report["meta"]
    facts = [("报告", f"{meta['period_label']}{meta['title']}"), ("网站名称", meta["site_name"]),
             ("网站标识码", meta["site_id_code"]), ("网站域名", meta["domain"]), ("首页地址", meta["home_url"]),
             ("报告期间", f"{meta['period_start']} 至 {meta['period_end']}"), ("数据截至", meta["as_of"]),
             ("期间状态", "进行中（" + meta["progress_note"] + "）" if meta["in_progress"] else "已结束"),
             ("检查编号", meta["check_id"]), ("抓取编号", meta["crawl_id"]), ("规则", meta["rules_hash"]),
             ("生成时间", meta["generated_at"]), ("生成人", meta["generated_by"]),
             ("生成工具", f"portalwatch {meta['version']}")]
    if "verdict" in report:
        facts.insert(7, ("总体结论", report["verdict"]["overall"]))
    return table("封面", meta["title"], [("item", "项目", 14, T), ("value", "内容", 70, T)],
                 [{"item": k, "value": v} for k, v in facts])


def verdict(report: dict) -> dict:
    v = report["verdict"]
    rows = [{**r, "kind": "单项否决"} for r in v["rows"]]
    rows.append({"label": "总体结论", "verdict": v["overall"], "kind": "单项否决"})
    rows += [{**r, "kind": "其他指标", "verdict": r["level_label"] if r["level"] == "warning" else ""}
             for r in v["other"]]
    return table("检查结论", "单项否决指标与其他监测指标", [
        ("kind", "类型", 10, T), ("indicator", "指标代码", 22, T), ("label", "指标", 26, T), ("value", "监测结果", 14, T),
        ("count", "问题数", 9, I), ("threshold_text", "否决标准", 16, T), ("warn_at", "预警线", 8, I),
        ("verdict", "结论", 10, T), ("level_label", "级别", 8, T)], rows)


def groups(report: dict) -> dict:
    rows = []
    for g in report["groups"]["groups"]:
        rows.append({"group": g["name"], "label": "（小计）", **{k: g[k] for k in
                     ("veto", "deduct", "warning", "total", "outstanding", "points")}})
        rows += [{"group": g["name"], **r} for r in g["rows"]]
    rows.append({"group": "参考得分", "label": "", "points": report["groups"]["score"]})
    return table("分类扣分", "扣分与预警（四类）", [
        ("group", "类别", 12, T), ("label", "指标", 26, T), ("veto", "单项否决", 10, I), ("deduct", "扣分", 8, I),
        ("warning", "预警", 8, I), ("total", "合计", 8, I), ("outstanding", "尚未整改", 10, I),
        ("points", "参考扣分", 10, F)], rows)


def units(report: dict, name: str = "单位问题") -> dict:
    u = report["units"]
    cols = [("rank", "序号", 6, I), ("unit", "单位", 20, T)]
    cols += [(f"c{i}", label, 10, I) for i, label in enumerate(u["columns"])]
    cols += [("total", "合计", 8, I), ("confirmed", "已确认", 8, I), ("open", "待审核", 8, I),
             ("done", "已整改/消除", 11, I), ("dismissed", "已排除", 8, I)]
    rows = [{**r, **{f"c{i}": v for i, v in enumerate(r["values"])}} for r in u["rows"]]
    return table(name, "责任单位问题统计", cols, rows)


def publication(report: dict) -> list[dict]:
    p = report["publication"]
    cur, prev = p["current_label"], p["previous_label"]
    change = [("current", cur, 14, I), ("previous", prev, 14, I), ("diff", "增减", 8, I), ("pct", "增减幅度", 10, T)]
    out = [table("信息发布", "信息发布（年度报表口径）", [("name", "类别", 22, T), *change], p["categories"]),
           table("栏目类型", "按栏目类型", [("label", "栏目类型", 18, T), ("cls", "类型代码", 14, T), *change],
                 p["classes"])]
    cols = [("unit", "单位", 20, T)] + [(f"c{i}", n, 12, I) for i, n in enumerate(p["category_names"])]
    rows = [{**r, **{f"c{i}": v for i, v in enumerate(r["categories"])}} for r in p["units"]]
    extra = [("findings", "问题数", 8, I), ("score", "参考得分", 9, F)] if report["kind"] == "annual" else []
    out.append(table("单位发布", "各单位信息发布", cols + change + extra, rows))
    return out


EVIDENCE = [("id", "编号", 7, I), ("status_label", "审核状态", 9, T), ("kind_label", "问题类型", 16, T),
            ("severity_label", "严重程度", 9, T), ("indicator_label", "指标", 18, T), ("unit", "单位", 16, T),
            ("column", "栏目", 36, T), ("detail", "问题说明", 60, T), ("url", "网址", 50, T),
            ("brief", "依据", 24, T), ("first_seen", "首次发现", 11, D), ("last_seen", "最近发现", 11, D),
            ("resolved_on", "消除日期", 11, D), ("decided_by", "审核人", 10, T), ("kind", "问题代码", 26, T),
            ("status", "状态代码", 10, T)]


def evidence(report: dict) -> dict:
    return table("问题清单", "问题证据清单（不含已排除）", EVIDENCE, report["evidence"]["rows"])


def trends(report: dict) -> list[dict]:
    t = report["trends"]
    history = [{**h, "as_of": date.fromisoformat(h["as_of"])} for h in t["history"]]
    fresh = [{**f, "as_of": date.fromisoformat(f["as_of"])} for f in t["freshness"]]
    return [table("检查历史", "历次检查", [("id", "检查编号", 9, I), ("as_of", "检查日", 12, D),
                                          ("crawl_id", "抓取编号", 9, I), ("open", "存在问题", 9, I),
                                          ("veto", "单项否决问题", 12, I), ("verdict", "结论", 8, T)], history),
            table("动态栏目时效", "动态类栏目最新信息距检查日天数",
                  [("as_of", "检查日", 12, D), ("columns", "动态类栏目数", 12, I), ("median", "中位数（天）", 12, F),
                   ("max", "最久（天）", 12, I)], fresh)]


TASKS = [("unit", "单位", 16, T), ("id", "编号", 7, I), ("state", "整改状态", 9, T), ("status_label", "审核状态", 9, T),
         ("kind_label", "问题类型", 16, T), ("severity_label", "严重程度", 9, T), ("detail", "问题说明", 60, T),
         ("url", "网址", 50, T), ("first_seen", "首次发现", 11, D), ("due", "整改期限", 11, D), ("kind", "问题代码", 26, T)]


def bulletin_units(report: dict) -> dict:
    rows = [{**u, "n": n} for n, u in enumerate(report["units"], 1)]
    return table("单位汇总", "有待整改问题的单位", [
        ("n", "序号", 6, I), ("unit", "单位", 20, T), ("new", "本期新发现", 10, I), ("carried", "延续未改", 10, I),
        ("veto", "单项否决", 10, I), ("overdue", "已逾期", 8, I), ("total", "合计", 8, I),
        ("first_due", "最早整改期限", 13, D)], rows)


def tasks(report: dict) -> dict:
    return table("整改清单", "整改清单", TASKS, report["problems"])


def months(report: dict) -> dict:
    names = report["publication"]["category_names"]
    cols = [("label", "月份", 12, T)] + [(f"c{i}", n, 14, I) for i, n in enumerate(names)] + [("total", "合计", 10, I)]
    rows = [{**m, **{f"c{i}": v for i, v in enumerate(m["categories"])}} for m in report["by_month"]]
    return table("各月发布", "各月信息发布", cols, rows)


def sheets(report: dict) -> list[dict]:
    kind = report["kind"]
    if kind == "rollup":
        from .rollup import table as rollup_table
        return [rollup_table(report)]
    if kind == "quarterly":
        return [cover(report), verdict(report), groups(report), units(report), *publication(report),
                *trends(report), evidence(report)]
    if kind == "annual":
        pub = publication(report)
        return [cover(report), pub[0], months(report), pub[2], pub[1], verdict(report), groups(report),
                units(report, "单位问题")]
    return [cover(report), bulletin_units(report), tasks(report), verdict(report)]


def main_table(report: dict) -> dict:
    """What the CSV holds."""
    kind = report["kind"]
    if kind == "rollup":
        return sheets(report)[0]
    if kind == "quarterly":
        return evidence(report)
    if kind == "annual":
        return publication(report)[2]
    return tasks(report)
