"""A site's robots.txt: what it keeps the crawl from asking is not checked, so never broken."""
from http.server import BaseHTTPRequestHandler

from conftest import crawl_served, portalwatch, send_html, serving, write_site_config


def _robots(disallow: str):
    class Site(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/robots.txt":
                body = f"User-agent: *\nDisallow: {disallow}\n".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            send_html(self, 200 if self.path == "/index.html" else 404,
                      "<html><head><meta charset='utf-8'><title>测试县人民政府</title></head><body>"
                      "<a href='/jcms/search.html'>站内搜索</a><a href='/gone.html'>已删除</a></body></html>")
    return Site


def test_a_link_robots_txt_forbids_is_not_a_broken_link(tmp_path):
    url, stored = crawl_served(_robots("/jcms/"), tmp_path, check=True)
    errors = dict(stored.execute("select url, coalesce(error, status) from targets"))
    assert errors[url + "/jcms/search.html"] == "robots.txt"
    broken = [r[0] for r in stored.execute("select url from findings where kind = 'broken_link'")]
    assert broken == [url + "/gone.html"]


def test_a_start_url_robots_txt_forbids_says_so(tmp_path):
    db = tmp_path / "site.db"
    with serving(_robots("/")) as url:
        result = portalwatch("crawl", write_site_config(tmp_path / "site.yml", url, db), "--quiet", check=False)
    assert result.returncode == 1
    assert "robots.txt forbids the start URL" in result.stderr and "obey_robots: false" in result.stderr
