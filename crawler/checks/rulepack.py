"""Rule packs: the YAML files in `rules/`, merged into one validated mapping.

A pack is a directory of `*.yml` files (or one file). Each top-level section
(`kinds`, `indicators`, `classes`, `units`, `catalogue`, `typos`) lives in exactly one
file. A site's config may override any of it under `rules:` (deep merge: mappings merge,
lists and scalars replace) and add `pins` (a column's class or unit by URL or path) and
`declared_units`.

Every error is one line, `FILE:LINE: reason`, raised before anything is written.
"""
from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

SEVERITIES = ("veto", "deduct", "warning")
CLASSES = ("dynamic", "notice", "policy", "longterm", "static", "interaction",
           "interaction_excluded", "interpretation", "annual_report", "exempt", "ignore", "other")
UNIT_TYPES = ("government", "department", "town")


class RulePackError(Exception):
    """A rule pack (or a site's `rules:`) that cannot be used; one line, FILE:LINE: reason."""


# -- YAML with line numbers -------------------------------------------------------

def _read_yaml(text: str, filename: str) -> tuple[object, dict]:
    """Parse YAML and return (value, {path tuple: line})."""
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, {}
            value = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RulePackError(f"{filename}:{line}: not valid YAML ({problem})") from None
    lines: dict = {(): node.start_mark.line + 1}
    _walk(node, (), lines, filename)
    return value, lines


def _walk(node, path, lines, filename):
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise RulePackError(f"{filename}:{key_node.start_mark.line + 1}: "
                                    f"duplicate key '{key}'")
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, filename)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1
            _walk(item, path + (i,), lines, filename)


# -- a small schema language --------------------------------------------------------

class Spec:
    def check(self, value, path, fail):  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class Int(Spec):
    min: int | None = None
    nullable: bool = False

    def check(self, value, path, fail):
        if value is None and self.nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            fail(path, f"must be an integer, got {_show(value)}")
        if self.min is not None and value < self.min:
            fail(path, f"must be at least {self.min}, got {value}")


@dataclass
class Bool(Spec):
    def check(self, value, path, fail):
        if not isinstance(value, bool):
            fail(path, f"must be true or false, got {_show(value)}")


@dataclass
class Str(Spec):
    choices: tuple | None = None
    pattern: str | None = None      # a regex the value must match (e.g. MM-DD)
    regex: bool = False             # the value is a name pattern (substring or re:...)
    nullable: bool = False

    def check(self, value, path, fail):
        if value is None and self.nullable:
            return
        if not isinstance(value, str) or not value:
            fail(path, f"must be a non-empty string, got {_show(value)}")
        if self.choices and value not in self.choices:
            fail(path, f"must be one of {', '.join(self.choices)}, got '{value}'")
        if self.pattern and not re.fullmatch(self.pattern, value):
            fail(path, f"has the wrong shape: '{value}'")
        if self.regex and value.startswith("re:"):
            try:
                re.compile(value[3:])
            except re.error as exc:
                fail(path, f"is not a valid regular expression ({exc})")


@dataclass
class List(Spec):
    of: Spec

    def check(self, value, path, fail):
        if not isinstance(value, list):
            fail(path, f"must be a list, got {_show(value)}")
        for i, item in enumerate(value):
            self.of.check(item, path + (i,), fail)


@dataclass
class Map(Spec):
    """A mapping with known keys; `extra` validates any other key's value (keys free)."""
    fields: dict = field(default_factory=dict)
    extra: Spec | None = None
    required: tuple = ()
    what: str = "key"
    known_hint: bool = True

    def check(self, value, path, fail):
        if value is None:
            value = {}
        if not isinstance(value, dict):
            fail(path, f"must be a mapping, got {_show(value)}")
        for key in self.required:
            if key not in value:
                fail(path, f"needs '{key}'")
        for key, item in value.items():
            if not isinstance(key, str):
                fail(path + (key,), f"{self.what} must be a string")
            spec = self.fields.get(key, self.extra)
            if spec is None:
                known = f" (known: {', '.join(sorted(self.fields))})" if self.known_hint else ""
                fail(path + (key,), f"unknown {self.what} '{key}'{known}")
            spec.check(item, path + (key,), fail)


