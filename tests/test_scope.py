"""A department's site on a shared platform host (/bm/jyj/ of the city's portal): with `scope`,
the crawl reads within it and only checks the links that lead out of it."""
from http.server import BaseHTTPRequestHandler

import pytest
import sqlite_utils

from conftest import portalwatch, send_html, serving
from crawler.config import ConfigError, site_from_dict


class Platform(BaseHTTPRequestHandler):
    def do_GET(self):
        crumb = "<div>当前位置：<a href='/bm/jyj/index.html'>首页</a> &gt; <a href='/bm/jyj/tzgg/'>通知公告</a></div>"
        rows = "".join(f"<li><a href='/bm/jyj/tzgg/{n}.html'>教育局通知{n}</a><span>2019-12-2{n}</span></li>" for n in range(3))
        pages = {
            "/bm/jyj/index.html": "<a href='/bm/jyj/tzgg/'>通知公告</a><a href='/index.html'>市政府门户网站</a>",
            "/bm/jyj/tzgg/": crumb + f"<ul>{rows}</ul>",
            "/index.html": "<a href='/xwzx/'>新闻中心</a>",
        }
        body = pages.get(self.path) or (crumb + "<h1>通知</h1><p>发布时间：2019-12-20</p>" if self.path.startswith("/bm/")
                                        else "<h1>市政府的页面</h1>")
        send_html(self, 200, f"<html><head><meta charset='utf-8'><title>市教育局</title></head><body>{body}</body></html>")


def test_the_crawl_reads_within_the_scope_and_checks_links_out_of_it(tmp_path):
    db = tmp_path / "jyj.db"
    with serving(Platform) as url:
        config = tmp_path / "jyj.yml"
        config.write_text(f"name: jyj\nstart_url: {url}/bm/jyj/index.html\nscope: [\"{url}/bm/jyj/\"]\ndb: {db}\n"
                          "politeness: {obey_robots: false}\n", encoding="utf-8")
        portalwatch("crawl", config, "--today", "2019-12-31", "--quiet")
    stored = sqlite_utils.Database(db)
    read = {r[0][len(url):] for r in stored.execute("select url from pages")}
    assert read and all(u.startswith("/bm/jyj/") for u in read)
    assert dict(stored.execute("select url, status from targets"))[url + "/index.html"] == 200   # checked, not read
    assert [r[0][len(url):] for r in stored.execute("select url from columns")] == ["/bm/jyj/tzgg/"]


@pytest.mark.parametrize("scope, why", [("ftp://x", "URL prefixes"), (["http://x.gov.cn/other/"], "start URL")])
def test_a_bad_scope_is_a_config_error(scope, why):
    with pytest.raises(ConfigError, match=f"scope.*{why}"):
        site_from_dict({"name": "x", "start_url": "http://x.gov.cn/bm/jyj/", "scope": scope})
