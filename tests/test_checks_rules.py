"""Each rule kind on small hand-built stores (crawler.store through SiteBuilder; no mocks)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from crawler.checks import evaluate
from crawler.checks.classify import load_columns
from crawler.checks.base import Context
from crawler.checks.overdue_reply import working_days
from crawler.checks.synthetic import FOOTER, SiteBuilder
from crawler.store import open_db

from conftest import AS_OF, ago


@pytest.fixture
def site(tmp_path):
    return SiteBuilder(open_db(tmp_path / "t.db"))


def run(b: SiteBuilder, rules, kind: str | None = None, as_of: date = AS_OF, site_rules=None):
    crawl = b.write_crawl()
    pack = rules.for_site(site_rules) if site_rules else rules
    _, found, _ = evaluate(b.db, b.site, crawl, as_of, pack)
    return [f for f in found if kind is None or f.kind == kind]


def urls(findings):
    return sorted(f.url for f in findings)


# -- staleness -----------------------------------------------------------------------

def test_dynamic_13_and_14_days_fresh_15_stale(site, rules):
    cols = {}
    for age in (13, 14, 15):
        cols[age] = site.column(f"/d{age}/index.html", f"工作动态{age}")
        site.item(cols[age], f"/d{age}/1.html", "新闻", date=ago(age))
        site.item(cols[age], f"/d{age}/2.html", "旧闻", date=ago(age + 40))
    found = run(site, rules, "stale_dynamic")
    assert urls(found) == [cols[15]]
    f = found[0]
    assert f.severity == "veto" and f.indicator == "columns_not_updated_1"
    assert f.evidence["newest"] == ago(15) and f.evidence["age_days"] == 15


def test_undated_items_count_as_not_updated(site, rules):
    undated = site.column("/u/index.html", "部门动态")
    site.item(undated, "/u/1.html", "没有日期的信息", date=None)
    mixed = site.column("/m/index.html", "街镇动态")
    site.item(mixed, "/m/1.html", "没有日期", date=None)
    site.item(mixed, "/m/2.html", "很久以前", date=ago(100))
    fresh = site.column("/f/index.html", "政务要闻")
    site.item(fresh, "/f/1.html", "没有日期", date=None)
    site.item(fresh, "/f/2.html", "新", date=ago(1))
    found = run(site, rules, "stale_dynamic")
    assert urls(found) == sorted([undated, mixed])
    by_url = {f.url: f for f in found}
    assert by_url[undated].evidence["newest"] is None and by_url[undated].evidence["undated"] == 1


def test_future_dated_item_does_not_freshen_a_column(site, rules):
    col = site.column("/d/index.html", "工作动态")
    site.item(col, "/d/1.html", "未来", date=(AS_OF + timedelta(days=3)).isoformat())
    site.item(col, "/d/2.html", "旧", date=ago(30))
    assert urls(run(site, rules, "stale_dynamic")) == [col]


def test_notice_policy_six_months_and_first_level_counts(site, rules):
    top = site.column("/tzgg/index.html", "通知公告")
    site.item(top, "/tzgg/1.html", "通知", date="2019-06-29")           # 6 months + 1 day
    ok = site.column("/zcwj/index.html", "政策文件")
    site.item(ok, "/zcwj/1.html", "文件", date="2019-06-30")           # exactly 6 months
    parent = site.column("/xxgk/index.html", "政务公开")
    deep = site.column("/xxgk/tz/index.html", "通知公告", parent=parent)
    site.item(deep, "/xxgk/tz/1.html", "通知", date="2019-01-01")
    found = {f.url: f for f in run(site, rules, "stale_notice_policy")}
    assert sorted(found) == sorted([top, deep])
    assert found[top].severity == found[deep].severity == "veto"
    assert found[deep].evidence["first_level"] == parent and found[top].evidence["first_level"] == top
    found = {f.url: f for f in run(site, rules, "stale_notice_policy",
                                   site_rules={"kinds": {"stale_notice_policy": {"veto_max_level": 1}}})}
    assert found[top].severity == "veto" and found[deep].severity == "deduct"


def test_longterm_one_year(site, rules):
    rs = site.column("/rs/index.html", "人事信息")
    site.item(rs, "/rs/1.html", "任免", date="2018-12-30")
    tj = site.column("/tj/index.html", "统计信息")
    site.item(tj, "/tj/1.html", "统计", date="2018-12-31")
    gk = site.column("/gk/index.html", "区情概况")        # static: never stale
    site.item(gk, "/gk/1.html", "概况", date="2010-01-01")
    assert urls(run(site, rules, "stale_longterm")) == [rs]


def test_historical_topics_are_exempt(site, rules):
    zt = site.column("/zt/index.html", "历史专题")
    dt = site.column("/zt/a/index.html", "工作动态", parent=zt)
    site.item(dt, "/zt/a/1.html", "旧", date="2015-01-01")
    assert run(site, rules, "stale_dynamic") == []


def test_home_page_stale_veto_and_warning(tmp_path, rules):
    def home_with(age, name):
        b = SiteBuilder(open_db(tmp_path / f"{name}.db"))
        col = b.column("/d/index.html", "工作动态")
        item = b.item(col, "/d/1.html", "新闻", date=ago(age))
        b.on_home(item, ago(age))
        return run(b, rules, "homepage_stale")

    assert home_with(10, "a") == []
    [warn] = home_with(11, "b")
    assert warn.severity == "warning"
    assert home_with(14, "c")[0].severity == "warning"
    [veto] = home_with(15, "d")
    assert veto.severity == "veto" and veto.evidence["age_days"] == 15


def test_navigation_only_home_is_judged_by_second_level_pages(site, rules):
    top = site.column("/a/index.html", "新闻中心")
    child = site.column("/a/b/index.html", "工作动态", parent=top)
    site.item(child, "/a/b/1.html", "新闻", date=ago(3))
    assert run(site, rules, "homepage_stale") == []


# -- blank columns -------------------------------------------------------------------

def test_blank_column_and_pagination(site, rules):
    blank = site.column("/kong/index.html", "工作动态")
    paged = site.column("/p2/index.html", "部门动态")
    site.item(paged, "/p2/1.html", "第二页才有", date=ago(1), page=2)
    parent = site.column("/par/index.html", "新闻中心")
    site.column("/par/c/index.html", "图片新闻", parent=parent)       # a blank leaf under a channel
    dead = site.column("/dead/index.html", "通知公告", status=404)      # dead, not blank
    static = site.column("/gk/index.html", "区情概况", page_kind="article")  # a content page
    leaders = site.column("/ldzc/index.html", "领导之窗")                # an undated list of leaders
    for n in range(3):
        site.link(leaders, f"/ldzc/ld{n}.html", f"副区长{n}")
    for source in (blank, leaders, paged, parent):                       # the menu on every page
        site.link(source, "/hdjl/xx.html", "区长信箱")
    found = run(site, rules, "blank_column")
    assert urls(found) == sorted([blank, site.url("/par/c/index.html")])
    assert all(f.severity == "veto" and f.indicator == "columns_not_updated_3" for f in found)
    assert dead not in urls(found) and static not in urls(found) and paged not in urls(found)
    assert leaders not in urls(found)


# -- catalogue -------------------------------------------------------------------------

def _catalogue(b: SiteBuilder, *, year: int = 2018, gov_report: str | None = None, drop=(), empty=()):
    """A catalogue: the government's entries, two departments and a town, reports on `year`."""
    root = b.column("/xxgk/index.html", "政府信息公开")
    entries = {"zn": "政府信息公开指南", "zd": "政府信息公开制度", "fd": "法定主动公开内容", "nb": "政府信息公开年报"}
    for key, name in entries.items():
        col = b.column(f"/xxgk/{key}/index.html", name, parent=root)
        title = (gov_report or f"XX区{year}年政府信息公开工作年度报告") if key == "nb" else name
        b.item(col, f"/xxgk/{key}/1.html", title, date=f"{year + 1}-03-20")
    group = b.column("/xxgk/bm/index.html", "部门", parent=root)
    units = [(f"/xxgk/bm/{n}", unit, group) for n, unit in enumerate(("区教育局", "区财政局"))]
    town = b.column("/xxgk/jz/index.html", "街镇", parent=root)
    units.append(("/xxgk/jz/0", "罗庄街道", town))
    for path, unit, parent in units:
        u = b.column(f"{path}/index.html", unit, parent=parent)
        for key, name in {"zn": "政府信息公开指南", "zd": "政府信息公开制度", "fd": "法定主动公开内容",
                          "nb": "政府信息公开年报"}.items():
            if (unit, key) in drop:
                continue
            col = b.column(f"{path}/{key}/index.html", name, parent=u)
            if (unit, key) in empty:
                continue
            title = f"{unit}{year}年度政府信息公开工作年报" if key == "nb" else name
            b.item(col, f"{path}/{key}/1.html", title, date=f"{year + 1}-01-20")


