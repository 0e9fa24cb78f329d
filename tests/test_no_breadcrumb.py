"""A portal whose list pages show no breadcrumb still has a column tree: each list page
announces itself, named as the site's menus name it and placed under the column whose folder
holds its own (crawler/tree.py), so its staleness is judged like any other column's."""
from http.server import BaseHTTPRequestHandler

from conftest import ago, crawl_served, send_html

# url: (menu name, <title>, newest item days before AS_OF, items)
COLUMNS = {
    "/xwzx/index.html": ("新闻中心", "新闻中心_测试区人民政府门户网站", 1, 4),
    "/xwzx/bmdt/index.html": ("部门动态", "部门动态 - 测试区人民政府", 30, 5),
    "/zwgk.htm": ("政务公开", "政务公开-测试区人民政府", 3, 3),
    "/zwgk/czxx.htm": ("财政信息", "测试区人民政府-财政信息", 40, 3),
    "/channel/57.html": ("通知公告", "通知公告", 2, 3),
}
MENU = "".join(f"<li><a href='{u}'>{name}</a></li>" for u, (name, *_rest) in COLUMNS.items())


def _list(url: str) -> str:
    _, title, newest, count = COLUMNS[url]
    stem = url.rsplit(".", 1)[0]
    rows = "".join(f"<li><a href='{stem}/a{n}.html'>本栏目发布的第{n}条信息标题</a><span>{ago(newest + 7 * n)}</span></li>"
                   for n in range(count))
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><ul class='menu'>{MENU}</ul>"
            f"<div class='list'><ul>{rows}</ul></div></body></html>")


class Portal(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/index.html":
            send_html(self, 200, f"<html><head><meta charset='utf-8'><title>测试区人民政府</title></head>"
                                 f"<body><ul class='menu'>{MENU}</ul></body></html>")
        elif self.path in COLUMNS:
            send_html(self, 200, _list(self.path))
        else:
            send_html(self, 200, f"<html><head><meta charset='utf-8'><title>信息_测试区人民政府</title></head><body>"
                                 f"<ul class='menu'>{MENU}</ul><h1>本栏目发布的信息标题</h1><p>正文。</p></body></html>")


def test_list_pages_without_breadcrumbs_make_a_column_tree(tmp_path):
    url, stored = crawl_served(Portal, tmp_path, check=True, politeness={"obey_robots": False})
    tree = {r["url"][len(url):]: (r["name"], r["parent_url"] and r["parent_url"][len(url):], r["level"], r["item_count"])
            for r in stored.query("select * from columns")}
    assert tree == {
        "/xwzx/index.html": ("新闻中心", None, 1, 4),
        "/xwzx/bmdt/index.html": ("部门动态", "/xwzx/index.html", 2, 5),
        "/zwgk.htm": ("政务公开", None, 1, 3),
        "/zwgk/czxx.htm": ("财政信息", "/zwgk.htm", 2, 3),
        "/channel/57.html": ("通知公告", None, 1, 3),
    }
    stale = {r[0][len(url):] for r in stored.execute("select url from findings where kind = 'stale_dynamic'")}
    assert stale == {"/xwzx/bmdt/index.html"}


class TwoForms(BaseHTTPRequestHandler):
    """The list page's breadcrumb links its column as /xwzx/, the articles' as /xwzx/index.html."""

    def do_GET(self):
        crumb = "<div>当前位置：<a href='/index.html'>首页</a> &gt; <a href='{}'>新闻中心</a>{}</div>"
        if self.path in ("/index.html", "/xwzx/", "/xwzx/index.html"):
            rows = "".join(f"<li><a href='/xwzx/{n}.html'>新闻中心第{n}条信息标题</a><span>{ago(n)}</span></li>"
                           for n in range(1, 4))
            send_html(self, 200, f"<html><head><meta charset='utf-8'><title>新闻中心</title></head><body>"
                                 f"{crumb.format('/xwzx/', '')}<ul>{rows}</ul></body></html>")
        else:
            send_html(self, 200, f"<html><head><meta charset='utf-8'><title>信息</title></head><body>"
                                 f"{crumb.format('/xwzx/index.html', ' &gt; 正文')}<h1>信息</h1></body></html>")


def test_a_column_linked_as_its_folder_and_as_its_index_page_is_one_column(tmp_path):
    url, stored = crawl_served(TwoForms, tmp_path, check=True, politeness={"obey_robots": False})
    assert [(r["url"][len(url):], r["item_count"]) for r in stored.query("select * from columns")] == [
        ("/xwzx/", 3)]      # the form the list page's own breadcrumb gives
    assert stored.execute("select count(*) from findings where kind = 'blank_column'").fetchone()[0] == 0


class Aggregate(BaseHTTPRequestHandler):
    """A 最新信息 page without a breadcrumb lists the items of the site's columns."""

    def do_GET(self):
        rows = "".join(f"<li><a href='/tzgg/{n}.html'>通知公告第{n}条信息标题</a><span>{ago(n)}</span></li>"
                       for n in range(1, 4))
        crumb = "<div>当前位置：<a href='/index.html'>首页</a> &gt; <a href='/tzgg/'>通知公告</a>{}</div>"
        if self.path == "/index.html":
            body = "<a href='/tzgg/'>通知公告</a><a href='/zxxx.html'>最新信息</a>"
        elif self.path == "/zxxx.html":
            body = f"<ul>{rows}</ul>"
        elif self.path == "/tzgg/":
            body = crumb.format("") + f"<ul>{rows}</ul>"
        else:
            body = crumb.format(" &gt; 正文") + "<h1>通知</h1><p>发布时间：2019-12-30</p>"
        send_html(self, 200, f"<html><head><meta charset='utf-8'><title>测试区</title></head><body>{body}</body></html>")


def test_a_page_listing_other_columns_items_is_no_column(tmp_path):
    url, stored = crawl_served(Aggregate, tmp_path, check=True, politeness={"obey_robots": False})
    assert [(r["url"][len(url):], r["item_count"]) for r in stored.query("select * from columns")] == [("/tzgg/", 3)]
    assert stored.execute("select count(*) from findings where kind = 'blank_column'").fetchone()[0] == 0
