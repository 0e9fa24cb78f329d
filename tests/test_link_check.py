"""Link checking against a served site: each failure classified, each URL requested once."""
import json
import socket
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler

import pytest
import sqlite_utils

from conftest import portalwatch, serving, write_site_config

PAGES = 500


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


class Walled(BaseHTTPRequestHandler):
    """Another government's site behind a firewall that turns crawlers away."""

    def do_HEAD(self):
        self.send_response(404 if self.path == "/gone.html" else 403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD


class Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: Counter = Counter()
    refused_port = 0
    walled = ""

    def _page(self, n: int) -> str:
        links = (f'<a href="/shared.pdf">附件</a> <a href="/gone.html">已删除</a> '
                 f'<a href="/forbidden/x.html">内部</a> <a href="/slow.pdf">慢</a> '
                 f'<a href="http://127.0.0.1:{Site.refused_port}/">友情链接</a> '
                 f'<a href="{Site.walled}/news.html">兄弟单位</a> <a href="{Site.walled}/gone.html">旧链接</a> '
                 # A host name the resolver rejects by itself: no query leaves the machine.
                 f'<a href="http://a..b/">坏域名</a>')
        if n == 0:
            links += "".join(f'<a href="/p/{i}.html">第{i}页</a>' for i in range(1, PAGES + 1))
        return f"<html><head><meta charset='utf-8'><title>页{n}</title></head><body>{links}</body></html>"

    def _answer(self, body_wanted: bool):
        path = self.path.split("?")[0]
        Site.hits[(self.command, path)] += 1
        status, body, ctype = 200, b"", "text/html; charset=utf-8"
        if path in ("/", "/index.html"):
            body = self._page(0).encode()
        elif path.startswith("/p/"):
            body = self._page(int(path[3:].split(".")[0])).encode()
        elif path == "/shared.pdf":
            body, ctype = b"%PDF-1.4 sample", "application/pdf"
        elif path == "/slow.pdf":
            time.sleep(3.0)
            body, ctype = b"%PDF-1.4 slow", "application/pdf"
        elif path.startswith("/forbidden/"):
            status, body = 403, b"forbidden"
        else:
            status, body = 404, b"not found"
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body_wanted:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        self._answer(True)

    def do_HEAD(self):
        self._answer(False)


@pytest.fixture(scope="module")
def checked_site(tmp_path_factory):
    Site.refused_port = _closed_port()
    Site.hits.clear()
    with serving(Walled) as Site.walled, serving(Site) as url:
        work = tmp_path_factory.mktemp("links")
        db = work / "links.db"
        config = write_site_config(work / "links.yml", url, db, name="links",
                                   politeness={"timeout": 1.0, "concurrency": 16})
        portalwatch("crawl", config, "--quiet")
        yield url, db, config


def test_each_failure_is_classified(checked_site):
    url, db, _ = checked_site
    targets = {r["url"]: r for r in sqlite_utils.Database(db).query("select url, status, error from targets")}
    assert targets[f"{url}/shared.pdf"]["status"] == 200
    assert targets[f"{url}/gone.html"]["status"] == 404
    assert targets[f"{url}/forbidden/x.html"]["status"] == 403
    assert targets[f"{url}/slow.pdf"]["error"] == "timeout"
    assert targets[f"http://127.0.0.1:{Site.refused_port}/"]["error"] == "refused"
    assert targets["http://a..b/"]["error"] == "dns"


def test_a_link_on_500_pages_is_requested_once(checked_site):
    url, db, _ = checked_site
    assert Site.hits[("HEAD", "/shared.pdf")] + Site.hits[("GET", "/shared.pdf")] == 1
    assert Site.hits[("GET", "/gone.html")] == 1
    links = sqlite_utils.Database(db).execute(
        "select count(*) from links where target_url = ?", [f"{url}/shared.pdf"]).fetchone()[0]
    assert links == PAGES + 1
    # a failure is tried again before it is reported
    assert Site.hits[("HEAD", "/slow.pdf")] == 2


def test_broken_link_findings_confirmed_and_suspected(checked_site):
    url, db, _ = checked_site
    portalwatch("check", "--db", db)
    found = json.loads(portalwatch("findings", "--db", db, "--format", "json", "--kind", "broken_link").stdout)
    by_url = {f["url"]: f for f in found}
    assert set(by_url) == {f"{url}/gone.html", f"{url}/forbidden/x.html", f"{url}/slow.pdf",
                           f"http://127.0.0.1:{Site.refused_port}/", "http://a..b/",
                           f"{Site.walled}/news.html", f"{Site.walled}/gone.html"}
    for confirmed in (f"{url}/gone.html", f"{url}/forbidden/x.html", f"{Site.walled}/gone.html"):
        assert by_url[confirmed]["severity"] == "deduct"
    # Another site's 403 is its firewall talking to a crawler: suspected, and it stays so.
    for suspect in (f"{url}/slow.pdf", f"http://127.0.0.1:{Site.refused_port}/", "http://a..b/",
                    f"{Site.walled}/news.html"):
        assert by_url[suspect]["severity"] == "warning"


def test_failures_that_repeat_are_confirmed_but_not_a_firewall(checked_site):
    url, db, config = checked_site
    portalwatch("check", "--db", db)
    portalwatch("crawl", config, "--quiet")
    portalwatch("check", "--db", db)
    found = json.loads(portalwatch("findings", "--db", db, "--format", "json", "--kind", "broken_link").stdout)
    severity = {f["url"]: f["severity"] for f in found}
    assert severity[f"http://127.0.0.1:{Site.refused_port}/"] == "deduct"
    assert severity[f"{Site.walled}/news.html"] == "warning"
