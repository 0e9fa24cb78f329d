"""A list that shows dates without their year ([09-03]) over more than twelve months: the
article's own date on the same day says which year the list meant, so last year's items
are neither this year's news nor a faked date (伪造发稿日期)."""
from http.server import BaseHTTPRequestHandler

from conftest import crawl_served, send_html

# Newest first, as lists are: the last two are from 2018, shown as 09-03 and 08-21.
DAYS = ["2019-12-30", "2019-11-12", "2019-10-08", "2018-09-03", "2018-08-21"]


def _list() -> str:
    rows = "".join(f"<li><a href='/content/{d}.html'>乡镇动态第{n}条信息标题</a><em>{d[5:]}</em></li>"
                   for n, d in enumerate(DAYS))
    return ("<html><head><meta charset='utf-8'><title>乡镇动态_测试县</title></head><body>"
            "<div>您现在的位置：<a href='/index.html'>首页</a> &gt;&gt; <a href='/channel/60.html'>乡镇动态</a></div>"
            f"<ul class='lm_list'>{rows}</ul></body></html>")


def _article(day: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>乡镇动态信息_测试县</title></head><body>"
            "<div>您现在的位置：<a href='/index.html'>首页</a> &gt;&gt; <a href='/channel/60.html'>乡镇动态</a> &gt;&gt; 正文</div>"
            f"<h1>乡镇动态信息</h1><p>【来源：桃园镇】【更新时间：{day.replace('-', '/')} 9:05:00】</p>"
            "<p>桃园镇深入开展社会救助工作。</p></body></html>")


class County(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path in ("/index.html", "/channel/60.html"):
            send_html(self, 200, _list())
        elif self.path.startswith("/content/"):
            send_html(self, 200, _article(self.path[9:19]))
        else:
            send_html(self, 404, "<html><body>404</body></html>")


def test_a_yearless_list_date_takes_the_year_of_its_article(tmp_path):
    url, stored = crawl_served(County, tmp_path, check=True, politeness={"obey_robots": False})
    listed = dict(stored.execute("select item_url, date from listings where page_url like '%/channel/60.html'"))
    assert listed == {f"{url}/content/{d}.html": d for d in DAYS}
    assert stored.execute("select count(*) from findings where kind = 'date_suspicious'").fetchone()[0] == 0