@dataclass
class Either(Spec):
    options: tuple

    def check(self, value, path, fail):
        errors = []
        for option in self.options:
            try:
                option.check(value, path, _raise)
                return
            except _Bad as exc:
                errors.append(exc.args[1])
        fail(path, " or ".join(dict.fromkeys(errors)))


class _Bad(Exception):
    pass


def _raise(path, reason):
    raise _Bad(path, reason)


def _show(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


PATTERNS = List(Str(regex=True))
MMDD = Str(pattern=r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _kind_specs() -> dict:
    from .kinds import KINDS
    common = {"enabled": Bool(), "indicator": Str(), "severity": Str(choices=SEVERITIES)}
    return {name: Map({**common, **module.PARAMS}, what=f"setting of {name}")
            for name, module in KINDS.items()}


def _sections() -> dict:
    kinds = _kind_specs()
    kind_names = tuple(kinds)
    entry = Map({"name": Str(), "match": PATTERNS, "annual_report": Bool(),
                 "note": Str()}, required=("name", "match"))
    return {
        "version": Int(min=1),
        "kinds": Map(kinds, what="kind", known_hint=True),
        "indicators": Map(extra=Map({
            "label": Str(), "veto": Bool(), "threshold": Int(min=1), "warn_at": Int(min=1, nullable=True),
            "measure": Str(choices=("findings", "days", "percent")), "kinds": List(Str(choices=kind_names)),
            "note": Str(),
        }, required=("label",)), what="indicator"),
        "classes": Map({
            "order": List(Str(choices=CLASSES)),
            "patterns": Map(fields={c: PATTERNS for c in CLASSES}, what="class"),
            "exempt_paths": PATTERNS,
            "meta_generic": PATTERNS,
            "name_over_meta": List(Str(choices=CLASSES)),
            "catalogue_default": Str(choices=CLASSES),
        }),
        "units": Map({
            "roots": PATTERNS, "groups": PATTERNS, "department": PATTERNS, "town": PATTERNS,
            "government_name": Str(),
        }),
        "catalogue": Map({
            "required": Map({t: List(entry) for t in UNIT_TYPES}, what="unit type"),
            "annual_report": Map({
                "title": PATTERNS,
                "deadlines": Map({t: MMDD for t in UNIT_TYPES}, what="unit type"),
                "old_rule_before_year": Int(min=1990),
                "old_deadline": MMDD,
            }),
        }),
        "typos": List(Map({"wrong": Str(), "right": Str(), "note": Str()}, required=("wrong", "right"))),
        # site-only sections (allowed in a pack too, though rarely useful there)
        "pins": List(Map({"url": Str(), "path": Str(), "class": Str(choices=CLASSES),
                          "unit": Str(), "unit_type": Str(choices=UNIT_TYPES), "note": Str()})),
        "declared_units": List(Map({"name": Str(), "type": Str(choices=UNIT_TYPES[1:]),
                                    "url": Str(), "path": Str()}, required=("name",))),
    }


# -- the pack ------------------------------------------------------------------------

@dataclass
class RulePack:
    data: dict
    sources: tuple = ()
    lines: dict = field(default_factory=dict)       # (section, ...) -> "file:line"

    def __repr__(self) -> str:
        return f"RulePack({len(self.sources)} files, {self.digest})"

    @property
    def digest(self) -> str:
        text = json.dumps(self.data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def kind(self, name: str) -> dict:
        """A kind's settings: the module's defaults under the pack's values."""
        from .kinds import KINDS
        module = KINDS[name]
        params = {"enabled": True, "indicator": module.INDICATOR, **module.DEFAULTS}
        params.update(self.data.get("kinds", {}).get(name) or {})
        return params

    def section(self, name: str) -> dict | list:
        value = self.data.get(name)
        return value if value is not None else ({} if name not in ("typos", "pins", "declared_units") else [])

    def for_site(self, rules: dict | None, source: str | Path | None = None) -> "RulePack":
        """This pack with a site's `rules:` merged over it (validated first)."""
        if not rules:
            return self
        where, lines = _site_lines(source)
        _validate(rules, lambda path: _where(where, lines, ("rules",) + path), prefix=("rules",))
        merged = copy.deepcopy(self.data)
        _merge(merged, rules)
        return RulePack(merged, self.sources + ((str(source),) if source else ()), self.lines)


def _site_lines(source):
    if source is None:
        return "site config rules", {}
    path = Path(source)
    try:
        _, lines = _read_yaml(path.read_text(encoding="utf-8"), str(path))
    except (OSError, RulePackError):
        lines = {}
    return str(path), lines


def _where(filename, lines, path) -> str:
    for n in range(len(path), -1, -1):
        if path[:n] in lines:
            return f"{filename}:{lines[path[:n]]}"
    return f"{filename}:1"


def _merge(into: dict, over: dict) -> None:
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = copy.deepcopy(value)


def _validate(data, locate, prefix: tuple = ()) -> None:
    def fail(path, reason):
        dotted = ".".join(str(p) for p in prefix + tuple(path))
        raise RulePackError(f"{locate(path)}: {dotted + ': ' if dotted else ''}{reason}")

    if not isinstance(data, dict):
        fail((), "a rule pack must be a mapping of sections")
    Map(_sections(), what="section").check(data, (), fail)


def default_rules_path() -> Path:
    """`rules/` in the working directory if there is one, else the project's own."""
    here = Path("rules")
    if here.is_dir() and any(here.glob("*.yml")):
        return here
    return Path(__file__).resolve().parents[2] / "rules"


def load_rules(path: str | Path | None = None) -> RulePack:
    """Load and validate a rule pack (a directory of *.yml / *.yaml files, or one file)."""
    path = Path(path) if path else default_rules_path()
    if path.is_dir():
        files = sorted([*path.glob("*.yml"), *path.glob("*.yaml")])
        if not files:
            raise RulePackError(f"{path}:1: no rule files (*.yml) in this directory")
    elif path.is_file():
        files = [path]
    else:
        raise RulePackError(f"{path}:1: no such rule pack")
    data, lines, owner = {}, {}, {}
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise RulePackError(f"{file}:1: not UTF-8 text ({exc.reason})") from None
        value, file_lines = _read_yaml(text, str(file))
        if value is None:
            continue
        _validate(value, lambda p, f=file, fl=file_lines: _where(str(f), fl, p))
        for section, content in value.items():
            if section in data and section != "version":
                raise RulePackError(f"{file}:{file_lines.get((section,), 1)}: section '{section}' "
                                    f"is already defined in {owner[section]}")
            data[section] = content
            owner[section] = f"{file}:{file_lines.get((section,), 1)}"
        for p, line in file_lines.items():
            lines[p] = f"{file}:{line}"
    _cross_check(data, owner)
    return RulePack(data, tuple(str(f) for f in files), lines)


def _cross_check(data: dict, owner: dict) -> None:
    """Relations between sections: indicators named by kinds must exist."""
    indicators = data.get("indicators") or {}
    for kind, settings in (data.get("kinds") or {}).items():
        name = (settings or {}).get("indicator")
        if name and indicators and name not in indicators:
            raise RulePackError(f"{owner.get('kinds', 'rules')}: kinds.{kind}.indicator: "
                                f"unknown indicator '{name}' (known: {', '.join(sorted(indicators))})")


# -- helpers the checks share ----------------------------------------------------------

def compile_patterns(patterns) -> list:
    """Name patterns: a plain string matches as a substring; `re:` starts a regex."""
    out = []
    for p in patterns or []:
        out.append(re.compile(p[3:]) if p.startswith("re:") else re.compile(re.escape(p)))
    return out


def matches(patterns, text: str | None) -> bool:
    return bool(text) and any(p.search(text) for p in patterns)


def minus_months(day: date, months: int) -> date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 or y % 400 == 0)) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][m - 1]
    return date(y, m, min(day.day, last))
