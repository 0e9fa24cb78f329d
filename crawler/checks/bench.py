"""Benchmark: `portalwatch check` on a synthetic store of 100,000 items.

    python -m crawler.checks.bench [--items N] [--db PATH]

or from code (`make bench`): `bench(items=100_000)` returns the timings as a dict.
The store is built through `crawler.store` (one crawl, as the spider would record it):
a portal of 52 departments and 8 towns, each with its catalogue subtree, dynamic,
notice, policy, interaction and long-term columns; every item has an article page, a
few links, a paragraph of text; some columns are stale, some blank, some links broken,
some texts carry typos, some letters are unanswered.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from crawler.store import open_db

from .engine import run_check
from .rulepack import load_rules
from .synthetic import SiteBuilder

AS_OF = date(2019, 12, 31)
_TEXT = ("为深入贯彻落实党中央、国务院决策部署，进一步优化营商环境，根据《中华人民共和国政府信息公开条例》"
         "有关规定，结合我区实际，现就有关事项通知如下。各街道办事处、镇政府，区政府各部门要高度重视，"
         "认真组织实施，确保各项工作落到实处。")


def build(db, items: int = 100_000, seed: int = 7) -> SiteBuilder:
    rnd = random.Random(seed)
    b = SiteBuilder(db, site="bench", base="http://bench.example")
    columns = []   # (url, class hint)
    news = b.column("/xwzx/index.html", "新闻中心")
    for name in ("政务要闻", "工作动态", "部门动态", "街镇动态", "图片新闻"):
        columns.append((b.column(f"/xwzx/{len(columns)}/index.html", name, parent=news), "dynamic"))
    for name in ("通知公告", "政策文件", "政策解读", "人事信息", "规划计划", "财政预决算", "统计信息"):
        columns.append((b.column(f"/c{len(columns)}/index.html", name), name))
    columns.append((b.column("/hd/xx/index.html", "区长信箱"), "interaction"))
    root = b.column("/xxgk/index.html", "信息公开目录")
    for n in range(60):
        unit = b.column(f"/xxgk/u{n}/index.html", f"区第{n}局" if n < 52 else f"第{n}街道", parent=root)
        for name in ("政府信息公开指南", "政府信息公开制度", "机构职能", "工作动态", "通知公告",
                     "规范性文件", "政府信息公开年报", "重大建设项目"):
            columns.append((b.column(f"/xxgk/u{n}/{len(columns)}/index.html", name, parent=unit), name))
    leaf_urls = [c for c, _ in columns]
    policy_cols = {c for c, hint in columns if hint in ("政策文件", "规范性文件")}
    blank = set(rnd.sample(leaf_urls, 12))
    stale = set(rnd.sample([c for c in leaf_urls if c not in blank], 40))
    live = [c for c in leaf_urls if c not in blank]
    day0 = AS_OF - timedelta(days=900)
    for n in range(items):
        col = live[n % len(live)]
        age = rnd.randint(30, 900) if col in stale else rnd.randint(0, 900)
        day = (AS_OF - timedelta(days=age)) if age < 900 else day0
        text = _TEXT * 2
        if n % 997 == 0:
            text = text.replace("中华人民共和国", "中华人民共合国")
        fields = None
        policy = col in policy_cols
        if policy:
            fields = {"文号": f"罗政发〔{day.year}〕{n}号", "发布机构": "罗庄区人民政府"}
        if col.endswith("/hd/xx/index.html"):
            fields = {"来信时间": day.isoformat(), "处理状态": "已回复" if n % 50 else "未回复"}
            if n % 50:
                fields["回复时间"] = (day + timedelta(days=rnd.randint(1, 30))).isoformat()
        url = b.item(col, f"/a/{n // 1000}/{n}.html", f"信息{n}", date=None if n % 211 == 0 else day.isoformat(),
                     page=1 + (n // len(live)) // 20, text=text, fields=fields)
        b.link(url, "/index.html", "首页")
        if policy and n % 3:
            b.link(url, f"/jd/{n}.html", "相关解读")
        if n % 500 == 0:
            b.link(url, f"/gone/{n}.html", "附件", status=404)
        elif n % 1500 == 1:
            b.link(url, f"http://ext{n}.example/", "外链", status=None, error="timeout", kind="external")
        if n < 20:
            b.on_home(url, day.isoformat())
    return b


def bench(items: int = 100_000, db_path: str | Path | None = None, echo=print) -> dict:
    own = db_path is None
    tmp = tempfile.TemporaryDirectory() if own else None
    path = Path(tmp.name) / "bench.db" if own else Path(db_path)
    try:
        db = open_db(path)
        start = time.perf_counter()
        build(db, items).write_crawl()
        built = time.perf_counter() - start
        echo(f"built a store of {items} items in {built:.1f} s ({path})")
        rules = load_rules()
        start = time.perf_counter()
        first = run_check(db, rules, as_of=AS_OF)[0]
        t1 = time.perf_counter() - start
        start = time.perf_counter()
        second = run_check(db, rules, as_of=AS_OF)[0]
        t2 = time.perf_counter() - start
        echo(f"check: {t1:.2f} s first run ({len(first.findings)} findings), {t2:.2f} s again "
             f"({second.new} new, {second.resolved} resolved)")
        slow = sorted(first.seconds.items(), key=lambda kv: -kv[1])[:5]
        echo("slowest steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in slow))
        db.close()
        return {"items": items, "build_s": round(built, 2), "check_s": round(t1, 2),
                "recheck_s": round(t2, 2), "findings": len(first.findings), "steps": first.seconds}
    finally:
        if tmp:
            tmp.cleanup()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", help="keep the store here (default: a temporary file)")
    args = parser.parse_args(argv)
    bench(args.items, args.db)


if __name__ == "__main__":
    main()
