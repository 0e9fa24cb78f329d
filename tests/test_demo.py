"""`make demo` run twice crawls the same site twice (the second crawl incremental), never two
copies of it: the sample portal is served on the previous run's port when it is free."""
import socket

from crawler.demo import _port


def _config(tmp_path, port):
    config = tmp_path / "demo.yml"
    config.write_text(f"name: demo\nstart_url: http://127.0.0.1:{port}/index.html\ndb: x\n", encoding="utf-8")
    return config


def test_the_previous_port_is_used_again_when_free(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    db = tmp_path / "demo.db"
    db.write_bytes(b"kept")
    assert _port(_config(tmp_path, free), db) == free and db.exists()


def test_a_taken_port_starts_a_fresh_store(tmp_path):
    db = tmp_path / "demo.db"
    db.write_bytes(b"old site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert _port(_config(tmp_path, taken.getsockname()[1]), db) == 0
    assert not db.exists()
