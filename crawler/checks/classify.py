"""Column classes and owning units, decided once per check and shared by every rule.

A column's class, first match wins:
1. a site-config pin (`rules.pins`, by URL or breadcrumb path; shell-style * allowed);
2. an exempt path (历史性专题 anywhere in its breadcrumb);
3. the column's own name when it matches a class in `name_over_meta` (解读, 信箱, 年报 …:
   names that specific beat a CMS template's ColumnType, often reused across columns);
   then the page's `ColumnType` meta (a class name, or a name the patterns recognise),
   unless it is generic (`meta_generic`: 信息公开目录, 信息公开 … say only "part of the catalogue");
4. the rule pack's name patterns over the column's own name, then its ancestors' names,
   nearest first, skipping names that name a unit (a leaf 区统计局 under 部门快讯 is
   dynamic, not long-term for its 统计);
5. inside the 政府信息公开 catalogue (or with a generic catalogue meta), the catalogue
   default (long-term);
6. otherwise `other` (never stale; may still be blank).

Units: under a catalogue root (政府信息公开 / 信息公开目录 …), a child whose name names a
department or town is a unit and owns its subtree; group children (部门, 街镇 …) are passed
through. A site may declare units (`rules.declared_units`) or pin a column's unit. Elsewhere
on the site a column named exactly like a unit found so (部门快讯 > 区医保局, 街镇动态 >
盛庄街道) belongs to it too. Everything else belongs to the government itself.

The result also lands in the temp table `pw_col` so the rules can join on it in SQL.
"""
from __future__ import annotations

from fnmatch import fnmatchcase

from .base import Column, Context, item_seen, row_seen
from .rulepack import compile_patterns, matches

DEFAULT_ORDER = ("exempt", "ignore", "annual_report", "interaction_excluded", "interaction",
                 "interpretation", "static", "notice", "policy", "dynamic", "longterm")

TEMP_TABLE = """
create temp table if not exists pw_col (
  url text primary key, name text, path text, level integer, class text, unit text,
  unit_type text, in_catalogue integer, is_leaf integer, n_items integer, n_dated integer,
  newest text, n_listed integer, page_ok integer
)"""


def load_columns(ctx: Context) -> None:
    rows = ctx.query(f"""
        select c.url, c.name, c.path, c.level, c.parent_url, c.column_type, c.empty_marker
        from columns c where c.site = :site and {item_seen('c')}""")
    cols = {r["url"]: Column(url=r["url"], name=r["name"] or "", path=r["path"] or (r["name"] or ""),
                             level=r["level"] or 1, parent_url=r["parent_url"],
                             column_type=r["column_type"], empty_marker=bool(r["empty_marker"]))
            for r in rows}
    for r in ctx.query(f"""
            select column_url as url, count(*) as n, count(publish_date) as dated,
                   max(case when publish_date <= :as_of then publish_date end) as newest
            from items i where i.site = :site and {item_seen('i')} and column_url is not null
            group by column_url"""):
        if r["url"] in cols:
            col = cols[r["url"]]
            col.n_items, col.n_dated, col.newest = r["n"], r["dated"], r["newest"]
    for r in ctx.query(f"""
            select column_url as url, count(*) as n from listings l
            where l.site = :site and {row_seen('l')} and column_url is not null group by column_url"""):
        if r["url"] in cols:
            cols[r["url"]].n_listed = r["n"]
    for r in ctx.query(f"""
            select url, status, kind from pages p where p.site = :site and {row_seen('p')}
              and url in (select url from columns c where c.site = :site and {item_seen('c')})"""):
        col = cols[r["url"]]
        col.page_kind = r["kind"]
        col.page_ok = r["status"] is not None and r["status"] < 400
    for r in ctx.query(f"""
            select column_url as url, max(coalesce(own_text, 0)) as own_text from pages p
            where p.site = :site and {row_seen('p')}
              and kind = 'column' and status < 400 and column_url is not null group by column_url"""):
        if r["url"] in cols:
            cols[r["url"]].page_ok = True
            cols[r["url"]].own_text = r["own_text"]
    parents = {c.parent_url for c in cols.values() if c.parent_url}
    for col in cols.values():
        col.is_leaf = col.url not in parents
    _count_undated_content(ctx, cols)
    ctx.columns = cols
    ctx.home_url = _home_url(ctx)
    _assign_units(ctx)
    _assign_classes(ctx)
    _write_temp(ctx)