def test_units_come_from_the_catalogue_subtree(site, rules):
    _catalogue(site)
    site.write_crawl()
    ctx = Context(db=site.db, site=site.site, crawl_id=1, as_of=AS_OF, rules=rules)
    load_columns(ctx)
    assert {k: v["type"] for k, v in ctx.units.items()} == {
        "本级": "government", "区教育局": "department", "区财政局": "department", "罗庄街道": "town"}
    assert ctx.columns[site.url("/xxgk/bm/1/zd/index.html")].unit == "区财政局"
    assert ctx.columns[site.url("/xxgk/zn/index.html")].unit == "本级"


def test_complete_catalogue_has_no_findings(site, rules):
    _catalogue(site)
    assert run(site, rules, "missing_catalogue") == []


def test_missing_and_empty_catalogue_entries_name_unit_and_entry(site, rules):
    _catalogue(site, drop={("区教育局", "zd")}, empty={("区财政局", "fd")})
    found = run(site, rules, "missing_catalogue")
    got = sorted((f.unit, f.evidence["entry"], f.evidence["state"]) for f in found)
    assert got == [("区教育局", "政府信息公开制度", "absent"), ("区财政局", "法定主动公开内容", "empty")]
    absent = next(f for f in found if f.evidence["state"] == "absent")
    assert absent.url == site.url("/xxgk/bm/0/index.html")             # the unit's own column
    empty = next(f for f in found if f.evidence["state"] == "empty")
    assert empty.url == site.url("/xxgk/bm/1/fd/index.html")
    assert all("区" in f.detail for f in found)


