"""`portalwatch review`: serve the analyst's review workspace (registered on the main group).

Binds to 127.0.0.1 by default. Any other address needs a password, from the environment
(PORTALWATCH_PASSWORD) or the site config's `review: {password: …}`; without one the command
refuses to start (exit status 2, one line).
"""
from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

import click


def _fail(message: str, status: int = 2):
    click.echo(f"portalwatch: {message}", err=True)
    sys.exit(status)


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _from_config(path: Path | None) -> tuple[Path | None, str | None]:
    """The database and the review password a site config names (`db`, `review.password`)."""
    if path is None:
        return None, None
    from crawler.config import ConfigError, load_site
    try:
        site = load_site(path)
    except ConfigError as exc:
        _fail(str(exc))
    password = site.review.get("password")
    return site.db, (str(password) if password is not None else None)


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file written by `portalwatch crawl` and `portalwatch check`.")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="Site config: its `db`, and `review.password` for serving beyond this machine.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs a password.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64))
@click.option("--site", "site_name", help="The site shown first (default: the latest checked; every site is reachable).")
def review(db_path, config, host, port, threads, site_name):
    """Serve the review workspace: overview, findings, decisions, exports (zh-CN)."""
    config_db, config_password = _from_config(config)
    db_path = db_path or config_db
    if db_path is None:
        _fail("give --db PATH or --config SITE.yml")
    password = os.environ.get("PORTALWATCH_PASSWORD") or config_password
    if not is_loopback(host) and not password:
        _fail(f"refusing to serve on {host} without a password "
              "(set PORTALWATCH_PASSWORD or review.password in the site config)")
    if not Path(db_path).exists():
        _fail(f"{db_path}: no such database")
    from waitress import create_server

    from .app import create_app
    app = create_app(db_path, password=password, site=site_name)
    try:
        server = create_server(app, host=host, port=port, threads=threads, ident="portalwatch")
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", 1)
    port = server.effective_port
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"portalwatch review: http://{shown}:{port}/  (database {db_path}; Ctrl+C to stop)", )
    sys.stdout.flush()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def main():  # python -m crawler.review
    review(prog_name="portalwatch review")
