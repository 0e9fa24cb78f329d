"""`portalwatch check` and `portalwatch findings` (registered on the main group by crawler/cli.py).

Exit statuses: 0 success; 2 a bad rule pack, site config or date, or no finished crawl.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from crawler.cliutil import fail, parse_day, site_and_db



@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file written by `portalwatch crawl` (default: the config's).")
@click.option("--as-of", "as_of", help="Judge as of this day (YYYY-MM-DD; default today).")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path),
              help="Rule pack: a directory of *.yml or one file (default: rules/).")
@click.option("--site", "site_name", help="Check only this site (default: every site in the db).")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="Site config whose `rules:` override the pack for that site.")
@click.option("--quiet", is_flag=True, help="Print nothing on success.")
def check(db_path, as_of, rules_path, site_name, config, quiet):
    """Evaluate the rule packs against the latest finished crawl and store findings."""
    from . import engine, listing
    from .rulepack import RulePackError, load_rules

    day = parse_day(as_of) or date.today()
    try:
        rules = load_rules(rules_path)
    except RulePackError as exc:
        fail(str(exc))
    site, db_path, site_name = site_and_db(config, db_path, site_name)
    if site is not None:
        try:
            rules = rules.for_site(site.rules, site.source)
        except RulePackError as exc:
            fail(str(exc))
    from crawler.store import open_db
    db = open_db(db_path)
    try:
        results = engine.run_check(db, rules, as_of=day, site=site_name,
                                   rules_path=rules_path or "rules", site_config=config)
    except engine.CheckError as exc:
        fail(str(exc))
    if not quiet:
        click.echo("\n\n".join(listing.verdict_table(r) for r in results))


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file (default: the config's).")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="Site config (gives the database and the site).")
@click.option("--site", "site_name", help="Only this site's findings.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--kind", help="Only findings of this kind (e.g. stale_dynamic).")
@click.option("--status", help="Only findings with this status (open, resolved, confirmed …).")
def findings(db_path, config, site_name, fmt, kind, status):
    """List stored findings."""
    from . import listing
    from .kinds import KINDS
    if kind and kind not in KINDS:
        fail(f"unknown kind '{kind}' (known: {', '.join(KINDS)})")
    _, db_path, site_name = site_and_db(config, db_path, site_name)
    from crawler.store import open_db
    rows = listing.list_findings(open_db(db_path), site=site_name, kind=kind, status=status)
    if fmt == "json":
        click.echo(listing.to_json(rows))
    elif fmt == "csv":
        click.echo(listing.to_csv(rows), nl=False)
    else:
        click.echo(listing.to_table(rows))
