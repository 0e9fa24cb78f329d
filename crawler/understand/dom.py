"""Parsing and small tree helpers shared by the page-understanding modules."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

_SPACE = re.compile(r"\s+")
_NOISE_TAGS = {"script", "style", "noscript", "template"}


def parse(html: str | bytes):
    """An lxml document for any page, however broken; None for an empty one."""
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def squash(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def text_of(el) -> str:
    """Visible text of an element, scripts and styles left out, white space folded."""
    parts = []
    _collect(el, parts, with_links=True)
    return squash(" ".join(parts))


def text_without_links(el) -> str:
    """Text outside links: the body of a page without its menus and lists of titles."""
    parts = []
    _collect(el, parts, with_links=False)
    return squash(" ".join(parts))


def _collect(el, parts, with_links):
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _NOISE_TAGS:
        return
    if with_links or tag != "a":
        if el.text:
            parts.append(el.text)
        for child in el:
            _collect(child, parts, with_links)
            if child.tail:
                parts.append(child.tail)
    # an <a> skipped entirely; its tail is appended by the parent loop


def meta_tags(doc) -> dict[str, str]:
    """<meta name=… content=…> by name, as CMSs declare ColumnType, PubDate, SiteIDCode."""
    out = {}
    for meta in doc.iter("meta"):
        name = meta.get("name") or meta.get("property")
        content = meta.get("content")
        if name and content is not None:
            out.setdefault(name.strip(), content.strip())
    return out


def is_element(el) -> bool:
    return isinstance(el.tag, str)
