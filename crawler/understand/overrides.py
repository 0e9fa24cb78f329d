"""Site-config corrections for pages the heuristics misread: a list's rows, its dates, its
next page, given as CSS selectors for the pages whose URL matches.

    overrides:
      lists:
        - match: "http://www.example.gov.cn/col/col123/*"   # shell-style pattern over the URL
          rows: "div.news-list > div.item"                    # each match is one item
          link: "a.title"                                     # its title link (default: its first link)
          date: "em.time"                                     # inside a row (default: any date in it)
          next: "a.page-next"                                 # the next page's link
      skip: ["*/search/*", "*?keyword=*"]     # URLs the crawl neither reads nor checks

A skip pattern is for what is not the site's content and would only cost the night: a search
page, a calendar, the English or mobile copy of the site.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase, translate

from lxml.cssselect import CSSSelector
from cssselect import SelectorError

from .dates import parse_date
from .dom import squash, text
from .lists import ListRow, title_of


class OverrideError(ValueError):
    pass


@dataclass
class ListOverride:
    match: str
    rows: CSSSelector
    link: CSSSelector | None = None
    date: CSSSelector | None = None
    next: CSSSelector | None = None

    def applies(self, url: str) -> bool:
        return fnmatchcase(url, self.match)


def compile_skip(spec):
    """The `overrides.skip` patterns as one test over a URL (None when there are none)."""
    if spec in (None, []):
        return None
    if not isinstance(spec, list) or not all(isinstance(p, str) and p for p in spec):
        raise OverrideError("overrides.skip must be a list of URL patterns (shell-style, like \"*/search/*\")")
    return re.compile("|".join(translate(p) for p in spec)).match


def compile_lists(spec) -> list[ListOverride]:
    """The `overrides.lists` of a site config; a bad one raises OverrideError naming it."""
    if spec in (None, []):
        return []
    if not isinstance(spec, list):
        raise OverrideError("overrides.lists must be a list of {match, rows, link, date, next}")
    out = []
    for n, entry in enumerate(spec):
        where = f"overrides.lists[{n}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("match"), str) or not entry.get("rows"):
            raise OverrideError(f"{where} needs a `match` URL pattern and a `rows` selector")
        unknown = set(entry) - {"match", "rows", "link", "date", "next"}
        if unknown:
            raise OverrideError(f"{where}.{sorted(unknown)[0]} is not a known field")
        try:
            out.append(ListOverride(entry["match"], CSSSelector(entry["rows"]),
                                    *(CSSSelector(entry[k]) if entry.get(k) else None
                                      for k in ("link", "date", "next"))))
        except SelectorError as exc:
            raise OverrideError(f"{where}: not a CSS selector ({exc})") from None
    return out


def rows_by_override(rule: ListOverride, doc, join, today) -> list[ListRow]:
    rows = []
    for position, row in enumerate(rule.rows(doc)):
        links = rule.link(row) if rule.link is not None else row.iter("a")
        link = next((a for a in links if a.get("href")), None)
        url = join(link.get("href")) if link is not None else None
        if not url:
            continue
        dated = rule.date(row) if rule.date is not None else []
        date_text = squash(" ".join(text(d) for d in dated)) if dated else text(row)
        rows.append(ListRow(url, title_of(link, text(link)), parse_date(date_text, today=today),
                            date_text if dated else "", position, 0))
    return rows


def next_by_override(rule: ListOverride, doc, join) -> str | None:
    if rule.next is None:
        return None
    link = next(iter(rule.next(doc)), None)
    return join(link.get("href")) if link is not None else None
