"""Scale-out on scrapy-redis against a real redis-server on a loopback port."""
import json
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
import redis
import sqlite_utils

from conftest import portalwatch, write_site_config
from test_nightly import content, differences

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None,
                                reason="redis-server is installed by `make test`")


def _free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    port = _free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path_factory.mktemp("redis"))],
                            stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait()


def _findings(db) -> set:
    portalwatch("check", "--db", db, "--as-of", "2019-12-31", "--quiet")
    rows = json.loads(portalwatch("findings", "--db", db, "--format", "json").stdout)
    return {(f["kind"], f["severity"], f["url"].split("/", 3)[-1] if f["url"] else None, f["detail"]) for f in rows}


def test_two_workers_give_the_single_process_result(small_sample, redis_url, tmp_path):
    db = tmp_path / "redis.db"
    config = write_site_config(tmp_path / "redis.yml", small_sample.site_url, db)
    portalwatch("crawl", config, "--today", "2019-12-31", "--redis", redis_url, "--workers", "2", "--quiet")
    assert not differences(content(db), content(small_sample.db_path))
    single = tmp_path / "single.db"
    shutil.copy(small_sample.db_path, single)
    assert _findings(db) == _findings(single)
    assert redis.Redis.from_url(redis_url).keys("portalwatch:*") == []   # the run cleaned up

    # The next night: a new run with its own keys fetches normally.
    portalwatch("crawl", config, "--today", "2019-12-31", "--redis", redis_url, "--workers", "2", "--quiet")
    second = list(sqlite_utils.Database(db).query("select * from crawls order by id desc limit 1"))[0]
    assert second["outcome"] == "ok" and second["mode"] == "incremental"
    assert second["requests"] >= 214       # every column page asked again, conditionally
    assert second["not_modified"] >= 150
    assert not differences(content(db), content(small_sample.db_path))


def test_a_killed_worker_does_not_lose_its_work(small_sample, redis_url, tmp_path):
    db = tmp_path / "kill.db"
    # Gently, so that the run lasts long enough to kill a worker in the middle of it.
    config = write_site_config(tmp_path / "kill.yml", small_sample.site_url, db,
                               politeness={"concurrency": 2, "delay": 0.005})
    coordinator = subprocess.Popen([sys.executable, "-m", "crawler", "crawl", str(config), "--today", "2019-12-31",
                                    "--redis", redis_url, "--workers", "2", "--quiet"])
    client = redis.Redis.from_url(redis_url)
    victim, seen = None, []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and victim is None and coordinator.poll() is None:
        time.sleep(0.1)
        pids = [int(v) for v in (client.get(k) for k in client.keys("portalwatch:*:alive:*")) if v]
        busy = sum(client.hlen(k) for k in client.keys("portalwatch:*:inflight:*"))
        seen.append((len(pids), busy))
        if len(pids) == 2 and busy:
            victim = pids[1]
    assert victim, (f"both workers never got going: {len(seen)} looks, coordinator {coordinator.poll()}, "
                    f"(workers, in flight) seen {sorted(set(seen))}")
    import os
    os.kill(victim, signal.SIGKILL)
    assert coordinator.wait(timeout=300) == 0
    assert not differences(content(db), content(small_sample.db_path))


def test_unreachable_redis_fails_fast(small_sample, tmp_path):
    config = write_site_config(tmp_path / "r.yml", small_sample.site_url, tmp_path / "r.db")
    started = time.monotonic()
    result = portalwatch("crawl", config, "--redis", f"redis://127.0.0.1:{_free_port()}/0", check=False)
    assert result.returncode == 2 and time.monotonic() - started < 15
    assert "cannot reach Redis" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_worker_for_a_finished_run_exits_cleanly(redis_url):
    result = portalwatch("worker", "--redis", redis_url)
    assert result.returncode == 0 and "no crawl run in progress" in result.stdout
    result = portalwatch("worker", "--redis", redis_url, "--run", "sample:999")
    assert result.returncode == 0 and "has finished" in result.stdout
