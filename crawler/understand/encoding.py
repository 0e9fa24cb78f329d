"""Bytes to text for Chinese government pages, whatever they claim to be.

Many sites serve GBK/GB2312 declared in the header, in a meta tag, or not at all, and some
declare UTF-8 while sending GBK. Valid UTF-8 with non-ASCII bytes is near-certain UTF-8;
otherwise the declarations are tried, and GB18030 (a superset of GBK and GB2312) last.
"""
from __future__ import annotations

import codecs

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

_GB = {"gbk", "gb2312", "gb_2312-80", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding used)."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return body[len(bom):].decode(bom_encoding, errors="replace"), bom_encoding
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for declared in (http_content_type_encoding(content_type or ""), html_body_declared_encoding(body)):
        encoding = _normalise(declared)
        if encoding and encoding != "utf-8":
            try:
                return body.decode(encoding), encoding
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        return body.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return body.decode("utf-8", errors="replace"), "utf-8 (with errors)"


def _normalise(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    if name in _GB or name.replace("-", "") in _GB:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
