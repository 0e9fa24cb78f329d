"""The ground truth a held-out portal writes beside its site, in the shape `bench.heldout`
scores: one contract, whichever generator wrote the portal."""
from __future__ import annotations


def _iso(d):
    return d.isoformat() if d else None


def ground_truth(portal, *, site_name: str, home_url: str, home_newest: str, n_pages: int, family) -> dict:
    """`portal` has seed, as_of, site_id, columns, items, problems and not_problems; its columns
    url, name, parent, level, path, cls, unit, leaf, items and n_pages; `family(column)` names
    the CMS that renders a column."""
    cols = portal.columns
    levels = [sum(1 for c in cols if c.level == k) for k in range(1, max(c.level for c in cols) + 1)]
    return {
        "seed": portal.seed, "as_of": portal.as_of.isoformat(),
        "site": {"name": site_name, "site_id_code": portal.site_id},
        "home": {"url": home_url, "newest_date": home_newest},
        "counts": {"columns_by_level": levels, "items": len(portal.items), "pages": n_pages},
        "columns": [{"url": c.url, "name": c.name, "parent": c.parent.url if c.parent else None, "level": c.level,
                     "path": c.path, "class": c.cls, "unit": c.unit, "leaf": c.leaf, "item_count": len(c.items),
                     "newest_date": _iso(max((it.day for it in c.items if it.day), default=None)),
                     "list_pages": c.n_pages, "family": family(c)} for c in cols],
        "items": [{"url": it.url, "column": it.column.url, "title": it.title, "publish_date": _iso(it.day),
                   "list_date": _iso(it.day)} for it in portal.items],
        "problems": portal.problems, "not_problems": portal.not_problems,
    }
