"""Shared fixtures: the sample portal generated, served on 127.0.0.1, and crawled once."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from sample.generate import generate_site
from sample.server import serve

AS_OF = date(2019, 12, 31)
RULES = Path(__file__).resolve().parents[1] / "rules"


def ago(days: int) -> str:
    """The day `days` before AS_OF, as the store writes dates."""
    return (AS_OF - timedelta(days=days)).isoformat()


@pytest.fixture(scope="session")
def rules():
    from crawler.checks.rulepack import load_rules
    return load_rules(RULES)


@dataclass
class CrawledSample:
    db_path: Path
    config_path: Path
    ground_truth: dict
    as_of: date
    site_url: str
    site_root: Path


def portalwatch(*args, check=True, **kwargs) -> subprocess.CompletedProcess:
    """Run the real command, as an operator would."""
    result = subprocess.run([sys.executable, "-m", "crawler", *map(str, args)],
                            capture_output=True, text=True, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"portalwatch {' '.join(map(str, args))} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


@contextmanager
def serving(handler):
    """A real HTTP server on 127.0.0.1 answering with `handler` (a BaseHTTPRequestHandler
    class), quietly; yields its base URL."""
    quiet = type(handler.__name__, (handler,), {"log_message": lambda self, *args: None})
    server = ThreadingHTTPServer(("127.0.0.1", 0), quiet)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def send_html(handler, status: int, html: str) -> None:
    """Answer a hand-written server's request with an HTML page."""
    body = html.encode("utf-8")
    handler.send_response(status)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def crawl_served(handler, tmp_path: Path, *, check: bool = False, **config):
    """Serve `handler` on 127.0.0.1, crawl it as of AS_OF into a fresh store (and check it);
    (its base URL, the store). `config` adds site config fields."""
    import sqlite_utils
    db = tmp_path / "site.db"
    with serving(handler) as url:
        site = write_site_config(tmp_path / "site.yml", url, db, **config)
        portalwatch("crawl", site, "--today", AS_OF.isoformat(), "--quiet")
    if check:
        portalwatch("check", "--db", db, "--as-of", AS_OF.isoformat())
    return url, sqlite_utils.Database(db)


def write_site_config(path: Path, url: str, db: Path, name: str = "sample", **extra) -> Path:
    lines = [f"name: {name}", f"start_url: {url}/index.html", f"db: {db}"]
    lines += [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in extra.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _generated(tmp_path_factory, scale):
    out = tmp_path_factory.mktemp("sample")
    truth_path = generate_site(out, seed=1, as_of=AS_OF, scale=scale)
    return out / "site", json.loads(Path(truth_path).read_text(encoding="utf-8"))


def _crawled(tmp_path_factory, root, truth, url) -> CrawledSample:
    work = tmp_path_factory.mktemp("crawl")
    db = work / "sample.db"
    config = write_site_config(work / "sample.yml", url, db)
    portalwatch("crawl", config, "--today", AS_OF.isoformat(), "--quiet")
    return CrawledSample(db, config, truth, AS_OF, url, root)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    return _generated(tmp_path_factory, 1)


@pytest.fixture(scope="session")
def sample_url(sample_site):
    root, _ = sample_site
    with serve(root) as url:
        yield url


@pytest.fixture(scope="session")
def crawled_sample(sample_site, sample_url, tmp_path_factory) -> CrawledSample:
    """The default sample portal (3,500 pages), crawled once for the session."""
    return _crawled(tmp_path_factory, *sample_site, sample_url)


@pytest.fixture(scope="session")
def small_sample(tmp_path_factory) -> CrawledSample:
    """The same portal at a third of its size: for tests that crawl it again and again."""
    root, truth = _generated(tmp_path_factory, 0.3)
    with serve(root) as url:
        yield _crawled(tmp_path_factory, root, truth, url)
