"""crawler/reporting pieces without a crawl: periods, settings, charts, CSV cells, the bench."""
from __future__ import annotations

from datetime import date

import pytest

from crawler.reporting import charts, csvout, tables, xlsx
from crawler.reporting.period import Period, PeriodError
from crawler.reporting.settings import SettingsError, load_settings


def test_periods():
    q = Period.parse("quarter", "2019Q4")
    assert (q.start, q.end, q.label, q.tag) == (date(2019, 10, 1), date(2019, 12, 31), "2019年第四季度", "2019Q4")
    assert q.previous() == Period("quarter", 2019, 3) and q.next() == Period("quarter", 2020, 1)
    assert [p.tag for p in q.recent(3)] == ["2019Q2", "2019Q3", "2019Q4"]
    assert Period.parse("quarter", "2020q1").previous().tag == "2019Q4"
    m = Period.parse("month", "2019-02")
    assert (m.start, m.end, m.label) == (date(2019, 2, 1), date(2019, 2, 28), "2019年2月")
    assert Period.parse("month", "2019-01").previous().tag == "2018-12"
    w = Period.parse("week", "2020-W01")
    assert (w.start, w.end, w.tag) == (date(2019, 12, 30), date(2020, 1, 5), "2020-W01")
    assert w.previous().tag == "2019-W52" and w.contains(date(2019, 12, 31))
    y = Period.parse("year", "2019")
    assert (y.start, y.end, y.label, y.previous().tag) == (date(2019, 1, 1), date(2019, 12, 31), "2019年度", "2018")
    for kind, text in (("quarter", "2019Q5"), ("month", "2019-13"), ("week", "2019-W54"), ("year", "19")):
        with pytest.raises(PeriodError):
            Period.parse(kind, text)


def test_settings_defaults_and_errors(tmp_path):
    s = load_settings()
    assert [g["name"] for g in s.groups] == ["发布解读", "办事服务", "互动交流", "功能设计"]
    assert s.group_of("broken_link", "broken_links") == "功能设计"
    assert s.group_of("overdue_reply", "poor_response") == "互动交流"
    assert s.group_of("new_kind", "new_indicator") == s.other_group
    assert s.category_of("dynamic", True) == "信息公开目录信息"       # the catalogue first
    assert s.category_of("dynamic", False) == "政务动态信息"
    assert s.category_of("static", False) == "概况类信息"
    assert s.category_of("longterm", False) == s.other_category
    assert s.column_of("stale_dynamic") == "栏目不更新" and s.column_of("typo") == s.other_label
    assert s.label("kinds", "broken_link") == "错链断链" and s.label("status", "confirmed") == "已确认"
    bad = tmp_path / "groups.yml"
    bad.write_text("due_days: {veto: soon}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="due_days.veto"):
        load_settings(bad)
    bad.write_text("publication: {categories: [{name: A}], match_order: [B]}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="match_order"):
        load_settings(bad)


def test_charts_are_plain_svg():
    bar = charts.bar_chart(["19Q3", "19Q4"], [{"name": "动态", "values": [3, 5]}, {"name": "目录", "values": [1, 0]}],
                           unit="条", title="信息<发布>")
    assert bar.startswith("<svg") and bar.endswith("</svg>") and "<script" not in bar
    assert "信息&lt;发布&gt;" in bar and ">4<" in bar and ">5<" in bar   # escaped title, stacked totals
    line = charts.line_chart(["a", "b", "c", "d"], [{"name": "x", "values": [1, None, 3, 4]}], threshold=2,
                             threshold_label="否决线")
    assert line.count("<polyline") == 1 and "stroke-dasharray" in line
    one = charts.line_chart(["12-31"], [{"name": "x", "values": [7]}])
    assert "<circle" in one and charts.nice_max(0) == 1 and charts.nice_max(87) == 100


def test_csv_cells_never_become_formulas():
    assert csvout._cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csvout._cell("-1") == "'-1" and csvout._cell("区教育局") == "区教育局"
    assert csvout._cell(date(2019, 12, 31)) == "2019-12-31" and csvout._cell(None) == ""


def test_xlsx_cells_never_become_formulas(tmp_path, monkeypatch):
    from openpyxl import load_workbook
    texts = ["=1+1", "=" + "长" * 30, "区教育局", "长" * 30]      # short and long, formula-like or not
    spec = tables.table("清单", "清单", [("text", "问题说明", 10, tables.T), ("day", "首次发现", 11, tables.D)],
                        [{"text": t, "day": date(2019, 12, 31)} for t in texts])
    monkeypatch.setattr(xlsx, "sheets", lambda report: [spec])
    meta = {"site_name": "区政府", "period_label": "2019年第四季度", "title": "报告", "version": "dev",
            "generated_by": "测试员"}
    ws = load_workbook(xlsx.write_xlsx({"meta": meta}, tmp_path / "x.xlsx"))["清单"]
    cells = [(row[0].value, row[0].data_type, row[0].alignment.wrap_text, row[1].value.date())
             for row in ws.iter_rows(min_row=3)]
    assert cells == [(t, "s", len(t) > 10 or None, date(2019, 12, 31)) for t in texts]


def test_bench_runs_on_a_small_store():
    from crawler.reporting.bench import bench
    lines = []
    result = bench(items=1500, formats=["html", "xlsx", "csv"], echo=lines.append)
    assert set(result) >= {"quarterly", "monthly", "annual"}
    assert result["quarterly"]["data"] > 0 and any(line.startswith("report quarterly 2019Q4") for line in lines)
