"""overdue_reply: in an interaction column (信箱, 咨询, 留言), a letter left unanswered for more
than 3 months (a veto), or answered later than the site's promised limit (a deduction).

A letter's facts come from its article's label/value pairs (`items.fields`): the letter's
date (来信时间 …, else the item's publish date), the reply's date (回复时间 …), the reply
text (回复内容 …) and the state (处理状态 …). A letter is unanswered when it has no reply
date, no reply text and no state saying it was answered. Only letters of the last
`window_months` are judged (the official text: within the last year). 在线访谈, 调查征集,
网上信访, 纪检举报 columns are a class of their own (`interaction_excluded`) and not judged.

The promise is the site's (`rules: {kinds: {overdue_reply: {promise_days: 10}}}` in the
site config), counted in working days (Mon–Fri) unless `promise_working_days: false`.
"""
from __future__ import annotations

import json
from datetime import date, timedelta

from crawler.understand.dates import parse_date

from .base import Context, Finding, item_seen
from .rulepack import Bool, Int, List, Str, minus_months

KIND = "overdue_reply"
INDICATOR = "poor_response"
PARAMS = {
    "unanswered_months": Int(min=1), "window_months": Int(min=1),
    "promise_days": Int(min=1, nullable=True), "promise_working_days": Bool(),
    "late_indicator": Str(),
    "letter_labels": List(Str()), "reply_labels": List(Str()), "reply_text_labels": List(Str()),
    "state_labels": List(Str()), "unanswered_states": List(Str()), "answered_states": List(Str()),
    "no_reply_texts": List(Str()),
}
DEFAULTS = {
    "unanswered_months": 3, "window_months": 12, "promise_days": 15, "promise_working_days": True,
    "late_indicator": "reply_timeliness",
    "letter_labels": ["来信时间", "来信日期", "留言时间", "留言日期", "提问时间", "咨询时间", "写信时间", "提交时间"],
    "reply_labels": ["回复时间", "回复日期", "答复时间", "答复日期", "办结时间", "处理时间"],
    "reply_text_labels": ["回复内容", "答复内容", "回复意见", "处理结果"],
    "state_labels": ["处理状态", "办理状态", "回复状态", "状态"],
    "unanswered_states": ["未回复", "未答复", "待回复", "待答复", "未办结", "办理中", "处理中", "未处理", "待处理", "已受理", "受理中"],
    "answered_states": ["已回复", "已答复", "已办结", "已处理", "办结"],
    "no_reply_texts": ["暂无", "尚未", "未回复", "待回复", "未答复", "正在办理"],
}


def working_days(start: date, end: date) -> int:
    """Mon–Fri days after `start` up to and including `end`."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for n in range(1, rest + 1):
        if (start + timedelta(days=weeks * 7 + n)).weekday() < 5:
            count += 1
    return count


def _first(fields: dict, labels) -> str | None:
    for label in labels:
        value = fields.get(label)
        if value and str(value).strip():
            return str(value).strip()
    return None


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    since = minus_months(ctx.as_of, p["window_months"])
    overdue_before = minus_months(ctx.as_of, p["unanswered_months"])
    out = []
    for item in ctx.query(f"""
            select i.url, i.title, i.column_url, i.fields, i.publish_date from items i
            join temp.pw_col c on c.url = i.column_url and c.class = 'interaction'
            where i.site = :site and {item_seen('i')} order by i.url"""):
        try:
            fields = json.loads(item["fields"]) if item["fields"] else {}
        except ValueError:
            fields = {}
        if not isinstance(fields, dict):
            fields = {}
        letter_text = _first(fields, p["letter_labels"])
        letter = parse_date(letter_text) if letter_text else None
        letter = letter or (date.fromisoformat(item["publish_date"][:10]) if item["publish_date"] else None)
        if letter is None or letter < since or letter > ctx.as_of:
            continue
        reply_text = _first(fields, p["reply_labels"])
        reply = parse_date(reply_text) if reply_text else None
        state = _first(fields, p["state_labels"]) or ""
        answered_text = _first(fields, p["reply_text_labels"])
        if answered_text and any(w in answered_text[:12] for w in p["no_reply_texts"]):
            answered_text = None
        said_unanswered = any(s in state for s in p["unanswered_states"])
        said_answered = any(s in state for s in p["answered_states"]) and not said_unanswered
        col = ctx.column(item["column_url"])
        base = dict(url=item["url"], column_url=item["column_url"], column=col.path if col else None,
                    unit=col.unit if col else ctx.government_name)
        evidence = {"letter_date": letter.isoformat(), "reply_date": reply.isoformat() if reply else None,
                    "state": state or None, "title": item["title"],
                    "fields": {k: v for k, v in fields.items()
                               if k in (*p["letter_labels"], *p["reply_labels"], *p["state_labels"])}}
        if reply is None and not said_answered and (said_unanswered or not answered_text):
            if letter < overdue_before:
                waited = (ctx.as_of - letter).days
                out.append(Finding(
                    kind=KIND, key=item["url"], severity=p.get("severity", "veto"), indicator=p["indicator"],
                    detail=f"留言「{item['title'] or item['url']}」{letter} 来信，至 {ctx.as_of} 已 {waited} 天未回复"
                           f"（超过 {p['unanswered_months']} 个月）",
                    evidence={**evidence, "waited_days": waited, "state_says": "unanswered"}, **base))
            continue
        if reply is None or p["promise_days"] is None:
            continue
        took = working_days(letter, reply) if p["promise_working_days"] else (reply - letter).days
        if took > p["promise_days"]:
            unit = "个工作日" if p["promise_working_days"] else " 天"
            out.append(Finding(
                kind=KIND, key=item["url"], severity="deduct", indicator=p["late_indicator"],
                detail=f"留言「{item['title'] or item['url']}」{letter} 来信，{reply} 才回复，用时 {took}{unit}"
                       f"（承诺 {p['promise_days']}{unit}）",
                evidence={**evidence, "took": took, "promise": p["promise_days"],
                          "working_days": p["promise_working_days"], "calendar_days": (reply - letter).days},
                **base))
    return out
