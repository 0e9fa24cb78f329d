"""The reports' office-editable settings (`reports/groups.yml`) and where the templates live.

Everything has a default, so a partial file works; a value of the wrong shape is a
`SettingsError` naming the file and the key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT_REPORTS = Path(__file__).resolve().parents[2] / "reports"


class SettingsError(ValueError):
    """A settings file that cannot be used (one line: file and key)."""


def templates_dir(path: str | Path | None = None) -> Path:
    """`--templates DIR`, else `reports/` in the working directory if it holds templates,
    else the project's own."""
    if path:
        return Path(path)
    here = Path("reports")
    if here.is_dir() and any(here.glob("*.j2")):
        return here
    return PROJECT_REPORTS


@dataclass
class Settings:
    groups: list = field(default_factory=list)          # [{name, note, indicators, kinds}]
    other_group: str = "其他"
    points: dict = field(default_factory=dict)          # indicator -> {each, max}
    pass_score: float = 60
    accountability: list = field(default_factory=list)  # [{label, kinds}]
    other_label: str = "其他问题"
    unassigned_unit: str = "本级"
    due_days: dict = field(default_factory=lambda: {"veto": 5, "deduct": 15, "warning": 30})
    categories: list = field(default_factory=list)      # [{name, classes, in_catalogue}]
    match_order: list = field(default_factory=list)
    other_category: str = "其他栏目信息"
    evidence_rows_per_kind: int = 10
    bulletin_rows_per_unit: int = 3
    trend_periods: int = 5
    labels: dict = field(default_factory=dict)
    source: str = ""

    def group_of(self, kind: str, indicator: str | None) -> str:
        for g in self.groups:
            if kind in g.get("kinds", []):
                return g["name"]
        for g in self.groups:
            if indicator in g.get("indicators", []):
                return g["name"]
        return self.other_group

    def column_of(self, kind: str) -> str:
        for col in self.accountability:
            if kind in col["kinds"]:
                return col["label"]
        return self.other_label

    def category_of(self, cls: str, in_catalogue: bool) -> str:
        by_name = {c["name"]: c for c in self.categories}
        for name in self.match_order or list(by_name):
            c = by_name[name]
            if c.get("in_catalogue") and in_catalogue:
                return name
            if cls in c.get("classes", []):
                return name
        return self.other_category

    def label(self, what: str, key: str | None) -> str:
        return (self.labels.get(what) or {}).get(key or "", key or "")


def load_settings(path: str | Path | None = None) -> Settings:
    path = Path(path) if path else templates_dir() / "groups.yml"
    if not path.exists() and path != PROJECT_REPORTS / "groups.yml":
        path = PROJECT_REPORTS / "groups.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise SettingsError(f"{path}{line}: not valid YAML") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: must be a mapping")

    def need(key, kind, value):
        if not isinstance(value, kind):
            raise SettingsError(f"{path}: `{key}` must be a {getattr(kind, '__name__', 'value')}")
        return value

    s = Settings(source=str(path))
    for n, g in enumerate(need("groups", list, data.get("groups", []))):
        need(f"groups[{n}]", dict, g)
        if not g.get("name"):
            raise SettingsError(f"{path}: `groups[{n}]` needs a name")
        s.groups.append({"name": str(g["name"]), "note": g.get("note", ""),
                         "indicators": list(need(f"groups[{n}].indicators", list, g.get("indicators", []))),
                         "kinds": list(need(f"groups[{n}].kinds", list, g.get("kinds", [])))})
    s.other_group = str(data.get("other_group", s.other_group))
    for key, spec in need("points", dict, data.get("points", {})).items():
        need(f"points.{key}", dict, spec)
        try:
            s.points[key] = {"each": float(spec.get("each", 0)), "max": float(spec.get("max", 100))}
        except (TypeError, ValueError):
            raise SettingsError(f"{path}: `points.{key}` needs numbers (each, max)") from None
    s.pass_score = float(data.get("pass_score", s.pass_score))
    acc = need("accountability", dict, data.get("accountability", {}))
    for n, col in enumerate(need("accountability.columns", list, acc.get("columns", []))):
        if not isinstance(col, dict) or not col.get("label") or not isinstance(col.get("kinds"), list):
            raise SettingsError(f"{path}: `accountability.columns[{n}]` needs a label and a list of kinds")
        s.accountability.append({"label": str(col["label"]), "kinds": list(col["kinds"])})
    s.other_label = str(acc.get("other_label", s.other_label))
    s.unassigned_unit = str(data.get("unassigned_unit", s.unassigned_unit))
    for sev, days in need("due_days", dict, data.get("due_days", {})).items():
        if not isinstance(days, int) or days < 0:
            raise SettingsError(f"{path}: `due_days.{sev}` must be a whole number of days")
        s.due_days[sev] = days
    pub = need("publication", dict, data.get("publication", {}))
    for n, c in enumerate(need("publication.categories", list, pub.get("categories", []))):
        if not isinstance(c, dict) or not c.get("name"):
            raise SettingsError(f"{path}: `publication.categories[{n}]` needs a name")
        s.categories.append({"name": str(c["name"]), "classes": list(c.get("classes", [])),
                             "in_catalogue": bool(c.get("in_catalogue", False))})
    names = [c["name"] for c in s.categories]
    s.match_order = list(need("publication.match_order", list, pub.get("match_order", names)))
    unknown = [n for n in s.match_order if n not in names]
    if unknown:
        raise SettingsError(f"{path}: `publication.match_order` names no category: {unknown[0]}")
    s.match_order += [n for n in names if n not in s.match_order]
    s.other_category = str(pub.get("other", s.other_category))
    s.evidence_rows_per_kind = int(data.get("evidence_rows_per_kind", s.evidence_rows_per_kind))
    s.bulletin_rows_per_unit = int(data.get("bulletin_rows_per_unit", s.bulletin_rows_per_unit))
    s.trend_periods = int(data.get("trend_periods", s.trend_periods))
    s.labels = {k: dict(v or {}) for k, v in need("labels", dict, data.get("labels", {})).items()}
    _default_labels(s.labels)
    return s


def _default_labels(labels: dict) -> None:
    try:
        from crawler.review.labels import KIND_LABELS, LEVEL_LABELS, SEVERITY_LABELS
    except ImportError:      # pragma: no cover - the review app is optional here
        KIND_LABELS, LEVEL_LABELS, SEVERITY_LABELS = {}, {}, {}
    from crawler.decisions import STATUS_LABELS
    for what, defaults in (("kinds", KIND_LABELS), ("level", LEVEL_LABELS), ("severity", SEVERITY_LABELS),
                           ("status", STATUS_LABELS)):
        labels[what] = {**defaults, **labels.get(what, {})}
