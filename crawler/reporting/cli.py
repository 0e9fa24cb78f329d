"""`portalwatch report`: the quarterly inspection report, the monthly and weekly bulletins and
the annual statistics, as HTML, PDF, XLSX and CSV.

Exit statuses: 0 success; 1 no crawl data (no check run) for the period; 2 usage, a bad
settings file or template, no such database, PDF support missing.
"""
from __future__ import annotations

from pathlib import Path

import click

from crawler.cliutil import fail, site_and_db


@click.command()
@click.option("--quarter", help="Quarterly inspection report (季度检查报告), e.g. 2019Q4.")
@click.option("--month", help="Monthly bulletin (月通报), e.g. 2019-12.")
@click.option("--week", help="Weekly dispatch (周调度), an ISO week, e.g. 2019-W52.")
@click.option("--year", help="Annual statistics (年度报表 信息发布), e.g. 2019.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file (default: the config's).")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="Site config (gives the database, the site and its rule overrides).")
@click.option("--site", "site_name", help="Only this site (default: every site checked in the period).")
@click.option("--all", "every_site", is_flag=True,
              help="The city-level roll-up: one row per site of the database (its verdicts, counts, rank).")
@click.option("--format", "formats", default="html,pdf,xlsx,csv", show_default=True,
              help="Comma-separated: html, pdf, xlsx, csv.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("var/reports"),
              show_default=True, help="Directory for the files.")
@click.option("--by", help="Who generates the report (default: $PORTALWATCH_OPERATOR, else the login name).")
@click.option("--templates", type=click.Path(file_okay=False, path_type=Path),
              help="Template directory (default: reports/ here, else the project's).")
@click.option("--settings", "settings_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Groups, points and due dates (default: TEMPLATES/groups.yml).")
@click.option("--rules", "rules_path", type=click.Path(path_type=Path),
              help="Rule pack for the column classes (default: the one the check used).")
@click.option("--quiet", is_flag=True, help="Print nothing on success.")
def report(quarter, month, week, year, db_path, config, site_name, every_site, formats, out, by, templates,
           settings_path, rules_path, quiet):
    """Write the quarterly report, a bulletin or the annual statistics."""
    from crawler.store import open_db

    from .generate import FORMATS, KIND_OF_PERIOD, generate
    from .html import TemplateProblem
    from .pdf import PdfUnavailable
    from .period import Period, PeriodError
    from .settings import SettingsError, load_settings, templates_dir
    from .source import ReportError

    given = [(k, v) for k, v in (("quarter", quarter), ("month", month), ("week", week), ("year", year)) if v]
    if len(given) != 1:
        fail("give one period: --quarter 2019Q4, --month 2019-12, --week 2019-W52 or --year 2019")
    (period_kind, text), = given
    try:
        period = Period.parse(period_kind, text)
    except PeriodError as exc:
        fail(str(exc))
    wanted = [f.strip().lower() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        fail(f"unknown format '{unknown[0] if unknown else formats}' (known: {', '.join(FORMATS)})")
    _, db_path, site_name = site_and_db(config, db_path, site_name)
    if templates is not None and not templates.is_dir():
        fail(f"{templates}: no such template directory")
    try:
        settings = load_settings(settings_path or Path(templates_dir(templates)) / "groups.yml")
    except SettingsError as exc:
        fail(str(exc))
    db = open_db(db_path)
    try:
        kind = "rollup" if every_site else KIND_OF_PERIOD[period_kind]
        paths = generate(db, kind, period, site=site_name, formats=wanted, out=out,
                         by=by, templates=templates, settings=settings, rules_path=rules_path,
                         site_config=config)
    except ReportError as exc:
        fail(str(exc), exc.status)
    except (TemplateProblem, PdfUnavailable) as exc:
        fail(str(exc))
    if not quiet:
        for path in paths:
            click.echo(str(path))
