"""Every date a government page shows, and the one place that parses them.

Formats seen on TRS, Hanweb, VSB and generic portals: 2019-12-23, 2019-12-23 09:31:05,
2019年12月23日, 2019/12/23, 2019.12.23, [12-23] or 12-23 in lists (no year), labels
发布时间：/发布日期：/日期：/时间：, and dates inside URLs (/201912/t20191223_1.html,
/art/2019/12/23/art_1_2.html).
"""
from __future__ import annotations

import re
from datetime import date

_FULL = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?")
_SHORT = re.compile(r"(?<![\d\-/.年])(\d{1,2})\s*(?:-|/|月)\s*(\d{1,2})(?![\d\-/.])\s*日?")
# A two-digit year, as DedeCMS lists print MyDate('y-m-d'): 19-12-30.
_YY = re.compile(r"(?<![\d\-/.])(\d\d)-(\d{1,2})-(\d{1,2})(?![\d\-/.])")
_URL = (
    re.compile(r"/t((?:19|20)\d\d)(\d\d)(\d\d)_"),                  # TRS t20191223_123
    re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/"),            # Hanweb /art/2019/12/23/, /art/2026/8/28/
    re.compile(r"/((?:19|20)\d\d)-?(\d\d)-?(\d\d)/"),               # /20191223/ or /2019-12-23/
    re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)\d{0,6}(?=[_./])"),  # content_20191223...
)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)(\d\d)/")                # TRS month dir /201912/
# The labels an article's own publish date goes by, in the order they are believed: what
# TRS and Hanweb print first, then what older ASP/JSP systems print (更新时间, 录入时间 …),
# then the bare 日期/时间.
PUBLISH_LABELS = ("发布时间", "发布日期", "公开日期", "公开时间", "发表时间", "发稿时间", "更新时间",
                  "更新日期", "录入时间", "添加时间", "日期", "时间")
WRITTEN_LABELS = ("成文日期", "印发日期", "签发日期")
_LABELLED = re.compile(r"(发布日期|发布时间|公开日期|公开时间|发文日期|发表时间|发稿时间|更新时间|更新日期|"
                       r"录入时间|添加时间|成文日期|印发日期|日期|时间)\s*[:：]?\s*")


def _make(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_date(text: str | None, *, today: date | None = None) -> date | None:
    """The first full date in `text` (a two-digit year is this century's); a year-less list
    date (12-23) needs `today`.

    A year-less date is taken in today's year, or the year before if that would put it
    in the future (a list shown on 2020-01-05 with [12-23] means 2019-12-23).
    """
    if not text:
        return None
    m = _FULL.search(text)
    if m:
        return _make(*m.groups())
    m = _YY.search(text)
    if m:
        return _make(2000 + int(m.group(1)), m.group(2), m.group(3))
    if today is not None:
        m = _SHORT.search(text)
        if m:
            found = _make(today.year, *m.groups())
            if found and found > today:
                found = _make(today.year - 1, *m.groups())
            return found
    return None


def has_date(text: str) -> bool:
    return bool(_FULL.search(text) or _SHORT.search(text) or _YY.search(text))


def date_from_url(url: str) -> date | None:
    """A day in the URL path; a TRS month directory alone (/201912/) is not enough."""
    path = url.split("?", 1)[0]
    for pattern in _URL:
        m = pattern.search(path)
        if m:
            found = _make(*m.groups())
            if found:
                return found
    return None


def labelled_dates(text: str) -> dict[str, date]:
    """Dates that follow a label in running text: {'发布时间': date, '成文日期': date}."""
    out: dict[str, date] = {}
    for m in _LABELLED.finditer(text):
        found = _FULL.match(text, m.end())
        if found:
            out.setdefault(m.group(1), _make(*found.groups()))
    return out


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
