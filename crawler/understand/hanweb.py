"""Hanweb JCMS (大汉) lists: records embedded as XML in a script, the rest from dataproxy.jsp.

The page embeds `<script type="text/xml"><datastore>…<record><![CDATA[<li>…</li>]]></record>`
with the first records only; the jpage script names the proxy, the page size and the total,
and the form fields the proxy wants (`var param_423656 = {col:1, webid:3, columnid:284, …}`).
There is no static index_1.html on such sites: never guess it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
_TOTAL_XML = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I)
_JPAGE = re.compile(r"\$\(\s*['\"]#(\w+)['\"]\s*\)\.jpage\(\{(.*?)\}\)", re.S)
_OPTION = re.compile(r"(\w+)\s*:\s*('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[\w./-]+)")
_PARAM = re.compile(r"var\s+param_(\w+)\s*=\s*\{(.*?)\}\s*;", re.S)


@dataclass
class JpageUnit:
    """One embedded list: its records and how to ask for the rest."""
    unit: str
    records: list[str]
    proxy_url: str = "/module/web/jpage/dataproxy.jsp"
    per_page: int = 15
    group_size: int = 3
    total: int | None = None
    params: dict = field(default_factory=dict)

    def remaining_requests(self) -> list[tuple[str, dict]]:
        """(query string, form fields) for every group of records past the embedded ones."""
        if not self.total or self.total <= len(self.records):
            return []
        step = self.per_page * self.group_size
        out = []
        for start in range(len(self.records) + 1, self.total + 1, step):
            end = min(start + step - 1, self.total)
            out.append((f"startrecord={start}&endrecord={end}&perpage={self.per_page}", dict(self.params)))
        return out


def is_hanweb_list(html: str) -> bool:
    """A page embedding a datastore, even an empty one (all records behind the proxy)."""
    return "<datastore>" in html


def records_of(xml: str) -> list[str]:
    """The HTML fragments in a datastore (an embedded one or a dataproxy answer)."""
    return [m.group(1) for m in _RECORD.finditer(xml)]


def total_of(xml: str) -> int | None:
    m = _TOTAL_XML.search(xml)
    return int(m.group(1)) if m else None


def jpage_units(html: str) -> list[JpageUnit]:
    """Each embedded list with the jpage settings the page's script gives it."""
    units = []
    params = {m.group(1): _options(m.group(2)) for m in _PARAM.finditer(html)}
    # The last jpage(...) call per unit is the one run on page load (earlier ones serve forms).
    settings = {}
    for m in _JPAGE.finditer(html):
        settings[m.group(1)] = _options(m.group(2))
    for m in re.finditer(r"<div[^>]*id=['\"]?(\w+)['\"]?[^>]*>\s*<script[^>]*text/xml[^>]*>(.*?)</script>", html, re.S):
        unit, xml = m.group(1), m.group(2)
        if "<datastore>" not in xml:
            continue
        opts = settings.get(unit, {})
        unit_params = {k: str(v) for k, v in params.get(unit, {}).items()}
        units.append(JpageUnit(
            unit=unit, records=records_of(xml),
            proxy_url=str(opts.get("proxyUrl", "/module/web/jpage/dataproxy.jsp")),
            per_page=int(opts.get("perPage", 15)), group_size=int(opts.get("groupSize", 3)),
            total=int(opts["totalRecord"]) if "totalRecord" in opts else total_of(xml),
            params=unit_params))
    return units


def _options(body: str) -> dict:
    out = {}
    for key, value in _OPTION.findall(body):
        if value[:1] in "'\"":
            value = value[1:-1]
        out[key] = value
    return out
