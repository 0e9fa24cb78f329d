"""A site whose firewall answers 403 to clients it does not know: the config's user_agent is
what the crawl and the availability probe send, so neither reports the site unreachable."""
from http.server import BaseHTTPRequestHandler

import pytest
import sqlite_utils

from conftest import portalwatch, send_html, serving, write_site_config

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) portalwatch"
HOME = ("<html><head><meta charset='utf-8'><title>测试区人民政府</title></head><body>"
        "<ul><li><a href='/a.html'>区政府召开常务会议</a><span>2019-12-30</span></li></ul></body></html>")
ARTICLE = ("<html><head><meta charset='utf-8'><title>区政府召开常务会议</title></head><body>"
           "<h1>区政府召开常务会议</h1><p>发布时间：2019-12-30</p></body></html>")


class Guarded(BaseHTTPRequestHandler):
    """Pages for browsers only, as a WAF in front of a portal may serve them."""

    def do_GET(self):
        known = self.headers.get("User-Agent") == BROWSER
        page = HOME if self.path == "/index.html" else ARTICLE
        send_html(self, 200 if known else 403, page if known else "<html><body>访问被拒绝</body></html>")

    do_HEAD = do_GET


@pytest.fixture
def guarded_site():
    with serving(Guarded) as url:
        yield url


def test_the_configured_user_agent_reaches_a_guarded_site(guarded_site, tmp_path):
    db = tmp_path / "guarded.db"
    plain = write_site_config(tmp_path / "plain.yml", guarded_site, db, politeness={"obey_robots": False})
    refused = portalwatch("crawl", plain, "--today", "2019-12-31", "--quiet", check=False)
    assert refused.returncode != 0 and "403" in refused.stderr and "set user_agent" in refused.stderr

    config = tmp_path / "guarded.yml"
    config.write_text(plain.read_text(encoding="utf-8") + f'user_agent: "{BROWSER}"\n', encoding="utf-8")
    portalwatch("crawl", config, "--today", "2019-12-31", "--quiet")
    store = sqlite_utils.Database(db)
    assert store.execute("select outcome from crawls order by id desc limit 1").fetchone()[0] == "ok"
    assert store.execute("select count(*) from items").fetchone()[0] == 1

    portalwatch("probe", config, "--quiet")
    assert [r[0] for r in store.execute("select ok from probes")] == [1]


def test_user_agent_must_be_a_string(tmp_path):
    config = tmp_path / "bad.yml"
    config.write_text("name: bad\nstart_url: http://127.0.0.1:9/\nuser_agent: [a, b]\n", encoding="utf-8")
    result = portalwatch("crawl", config, check=False)
    assert result.returncode == 2 and "user_agent" in result.stderr
