"""typo: a known wrong form from the word list (`typos:` in the rule pack) in an item's
title or text, with the right form.

The search runs as one SQL pass (a regex function) so only the items holding a wrong form
reach Python.
A wrong form that contains its right form (国务院办公厅厅 ⊃ 国务院办公厅) is still found:
only the wrong form is searched.
"""
from __future__ import annotations

import re

from .base import Context, Finding, item_seen
from .rulepack import Int

KIND = "typo"
INDICATOR = "typos"
PARAMS = {"context_chars": Int(min=0)}
DEFAULTS = {"context_chars": 20}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    words = [w for w in ctx.rules.section("typos") or [] if w["wrong"] != w["right"]]
    if not words:
        return []
    # One pass over the items: a regular expression of every wrong form, as an SQL function
    # (SQLite's instr would scan each text once per word).
    pattern = re.compile("|".join(re.escape(w["wrong"]) for w in words))
    ctx.db.conn.create_function("pw_typo", 1, lambda s: 1 if s and pattern.search(s) else 0,
                                deterministic=True)
    out = []
    for item in ctx.query(f"""
            select i.url, i.column_url, i.title, i.text from items i
            where i.site = :site and {item_seen('i')} and (pw_typo(i.title) or pw_typo(i.text))
            order by i.url"""):
        col = ctx.column(item["column_url"])
        for w in words:
            wrong = w["wrong"]
            places = [name for name in ("title", "text") if item[name] and wrong in item[name]]
            if not places:
                continue
            source = item[places[0]]
            at = source.index(wrong)
            n = p["context_chars"]
            snippet = source[max(0, at - n): at + len(wrong) + n]
            out.append(Finding(
                kind=KIND, key=f"{item['url']}|{wrong}", severity=p.get("severity", "deduct"),
                indicator=p["indicator"],
                detail=f"错别字「{wrong}」应为「{w['right']}」：{item['title'] or item['url']}",
                url=item["url"], column_url=item["column_url"], column=col.path if col else None,
                unit=col.unit if col else ctx.government_name,
                evidence={"wrong": wrong, "right": w["right"], "where": places, "context": snippet,
                          "count": sum(item[name].count(wrong) for name in places),
                          "title": item["title"]}))
    return out
