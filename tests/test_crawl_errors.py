"""Bad input: broken configs exit 2 naming the field; an unreachable site fails cleanly."""
import socket
from http.server import BaseHTTPRequestHandler

import sqlite_utils

from conftest import crawl_served, portalwatch, send_html, write_site_config


def test_missing_config_file(tmp_path):
    result = portalwatch("crawl", tmp_path / "nope.yml", check=False)
    assert result.returncode == 2
    assert "no such site config" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_config_missing_field_names_it(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("name: x\n", encoding="utf-8")
    result = portalwatch("crawl", path, check=False)
    assert result.returncode == 2
    assert "'start_url'" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_config_wrong_type_names_it(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("name: x\nstart_url: http://127.0.0.1/\npoliteness:\n  delay: soon\n", encoding="utf-8")
    result = portalwatch("crawl", path, check=False)
    assert result.returncode == 2 and "politeness.delay" in result.stderr


def test_invalid_yaml_gives_the_line(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("name: x\nstart_url: [http://\n", encoding="utf-8")
    result = portalwatch("crawl", path, check=False)
    assert result.returncode == 2 and "line" in result.stderr


def test_unreachable_start_url_marks_the_crawl_failed(tmp_path, crawled_sample):
    import shutil
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    db = tmp_path / "kept.db"
    shutil.copy(crawled_sample.db_path, db)
    before = {t: sqlite_utils.Database(db)[t].count for t in ("pages", "items", "columns", "links")}
    config = write_site_config(tmp_path / "down.yml", f"http://127.0.0.1:{port}", db)
    result = portalwatch("crawl", config, check=False)
    assert result.returncode == 1
    assert "could not reach the start URL" in result.stderr
    after = sqlite_utils.Database(db)
    assert {t: after[t].count for t in before} == before
    last = list(after.query("select outcome, message from crawls order by id desc limit 1"))[0]
    assert last["outcome"] == "failed" and "refused" in last["message"]


def test_a_start_url_that_redirects_to_another_host(small_sample, tmp_path):
    """An operator gives the bare domain; the portal lives at www.: the crawl follows it there."""
    class Moved(BaseHTTPRequestHandler):
        def do_GET(self):
            _redirect(self, 301, small_sample.site_url + "/index.html")

    _, crawled = crawl_served(Moved, tmp_path)
    levels = [r[0] for r in crawled.execute("select count(*) from columns group by level order by level")]
    assert levels == small_sample.ground_truth["counts"]["columns_by_level"]
    # The page the start URL went to is the home page, read once.
    assert crawled.execute("select count(*) from pages where kind = 'home'").fetchone()[0] == 1
    assert crawled.execute("select count(*) from pages where url = ?",
                           [small_sample.site_url + "/index.html"]).fetchone()[0] == 0


def test_a_start_page_that_only_refreshes_to_the_portal(small_sample, tmp_path):
    """Many portals' index.html is only `<meta http-equiv="refresh" content="0;url=…">`: the
    crawl goes where it points (the spider skips Scrapy's check on pages declaring none)."""
    class Refresh(BaseHTTPRequestHandler):
        def do_GET(self):
            send_html(self, 200, "<html><head><meta charset='utf-8'>\n<META HTTP-EQUIV='Refresh' "
                      f"CONTENT='0; URL={small_sample.site_url}/index.html'></head><body></body></html>")

    _, crawled = crawl_served(Refresh, tmp_path)
    levels = [r[0] for r in crawled.execute("select count(*) from columns group by level order by level")]
    assert levels == small_sample.ground_truth["counts"]["columns_by_level"]


def test_a_page_that_redirects_off_the_site_is_checked_not_read(small_sample, tmp_path):
    """An internal link that moved to another site answers through the redirect; the other
    site's page is not read as one of this site's columns."""
    elsewhere = next(c["url"] for c in small_sample.ground_truth["columns"] if c["level"] == 2)

    class Portal(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/zwfw/":
                _redirect(self, 302, small_sample.site_url + elsewhere)
                return
            send_html(self, 200 if self.path in ("/", "/index.html") else 404,
                      "<html><head><meta charset='utf-8'><title>测试区人民政府</title></head><body>"
                      "<a href='/zwfw/'>政务服务</a><a href='/gone.html'>旧栏目</a></body></html>")

    url, crawled = crawl_served(Portal, tmp_path)
    assert crawled.execute("select count(*) from columns").fetchone()[0] == 0
    statuses = dict(crawled.execute("select url, status from targets"))
    assert statuses[url + "/zwfw/"] == 200 and statuses[url + "/gone.html"] == 404


def _redirect(handler: BaseHTTPRequestHandler, status: int, location: str) -> None:
    handler.send_response(status)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()
