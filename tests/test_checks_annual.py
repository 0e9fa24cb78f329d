"""The 年报 application table: read as the seed prints it, and checked arithmetically."""
from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from crawler.checks import evaluate, load_rules
from crawler.checks.annual_table import cross_check, read_application_table, readable
from crawler.checks.synthetic import SiteBuilder
from crawler.store import open_db

SEED = Path("/work/shared/seed/000_f741707a834a030b.txt")
if not SEED.exists():
    SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_f741707a834a030b.txt"
RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture(scope="module")
def seed_rows() -> list[list[str]]:
    """收到和处理政府信息公开申请情况 of the seed's 2019 report, tab-separated, as rows of cells."""
    if not SEED.exists():
        pytest.skip("the seed document is not available")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "本列数据的勾稽关系" in line)
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("四、结转下年度"))
    return [line.split("\t") for line in lines[start:end + 1] if line.strip()]


def test_seed_table_is_read(seed_rows):
    t = read_application_table(seed_rows)
    assert t.columns == ["自然人", "商业企业", "科研机构", "社会组织", "法律服务机构", "其他", "总计"]
    assert t.new == [83, 10, 0, 0, 0, 0, 93]
    assert t.carried_in == [2, 0, 0, 0, 0, 0, 2]
    assert t.total == [85, 9, 0, 0, 0, 0, 94]
    assert t.carried_out == [0, 1, 0, 0, 0, 0, 1]
    assert [c.marker for c in t.categories.values()] == list("一二三四五六")
    assert [len(c.items) for c in t.categories.values()] == [0, 0, 8, 3, 5, 0]
    assert t.categories["三"].label == "不予公开"
    assert t.unread == [] and readable(t)


def test_seed_table_passes(seed_rows):
    assert cross_check(read_application_table(seed_rows)) == []


def _numeric_cells(rows):
    return [(r, c) for r, row in enumerate(rows) for c, cell in enumerate(row) if cell.strip().isdigit()]


def test_every_single_altered_cell_fails(seed_rows):
    cells = _numeric_cells(seed_rows)
    assert len(cells) == 23 * 7          # 23 data rows, 6 applicant columns + 总计
    for r, c in cells:
        rows = copy.deepcopy(seed_rows)
        rows[r][c] = str(int(rows[r][c]) + 1)
        assert cross_check(read_application_table(rows)), f"altering row {r} cell {c} went unnoticed"


def test_altered_copy_names_the_broken_relations(seed_rows):
    rows = copy.deepcopy(seed_rows)
    row = next(r for r in rows if "上年结转" in "".join(r))
    row[2] = "3"                                   # 二、上年结转 自然人 2 -> 3
    issues = cross_check(read_application_table(rows))
    assert {(i["check"], i["column"]) for i in issues} == {("balance", "自然人"), ("row_total", "总计")}
    balance = next(i for i in issues if i["check"] == "balance")
    assert (balance["expected"], balance["found"]) == (86, 85)


def test_html_layout_with_merged_cells(seed_rows):
    """The crawler's tables keep a merged cell once: drop the empty cells the text export pads."""
    rows = [[cell for cell in row if cell.strip()] for row in seed_rows]
    t = read_application_table(rows)
    assert readable(t) and cross_check(t) == []
    rows[-1][-2] = "5"                             # 四、结转下年度 其他 0 -> 5
    assert {i["check"] for i in cross_check(read_application_table(rows))} == {"balance", "row_total"}


def test_a_category_subtotal_row_is_checked():
    rows = [["", "自然人", "商业企业", "总计"],
            ["一、本年新收政府信息公开申请数量", "5", "1", "6"],
            ["二、上年结转政府信息公开申请数量", "0", "0", "0"],
            ["三、本年度办理结果", "（一）予以公开", "3", "1", "4"],
            ["（三）不予公开", "2", "0", "2"],
            ["1.属于国家秘密", "1", "0", "1"],
            ["2.其他法律行政法规禁止公开", "0", "0", "0"],
            ["（七）总计", "5", "1", "6"],
            ["四、结转下年度继续办理", "0", "0", "0"]]
    issues = cross_check(read_application_table(rows))
    assert [(i["check"], i["column"], i["expected"], i["found"]) for i in issues] == [
        ("category", "自然人", 1, 2), ("category", "总计", 1, 2)]


def test_other_tables_are_not_application_tables():
    assert read_application_table([["行政复议", "10"], ["结果维持", "10"]]) is None


def test_rule_reports_only_the_inconsistent_report(tmp_path, seed_rows):
    b = SiteBuilder(open_db(tmp_path / "t.db"))
    col = b.column("/nb/index.html", "政府信息公开年报")
    good = b.item(col, "/nb/1.html", "2019年政府信息公开工作年度报告", date="2020-02-01",
                  tables=[[["发布机构", "罗庄区"], ["x", "1"]], seed_rows])
    bad_rows = copy.deepcopy(seed_rows)
    next(r for r in bad_rows if "本年新收" in "".join(r))[2] = "84"
    bad = b.item(col, "/nb/2.html", "2018年政府信息公开工作年度报告", date="2019-02-01", tables=[bad_rows])
    crawl = b.write_crawl()
    _, found, _ = evaluate(b.db, b.site, crawl, date(2020, 3, 1), load_rules(RULES))
    [f] = [f for f in found if f.kind == "annual_report_arithmetic"]
    assert f.url == bad and good != bad
    assert {i["check"] for i in f.evidence["issues"]} == {"balance", "row_total"}
    assert "勾稽" in f.detail