def test_annual_report_deadlines(tmp_path, rules):
    def check(as_of, **kw):
        b = SiteBuilder(open_db(tmp_path / f"{as_of}-{len(tmp_path.name)}-{sorted(kw.items())}.db"))
        _catalogue(b, **kw)
        return sorted((f.unit, f.evidence.get("year")) for f in run(b, rules, "missing_catalogue", as_of=as_of))

    units = [("区教育局",), ("区财政局",), ("本级",), ("罗庄街道",)]
    depts = [("区教育局", 2019), ("区财政局", 2019), ("罗庄街道", 2019)]
    # Reports on 2019: departments and towns due 2020-01-31, the government 2020-03-31;
    # the report checked is the latest one whose deadline has passed.
    assert check(date(2020, 1, 31), year=2018) == []
    assert check(date(2020, 2, 1), year=2018) == depts
    assert check(date(2020, 3, 31), year=2018) == depts
    assert check(date(2020, 4, 1), year=2018) == sorted(u + (2019,) for u in units)
    assert check(date(2020, 4, 1), year=2019) == []
    assert check(date(2020, 1, 31), year=2017) == sorted(u + (2018,) for u in units)
    # Reports on 2018 fell under the old rule: 3月31日 for every unit.
    assert check(date(2019, 3, 31), year=2017) == []
    assert check(date(2019, 4, 1), year=2017) == sorted(u + (2018,) for u in units)
    assert check(date(2019, 4, 1), year=2018) == []
    # The government's consolidated report must be its own, not a department's.
    assert check(date(2019, 4, 1), year=2018, gov_report="区教育局2018年政府信息公开工作年度报告") == [("本级", 2018)]


def test_annual_report_missing_names_unit_entry_and_deadline(site, rules):
    _catalogue(site, year=2017)
    found = run(site, rules, "missing_catalogue", as_of=date(2019, 4, 1))
    edu = next(f for f in found if f.unit == "区教育局")
    assert edu.evidence["entry"] == "政府信息公开年报" and edu.evidence["deadline"] == "2019-03-31"
    assert "区教育局" in edu.detail and "2018" in edu.detail


# -- links -------------------------------------------------------------------------------

