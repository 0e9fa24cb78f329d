"""Bad input: broken configs exit 2 naming the field; an unreachable site fails cleanly."""
import socket

import sqlite_utils

from conftest import portalwatch, write_site_config


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
