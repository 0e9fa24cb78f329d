"""Site overrides for lists the heuristics misread, and `portalwatch explain` on each page kind."""
from datetime import date

import pytest
import sqlite_utils

from conftest import portalwatch, write_site_config
from crawler.config import ConfigError, site_from_dict
from crawler.understand.overrides import compile_lists
from crawler.understand.page import read_page

# Each row starts with a category link, and the pager's "后一页" is no word the heuristics know.
PAGE = """<html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<div>当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<ul class="news">
  <li><a class="cat" href="/tzgg/">[公告]</a> <a class="t" href="/tzgg/2019/1.html">关于开展冬季安全检查的通知</a> <em>2019-12-23</em></li>
  <li><a class="cat" href="/tzgg/">[公告]</a> <a class="t" href="/tzgg/2019/2.html">关于元旦放假安排的通知</a> <em>2019-12-20</em></li>
</ul>
<div class="pg"><a class="pg-next" href="/tzgg/list_2.html">后一页</a></div></body></html>"""

OVERRIDE = [{"match": "http://x.gov.cn/tzgg/*", "rows": "ul.news > li", "link": "a.t", "date": "em",
             "next": "a.pg-next"}]


def test_an_override_reads_the_list_the_heuristics_misread():
    plain = read_page("http://x.gov.cn/tzgg/index.html", PAGE, today=date(2020, 1, 5))
    assert [r.title for r in plain.rows] != ["关于开展冬季安全检查的通知", "关于元旦放假安排的通知"]
    fixed = read_page("http://x.gov.cn/tzgg/index.html", PAGE, today=date(2020, 1, 5),
                      overrides=compile_lists(OVERRIDE))
    assert [(r.title, r.date, r.url) for r in fixed.rows] == [
        ("关于开展冬季安全检查的通知", date(2019, 12, 23), "http://x.gov.cn/tzgg/2019/1.html"),
        ("关于元旦放假安排的通知", date(2019, 12, 20), "http://x.gov.cn/tzgg/2019/2.html")]
    assert fixed.pages == ["http://x.gov.cn/tzgg/list_2.html"]
    other = read_page("http://x.gov.cn/other/index.html", PAGE, today=date(2020, 1, 5),
                      overrides=compile_lists(OVERRIDE))
    assert [r.title for r in other.rows] == [r.title for r in plain.rows]     # only where it matches


@pytest.mark.parametrize("lists, field", [
    ("not a list", "overrides.lists"),
    ([{"rows": "li"}], "overrides.lists[0]"),
    ([{"match": "*", "rows": "li[["}], "overrides.lists[0]"),
    ([{"match": "*", "rows": "li", "colour": "red"}], "overrides.lists[0].colour"),
])
def test_a_bad_override_is_a_config_error(lists, field):
    with pytest.raises(ConfigError, match=field.replace("[", r"\[").replace("]", r"\]")):
        site_from_dict({"name": "x", "start_url": "http://x.gov.cn/", "overrides": {"lists": lists}})


@pytest.mark.parametrize("skip", ["*/search/*", ["*/search/*", 3], [""]])
def test_a_bad_skip_pattern_is_a_config_error(skip):
    with pytest.raises(ConfigError, match=r"overrides\.skip"):
        site_from_dict({"name": "x", "start_url": "http://x.gov.cn/", "overrides": {"skip": skip}})


def test_skipped_urls_are_neither_read_nor_checked(small_sample, tmp_path):
    db = tmp_path / "skip.db"
    config = write_site_config(tmp_path / "skip.yml", small_sample.site_url, db,
                               overrides={"skip": ["*/zwgk/*", "*.pdf"]})
    portalwatch("crawl", config, "--today", "2019-12-31", "--quiet")
    stored = sqlite_utils.Database(db)
    asked = [r[0] for r in stored.execute("select url from targets union select url from pages")]
    assert asked and not [u for u in asked if "/zwgk/" in u or u.endswith(".pdf")]
    assert stored.execute("select count(*) from links where target_url like '%/zwgk/%'").fetchone()[0] > 0


@pytest.mark.parametrize("path, kind, shows", [
    ("/index.html", "home page (首页)", ["list rows", "site_id_code: 37"]),
    ("/tzgg/index.html", "column page (栏目)", ["breadcrumb  首页 > 通知公告", "list rows", "pagination"]),
    ("/col/col2668/index.html", "column page (栏目)", ["POST", "dataproxy.jsp?startrecord="]),
    ("/forbidden/x.html", "other", ["HTTP 403"]),
])
def test_explain_each_kind_of_page(crawled_sample, path, kind, shows):
    out = portalwatch("explain", crawled_sample.site_url + path, "--config", crawled_sample.config_path,
                      "--today", "2019-12-31", env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"}).stdout
    assert f"kind        {kind}" in out
    for text in shows:
        assert text in out, out[:1500]


def test_explain_an_article(crawled_sample):
    truth = crawled_sample.ground_truth
    item = next(i for i in truth["items"] if i["publish_date"] and "/t20" in i["url"] and "/zwgk/" in i["url"])
    out = portalwatch("explain", crawled_sample.site_url + item["url"], "--config", crawled_sample.config_path,
                      env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"}).stdout
    assert "kind        article (信息)" in out
    assert item["title"] in out and item["publish_date"] in out and "索引号" in out


def test_explain_an_unreachable_page_is_one_line():
    result = portalwatch("explain", "http://127.0.0.1:9/nothing.html", check=False)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