def test_broken_links_confirmed_suspected_and_home(site, rules):
    col = site.column("/d/index.html", "工作动态")
    page = site.item(col, "/d/1.html", "新闻", date=ago(1))
    site.link(page, "/404.html", "失效", status=404)
    site.link(page, "/403.pdf", "附件", status=403, kind="attachment")
    site.link(page, "/500.html", "错误", status=500)
    site.link(page, "http://gone.example/", "外链", status=None, error="dns", kind="external")
    site.link(page, "/ok.html", "正常", status=200)
    site.link("/index.html", "/home-404.html", "首页坏链", status=404)
    found = {f.url: f for f in run(site, rules, "broken_link")}
    assert sorted(found) == sorted(site.url(u) for u in (
        "/404.html", "/403.pdf", "/500.html", "http://gone.example/", "/home-404.html"))
    assert found[site.url("/404.html")].severity == "deduct" and found[site.url("/404.html")].evidence["confirmed"]
    assert found[site.url("/500.html")].severity == "warning"
    assert found["http://gone.example/"].evidence["error"] == "dns"
    home = found[site.url("/home-404.html")]
    assert home.indicator == "broken_links_home" and home.evidence["on_home"]
    assert found[site.url("/404.html")].indicator == "broken_links"
    assert found[site.url("/404.html")].column_url == col
    assert found[site.url("/404.html")].evidence["sources"][0]["url"] == page


def test_broken_link_from_many_pages_is_one_finding(site, rules):
    col = site.column("/d/index.html", "工作动态")
    for n in range(5):
        site.link(site.item(col, f"/d/{n}.html", "新闻", date=ago(1)), "/gone.html", "坏", status=404)
    [f] = run(site, rules, "broken_link")
    assert f.evidence["sources_count"] == 5


# -- typos ---------------------------------------------------------------------------------

def test_typos_in_title_and_text_with_right_form(site, rules):
    col = site.column("/d/index.html", "工作动态")
    a = site.item(col, "/d/1.html", "学习《政府信息公开条列》", date=ago(1))
    b = site.item(col, "/d/2.html", "通知", date=ago(1), text="根据国务院办公厅厅有关要求，落实《中华人民共合国宪法》")
    site.item(col, "/d/3.html", "国务院办公厅印发通知", date=ago(1), text="中华人民共和国国务院办公厅")
    found = run(site, rules, "typo")
    got = sorted((f.url, f.evidence["wrong"], f.evidence["right"]) for f in found)
    assert got == sorted([(a, "政府信息公开条列", "政府信息公开条例"), (b, "国务院办公厅厅", "国务院办公厅"),
                          (b, "中华人民共合国", "中华人民共和国")])
    assert all(f.evidence["context"] for f in found)


# -- letters -----------------------------------------------------------------------------

def test_overdue_letters(site, rules):
    box = site.column("/hd/index.html", "区长信箱")
    def letter(n, sent, **fields):
        return site.item(box, f"/hd/{n}.html", f"来信{n}", date=sent, fields={"来信时间": sent, **fields})
    unanswered = letter(1, "2019-09-29", 处理状态="办理中")            # 3 months + 1 day
    edge = letter(2, "2019-09-30", 处理状态="未回复")                  # exactly 3 months: not yet
    letter(3, "2019-06-01", 回复时间="2019-06-10", 处理状态="已回复")   # answered within promise
    late = letter(4, "2019-06-03", 回复时间="2019-07-15", 回复内容="已转交")   # 30 working days
    letter(5, "2018-06-01", 处理状态="未回复")                         # older than a year: not judged
    no_state = letter(6, "2019-08-01")                                  # no reply, no state
    excluded = site.column("/ft/index.html", "在线访谈")
    site.item(excluded, "/ft/1.html", "访谈", date="2019-01-05", fields={"来信时间": "2019-01-05"})
    found = {f.url: f for f in run(site, rules, "overdue_reply")}
    assert sorted(found) == sorted([unanswered, late, no_state])
    assert found[unanswered].severity == "veto" and found[unanswered].indicator == "poor_response"
    assert found[late].severity == "deduct" and found[late].evidence["took"] == 30
    assert edge not in found
    relaxed = {f.url for f in run(site, rules, "overdue_reply",
                                 site_rules={"kinds": {"overdue_reply": {"promise_days": 30}}})}
    assert late not in relaxed


def test_working_days():
    assert working_days(date(2019, 12, 27), date(2019, 12, 30)) == 1     # Fri -> Mon
    assert working_days(date(2019, 12, 2), date(2019, 12, 16)) == 10
    assert working_days(date(2019, 12, 2), date(2019, 12, 2)) == 0


# -- policy interpretation ---------------------------------------------------------------

