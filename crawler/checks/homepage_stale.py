"""homepage_stale: no new dated item on the home page within 14 days (warning at 10).

The home page's items are its `listings` rows (every block) joined to their items; an
item's date is its publish date, else the date the block shows. Dates after the as-of day
do not count as news (they are `date_suspicious`). A home page that is only navigation
(no dated block at all) is judged by its second-level pages: the newest item of any
column of level 1 or 2.
"""
from __future__ import annotations

from .base import Context, Finding, age_days, row_seen
from .rulepack import Int

KIND = "homepage_stale"
INDICATOR = "homepage_not_updated"
PARAMS = {"days": Int(min=1), "warn_days": Int(min=1, nullable=True), "fallback_max_level": Int(min=1)}
DEFAULTS = {"days": 14, "warn_days": 10, "fallback_max_level": 2}


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    home = ctx.home_url
    if not home:
        return []
    row = ctx.query(f"""
        select count(*) as shown, count(coalesce(i.publish_date, l.date)) as dated,
               max(case when coalesce(i.publish_date, l.date) <= :as_of
                        then coalesce(i.publish_date, l.date) end) as newest
        from listings l left join items i on i.site = l.site and i.url = l.item_url
        where l.site = :site and l.page_url = :home and {row_seen('l')}""", home=home)[0]
    source = "home page blocks"
    newest = row["newest"]
    if not row["shown"]:
        source = f"columns of level ≤ {p['fallback_max_level']} (the home page shows no list)"
        levels = [c.newest for c in ctx.columns.values()
                  if c.level <= p["fallback_max_level"] and c.newest and c.cls not in ("ignore", "exempt")]
        newest = max(levels) if levels else None
    age = age_days(ctx.as_of, newest)
    ctx.measures[p["indicator"]] = f"{age} 天" if age is not None else "无日期"
    if age is not None and age <= p["days"]:
        if p["warn_days"] is None or age <= p["warn_days"]:
            return []
        severity = "warning"
    else:
        severity = p.get("severity") or "veto"
    if newest is None:
        detail = "首页没有任何带日期的信息"
    else:
        detail = f"首页最新信息发布于 {newest}，距 {ctx.as_of} 已 {age} 天未更新（阈值 {p['days']} 天）"
    return [Finding(
        kind=KIND, key=home, severity=severity,
        indicator=p["indicator"], detail=detail, url=home, unit=ctx.government_name,
        evidence={"newest": newest, "age_days": age, "days": p["days"], "warn_days": p["warn_days"],
                  "items_shown": row["shown"], "items_dated": row["dated"], "source": source})]
