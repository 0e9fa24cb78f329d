"""A single-page column (联系方式, 单位简介) holds content though it lists nothing: the text its
page shows between breadcrumb and footer. An empty one, showing only its own name, is blank."""
from http.server import BaseHTTPRequestHandler

from conftest import crawl_served, send_html
from crawler.understand.urls import index_forms

CRUMB = ("<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/index.php?a=lists&catid=12'>机构概况</a>"
         " &gt; <a href='/index.php?a=lists&catid={catid}'>{name}</a> &gt; </div>")
FOOTER = "<div class='footer'>主办单位：临河县教育和体育局 网站标识码：1311270001 冀ICP备12345678号</div>"
PAGES = {
    "12": ("机构概况", "<ul><li><a href='/index.php?a=lists&catid=22'>联系方式</a></li>"
                      "<li><a href='/index.php?a=lists&catid=23'>内设机构</a></li></ul>"),
    "22": ("联系方式", "<h2>联系方式</h2><p>单位名称：临河县教育和体育局</p><p>办公地址：临河县人民路88号教育大厦</p>"
                      "<p>办公时间：周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）</p>"),
    "23": ("内设机构", "<h2>内设机构</h2>"),
}


class Bureau(BaseHTTPRequestHandler):
    def do_GET(self):
        catid = self.path.rsplit("catid=", 1)[-1] if "catid=" in self.path else None
        if self.path in ("/", "/index.html"):
            body = "<a href='/index.php?a=lists&catid=12'>机构概况</a>"
        elif catid in PAGES:
            name, content = PAGES[catid]
            body = CRUMB.format(catid=catid, name=name) + content
        else:
            send_html(self, 404, "<html><body>404</body></html>")
            return
        send_html(self, 200, f"<html><head><meta charset='utf-8'><title>临河县教育和体育局</title></head>"
                             f"<body>{body}{FOOTER}</body></html>")


def test_a_single_page_column_is_not_blank_and_an_empty_one_is(tmp_path):
    url, stored = crawl_served(Bureau, tmp_path, check=True, politeness={"obey_robots": False})
    assert {r[0][len(url):] for r in stored.execute("select url from columns")} == {
        f"/index.php?a=lists&catid={n}" for n in ("12", "22", "23")}     # one column per query, not one /index.php
    blank = [r[0][len(url):] for r in stored.execute("select url from findings where kind = 'blank_column'")]
    assert blank == ["/index.php?a=lists&catid=23"]


def test_a_page_with_a_query_is_no_folder_index():
    assert index_forms("http://x.gov.cn/index.php?m=content&a=lists&catid=12") == {
        "http://x.gov.cn/index.php?m=content&a=lists&catid=12"}
    assert "http://x.gov.cn/" in index_forms("http://x.gov.cn/index.php")
