"""date_suspicious: an item dated after the as-of day, or listed with a date later than
its article's own date (伪造发稿日期 suspicion).

The article's own date is the first present of the `PubDate` meta, the metadata table's
发布日期 and the article's 发布时间 line. The list date is `items.list_date` and every
`listings.date` the item was shown with (a home-page block may show another date than
the column list). One finding per item, naming every reason.
"""
from __future__ import annotations

from .base import Context, Finding, item_seen, row_seen
from .rulepack import Int

KIND = "date_suspicious"
INDICATOR = "serious_errors"
PARAMS = {"tolerance_days": Int(min=0)}
DEFAULTS = {"tolerance_days": 0}

OWN = "coalesce(i.meta_date, i.table_date, i.article_date)"


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    tol = f"+{p['tolerance_days']} days"
    rows = ctx.query(f"""
        select i.url, i.title, i.column_url, i.publish_date, i.list_date, i.meta_date, i.table_date,
               i.article_date, {OWN} as own_date,
               (select max(l.date) from listings l where l.site = i.site and l.item_url = i.url
                  and {row_seen('l')}) as listed_max,
               (select min(l.page_url) from listings l where l.site = i.site and l.item_url = i.url
                  and {row_seen('l')} and l.date > date({OWN}, :tol)) as listed_on
        from items i
        where i.site = :site and {item_seen('i')} and (
              i.publish_date > :as_of or i.list_date > :as_of or i.meta_date > :as_of
              or i.table_date > :as_of or i.article_date > :as_of
              or ({OWN} is not null and (i.list_date > date({OWN}, :tol)
                  or exists (select 1 from listings l where l.site = i.site and l.item_url = i.url
                             and {row_seen('l')} and l.date > date({OWN}, :tol)))))
        order by i.url""", tol=tol)
    out = []
    for r in rows:
        col = ctx.column(r["column_url"])
        reasons, evidence = [], {}
        dates = {k: r[k] for k in ("publish_date", "list_date", "meta_date", "table_date", "article_date")}
        future = {k: v for k, v in dates.items() if v and v > ctx.as_of.isoformat()}
        if future:
            reasons.append(f"日期晚于检查日 {ctx.as_of}（{', '.join(sorted(set(future.values())))}）")
            evidence["future"] = future
        list_date = max(d for d in (r["list_date"], r["listed_max"]) if d) if (r["list_date"] or r["listed_max"]) else None
        own = r["own_date"]
        if own and list_date and list_date > own and (r["list_date"] and r["list_date"] > own or r["listed_on"]):
            reasons.append(f"列表日期 {list_date} 晚于文章发布日期 {own}")
            evidence["list_later"] = {"list_date": list_date, "article_date": own,
                                      "list_page": r["listed_on"]}
        if not reasons:
            continue
        out.append(Finding(
            kind=KIND, key=r["url"], severity=p.get("severity", "warning"), indicator=p["indicator"],
            detail=f"疑似伪造发稿日期：{r['title'] or r['url']}：" + "；".join(reasons),
            url=r["url"], column_url=r["column_url"], column=col.path if col else None,
            unit=col.unit if col else ctx.government_name, evidence={**evidence, "dates": dates}))
    return out
