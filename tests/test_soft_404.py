"""A link whose target answers 200 with "页面不存在" is broken, as an inspector clicking it sees."""
from http.server import BaseHTTPRequestHandler

from conftest import crawl_served, send_html
from crawler.understand.page import read_page

HOME = ("<html><head><meta charset='utf-8'><title>测试县人民政府</title></head><body>"
        "<a href='/moved.html'>旧栏目</a><a href='/deleted.html'>已删除的信息</a>"
        "<a href='/article.html'>孩子走失找不到怎么办</a></body></html>")
ERROR_PAGE = ("<html><head><meta charset='utf-8'><title>提示信息</title></head><body><div class='err'>"
              "<p>抱歉，您访问的页面不存在或已被删除！</p><a href='../../x/index.html'>返回首页</a></div></body></html>")
ARTICLE = ("<html><head><meta charset='utf-8'><title>孩子走失找不到怎么办_测试县人民政府</title></head><body>"
           "<h1>孩子走失找不到怎么办</h1><p>发布时间：2019-12-30</p><p>" + "家长遇到孩子走失时，页面不存在的提示不必理会。" * 30
           + "</p></body></html>")


class County(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved.html":      # redirected to the site's error page
            self.send_response(302)
            self.send_header("Location", "/error/404.jsp")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        pages = {"/index.html": HOME, "/article.html": ARTICLE}
        send_html(self, 200, pages.get(self.path, ERROR_PAGE))


def test_soft_404s_are_broken_links_and_their_links_are_not_followed(tmp_path):
    url, stored = crawl_served(County, tmp_path, check=True, politeness={"obey_robots": False})
    broken = dict(stored.execute("select url, severity from findings where kind = 'broken_link'"))
    assert broken == {url + "/moved.html": "deduct", url + "/deleted.html": "deduct"}
    # The error template's relative links lead nowhere: a crawler following them would loop.
    fetched = {r[0] for r in stored.execute("select url from pages")}
    assert fetched == {url + p for p in ("/index.html", "/moved.html", "/deleted.html", "/article.html")}


def test_a_titled_404_page_and_an_article_that_mentions_one():
    assert read_page("http://x.gov.cn/a.html", "<html><head><title>404 - 找不到文件或目录。</title></head>"
                     "<body><p>要查找的资源可能已被删除</p></body></html>").kind == "missing"
    assert read_page("http://x.gov.cn/a.html", ARTICLE).kind == "article"
    assert read_page("http://x.gov.cn/b.html", "<html><head><title>404名困难群众领到救助金_测试县</title></head>"
                     "<body><h1>404名困难群众领到救助金</h1><p>发布时间：2019-12-30</p></body></html>").kind == "article"