def _count_undated_content(ctx: Context, cols: dict) -> None:
    """An undated list (领导之窗, 办事指南, 机构设置) is content too, though no row has a date:
    the links a column's page shows that at most one other page shows, and that are not
    columns. Menus, breadcrumbs and footers are on every page; they never count."""
    empty = {c.url: c for c in cols.values() if c.is_leaf and not c.n_items and not c.n_listed}
    if not empty:
        return
    marks = ", ".join(f":c{n}" for n in range(len(empty)))
    # "cross join": from the few candidate pages to their links, never the other way round.
    for r in ctx.query(f"""
            with shown as (
                select coalesce(p.column_url, p.url) as col, l.target_url as target
                from pages p cross join links l on l.site = p.site and l.source_url = p.url
                where p.site = :site and (p.url in ({marks}) or p.column_url in ({marks}))
                  and p.kind = 'column' and {row_seen('p')} and {row_seen('l')} and l.tag = 'a')
            select col as url, count(distinct target) as n from shown
            where target not in (select url from columns c where c.site = :site)
              and (select count(distinct o.source_url) from links o
                   where o.site = :site and o.target_url = shown.target and {row_seen('o')}) <= 2
            group by col""", **{f"c{n}": url for n, url in enumerate(empty)}):
        empty[r["url"]].n_linked = r["n"]


def _home_url(ctx: Context) -> str | None:
    rows = ctx.query(f"select url from pages p where p.site = :site and kind = 'home' and {row_seen('p')} "
                     "order by crawl_id desc limit 1")
    if rows:
        return rows[0]["url"]
    rows = ctx.query("select start_url from crawls where id = :crawl")
    return rows[0]["start_url"] if rows else None


def ancestors(ctx: Context, col: Column) -> list[Column]:
    """Parents, nearest first (guarded against cycles)."""
    out, seen, url = [], {col.url}, col.parent_url
    while url and url in ctx.columns and url not in seen:
        seen.add(url)
        parent = ctx.columns[url]
        out.append(parent)
        url = parent.parent_url
    return out


def children_of(ctx: Context) -> dict[str, list[Column]]:
    kids: dict[str, list[Column]] = {}
    for col in ctx.columns.values():
        if col.parent_url:
            kids.setdefault(col.parent_url, []).append(col)
    for value in kids.values():
        value.sort(key=lambda c: c.url)
    return kids


def _pin_for(pins, col: Column):
    for pin in pins:
        if "url" in pin and fnmatchcase(col.url, pin["url"]):
            return pin
        if "path" in pin and fnmatchcase(_norm_path(col.path), _norm_path(pin["path"])):
            return pin
    return None


def _norm_path(path: str) -> str:
    return " > ".join(p.strip() for p in path.replace("＞", ">").replace("/", ">").split(">") if p.strip())


# -- units -------------------------------------------------------------------------

