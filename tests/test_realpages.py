"""Real saved pages of government sites (../shared/realpages): what portalwatch reads equals
what a person reads on them. Expected values were written by reading each page."""
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawler.understand import jpaas
from crawler.understand.page import read_page, rows_from_fragments
from crawler.understand.urls import Joiner

REAL = Path(__file__).resolve().parents[2] / "shared" / "realpages"
pytestmark = pytest.mark.skipif(not REAL.exists(), reason="../shared/realpages is not beside the checkout")
TODAY = date(2026, 9, 1)


def read(name: str, url: str):
    return read_page(url, (REAL / name).read_text(encoding="utf-8"), today=TODAY)


def test_trs_list_of_the_ndrc():
    view = read("deyye-policy-collector/samples_gov_ndrc_list_sample.html",
                "https://www.ndrc.gov.cn/xxgk/zcfb/tz/index.html")
    assert view.kind == "column"
    assert len(view.rows) == 25                      # the 25 notices; their 解读 pop-ups are not items
    first, last = view.rows[0], view.rows[-1]
    assert first.title == "关于印发《物流网建设实施方案》的通知(发改经贸〔2026〕1241号)"   # whole, from title=""
    assert first.date == date(2026, 8, 27)           # the list says 2026/08/27 (its URL says 0828)
    assert first.url == "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202608/t20260828_1407232.html"
    assert last.date == date(2026, 4, 24)
    assert not any("/jd/" in r.url for r in view.rows)
    # createPageHTML(20, 0, "index", "html"): pages index_1 … index_19
    assert len(view.pages) == 19 and view.pages[0].endswith("/tz/index_1.html")
    assert [n for n, _ in view.chain] == ["政务公开", "政策", "通知"]


def test_hanweb_list_of_jiangsu():
    view = read("deyye-policy-collector/samples_jiangsu_js_list.html",
                "http://fzggw.jiangsu.gov.cn/col/col284/index.html")
    assert view.kind == "column"
    assert len(view.rows) == 30                      # embedded once for PC, once for mobile: counted once
    assert (view.rows[0].title, view.rows[0].date) == ("江苏省成品油价格调整公告（2026年第16号）", date(2026, 8, 28))
    assert (view.rows[-1].title, view.rows[-1].date) == ("江苏省成品油价格调整公告（2025年第15号）", date(2025, 10, 27))
    assert view.pages == []                          # never a guessed index_1.html on Hanweb
    # totalRecord 138, perPage 10 × groupSize 3: records 31–138 come from the data proxy
    urls = [u for u, _ in view.data_requests]
    assert urls[0].endswith("/module/web/jpage/dataproxy.jsp?startrecord=31&endrecord=60&perpage=10")
    assert urls[-1].endswith("startrecord=121&endrecord=138&perpage=10")
    assert view.data_requests[0][1]["columnid"] == "284"
    assert [n for n, _ in view.chain] == ["要闻动态", "通知公告"]


def test_zhejiang_jpaas_column_and_its_api_answer():
    """The 集约化 platform's column page holds no list: its unit script names the API request
    that fetches it; the answer holds 15 rows and names the 25 further pages of its 388."""
    view = read("deyye-policy-collector/samples_zj_col_main.html",
                "https://fzggw.zj.gov.cn/col/col1229565788/index.html")
    assert view.kind == "column" and view.rows == []
    api = ("https://fzggw.zj.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?parseType=bulidstatic"
           "&webId=3185&tplSetId=o0YcVHHq5vWtr3uiCp4SY&pageType=column&tagId=%E4%BF%A1%E6%81%AF%E5%88%97%E8%A1%A8"
           "&editType=null&pageId=1229565788")
    assert view.data_requests == [(api, None)]
    text = (REAL / "deyye-policy-collector/samples_zj_unit_api.json").read_text(encoding="utf-8")
    html, more = jpaas.read_answer(text, api, Joiner(api))
    rows = rows_from_fragments([html], Joiner(api), TODAY)
    assert len(rows) == 15
    assert rows[0].title == "省发展改革委关于印发《浙江省固定资产投资项目节能审查和碳排放评价实施办法》的通知"
    assert rows[0].url == "https://fzggw.zj.gov.cn/col/col1229123351/art/2026/art_937add6719f140bdac86d5b97c525d28.html"
    assert rows[0].date == date(2026, 6, 5)
    assert len(more) == 25 and all(u.startswith(api.split("?")[0] + "?") for u in more)
    assert [parse_qs(urlsplit(u).query)["paramJson"][0] for u in (more[0], more[-1])] == \
        ['{"pageNo":2,"pageSize":15}', '{"pageNo":26,"pageSize":15}']
    assert parse_qs(urlsplit(more[0]).query)["pageId"] == ["1229565788"]
    # A further page's answer names no more pages: the first one did.
    assert jpaas.read_answer(text, more[0], Joiner(api))[1] == []


@pytest.mark.parametrize("name, title, dates, fields", [
    ("gne-tests/tests_shanxi_1.html", "山西品牌丝路行（南美站）正式启动",
     {"meta": date(2019, 9, 18), "article": date(2019, 9, 18)}, {}),
    ("gne-tests/tests_gzggw_1.html", "1-10月德清县固定资产投资结构趋稳趋优",
     {"meta": date(2016, 11, 22), "table": date(2016, 11, 22), "article": date(2016, 11, 22)},
     {"信息来源": "省发改委"}),
    ("gne-tests/tests_cmse_1.html", "天宫一号与神舟九号载人交会对接任务第二场新闻发布会",
     {"table": date(2012, 6, 24), "article": date(2012, 6, 24)}, {"发布日期": "2012-06-24"}),
    ("gne-tests/visiable_test_cmse_1.html", "载人航天工程全线备战空间站建造任务",
     {"table": date(2021, 1, 5), "article": date(2021, 1, 5)},
     {"信息来源": "中国空间技术研究院、中国运载火箭技术研究院等"}),
    ("gne-tests/tests_sxmu_1.html", "中华人民共和国监察法", {"article": date(2018, 5, 17)}, {}),
    ("gne-tests/tests_other_1.html",
     "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007 年末国债余额限额的决议",
     {"meta": date(2007, 8, 20)}, {}),
])
def test_article_pages(name, title, dates, fields):
    view = read(name, "http://www.example.gov.cn/a/content_1.html")
    assert view.kind == "article"
    assert view.title == title
    assert {k: v for k, v in view.dates.items() if v} == dates
    for label, value in fields.items():
        assert view.fields[label] == value
    assert "当前位置" not in view.fields
