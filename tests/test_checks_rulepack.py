"""Rule packs: the shipped pack loads; malformed packs are refused with file, line and reason."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.checks import RulePackError, load_rules
from crawler.checks.cli import check
from crawler.checks.kinds import KINDS
from crawler.checks.synthetic import SiteBuilder
from crawler.store import open_db

RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture
def pack(tmp_path) -> Path:
    out = tmp_path / "rules"
    shutil.copytree(RULES, out)
    return out


def refused(path) -> str:
    with pytest.raises(RulePackError) as info:
        load_rules(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_shipped_pack_covers_every_kind():
    rules = load_rules(RULES)
    assert set(rules.data["kinds"]) == set(KINDS)
    for name in KINDS:
        settings = rules.kind(name)
        assert settings["enabled"] is True
        assert settings["indicator"] in rules.data["indicators"]
    assert rules.kind("stale_dynamic")["days"] == 14
    assert rules.kind("homepage_stale")["warn_days"] == 10
    assert len(rules.digest) == 16 and rules.digest == load_rules(RULES).digest


def test_bad_yaml(pack):
    (pack / "kinds.yml").write_text("kinds:\n  stale_dynamic: {days: 14\n  blank_column: {}\n", encoding="utf-8")
    message = refused(pack)
    assert message.startswith(f"{pack / 'kinds.yml'}:") and "not valid YAML" in message
    assert message.split(":")[1].isdigit()


def test_unknown_kind(pack):
    (pack / "kinds.yml").write_text("kinds:\n  stale_dynamic:\n    days: 14\n  stale_dynamc:\n    days: 3\n",
                                    encoding="utf-8")
    message = refused(pack)
    assert message.startswith(f"{pack / 'kinds.yml'}:4: kinds.stale_dynamc: unknown kind 'stale_dynamc'")


def test_threshold_of_the_wrong_type(pack):
    (pack / "kinds.yml").write_text("kinds:\n  stale_dynamic:\n    days: fourteen\n", encoding="utf-8")
    assert refused(pack) == (f"{pack / 'kinds.yml'}:3: kinds.stale_dynamic.days: "
                             "must be an integer, got 'fourteen'")
    (pack / "kinds.yml").write_text("kinds:\n  homepage_stale:\n    warn_days: true\n", encoding="utf-8")
    assert "kinds.homepage_stale.warn_days: must be an integer, got true" in refused(pack)
    (pack / "kinds.yml").write_text("kinds:\n  stale_dynamic:\n    days: 0\n", encoding="utf-8")
    assert "must be at least 1" in refused(pack)


def test_unknown_setting_and_section(pack):
    (pack / "kinds.yml").write_text("kinds:\n  typo:\n    contxt: 3\n", encoding="utf-8")
    assert refused(pack).startswith(f"{pack / 'kinds.yml'}:3: kinds.typo.contxt: unknown setting of typo 'contxt'")
    (pack / "extra.yml").write_text("# extra\nthresholds:\n  a: 1\n", encoding="utf-8")
    (pack / "kinds.yml").write_text("kinds: {}\n", encoding="utf-8")
    assert refused(pack).startswith(f"{pack / 'extra.yml'}:2: thresholds: unknown section 'thresholds'")


def test_bad_values_inside_sections(pack):
    (pack / "typos.yml").write_text("typos:\n  - {wrong: 条列}\n", encoding="utf-8")
    assert refused(pack) == f"{pack / 'typos.yml'}:2: typos.0: needs 'right'"
    (pack / "typos.yml").write_text("typos: []\n", encoding="utf-8")
    (pack / "classes.yml").write_text("classes:\n  patterns:\n    dynamic: ['re:(动态']\n", encoding="utf-8")
    assert "classes.patterns.dynamic.0: is not a valid regular expression" in refused(pack)
    (pack / "classes.yml").write_text("classes:\n  patterns:\n    dynamc: [动态]\n", encoding="utf-8")
    assert "unknown class 'dynamc'" in refused(pack)
    (pack / "classes.yml").write_text("classes: {}\n", encoding="utf-8")
    (pack / "catalogue.yml").write_text(
        "catalogue:\n  annual_report:\n    deadlines: {department: '1月31日'}\n", encoding="utf-8")
    assert refused(pack) == (f"{pack / 'catalogue.yml'}:3: catalogue.annual_report.deadlines.department: "
                             "has the wrong shape: '1月31日'")


def test_duplicates(pack):
    (pack / "more.yml").write_text("typos:\n  - {wrong: a, right: b}\n", encoding="utf-8")
    message = refused(pack)
    assert message.startswith(f"{pack / 'typos.yml'}:4: section 'typos' is already defined in {pack / 'more.yml'}:1")
    (pack / "more.yml").unlink()
    (pack / "kinds.yml").write_text("kinds:\n  typo: {}\n  typo: {}\n", encoding="utf-8")
    assert refused(pack) == f"{pack / 'kinds.yml'}:3: duplicate key 'typo'"


def test_kind_naming_an_unknown_indicator(pack):
    (pack / "kinds.yml").write_text("kinds:\n  typo:\n    indicator: typoz\n", encoding="utf-8")
    assert "kinds.typo.indicator: unknown indicator 'typoz'" in refused(pack)


def test_site_overrides_are_validated_with_the_site_file(tmp_path):
    site_file = tmp_path / "site.yml"
    site_file.write_text("name: s\nstart_url: http://s.example/\nrules:\n  kinds:\n    stale_dynamic:\n"
                         "      days: '21'\n", encoding="utf-8")
    rules = load_rules(RULES)
    with pytest.raises(RulePackError) as info:
        rules.for_site({"kinds": {"stale_dynamic": {"days": "21"}}}, site_file)
    assert str(info.value) == f"{site_file}:6: rules.kinds.stale_dynamic.days: must be an integer, got '21'"
    merged = rules.for_site({"kinds": {"stale_dynamic": {"days": 21}},
                             "pins": [{"url": "http://s.example/a/*", "class": "dynamic"}]}, site_file)
    assert merged.kind("stale_dynamic")["days"] == 21 and merged.kind("blank_column")["enabled"]
    assert merged.digest != rules.digest and rules.kind("stale_dynamic")["days"] == 14


def test_cli_refuses_a_bad_pack_before_writing(tmp_path, pack):
    db_path = tmp_path / "t.db"
    b = SiteBuilder(open_db(db_path))
    b.column("/d/index.html", "工作动态")
    b.write_crawl()
    b.db.close()
    tables = _tables(db_path)
    (pack / "kinds.yml").write_text("kinds:\n  stale_dynamic:\n    days: [14]\n", encoding="utf-8")
    result = CliRunner().invoke(check, ["--db", str(db_path), "--rules", str(pack), "--as-of", "2019-12-31"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"portalwatch: {pack / 'kinds.yml'}:3: kinds.stale_dynamic.days: "
                                     "must be an integer, got a list")
    assert _tables(db_path) == tables and "checks" not in tables


def test_cli_refuses_bad_site_rules_before_writing(tmp_path):
    db_path = tmp_path / "t.db"
    b = SiteBuilder(open_db(db_path), site="s")
    b.write_crawl()
    b.db.close()
    site_file = tmp_path / "s.yml"
    site_file.write_text(f"name: s\nstart_url: http://t.example/index.html\ndb: {db_path}\n"
                         "rules:\n  pins:\n    - {url: x, class: dynamik}\n", encoding="utf-8")
    result = CliRunner().invoke(check, ["--config", str(site_file), "--rules", str(RULES)])
    assert result.exit_code == 2
    assert f"{site_file}:6: rules.pins.0.class: must be one of" in result.stderr
    assert "checks" not in _tables(db_path)


def test_cli_without_a_finished_crawl(tmp_path):
    db_path = tmp_path / "t.db"
    b = SiteBuilder(open_db(db_path))
    b.write_crawl(outcome="failed")
    result = CliRunner().invoke(check, ["--db", str(db_path), "--rules", str(RULES)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "portalwatch: no finished crawl in this database (run `portalwatch crawl` first)"
    result = CliRunner().invoke(check, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such database" in result.stderr
    result = CliRunner().invoke(check, ["--db", str(db_path), "--as-of", "31.12.2019"])
    assert result.exit_code == 2 and "not a date" in result.stderr


def _tables(path) -> set:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    finally:
        con.close()


def test_minus_months_clamps_month_ends():
    from crawler.checks.rulepack import minus_months
    assert minus_months(date(2019, 12, 31), 6) == date(2019, 6, 30)
    assert minus_months(date(2020, 3, 31), 1) == date(2020, 2, 29)
    assert minus_months(date(2019, 1, 15), 3) == date(2018, 10, 15)
    assert minus_months(date(2019, 12, 31), 12) == date(2018, 12, 31)
