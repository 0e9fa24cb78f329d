"""Parsing and small tree helpers shared by the page-understanding modules.

Pages are parsed with lxml's plain HTML parser (no lxml.html element classes: their Python
class lookup per element costs more than the parse) and text is gathered with compiled
XPath, which runs in C.
"""
from __future__ import annotations

from lxml import etree

_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
_TEXT_OUTSIDE_LINKS = etree.XPath(
    ".//text()[not(ancestor::a or ancestor::script or ancestor::style or ancestor::noscript)]")


def parse(html: str | bytes):
    """The document's root element for any page, however broken; None for an empty one."""
    if not html or not html.strip():
        return None
    if isinstance(html, str):
        html = html.encode("utf-8", errors="replace")
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, encoding="utf-8")
    else:
        parser = _PARSER
    try:
        root = etree.fromstring(html, parser)
    except (etree.ParserError, ValueError):
        return None
    return root


def squash(text: str | None) -> str:
    """White space folded to single spaces (str.split knows the same Unicode spaces as re's \\s)."""
    return " ".join(text.split()) if text else ""


def text(el) -> str:
    """All text of a small element (a link, a cell), white space folded."""
    if len(el) == 0:    # most links: one text node, no children
        return squash(el.text)
    return squash("".join(el.itertext()))


def text_without_links(el) -> str:
    """Text outside links: the body of a page without its menus and lists of titles."""
    return squash(" ".join(_TEXT_OUTSIDE_LINKS(el)))


def meta_tags(doc) -> dict[str, str]:
    """<meta name=… content=…> by name, as CMSs declare ColumnType, PubDate, SiteIDCode."""
    out = {}
    for meta in doc.iter("meta"):
        name = meta.get("name") or meta.get("property")
        content = meta.get("content")
        if name and content is not None:
            out.setdefault(name.strip(), content.strip())
    return out


class Anchor:
    """A link element with its resolved URL and its text, computed once per page."""

    __slots__ = ("el", "url", "label")

    def __init__(self, el, url, label):
        self.el, self.url, self.label = el, url, label


def anchors(doc, join) -> list[Anchor]:
    return [Anchor(a, join(a.get("href")), text(a)) for a in doc.iter("a")]