def test_policy_without_interpretation_and_broken_policy_link(site, rules):
    policy = site.column("/zcwj/index.html", "政策文件")
    interp = site.column("/zcjd/index.html", "政策解读")
    def doc(n, title):
        return site.item(policy, f"/zcwj/{n}.html", title, date=ago(10), fields={"文号": f"罗政发〔2019〕{n}号"})
    paired = doc(1, "关于A的通知")
    linked_back = doc(2, "关于B的意见")
    alone = doc(3, "关于C的办法")
    site.item(policy, "/zcwj/4.html", "政策措施汇编", date=ago(10), fields={"文号": ""})   # no 文号: no pairing
    j1 = site.item(interp, "/zcjd/1.html", "《关于A的通知》解读", date=ago(9))
    j2 = site.item(interp, "/zcjd/2.html", "《关于B的意见》解读", date=ago(9))
    j3 = site.item(interp, "/zcjd/3.html", "《关于D的规定》解读", date=ago(9))
    site.link(paired, j1, "相关解读")
    site.link(j1, paired, "《关于A的通知》")
    site.link(j2, linked_back, "原文链接")
    site.link(j3, "/zcwj/404.html", "《关于D的规定》", status=404)
    site.link(alone, interp, "政策解读")               # the navigation link to the column is no pairing
    found = run(site, rules, "policy_interpretation_link")
    got = sorted((f.evidence["problem"], f.url) for f in found)
    assert got == sorted([("no_interpretation", alone), ("broken_policy_link", j3)])
    assert sorted(f.url for f in strict_pairs(site, rules)) == sorted([alone, linked_back])


def strict_pairs(site, rules):
    return [f for f in run(site, rules, "policy_interpretation_link",
                           site_rules={"kinds": {"policy_interpretation_link": {"require_both_ways": True}}})
            if f.evidence["problem"] == "no_interpretation"]


def test_policy_column_typed_as_notice_and_a_title_anchor(site, rules):
    """CMSs type 政府文件 columns as 通知公告; the 解读 links back with the document's bare title."""
    files = site.column("/zcwj/index.html", "政策文件")
    group = site.column("/zcwj/qzf/index.html", "区政府文件", parent=files)
    col = site.column("/zcwj/qzf/zbz/index.html", "罗政办字", parent=group, column_type="通知公告")
    doc = site.item(col, "/zcwj/qzf/zbz/1.html", "关于表彰先进集体的决定", date=ago(30),
                    fields={"文号": "罗政办字〔2019〕3号"})
    site.item(col, "/zcwj/qzf/zbz/2.html", "会议通知", date=ago(30))          # no 文号: not a policy document
    interp = site.column("/zcjd/tpjd/index.html", "图片解读")
    j = site.item(interp, "/zcjd/tpjd/1.html", "图解：关于表彰先进集体的决定", date=ago(29))
    site.link(doc, j, "相关解读")
    site.link(j, "/zcwj/qzf/zbz/201808/t1.html", "区政府办公室关于表彰先进集体的决定", status=404)
    sgs = site.column("/xysgs/index.html", "信用信息“双公示”")
    penalties = site.column("/xysgs/xzcf/index.html", "行政处罚", parent=sgs, column_type="通知公告")
    site.item(penalties, "/xysgs/xzcf/1.html", "某公司【无证经营】", date=ago(5),
              fields={"文号": "罗市监罚字〔2019〕8号"})                    # a 文号, but no policy document
    [f] = run(site, rules, "policy_interpretation_link")
    assert (f.url, f.evidence["problem"], f.evidence["status"]) == (j, "broken_policy_link", 404)


# -- dates ---------------------------------------------------------------------------------

def test_date_suspicious(site, rules):
    col = site.column("/d/index.html", "工作动态")
    future = site.item(col, "/d/1.html", "未来", date="2020-01-05")
    faked = site.item(col, "/d/2.html", "改过日期", date=ago(1), meta_date="2019-11-02")
    site.item(col, "/d/3.html", "正常", date=ago(2), meta_date=ago(2))
    site.item(col, "/d/4.html", "列表日期早于文章", date=ago(5), meta_date=ago(3))
    home_faked = site.item(col, "/d/5.html", "首页日期", date=ago(20), meta_date=ago(20))
    site.on_home(home_faked, ago(1))
    found = {f.url: f for f in run(site, rules, "date_suspicious")}
    assert sorted(found) == sorted([future, faked, home_faked])
    assert "future" in found[future].evidence
    assert found[faked].evidence["list_later"]["article_date"] == "2019-11-02"
    assert found[home_faked].evidence["list_later"]["list_page"] == site.home


# -- footer ----------------------------------------------------------------------------------