def _assign_units(ctx: Context) -> None:
    spec = ctx.rules.section("units") or {}
    roots = compile_patterns(spec.get("roots"))
    groups = compile_patterns(spec.get("groups"))
    towns = compile_patterns(spec.get("town"))
    departments = compile_patterns(spec.get("department"))
    declared = list(ctx.rules.section("declared_units") or [])
    pins = [p for p in ctx.rules.section("pins") or [] if p.get("unit")]
    kids = children_of(ctx)
    gov = ctx.government_name
    ctx.units = {gov: {"type": "government", "url": None, "columns": set()}}

    def declared_for(col):
        for unit in declared:
            if ("url" in unit and fnmatchcase(col.url, unit["url"])) or \
               ("path" in unit and fnmatchcase(_norm_path(col.path), _norm_path(unit["path"]))):
                return unit["name"], unit.get("type", "department")
        pin = _pin_for(pins, col)
        if pin:
            return pin["unit"], pin.get("unit_type", "department")
        return None

    def set_unit(col, name, kind):
        col.unit, col.unit_type = name, kind
        info = ctx.units.setdefault(name, {"type": kind, "url": col.url, "columns": set()})
        info["columns"].add(col.url)

    # 1. the catalogue subtrees
    root_cols = [c for c in ctx.columns.values() if matches(roots, c.name)
                 and not any(matches(roots, a.name) for a in ancestors(ctx, c))]

    def walk(node: Column, unit: tuple | None):
        for child in kids.get(node.url, []):
            child.in_catalogue = True
            here = unit
            if here is None:
                found = declared_for(child)
                if found:
                    here = found
                elif matches(towns, child.name) and not matches(groups, child.name):
                    here = (child.name, "town")
                elif matches(departments, child.name) and not matches(groups, child.name):
                    here = (child.name, "department")
                if here is not None:
                    info = ctx.units.setdefault(here[0], {"type": here[1], "url": child.url, "columns": set()})
                    info.setdefault("url", child.url)
            if here is not None:
                set_unit(child, *here)
            walk(child, here)

    for root in sorted(root_cols, key=lambda c: (c.level, c.url)):
        root.in_catalogue = True
        walk(root, None)
    ctx.units[gov]["url"] = min(root_cols, key=lambda c: (c.level, c.url)).url if root_cols else ctx.home_url

    # 2. units declared anywhere else on the site
    for col in sorted(ctx.columns.values(), key=lambda c: c.level):
        if col.unit:
            continue
        found = declared_for(col)
        if found is None and col.name in ctx.units and col.name != gov:
            found = (col.name, ctx.units[col.name]["type"])     # 街镇动态 > 盛庄街道
        if found is None:
            parent = ctx.columns.get(col.parent_url) if col.parent_url else None
            if parent is not None and parent.unit and parent.unit != gov:
                found = (parent.unit, parent.unit_type)
        if found:
            if found[0] not in ctx.units:
                ctx.units[found[0]] = {"type": found[1], "url": col.url, "columns": set()}
            set_unit(col, *found)
        else:
            col.unit, col.unit_type = gov, "government"
            ctx.units[gov]["columns"].add(col.url)


# -- classes ------------------------------------------------------------------------

def _assign_classes(ctx: Context) -> None:
    spec = ctx.rules.section("classes") or {}
    order = spec.get("order") or DEFAULT_ORDER
    patterns = {name: compile_patterns(p) for name, p in (spec.get("patterns") or {}).items()}
    exempt_paths = compile_patterns(spec.get("exempt_paths"))
    catalogue_default = spec.get("catalogue_default", "longterm")
    generic = compile_patterns(spec.get("meta_generic"))
    name_first = [c for c in order if c in set(spec.get("name_over_meta") or [])]
    pins = [p for p in ctx.rules.section("pins") or [] if p.get("class")]
    units = ctx.rules.section("units") or {}
    unit_like = compile_patterns((units.get("department") or []) + (units.get("town") or []))

    def named_for(col) -> bool:
        """A column named after a unit (区统计局, 罗庄街道): its name says nothing of its class."""
        return matches(unit_like, col.name) or col.name in ctx.units

    def by_name(text, classes=order):
        for name in classes:
            if matches(patterns.get(name, []), text):
                return name
        return None

    for col in ctx.columns.values():
        pin = _pin_for(pins, col)
        if pin:
            col.cls, col.cls_source = pin["class"], "pin"
            continue
        chain = [col] + ancestors(ctx, col)
        if any(matches(exempt_paths, c.name) for c in chain):
            col.cls, col.cls_source = "exempt", "path"
            continue
        meta = (col.column_type or "").strip()
        generic_meta = bool(meta) and matches(generic, meta)
        found = None if named_for(col) else by_name(col.name, name_first)
        if found:
            col.cls, col.cls_source = found, "name"
            continue
        if meta and not generic_meta:
            found = meta if meta in patterns or meta in DEFAULT_ORDER else by_name(meta)
            if found:
                col.cls, col.cls_source = found, "meta"
                continue
        found = None if named_for(col) else by_name(col.name)
        if found:
            col.cls, col.cls_source = found, "name"
            continue
        for parent in chain[1:]:
            found = None if named_for(parent) else by_name(parent.name)
            if found:
                col.cls, col.cls_source = found, "path"
                break
        else:
            if col.in_catalogue or generic_meta:
                col.cls, col.cls_source = catalogue_default, "catalogue"


def _write_temp(ctx: Context) -> None:
    ctx.db.execute(TEMP_TABLE)
    ctx.db.execute("delete from temp.pw_col")
    ctx.db.conn.executemany(
        "insert into temp.pw_col values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(c.url, c.name, c.path, c.level, c.cls, c.unit, c.unit_type, int(c.in_catalogue),
          int(c.is_leaf), c.n_items, c.n_dated, c.newest, c.n_listed, int(c.page_ok))
         for c in ctx.columns.values()])
