"""`portalwatch report`: the quarterly report, the bulletins and the annual statistics of the
crawled sample portal, in every format, read back and compared with what
`portalwatch findings --format json` says for the same period."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from lxml import html as lxml_html
from openpyxl import load_workbook

from conftest import portalwatch
from crawler import decisions
from crawler.checks.rulepack import load_rules

ROOT = Path(__file__).resolve().parents[1]
Q_START, Q_END = "2019-10-01", "2019-12-31"
HEADINGS = ["检查结论", "扣分与预警情况", "责任单位问题统计", "信息更新情况", "趋势", "问题证据清单"]


def report_cmd(*args, check=True):
    """`portalwatch report …`, as an operator runs it."""
    return portalwatch("report", *args, check=check)


@pytest.fixture(scope="module")
def checked(crawled_sample, tmp_path_factory):
    """The sample crawl checked as of 2019-12-31, with a few review decisions recorded."""
    work = tmp_path_factory.mktemp("reports")
    db_path = work / "sample.db"
    shutil.copy(crawled_sample.db_path, db_path)
    portalwatch("check", "--db", db_path, "--as-of", crawled_sample.as_of.isoformat())
    db = sqlite_utils.Database(db_path)
    decisions.ensure_schema(db)
    rows = list(db.query("select id, kind from findings order by id"))
    by_kind = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r["id"])
    confirmed = by_kind["stale_dynamic"] + by_kind["blank_column"][:2] + by_kind["overdue_reply"][:1]
    decisions.decide(db, confirmed, "confirmed", by="审核员")
    decisions.decide(db, by_kind["policy_interpretation_link"][:2], "dismissed", by="审核员", reason="误报")
    decisions.decide(db, by_kind["typo"][:1], "fixed", by="审核员")
    db.close()
    found = json.loads(portalwatch("findings", "--db", db_path, "--format", "json").stdout)
    return db_path, work, found


@pytest.fixture(scope="module")
def quarterly(checked):
    db_path, work, found = checked
    out = work / "q"
    result = report_cmd("--quarter", "2019Q4", "--db", db_path, "--format", "html,pdf,xlsx,csv",
                        "--out", out, "--by", "测试员")
    paths = {p.rsplit(".", 1)[1]: p for p in result.stdout.split()}
    assert set(paths) == {"html", "pdf", "xlsx", "csv"}, result.stdout
    in_period = [f for f in found if f["first_seen"] <= Q_END and f["last_seen"] >= Q_START]
    return paths, in_period, found


def _html(path):
    return lxml_html.fromstring(open(path, encoding="utf-8").read())


def _latest_check(db_path):
    db = sqlite_utils.Database(db_path)
    return db.execute("select id, verdict from checks order by as_of desc, id desc limit 1").fetchone()


# -- the quarterly report ---------------------------------------------------------------

def test_verdict_table_matches_the_findings(checked, quarterly):
    db_path = checked[0]
    paths, _, found = quarterly
    check_id, overall = _latest_check(db_path)
    indicators = load_rules().section("indicators")
    vetoes = Counter(f["indicator"] for f in found if f["severity"] == "veto" and f["last_check"] == check_id
                     and f["status"] != "resolved")
    page = _html(paths["html"])
    rows = page.xpath('//table[@id="verdict"]/tbody/tr')
    assert {r.get("data-indicator") for r in rows} == {k for k, v in indicators.items() if v.get("veto")}
    failed = False
    for r in rows:
        key = r.get("data-indicator")
        count = int(r.xpath('./td[@data-count]')[0].get("data-count"))
        assert count == vetoes.get(key, 0), key
        verdict = r.xpath('./td[@data-verdict]')[0].get("data-verdict")
        if r.get("data-level") == "unknown":          # not measured (too few probes): no verdict
            assert verdict == "" and count == 0, key
            continue
        expected = "不合格" if count >= indicators[key]["threshold"] else "合格"
        assert verdict == expected, key
        failed = failed or verdict == "不合格"
    assert page.xpath('//table[@id="verdict"]/tfoot//td[@data-verdict]')[0].get("data-verdict") == overall
    assert overall == ("不合格" if failed else "合格")
    wb = load_workbook(paths["xlsx"])
    ws = wb["检查结论"]
    header = [c.value for c in ws[2]]
    xl = {row[header.index("指标代码")]: row for row in ws.iter_rows(min_row=3, values_only=True)
          if row[header.index("类型")] == "单项否决" and row[header.index("指标代码")]}
    for key, row in xl.items():
        assert row[header.index("问题数")] == vetoes.get(key, 0), key


def test_unit_counts_match_the_findings(quarterly):
    paths, in_period, _ = quarterly
    want = defaultdict(Counter)
    for f in in_period:
        unit = f["unit"] or "本级"
        if f["status"] == "dismissed":
            want[unit]["dismissed"] += 1
            continue
        want[unit]["total"] += 1
        want[unit][f["status"] if f["status"] in ("confirmed", "open") else "done"] += 1
    page = _html(paths["html"])
    got = {}
    for tr in page.xpath('//table[@id="units"]/tbody/tr'):
        got[tr.get("data-unit")] = {td.get("data-key"): int(td.text_content().strip())
                                    for td in tr.xpath("./td[@data-key]")}
    assert set(got) == set(want)
    for unit, counts in want.items():
        for key in ("total", "confirmed", "open", "done", "dismissed"):
            assert got[unit][key] == counts.get(key, 0), (unit, key)
    ws = load_workbook(paths["xlsx"])["单位问题"]
    header = [c.value for c in ws[2]]
    xl = {r[header.index("单位")]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    for unit, counts in want.items():
        assert (xl[unit][header.index("合计")] or 0) == counts.get("total", 0), unit
        assert (xl[unit][header.index("已确认")] or 0) == counts.get("confirmed", 0), unit
    # ranked: the units with most outstanding problems first
    outstanding = [got[tr.get("data-unit")]["open"] + got[tr.get("data-unit")]["confirmed"]
                   for tr in page.xpath('//table[@id="units"]/tbody/tr')]
    assert outstanding == sorted(outstanding, reverse=True)


def test_evidence_rows_match_the_findings(quarterly):
    paths, in_period, _ = quarterly
    want = {f["id"]: f["status"] for f in in_period if f["status"] != "dismissed"}
    dismissed = sum(f["status"] == "dismissed" for f in in_period)
    assert dismissed == 2 and "confirmed" in want.values() and "fixed" in want.values()

    raw = open(paths["csv"], "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {int(r["编号"]): r["状态代码"] for r in rows} == want
    by_id = {f["id"]: f for f in in_period}
    for r in rows:
        f = by_id[int(r["编号"])]
        assert r["网址"] == (f["url"] or f["column_url"] or "")
        assert r["问题说明"] == f["detail"]
        assert r["首次发现"] == f["first_seen"] and r["单位"] == (f["unit"] or "本级")
        assert r["审核状态"] == decisions.STATUS_LABELS[f["status"]]

    page = _html(paths["html"])
    cap = yaml.safe_load(open(ROOT / "reports" / "groups.yml", encoding="utf-8"))["evidence_rows_per_kind"]
    assert max(Counter((f["status"], f["kind"]) for f in in_period).values()) <= cap   # so the HTML lists all
    html_rows = {int(tr.get("data-id")): tr.get("data-status")
                 for tr in page.xpath('//table[@id="evidence"]/tbody/tr[@data-id]')}
    assert html_rows == {k: v for k, v in want.items() if v in ("confirmed", "open")}   # still to fix
    statuses = [tr.get("data-status") for tr in page.xpath('//table[@id="evidence"]/tbody/tr[@data-id]')]
    assert statuses == sorted(statuses, key=["confirmed", "open"].index)            # confirmed first
    assert f"经审核排除的误报 {dismissed} 条" in page.text_content().replace("\n", "")

    ws = load_workbook(paths["xlsx"])["问题清单"]
    header = [c.value for c in ws[2]]
    xl = list(ws.iter_rows(min_row=3, values_only=True))
    assert {r[header.index("编号")]: r[header.index("状态代码")] for r in xl} == want
    first = xl[0][header.index("首次发现")]
    assert first.date() == date(2019, 12, 31)          # a date cell, not text


def test_xlsx_has_a_sheet_per_section(quarterly):
    paths = quarterly[0]
    wb = load_workbook(paths["xlsx"])
    for name in ("封面", "检查结论", "分类扣分", "单位问题", "信息发布", "栏目类型", "单位发布", "检查历史", "问题清单"):
        assert name in wb.sheetnames
        ws = wb[name]
        assert ws.freeze_panes == "A3"
        assert ws["A2"].value                              # the header row
    cover = {r[0]: r[1] for r in wb["封面"].iter_rows(min_row=3, values_only=True)}
    assert cover["网站标识码"] == "3713110001" and cover["生成人"] == "测试员"
    assert wb["问题清单"].column_dimensions["H"].width >= 40


def test_cover_and_sections(quarterly):
    paths = quarterly[0]
    page = _html(paths["html"])
    text = page.text_content()
    assert page.xpath('//*[@id="site-id-code"]')[0].text_content() == "3713110001"
    for words in ("罗庄区人民政府", "政府网站季度检查报告", "2019年第四季度", "2019年12月31日", "测试员", "portalwatch"):
        assert words in text
    assert not page.xpath('//*[@id="in-progress"]')
    for heading in HEADINGS:
        assert heading in text
    groups = [tr.get("data-group") for tr in page.xpath('//table[@id="groups"]/tbody/tr[@data-group]')]
    assert groups[:4] == ["发布解读", "办事服务", "互动交流", "功能设计"]
    assert page.xpath("//svg") and not page.xpath("//script") and not page.xpath("//link")
    assert "@page" in text or "@page" in open(paths["html"], encoding="utf-8").read()


def test_update_statistics_count_the_items(checked, quarterly):
    db_path = checked[0]
    paths = quarterly[0]
    db = sqlite_utils.Database(db_path)
    crawl = db.execute("select crawl_id from checks order by id desc limit 1").fetchone()[0]

    def count(start, end):
        return db.execute("select count(*) from items where first_crawl <= ? and last_crawl >= ? "
                          "and substr(publish_date, 1, 10) between ? and ?", [crawl, crawl, start, end]).fetchone()[0]

    ws = load_workbook(paths["xlsx"])["信息发布"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    total = rows[0]
    assert total[0] == "信息发布总数"
    assert total[1] == count(Q_START, Q_END) and total[2] == count("2019-07-01", "2019-09-30")
    assert sum(r[1] for r in rows[1:]) == total[1]
    units = list(load_workbook(paths["xlsx"])["单位发布"].iter_rows(min_row=3, values_only=True))
    assert sum(r[-4] for r in units) == total[1]


def test_pdf_text_and_fonts(quarterly):
    pdf = quarterly[0]["pdf"]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
    for heading in HEADINGS + ["罗庄区人民政府", "政府网站季度检查报告", "不合格"]:
        assert heading in text
    assert "\u25a1" not in text and "\ufffd" not in text
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "CJK" in line.split()[0], line
        assert " yes " in line, line                      # embedded
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert "595.28 x 841.89" in pages or "A4" in pages


# -- edge cases ----------------------------------------------------------------------------

def test_a_period_without_data_is_refused(checked, tmp_path):
    db_path = checked[0]
    result = report_cmd("--quarter", "2018Q1", "--db", db_path, "--out", tmp_path / "none", check=False)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "2018Q1" in result.stderr
    assert not (tmp_path / "none").exists() or not any((tmp_path / "none").iterdir())
    bad = report_cmd("--quarter", "2019Q5", "--db", db_path, check=False)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    both = report_cmd("--quarter", "2019Q4", "--month", "2019-12", "--db", db_path, check=False)
    assert both.returncode == 2


def test_a_quarter_in_progress_says_so(crawled_sample, tmp_path):
    db_path = tmp_path / "early.db"
    shutil.copy(crawled_sample.db_path, db_path)
    portalwatch("check", "--db", db_path, "--as-of", "2019-11-20")
    out = report_cmd("--quarter", "2019Q4", "--db", db_path, "--format", "html", "--out", tmp_path).stdout.split()
    page = _html(out[0])
    note = page.xpath('//*[@id="in-progress"]')[0].text_content()
    assert "季度进行中" in note and "2019年11月20日" in note


def test_bulletins_name_units_and_due_dates(checked, tmp_path):
    db_path, _, found = checked
    settings = yaml.safe_load(open(ROOT / "reports" / "groups.yml", encoding="utf-8"))
    for flag, value, start in (("--month", "2019-12", "2019-12-01"), ("--week", "2020-W01", "2019-12-30")):
        out = report_cmd(flag, value, "--db", db_path, "--format", "html,xlsx,csv", "--out", tmp_path).stdout.split()
        paths = {p.rsplit(".", 1)[1]: p for p in out}
        want = defaultdict(dict)
        for f in found:
            if f["last_seen"] >= "2019-12-31" and f["status"] in ("open", "confirmed"):
                due = date.fromisoformat(f["first_seen"]) + timedelta(days=settings["due_days"][f["severity"]])
                want[f["unit"] or "本级"][f["id"]] = due.isoformat()
        rows = list(csv.DictReader(io.StringIO(open(paths["csv"], "rb").read().decode("utf-8-sig"))))
        got = defaultdict(dict)
        for r in rows:
            got[r["单位"]][int(r["编号"])] = r["整改期限"]
        assert got == want
        page = _html(paths["html"])
        assert {tr.get("data-unit") for tr in page.xpath('//table[@id="bulletin-units"]/tbody/tr')} == set(want)
        new = sum(1 for f in found if f["first_seen"] >= start and f["status"] in ("open", "confirmed")
                  and f["last_seen"] >= "2019-12-31")
        ws = load_workbook(paths["xlsx"])["单位汇总"]
        header = [c.value for c in ws[2]]
        assert sum(r[header.index("本期新发现")] for r in ws.iter_rows(min_row=3, values_only=True)) == new


def test_html_lists_at_most_the_cap_and_the_files_hold_all(checked, quarterly, tmp_path):
    """groups.yml caps the rows of the evidence list (per kind) and of a bulletin (per unit)
    in the HTML and PDF; what is left out is counted there and the CSV still holds it."""
    db_path, _, found = checked
    in_period = quarterly[1]
    settings = yaml.safe_load(open(ROOT / "reports" / "groups.yml", encoding="utf-8"))
    settings.update(evidence_rows_per_kind=2, bulletin_rows_per_unit=1)
    mine = tmp_path / "groups.yml"
    mine.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")

    out = report_cmd("--quarter", "2019Q4", "--db", db_path, "--format", "html,csv", "--settings", mine,
                     "--out", tmp_path).stdout.split()
    paths = {p.rsplit(".", 1)[1]: p for p in out}
    listed = defaultdict(list)
    for f in in_period:
        if f["status"] in ("confirmed", "open"):
            listed[f["status"], f["kind"]].append(f["id"])
    assert any(len(ids) > 2 for ids in listed.values())                  # the cap bites
    shown, more, status = defaultdict(list), {}, None
    for tr in _html(paths["html"]).xpath('//table[@id="evidence"]/tbody/tr'):
        if tr.get("class") == "sub":
            status = tr.get("data-status")
        elif tr.get("class") == "kind":
            more[status, tr.get("data-kind")] = tr.text_content()
        elif tr.get("data-id"):
            assert tr.get("data-status") == status
            shown[status, tr.get("data-kind")].append(int(tr.get("data-id")))
    assert {k: len(v) for k, v in shown.items()} == {k: min(len(v), 2) for k, v in listed.items()}
    for key, ids in listed.items():
        assert set(shown[key]) <= set(ids)
        assert (f"另有 {len(ids) - 2} 条" in more[key]) == (len(ids) > 2), more[key]
    rows = list(csv.DictReader(io.StringIO(open(paths["csv"], "rb").read().decode("utf-8-sig"))))
    assert sorted(int(r["编号"]) for r in rows) == sorted(f["id"] for f in in_period if f["status"] != "dismissed")

    out = report_cmd("--month", "2019-12", "--db", db_path, "--format", "html,csv", "--settings", mine,
                     "--out", tmp_path).stdout.split()
    paths = {p.rsplit(".", 1)[1]: p for p in out}
    tasks = defaultdict(dict)                     # unit -> id -> how urgent (smallest first)
    severity = {"veto": 0, "deduct": 1, "warning": 2}
    for f in found:
        if f["last_seen"] >= "2019-12-31" and f["status"] in ("open", "confirmed"):
            due = date.fromisoformat(f["first_seen"]) + timedelta(days=settings["due_days"][f["severity"]])
            tasks[f["unit"] or "本级"][f["id"]] = (due >= date(2019, 12, 31), severity[f["severity"]], due, f["id"])
    assert any(len(ids) > 1 for ids in tasks.values())
    shown, notes = defaultdict(list), {}
    for tr in _html(paths["html"]).xpath('//table[@id="bulletin-tasks"]/tbody/tr'):
        if tr.get("data-id"):
            shown[tr.get("data-unit")].append(int(tr.get("data-id")))
        elif tr.get("class") == "sub":
            notes[tr.get("data-unit")] = tr.text_content()
    assert set(shown) == set(tasks)
    for unit, ids in tasks.items():
        assert shown[unit] == [min(ids, key=ids.get)], unit                # the most urgent
        assert (f"另有 {len(ids) - 1} 项" in notes[unit]) == (len(ids) > 1), notes[unit]
    rows = list(csv.DictReader(io.StringIO(open(paths["csv"], "rb").read().decode("utf-8-sig"))))
    assert len(rows) == sum(len(ids) for ids in tasks.values())


def test_annual_statistics(checked, tmp_path):
    db_path = checked[0]
    out = report_cmd("--year", "2019", "--db", db_path, "--format", "html,xlsx,csv", "--out", tmp_path).stdout.split()
    paths = {p.rsplit(".", 1)[1]: p for p in out}
    db = sqlite_utils.Database(db_path)
    crawl = db.execute("select crawl_id from checks order by id desc limit 1").fetchone()[0]
    year = db.execute("select count(*) from items where first_crawl <= ? and last_crawl >= ? and "
                      "substr(publish_date, 1, 10) between '2019-01-01' and '2019-12-31'", [crawl, crawl]).fetchone()[0]
    wb = load_workbook(paths["xlsx"])
    rows = list(wb["信息发布"].iter_rows(min_row=3, values_only=True))
    assert rows[0][0] == "信息发布总数" and rows[0][1] == year
    assert [r[0] for r in rows[1:4]] == ["概况类信息", "政务动态信息", "信息公开目录信息"]
    months = list(wb["各月发布"].iter_rows(min_row=3, values_only=True))
    assert len(months) == 12 and sum(r[-1] for r in months) == year
    units = list(csv.DictReader(io.StringIO(open(paths["csv"], "rb").read().decode("utf-8-sig"))))
    assert sum(int(r["2019年度"]) for r in units) == year
    assert all(0 <= float(r["参考得分"]) <= 100 for r in units)
    assert "政府网站工作年度统计" in _html(paths["html"]).text_content()


def test_an_office_adapts_the_templates(checked, tmp_path):
    db_path = checked[0]
    mine = tmp_path / "tpl"
    shutil.copytree(ROOT / "reports", mine)
    q = mine / "quarterly.j2"
    q.write_text(q.read_text(encoding="utf-8").replace("政府网站季度检查报告", "网站季度督查通报"), encoding="utf-8")
    g = mine / "groups.yml"
    g.write_text(g.read_text(encoding="utf-8").replace("name: 功能设计", "name: 功能与安全"), encoding="utf-8")
    out = report_cmd("--quarter", "2019Q4", "--db", db_path, "--format", "html", "--templates", mine,
                     "--out", tmp_path / "o").stdout.split()
    text = _html(out[0]).text_content()
    assert "网站季度督查通报" in text and "功能与安全" in text
    g.write_text("groups: [oops\n", encoding="utf-8")
    bad = report_cmd("--quarter", "2019Q4", "--db", db_path, "--templates", mine, check=False)
    assert bad.returncode == 2 and "groups.yml" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
