"""Older county templates show a column's list in an iframe of the column page: the framed
list pages (no breadcrumb of their own) list that column's items, so it is not blank."""
from http.server import BaseHTTPRequestHandler

import sqlite_utils

from conftest import portalwatch, send_html, serving, write_site_config

HEAD = "<html><head><meta charset='utf-8'><title>{}_测试区人民政府</title></head><body>"
NAV = "<div class='nav'><a href='/index.html'>首页</a><a href='/tzgg/index.html'>通知公告</a></div>"
CRUMB = "<div class='crumb'>当前位置：<a href='/index.html'>首页</a> &gt; <a href='/tzgg/index.html'>通知公告</a></div>"


def _rows(days):
    return "<ul>" + "".join(f"<li><a href='/tzgg/{d}.html' title='关于第{d}号事项的通知'>关于第{d}号事项的通知</a>"
                            f"<span>2019-12-{d:02d}</span></li>" for d in days) + "</ul>"


PAGES = {
    "/index.html": HEAD.format("首页") + NAV + "</body></html>",
    "/tzgg/index.html": HEAD.format("通知公告") + NAV + CRUMB
    + "<iframe src='/tzgg/list.jsp?page=1' width='100%' height='600'></iframe></body></html>",
    "/tzgg/list.jsp?page=1": HEAD.format("列表") + _rows([20, 18, 15]) + "<a href='list.jsp?page=2'>下一页</a></body></html>",
    "/tzgg/list.jsp?page=2": HEAD.format("列表") + _rows([9, 3]) + "</body></html>",
    # The articles name no column either: only the list says where they belong.
    **{f"/tzgg/{d}.html": HEAD.format(f"关于第{d}号事项的通知") + NAV
       + f"<h1>关于第{d}号事项的通知</h1><p>发布时间：2019-12-{d:02d}</p><p>正文。</p></body></html>"
       for d in (20, 18, 15, 9, 3)},
}


class County(BaseHTTPRequestHandler):
    def do_GET(self):
        page = PAGES.get(self.path)
        send_html(self, 200 if page else 404, page or "<html><body>404</body></html>")


def test_a_list_in_a_frame_belongs_to_its_column(tmp_path):
    db = tmp_path / "county.db"
    with serving(County) as url:
        config = write_site_config(tmp_path / "county.yml", url, db, politeness={"obey_robots": False})
        portalwatch("crawl", config, "--today", "2019-12-31", "--quiet")
    store = sqlite_utils.Database(db)
    column = store.execute("select url, item_count, newest_date from columns").fetchall()
    assert column == [(url + "/tzgg/index.html", 5, "2019-12-20")]
    portalwatch("check", "--db", db, "--as-of", "2019-12-31", "--quiet")
    kinds = [r[0] for r in store.execute("select kind from findings where status != 'resolved'")]
    assert "blank_column" not in kinds
