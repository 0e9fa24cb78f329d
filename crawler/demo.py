"""`portalwatch demo`: the whole job on the bundled sample portal, served on 127.0.0.1."""
from __future__ import annotations

import socket
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import click
import yaml

AS_OF = date(2019, 12, 31)


def run_demo(out: Path) -> Path:
    from sample.generate import generate_site
    from sample.server import serve

    out.mkdir(parents=True, exist_ok=True)
    truth = out / "portal" / "ground_truth.json"
    if not truth.exists():
        click.echo(f"generating the sample portal in {out / 'portal'} …")
        generate_site(out / "portal", seed=1, as_of=AS_OF, scale=1)
    db = (out / "demo.db").resolve()
    config = out / "demo.yml"
    with serve(out / "portal" / "site", port=_port(config, db)) as url:
        click.echo(f"sample portal served at {url}/index.html")
        config.write_text(f"name: demo\nstart_url: {url}/index.html\ndb: {db}\n", encoding="utf-8")
        steps = [["crawl", str(config), "--today", AS_OF.isoformat()]]
        steps += [[cmd, *args] for cmd, args in _after_crawl(db)]
        for step in steps:
            click.echo(f"\n$ portalwatch {' '.join(step)}")
            status = subprocess.run([sys.executable, "-m", "crawler", *step]).returncode
            if status != 0:
                raise SystemExit(status)
    click.echo(f"\ndatabase: {db}\nsite config: {config}\nreports: {db.parent / 'reports'}\n"
               f"review the findings in a browser: portalwatch review --db {db}")
    return db


def _port(config: Path, db: Path) -> int:
    """The port of the previous demo run when it is free: a second `make demo` is then the
    nightly incremental crawl of the same site. On another port the portal's URLs would all
    change, so the store starts afresh rather than hold two copies of the site."""
    previous = urlsplit(yaml.safe_load(config.read_text(encoding="utf-8"))["start_url"]).port \
        if config.exists() else None
    if previous:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", previous))
                return previous
            except OSError:
                pass
    if db.exists():
        click.echo("the previous demo's port is taken: starting a fresh demo database")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return 0


def _after_crawl(db: Path):
    yield "status", ["--db", str(db)]
    yield "check", ["--db", str(db), "--as-of", AS_OF.isoformat()]
    yield "findings", ["--db", str(db), "--status", "open"]
    yield "report", ["--quarter", "2019Q4", "--db", str(db), "--out", str(db.parent / "reports")]


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("var/demo"),
              show_default=True, help="Where the sample portal, database and reports go.")
def demo(out):
    """Generate and serve the sample portal, then crawl, check and report it."""
    run_demo(out)
