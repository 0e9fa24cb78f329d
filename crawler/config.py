"""Load and validate a site's YAML config into a `Site` value.

Every error names the file and the field, so an operator can fix it from one line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from crawler.understand.overrides import OverrideError
from crawler.understand.overrides import compile_lists as list_overrides
from crawler.understand.overrides import compile_skip


class ConfigError(Exception):
    """A site config that cannot be used; the message is one line for the operator."""


@dataclass(frozen=True)
class Politeness:
    concurrency: int = 8          # simultaneous requests to the site
    delay: float = 0.0            # seconds between requests to the site (minimum)
    max_delay: float = 10.0       # ceiling for the adaptive delay
    timeout: float = 15.0         # seconds before a request counts as failed
    obey_robots: bool = True      # False only where the office owns the site


@dataclass(frozen=True)
class Site:
    name: str
    start_url: str
    allowed_hosts: tuple[str, ...]
    db: Path
    # URL prefixes the crawl reads within: a department's or township's site on a shared
    # platform host (http://www.city.gov.cn/bm/jyj/). Links out of it are checked, not read.
    scope: tuple[str, ...] = ()
    politeness: Politeness = field(default_factory=Politeness)
    contact: str = ""
    user_agent: str = ""          # for a site whose firewall turns away unknown clients
    check_external: bool = True
    full_every_days: int = 7      # a full sweep at least this often; nights between are incremental
    recheck_days: int = 7         # link targets that answered well are checked again after this
    # Corrections for what the heuristics get wrong, and per-site rule settings;
    # validated by the code that uses them (understand/ and checks/).
    overrides: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    review: dict = field(default_factory=dict)    # the review app: {password: …}
    source: Path | None = None

    @property
    def host(self) -> str:
        return urlsplit(self.start_url).netloc

    def agent(self, purpose: str) -> str:
        """The User-Agent sent to the site: the config's, else portalwatch's naming `purpose`
        and the contact."""
        contact = f"; +{self.contact}" if self.contact else ""
        return self.user_agent or f"portalwatch/0.1 ({purpose}{contact})"


_TOP_FIELDS = {"name", "start_url", "allowed_hosts", "scope", "db", "politeness", "contact", "user_agent",
               "check_external", "full_every_days", "recheck_days", "overrides", "rules", "review"}


def load_site(path: str | Path, db: str | Path | None = None) -> Site:
    """Read a site config file; `db` (from the command line) wins over the file's."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such site config") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    return site_from_dict(raw, path, db)


def site_from_dict(raw, path: Path | None = None, db: str | Path | None = None) -> Site:
    where = str(path) if path else "site config"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping with at least 'name' and 'start_url'")

    def fail(name: str, why: str):
        raise ConfigError(f"{where}: field '{name}' {why}")

    unknown = sorted(set(raw) - _TOP_FIELDS)
    if unknown:
        fail(unknown[0], f"is not a known field (known: {', '.join(sorted(_TOP_FIELDS))})")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        fail("name", "is required and must be a non-empty string")
    if not all(c.isalnum() or c in "-_." for c in name):
        fail("name", "may hold only letters, digits, '-', '_' and '.' (it names files)")
    start_url = raw.get("start_url")
    if not isinstance(start_url, str) or not start_url.strip():
        fail("start_url", "is required")
    parts = urlsplit(start_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        fail("start_url", f"must be an http(s) URL, got {start_url!r}")

    hosts = raw.get("allowed_hosts", [parts.hostname])
    if isinstance(hosts, str):
        hosts = [hosts]
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h for h in hosts):
        fail("allowed_hosts", "must be a list of host names")

    politeness = _politeness(raw.get("politeness") or {}, fail)

    scope = raw.get("scope") or []
    if isinstance(scope, str):
        scope = [scope]
    if not isinstance(scope, list) or not all(isinstance(u, str) and u.startswith(("http://", "https://"))
                                              for u in scope):
        fail("scope", "must be a list of URL prefixes (http://…)")
    if scope and not start_url.strip().startswith(tuple(scope)):
        fail("scope", f"must hold the start URL {start_url.strip()}")

    for key in ("overrides", "rules", "review"):
        if not isinstance(raw.get(key, {}) or {}, dict):
            fail(key, "must be a mapping")
    try:
        list_overrides((raw.get("overrides") or {}).get("lists"))
        compile_skip((raw.get("overrides") or {}).get("skip"))
    except OverrideError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    password = (raw.get("review") or {}).get("password")
    if password is not None and not (isinstance(password, (str, int)) and str(password)):
        fail("review.password", "must be a non-empty string")
    if not isinstance(raw.get("user_agent", ""), str):
        fail("user_agent", "must be a string")
    if not isinstance(raw.get("check_external", True), bool):
        fail("check_external", "must be true or false")
    for key in ("full_every_days", "recheck_days"):
        value = raw.get(key, 7)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            fail(key, "must be a whole number of days, at least 1")

    db_path = db or raw.get("db") or f"var/{name}.db"
    if not isinstance(db_path, (str, Path)):
        fail("db", "must be a file path")
    db_path = Path(db_path)
    if path is not None and not db_path.is_absolute() and db is None:
        db_path = (path.parent / db_path) if raw.get("db") else db_path

    return Site(
        name=name, start_url=start_url.strip(), allowed_hosts=tuple(hosts), scope=tuple(scope), db=db_path,
        politeness=politeness, contact=str(raw.get("contact") or ""),
        user_agent=(raw.get("user_agent") or "").strip(),
        check_external=raw.get("check_external", True),
        full_every_days=raw.get("full_every_days", 7), recheck_days=raw.get("recheck_days", 7),
        overrides=raw.get("overrides") or {}, rules=raw.get("rules") or {},
        review=raw.get("review") or {}, source=path,
    )


def _politeness(raw, fail) -> Politeness:
    if not isinstance(raw, dict):
        fail("politeness", "must be a mapping")
    defaults = Politeness()
    values = {}
    for key, default in vars(defaults).items():
        if key not in raw:
            continue
        value = raw[key]
        kind = type(default)
        ok = isinstance(value, bool) if kind is bool else (
            isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0)
        if not ok:
            fail(f"politeness.{key}", f"must be {'true or false' if kind is bool else 'a non-negative number'}")
        values[key] = kind(value)
    unknown = sorted(set(raw) - set(vars(defaults)))
    if unknown:
        fail(f"politeness.{unknown[0]}", "is not a known field")
    if values.get("concurrency", 1) < 1:
        fail("politeness.concurrency", "must be at least 1")
    return Politeness(**values)