def test_footer_missing_grouped_per_column(site, rules):
    site.home_footer = {**FOOTER, "icp": None}
    col = site.column("/d/index.html", "工作动态")
    for n in range(30):
        site.item(col, f"/d/{n}.html", "新闻", date=ago(1), footer={**FOOTER, "police_record": None})
    other = site.column("/e/index.html", "通知公告")
    site.item(other, "/e/1.html", "通知", date=ago(1), footer={**FOOTER, "site_id_code": None})
    site.item(other, "/e/2.html", "通知", date=ago(1))
    found = run(site, rules, "footer_missing")
    got = sorted((f.evidence["element"], f.column_url or "home", f.evidence["pages"]) for f in found)
    assert got == sorted([("icp", "home", 1), ("police_record", col, 30), ("site_id_code", other, 1)])
    single = next(f for f in found if f.evidence["element"] == "site_id_code")
    assert single.url == site.url("/e/1.html")


def test_a_footer_element_no_page_shows_is_one_finding_for_the_site(site, rules):
    site.home_footer = {**FOOTER, "police_record": None}
    for path, name in (("/d/index.html", "工作动态"), ("/e/index.html", "通知公告")):
        col = site.column(path, name, footer={**FOOTER, "police_record": None})
        for n in range(3):
            site.item(col, f"{path[:2]}/{n}.html", "新闻", date=ago(1), footer={**FOOTER, "police_record": None})
    found = run(site, rules, "footer_missing")
    assert [(f.evidence["element"], f.evidence.get("site_wide")) for f in found] == [("police_record", True)]
    assert found[0].url == site.home and "全站" in found[0].detail


# -- classes -------------------------------------------------------------------------------

def test_class_from_meta_name_path_and_pins(site, rules):
    a = site.column("/a/index.html", "栏目甲", column_type="工作动态")       # meta says dynamic
    b = site.column("/b/index.html", "部门动态")
    b1 = site.column("/b/1/index.html", "区教育局", parent=b)               # dynamic by its parent
    c = site.column("/c/index.html", "杂项")                                # other
    d = site.column("/d/index.html", "工作动态")                            # pinned to other
    for n, col in enumerate((a, b1, c, d)):
        site.item(col, f"/x/{n}.html", "旧", date=ago(100))
    site_rules = {"pins": [{"url": "*/d/index.html", "class": "other"},
                           {"path": "杂项", "class": "dynamic"}]}
    found = {f.url: f for f in run(site, rules, "stale_dynamic", site_rules=site_rules)}
    assert sorted(found) == sorted([a, b1, c])
    assert found[a].evidence["class_source"] == "meta"
    assert found[b1].evidence["class_source"] == "path"
    assert found[c].evidence["class_source"] == "pin"


def test_generic_catalogue_meta_lets_the_name_decide(site, rules):
    root = site.column("/xxgk/index.html", "政府信息公开")
    unit = site.column("/xxgk/sfj/index.html", "区司法局", parent=root)
    nb = site.column("/xxgk/sfj/nb/index.html", "政府信息公开年报", parent=unit, column_type="信息公开目录")
    site.item(nb, "/xxgk/sfj/nb/1.html", "区司法局2017年政府信息公开工作年度报告", date="2018-01-20")
    fd = site.column("/xxgk/sfj/fd/index.html", "法定主动公开内容", parent=unit, column_type="信息公开目录")
    site.item(fd, "/xxgk/sfj/fd/1.html", "旧", date="2018-01-20")
    other = site.column("/hj/index.html", "环境保护", column_type="信息公开")
    site.item(other, "/hj/1.html", "旧", date="2018-01-20")
    found = {f.url: f for f in run(site, rules, "stale_longterm")}
    assert sorted(found) == sorted([fd, other])          # the 年报 column is judged by missing_catalogue
    assert found[fd].evidence["class_source"] == "catalogue"


def test_site_declares_units(site, rules):
    dept = site.column("/bm/index.html", "部门动态")
    edu = site.column("/bm/edu/index.html", "教育", parent=dept)
    site.item(edu, "/bm/edu/1.html", "旧", date=ago(100))
    [f] = run(site, rules, "stale_dynamic",
              site_rules={"declared_units": [{"name": "区教育局", "type": "department", "url": edu}]})
    assert f.unit == "区教育局"


def test_a_kind_can_be_disabled_per_site(site, rules):
    col = site.column("/d/index.html", "工作动态")
    site.item(col, "/d/1.html", "旧", date=ago(100))
    assert run(site, rules, "stale_dynamic", site_rules={"kinds": {"stale_dynamic": {"enabled": False}}}) == []
