"""What every `portalwatch` subcommand shares: the one-line failure, dates, the site's store."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from crawler.config import ConfigError, Site, load_site

EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 1, 2, 3


def fail(message: str, status: int = EXIT_USAGE):
    click.echo(f"portalwatch: {message}", err=True)
    sys.exit(status)


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"not a date (YYYY-MM-DD): {value}")


def site_and_db(config: Path | None, db_path: Path | None,
                site_name: str | None) -> tuple[Site | None, Path, str | None]:
    """The site config (if given), the existing database it or --db names, and the site."""
    site = None
    if config is not None:
        try:
            site = load_site(config, db=db_path)
        except ConfigError as exc:
            fail(str(exc))
        db_path = site.db
        if site_name and site_name != site.name:
            fail(f"--site {site_name} does not match the config's name '{site.name}'")
        site_name = site.name
    if db_path is None:
        fail("give --db PATH or --config SITE.yml")
    if not Path(db_path).exists():
        fail(f"{db_path}: no such database")
    return site, Path(db_path), site_name
