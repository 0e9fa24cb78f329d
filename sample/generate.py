"""Write the sample portal to a directory: ``out/site/`` and ``out/ground_truth.json``."""
from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

from . import assets
from .model import LEVEL_COUNTS, Site, build_site
from .render import CHARSET_HEADER, render_all, server_maps, static_files

# Files the server reads (never serves): per-path Content-Type charsets of the GBK pages,
# the ?page=N lists, the Hanweb dataproxy records.
CHARSETS_FILE, PAGES_FILE, DATAPROXY_FILE, JPAAS_FILE = "_charsets.json", "_pages.json", "_dataproxy.json", "_jpaas.json"


def attachment_bytes(site: Site, a, it) -> bytes:
    if a.ext == "pdf":
        return assets.pdf_bytes(f"{site.district.py.upper()} {a.url.rsplit('/', 1)[1]}",
                                [f"Published {it.dt:%Y-%m-%d}", f"Item {it.id}"])
    if a.ext == "docx":
        return assets.docx_bytes([it.title, a.name, f"发布日期：{it.dt:%Y-%m-%d}", site.district.office])
    return assets.xls_bytes([["序号", "名称", "数量", "备注"]] +
                            [[i + 1, f"{it.source}项目{i + 1}", (it.id * (i + 3)) % 97, ""] for i in range(5)])


def ground_truth(site: Site, pages: int) -> dict:
    cols = site.columns()
    by_level = [0, 0, 0, 0]
    out_cols = []
    for c in cols:
        by_level[c.level - 1] += 1
        dated = [it.dt.date() for it in c.items if it.dt is not None]
        out_cols.append({
            "url": c.url, "name": c.name, "parent": c.parent.url if c.parent else None, "level": c.level,
            "path": c.path, "class": c.cls, "unit": c.unit, "leaf": c.leaf, "item_count": len(c.items),
            "newest_date": max(dated).isoformat() if dated else None, "list_pages": c.list_pages(),
            "family": c.family,
        })
    assert by_level == LEVEL_COUNTS, by_level
    out_items = []
    for c in cols:
        for it in c.items:
            out_items.append({"url": it.url, "column": c.url, "title": it.title,
                              "publish_date": it.dt.date().isoformat() if it.dt else None,
                              "list_date": it.list_date.isoformat() if it.list_date else None})
    d = site.district
    return {
        "seed": site.seed, "as_of": site.as_of.isoformat(), "scale": site.scale,
        "site": {"name": d.site_name, "site_id_code": d.site_id_code},
        "home": {"url": "/index.html", "newest_date": site.home_newest.isoformat() if site.home_newest else None},
        "counts": {"columns_by_level": by_level, "items": len(out_items), "pages": pages},
        "columns": out_cols,
        "items": out_items,
        "problems": site.problems,
        "not_problems": site.not_problems,
    }


def generate_site(out_dir, *, seed: int = 1, as_of: date = date(2019, 12, 31), scale: float = 1) -> Path:
    """Generate the site into ``out_dir/site`` and return the path of ``ground_truth.json``."""
    out = Path(out_dir)
    root = out / "site"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    site = build_site(seed=seed, as_of=as_of, scale=scale)
    made = set()
    base = str(root)

    def write(path: str, data: bytes):
        full = base + path
        dn = full.rsplit("/", 1)[0]
        if dn not in made:
            os.makedirs(dn, exist_ok=True)
            made.add(dn)
        with open(full, "wb") as f:
            f.write(data)

    pages = 0
    charsets = {}
    for path, html, charset in render_all(site):
        if charset is None:
            write(path, html.encode("utf-8"))
        else:
            write(path, html.encode("gbk", errors="xmlcharrefreplace"))
            charsets[path] = CHARSET_HEADER[charset]
        pages += 1
    for path, data in static_files(site):
        write(path, data)
    maps = server_maps(site)
    for name, data in ((CHARSETS_FILE, charsets), (PAGES_FILE, maps["pages"]), (DATAPROXY_FILE, maps["dataproxy"]),
                       (JPAAS_FILE, maps["jpaas"])):
        write("/" + name, json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8"))
    for it in site.items:
        for a in it.attachments:
            if a.exists:
                write(a.url, attachment_bytes(site, a, it))
    gt = ground_truth(site, pages)
    gt_path = out / "ground_truth.json"
    gt_path.write_text(json.dumps(gt, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gt_path
