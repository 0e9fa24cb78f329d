"""policy_interpretation_link: a policy document with no linked 解读, or a 解读 whose link
to its policy document is broken.

Policy documents are the items of policy columns that carry a 文号 in their metadata
(`require_doc_number`; a 政策措施 article without one is not paired). A policy column is a
`policy` column, or any column whose breadcrumb names one (政策文件 > 区政府文件 > 罗政办字
stays a policy column when its CMS types it 通知公告); 解读 columns never are. A policy is
paired when its page links to an interpretation, or an interpretation's page links to it;
`require_both_ways: true` asks for both. An interpretation is an item of an
`interpretation` column (政策解读) or an item whose title or link anchor says 解读.

An interpretation's link to its policy is a link from its page whose anchor reads like a
document (《…》, 原文, 文件, 通知, 决定 …) or whose target lies in a policy column's folder; it is
broken when the target failed (HTTP ≥ 400 or no answer).
"""
from __future__ import annotations

import json

from .base import Context, Finding, item_seen, row_seen
from .rulepack import Bool, Int, List, Str, compile_patterns, matches, minus_months

KIND = "policy_interpretation_link"
INDICATOR = "policy_interpretation"
PARAMS = {"require_both_ways": Bool(), "since_months": Int(min=1, nullable=True),
          "require_doc_number": Bool(), "doc_number_labels": List(Str()),
          "interpretation_words": List(Str()), "policy_anchor_patterns": List(Str(regex=True))}
DEFAULTS = {"require_both_ways": False, "since_months": None, "require_doc_number": True,
            "doc_number_labels": ["文号", "发文字号", "发文文号"], "interpretation_words": ["解读"],
            "policy_anchor_patterns": ["《", "原文", "文件", "政策", "通知", "办法", "意见", "规定", "方案", "决定",
                                       "通告", "批复", "细则", "规划", "令"]}


def _folder(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/"


def policy_columns(ctx: Context) -> set[str]:
    """`policy` columns, and columns whose breadcrumb names a policy column."""
    from .classify import ancestors
    names = compile_patterns(((ctx.rules.section("classes") or {}).get("patterns") or {}).get("policy"))
    out = set()
    for col in ctx.columns.values():
        if col.cls in ("interpretation", "exempt", "ignore", "interaction", "interaction_excluded"):
            continue
        if col.cls == "policy" or any(matches(names, c.name) for c in [col, *ancestors(ctx, col)]):
            out.add(col.url)
    return out


def run(ctx: Context) -> list[Finding]:
    p = ctx.params(KIND)
    word = p["interpretation_words"]
    like_title = " or ".join(f"instr(i.title, :iw{n}) > 0" for n in range(len(word))) or "0"
    like_anchor = " or ".join(f"instr(l.anchor, :iw{n}) > 0" for n in range(len(word))) or "0"
    words = {f"iw{n}": w for n, w in enumerate(word)}
    since = minus_months(ctx.as_of, p["since_months"]).isoformat() if p["since_months"] else "0000"
    labels = {f"dn{n}": f"$.{label}" for n, label in enumerate(p["doc_number_labels"])}
    has_number = " or ".join(f"coalesce(trim(json_extract(i.fields, :dn{n})), '') != ''"
                             for n in range(len(labels))) if p["require_doc_number"] and labels else "1"
    policy_cols = policy_columns(ctx)
    ctx.db.execute("create temp table if not exists pw_interp (url text primary key)")
    ctx.db.execute("delete from temp.pw_interp")
    ctx.db.execute(f"""
        insert or ignore into temp.pw_interp
        select i.url from items i left join temp.pw_col c on c.url = i.column_url
        where i.site = :site and {item_seen('i')}
          and (c.class = 'interpretation' or {like_title})""", {**ctx.args, **words})
    out = []
    policies = ctx.query(f"""
        select i.url, i.title, i.column_url, i.publish_date,
          exists (select 1 from links l where l.site = i.site and l.source_url = i.url and {row_seen('l')}
                  and (l.target_url in (select url from temp.pw_interp)
                       or (({like_anchor}) and l.target_url not in (select url from temp.pw_col)))) as links_out,
          exists (select 1 from links l join temp.pw_interp x on x.url = l.source_url
                  where l.site = i.site and l.target_url = i.url and {row_seen('l')}) as linked_in
        from items i join temp.pw_col c on c.url = i.column_url
          and c.url in (select value from json_each(:columns))
        where i.site = :site and {item_seen('i')} and coalesce(i.status, 200) < 400
          and i.url not in (select url from temp.pw_interp)
          and coalesce(i.publish_date, '9999') >= :since and ({has_number})
        order by i.url""", since=since, columns=json.dumps(sorted(policy_cols)), **words, **labels)
    for r in policies:
        paired = (r["links_out"] and r["linked_in"]) if p["require_both_ways"] else (r["links_out"] or r["linked_in"])
        if paired:
            continue
        col = ctx.column(r["column_url"])
        missing = "解读" if not (r["links_out"] or r["linked_in"]) else ("到解读的链接" if not r["links_out"] else "解读到文件的链接")
        out.append(Finding(
            kind=KIND, key=f"policy|{r['url']}", severity=p.get("severity", "deduct"), indicator=p["indicator"],
            detail=f"政策文件「{r['title'] or r['url']}」没有关联的{missing}",
            url=r["url"], column_url=r["column_url"], column=col.path if col else None,
            unit=col.unit if col else ctx.government_name,
            evidence={"problem": "no_interpretation", "links_to_interpretation": bool(r["links_out"]),
                      "linked_from_interpretation": bool(r["linked_in"]), "title": r["title"],
                      "publish_date": r["publish_date"]}))

    anchors = compile_patterns(p["policy_anchor_patterns"])
    folders = {_folder(url) for url in policy_cols}
    rows = ctx.query(f"""
        select l.source_url, l.target_url, l.anchor, i.title, i.column_url,
               coalesce(t.status, pg.status) as status, coalesce(t.error, pg.error) as error
        from temp.pw_interp x join items i on i.site = :site and i.url = x.url
        join links l on l.site = :site and l.source_url = x.url and {row_seen('l')}
        left join targets t on t.site = l.site and t.url = l.target_url
        left join pages pg on pg.site = l.site and pg.url = l.target_url
        where (coalesce(t.status, pg.status) >= 400
               or (coalesce(t.status, pg.status) is null and coalesce(t.error, pg.error) is not null))
        order by l.source_url, l.target_url""")
    for r in rows:
        if not (matches(anchors, r["anchor"]) or any(r["target_url"].startswith(f) for f in folders)):
            continue
        col = ctx.column(r["column_url"])
        why = f"HTTP {r['status']}" if r["status"] is not None else (r["error"] or "no answer")
        out.append(Finding(
            kind=KIND, key=f"interpretation|{r['source_url']}|{r['target_url']}",
            severity=p.get("severity", "deduct"), indicator=p["indicator"],
            detail=f"解读「{r['title'] or r['source_url']}」指向政策文件的链接失效（{why}）：{r['target_url']}",
            url=r["source_url"], column_url=r["column_url"], column=col.path if col else None,
            unit=col.unit if col else ctx.government_name,
            evidence={"problem": "broken_policy_link", "target": r["target_url"], "anchor": r["anchor"],
                      "status": r["status"], "error": r["error"], "title": r["title"]}))
    return out
