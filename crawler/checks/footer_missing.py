"""footer_missing: pages (home, column, article) whose footer lacks 网站标识码, ICP备案号
or 公安机关备案号.

Grouped: one finding per missing element per column (the home page is its own group),
with the number of pages concerned and a few of their URLs, not one per page; an element
no page shows is one finding for the whole site (a footer a script writes in is not in the
markup, and the analyst checks that once, not per column). Pages that failed (HTTP ≥ 400)
carry no footer to judge.
"""
from __future__ import annotations

from .base import Context, Finding, row_seen
from .rulepack import Int

KIND = "footer_missing"
INDICATOR = "site_identity"
PARAMS = {"sample_urls": Int(min=1)}
DEFAULTS = {"sample_urls": 5}

ELEMENTS = {"site_id_code": "网站标识码", "icp": "ICP备案号", "police_record": "公安机关备案号"}

_PAGES = f"""
    select p.url, p.kind, case when p.kind = 'home' then p.url else coalesce(p.column_url, p.url) end as grp,
           p.site_id_code is null as m_site_id_code, p.icp is null as m_icp,
           p.police_record is null as m_police_record
    from pages p where p.site = :site and {row_seen('p')} and p.kind in ('home', 'column', 'article')
      and p.status between 200 and 399"""


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    sums = ", ".join(f"sum(m_{e}) as {e}" for e in ELEMENTS)
    groups = ctx.query(f"""
        with pg as ({_PAGES})
        select grp, max(kind = 'home') as is_home, count(*) as total, {sums}
        from pg group by grp having {' or '.join(f'sum(m_{e}) > 0' for e in ELEMENTS)}""")
    if not groups:
        return []
    out = []
    pages = sum(g["total"] for g in ctx.query(f"with pg as ({_PAGES}) select count(*) as total from pg"))
    for element, label in ELEMENTS.items():
        if sum(g[element] for g in groups) == pages:
            out.append(Finding(
                kind=KIND, key=f"{element}|site", severity=p.get("severity", "deduct"), indicator=p["indicator"],
                detail=f"全站 {pages} 个页面均未显示{label}（页脚若由脚本写入，请在浏览器中核对）",
                url=ctx.home_url, column_url=None, column=None, unit=ctx.government_name,
                evidence={"element": element, "label": label, "pages": pages, "of_pages": pages,
                          "home": True, "site_wide": True, "sample_urls": [ctx.home_url]}))
            continue
        samples: dict[str, list] = {}
        for r in ctx.query(f"""
                with pg as ({_PAGES})
                select grp, url from (select grp, url, row_number() over (partition by grp order by url) as rn
                                      from pg where m_{element})
                where rn <= :n order by grp, url""", n=p["sample_urls"]):
            samples.setdefault(r["grp"], []).append(r["url"])
        for g in sorted(groups, key=lambda g: g["grp"]):
            missing = g[element]
            if not missing:
                continue
            col = None if g["is_home"] else ctx.column(g["grp"])
            where = "首页" if g["is_home"] else f"栏目「{col.path if col else g['grp']}」"
            urls = samples.get(g["grp"], [])
            out.append(Finding(
                kind=KIND, key=f"{element}|{g['grp']}", severity=p.get("severity", "deduct"),
                indicator=p["indicator"], detail=f"{where}有 {missing}/{g['total']} 个页面缺少{label}",
                url=urls[0] if missing == 1 and urls else g["grp"],
                column_url=None if g["is_home"] else g["grp"], column=col.path if col else None,
                unit=col.unit if col else ctx.government_name,
                evidence={"element": element, "label": label, "pages": missing, "of_pages": g["total"],
                          "home": bool(g["is_home"]), "sample_urls": urls}))
    return out
