"""Every column's items (titles, dates, sources, bodies, attachments, letters) and the seeded
problems; ``build_county()`` puts the portal together."""
from __future__ import annotations

import calendar
import random
from datetime import date, datetime, time, timedelta

from sample.heldout import rng_for

from . import text
from .model import County, Item, Letter, assign_urls, tree

# column name -> (items, newest item's age in days, gap between items in days, title kind)
SPECS = {
    "县情概况": (4, 280, (40, 120), "profile"),
    "政务要闻": (110, 0, (0, 3), "ywyw"),
    "乡镇动态": (80, 1, (3, 9), "xzdt"),
    "部门动态": (82, 2, (1, 5), "bmdt"),
    "图片新闻": (22, 13, (4, 12), "tpxw"),      # 13 days: fresh, just
    "媒体看": (24, 15, (5, 15), "media"),       # 15 days: stale
    "公示公告": (70, 3, (3, 9), "gsgg"),
    "县政府文件": (18, 10, (10, 40), "doc_xzf"),
    "县政府办公室文件": (18, 6, (10, 35), "doc_xzfb"),
    "部门文件": (8, 230, (20, 60), "doc_bm"),   # older than six months
    "人事信息": (22, 25, (10, 40), "rsxx"),
    "预决算公开": (20, 95, (3, 60), "yjs"),
    "三公经费": (8, 150, (40, 150), "sgjf"),
    "规划计划": (7, 480, (100, 300), "ghjh"),   # older than a year
    "建议提案办理": (16, 70, (2, 20), "jyta"),
    "扫黑除恶专项斗争/工作动态": (30, 14, (3, 10), "sh"),   # 14 days: fresh, just
    "扫黑除恶专项斗争/应知应会": (12, 35, (10, 30), "yzyh"),
    "脱贫攻坚/工作动态": (30, 40, (3, 12), "tp"),          # 40 days: stale
    "脱贫攻坚/政策措施": (10, 75, (20, 60), "tpzc"),
    "重点领域信息公开": (20, 8, (5, 25), "zdly"),
    "县长信箱": (40, 1, (3, 12), "letter"),
    "网上咨询": (26, 3, (5, 15), "letter"),
}
DEPT_ABBR = {"县教育和体育局": "教体", "县财政局": "财", "县卫生健康局": "卫健", "县自然资源和规划局": "自然资源"}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"


def _days(cty: County, rng: random.Random, n: int, newest: int, gap: tuple) -> list:
    """n publish times, newest first; the newest exactly `newest` days before as_of, the others
    moved off weekends (offices publish on working days)."""
    out, d = [], newest
    for i in range(n):
        day = cty.as_of - timedelta(days=d)
        if i and day.weekday() >= 5 and rng.random() < 0.85:
            day -= timedelta(days=day.weekday() - 4)
        out.append(datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59))))
        d += rng.randint(*gap)
    return sorted(out, reverse=True)


def _at(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)))


def _words(cty: County, rng: random.Random, when: datetime | None, n: int, unit: str | None = None) -> dict:
    year = (when or datetime.combine(cty.as_of, time())).year
    return dict(
        mag=cty.magistrate, sec=cty.secretary, dep=rng.choice(cty.deputies), short=cty.name[:-1], county=cty.name,
        city=cty.city, town=rng.choice(text.TOWNS)[0], village=rng.choice(text.VILLAGES),
        dept=rng.choice(text.DEPARTMENTS)[0], topic=rng.choice(text.TOPICS), meeting=rng.choice(text.MEETINGS),
        action=rng.choice(text.ACTIONS), project=rng.choice(text.PROJECTS), media=rng.choice(text.MEDIA),
        plan=f"《{cty.name}{rng.choice(text.PLANS)}》", person=rng.choice(SURNAMES) + rng.choice("建志海红国明丽军"),
        year=year, prev=year - 1, n=n, q=(when.month - 1) // 3 + 1 if when else 4, m=when.month if when else 12,
        unit=unit or "", money=rng.randint(120, 4800), k=rng.randint(3, 36))


def _paras(rng: random.Random, w: dict, k: int = 3) -> list:
    return [p.format(**w) for p in rng.sample(text.PARAS, k)]


def _source(kind: str, w: dict) -> str:
    return {"ywyw": "县融媒体中心", "xzdt": w["town"], "bmdt": w["dept"], "tpxw": "县融媒体中心", "media": w["media"],
            "gsgg": w["dept"], "sh": "县扫黑办", "yzyh": "县扫黑办", "tp": "县扶贫办", "tpzc": "县扶贫办",
            "doc_xzf": "县政府办公室", "doc_xzfb": "县政府办公室", "doc_bm": w["dept"], "rsxx": "县人力资源和社会保障局",
            "yjs": "县财政局", "sgjf": "县财政局", "ghjh": "县发展和改革局", "jyta": "县政府办公室",
            "profile": "县政府办公室", "zdly": "县政府办公室"}.get(kind, w["unit"] or "县政府办公室")


def _dated(cty: County, col, kind: str, stamps: list, rng: random.Random, unit: str | None = None,
           seen: set | None = None) -> None:
    """Items at the given times; `seen` holds titles (or, for documents, plans) already used."""
    counters: dict = {}
    seen = set() if seen is None else seen
    for i, when in enumerate(sorted(stamps)):              # oldest first, so running numbers grow
        n = len(stamps) - i if kind == "profile" else i + 1
        for _ in range(30):                                # a column rarely repeats a title
            w = _words(cty, rng, when, n, unit)
            if kind == "doc_bm":
                w["dept"] = rng.choice(list(DEPT_ABBR))
            pattern = (text.PROFILE_TITLES[(n - 1) % 4] if kind == "profile"
                       else rng.choice(text.TITLES[kind]))
            title = pattern.format(**w)
            key = w["plan"] if "{plan}" in pattern else title
            if key not in seen:
                break
        seen.add(key)
        it = Item(col, title, when, source=_source(kind, w), subject=rng.choice(text.SUBJECTS))
        it.paras = _paras(rng, w, rng.randint(2, 4))
        if kind.startswith("doc_"):
            key = (kind, when.year)
            counters[key] = counters.get(key, 0) + rng.randint(1, 4)
            mark = {"doc_xzf": "政发", "doc_xzfb": "政办发"}.get(kind, DEPT_ABBR.get(w["dept"], "") + "发")
            it.doc_no = f"{cty.abbr}{mark}〔{when.year}〕{counters[key]}号"
            it.written = when.date() - timedelta(days=rng.randint(2, 12))
            it.source = w["dept"] if kind == "doc_bm" else "县政府办公室"
            it.paras = ["各乡镇人民政府（街道办事处），县政府各部门，各有关单位：",
                        f"现将{w['plan']}印发给你们，请结合实际，认真贯彻执行。"] + it.paras[:2]
        col.items.append(it)
    col.items.sort(key=lambda it: it.when, reverse=True)


def _catalogue_entry(cty: County, col, rng: random.Random) -> None:
    unit, y = col.unit, cty.as_of.year
    if col.name == "政府信息公开指南":
        days = [cty.as_of - timedelta(days=rng.randint(180, 220)), date(y - 3, rng.randint(3, 9), rng.randint(1, 28))]
        titles = [f"{unit}政府信息公开指南（{y}年修订）", f"{unit}政府信息公开指南"]
    elif col.name == "政府信息公开制度":
        days = [cty.as_of - timedelta(days=rng.randint(300, 900)) for _ in range(2)]
        titles = [unit + r for r in rng.sample(text.RULES, 2)]
    elif col.name == "政府信息公开年报":       # the last three years' reports, in time: departments by 31 January,
        last = 1 if unit in dict(text.DEPARTMENTS) else 3      # governments (county, towns) by 31 March
        days = [date(y - k + 1, rng.randint(1, last), rng.randint(8, 25)) for k in (1, 2, 3, 4)]
        titles = [f"{unit}{y - k}年政府信息公开工作年度报告" for k in (1, 2, 3, 4)]
        days, titles = [d for d in days if d <= cty.as_of][:3], [t for d, t in zip(days, titles) if d <= cty.as_of][:3]
    else:
        if col.name == "法定主动公开内容":
            n = {"县政府": 25, "城关街道": 15, "石门乡": 12}.get(unit, 18)
            stamps = _days(cty, rng, n, rng.randint(3, 60), (5, 30))
            kind = "fdzdgk_town" if unit in dict(text.TOWNS) else "fdzdgk"
        else:
            n, newest, gap, kind = SPECS[col.name]
            stamps = _days(cty, rng, n, newest, gap)
        _dated(cty, col, kind, stamps, rng, unit)
        for it in col.items:
            it.source = unit
        return
    for title, day in zip(titles, days):
        it = Item(col, title, _at(rng, day), source=unit, subject="综合政务")
        it.paras = _paras(rng, _words(cty, rng, it.when, 1, unit), 2)
        col.items.append(it)
    col.items.sort(key=lambda it: it.when, reverse=True)


def _undated(cty: County, col) -> None:
    if col.name == "领导之窗":
        people = [(cty.magistrate, "县委副书记、县长")] + [(d, "副县长") for d in cty.deputies]
        people += [("郑国庆", "县政府党组成员"), ("韩立新", "县政府办公室主任")]
        for name, role in people:
            col.items.append(Item(col, name, None, source=role, paras=[f"{name}，{role}。负责县政府常务工作。"]))
        return
    names = {"个人办事": text.GUIDES_PERSON, "法人办事": text.GUIDES_FIRM, "便民服务": text.SERVICES}[col.name]
    for name in names:
        suffix = "" if col.name == "便民服务" else "办事指南"
        col.items.append(Item(col, name + suffix, None, source="县行政审批服务局"))


def _letters(cty: County, col, rng: random.Random) -> None:
    n, newest, gap, _ = SPECS[col.name]
    for when in _days(cty, rng, n, newest, gap):
        w = _words(cty, rng, when, 1)
        subject = rng.choice(text.LETTER_SUBJECTS).format(**w)
        reply = min(when.date() + timedelta(days=rng.randint(1, 4)), cty.as_of)
        unit = rng.choice(text.DEPARTMENTS + text.TOWNS[:3])[0]
        letter = Letter(rng.choice(SURNAMES) + rng.choice(["**", "先生", "女士", "*"]),
                        f"您好！{subject}，希望有关部门尽快给予解决或答复，谢谢！", reply, unit,
                        f"您好！您反映的问题已收悉。经{unit}调查核实，{w['topic']}相关工作正在按计划推进，"
                        f"具体情况可拨打咨询电话0539-62{rng.randint(10000, 99999)}。感谢您对我县工作的关心和支持！")
        col.items.append(Item(col, subject, when, source=unit, letter=letter))


def _pair_interpretations(cty: County, rng: random.Random) -> None:
    """Each policy document has its 解读, linked both ways (as the inspection indicators ask)."""
    jd_col = cty.find("政务公开", "政策解读")
    docs = [it for c in cty.find("政务公开", "政策文件").children for it in c.items]
    for doc in docs:
        day = min(doc.day + timedelta(days=rng.randint(0, 2)), cty.as_of)
        title = f"《{doc.title.split('《')[-1].split('》')[0]}》政策解读" if "《" in doc.title else f"关于《{doc.title}》的解读"
        jd = Item(jd_col, title, _at(rng, day), source=doc.source, subject=doc.subject)
        jd.paras = ["一、起草背景", _paras(rng, _words(cty, rng, jd.when, 1), 1)[0], "二、主要内容",
                    f"{doc.doc_no}共分为总则、主要措施、保障措施三部分。", "三、政策亮点",
                    _paras(rng, _words(cty, rng, jd.when, 1), 1)[0]]
        jd.links.append(("原文链接", doc))
        doc.links.append(("相关解读", jd))
        jd_col.items.append(jd)
    jd_col.items.sort(key=lambda it: it.when, reverse=True)


def _fill(cty: County) -> None:
    plans: set = set()             # no two policy documents share a plan
    for col in cty.columns:
        if not col.leaf or col.empty:
            continue
        rng = rng_for(cty.seed, "items:" + "/".join(col.path))
        key = col.name if col.name in SPECS else f"{col.parent.name}/{col.name}"
        if col.name.startswith("媒体看"):
            key = "媒体看"
        if col.unit:
            _catalogue_entry(cty, col, rng)
        elif col.cms == "asp":
            _letters(cty, col, rng)
        elif key in SPECS:
            n, newest, gap, kind = SPECS[key]
            _dated(cty, col, kind, _days(cty, rng, n, newest, gap), rng, col.unit, plans if kind.startswith("doc_") else None)
        elif col.name != "政策解读":
            _undated(cty, col)
    _pair_interpretations(cty, rng_for(cty.seed, "interpretations"))
    # the 政府网站工作年度报表 of last year, due on the home page by 31 January
    notice = cty.find("新闻中心", "公示公告")
    jan = date(cty.as_of.year, 1, 20)
    form = min(notice.items, key=lambda it: (it.day.month != 1, abs((it.day - jan).days)))
    form.title = f"{cty.name}人民政府门户网站{cty.as_of.year - 1}年度工作报表"
    form.source = "县政府办公室"
    cty.annual_form = form


def _urls(cty: County) -> None:
    """Article ids grow with time across the whole CMS; chan URLs carry the day the article was made."""
    rng = rng_for(cty.seed, "urls")
    dated = sorted((it for it in cty.items if it.when), key=lambda it: (it.when, it.title))
    ids = {"chan": rng.randint(3000, 4000), "vsb": rng.randint(21000, 23000), "asp": rng.randint(1200, 1500)}
    for it in dated:
        c = it.column
        ids[c.cms] += rng.randint(1, 7)
        if c.cms == "chan":
            it.made = it.day - timedelta(days=rng.choice([0, 0, 0, 0, 1, 2]))
            it.url = f"/content/{it.made:%Y-%m}/{it.made:%d}/content_{ids['chan']}.html"
        elif c.cms == "vsb":
            it.url = f"/info/{c.ident}/{ids['vsb']}.htm"
        else:
            it.url = f"/hdjl/{c.slug}/xj_{ids['asp']}.htm"
    for c in cty.columns:
        for k, it in enumerate(it for it in c.items if not it.when):
            it.url = f"/ldzc/ld{k + 1}.html" if c.name == "领导之窗" else f"/bsfw/{c.slug}/{k + 1:03d}.html"
    orgs, seqs = {}, {}            # 索引号: the publisher's credit code / year - running number
    for it in sorted((it for it in cty.items if it.column.cms == "vsb"), key=lambda it: it.when):
        org = orgs.setdefault(it.source, f"11{cty.site_id[:6]}{rng.randint(10**8, 10**9 - 1)}{rng.choice('0X')}")
        seqs[org, it.when.year] = seqs.get((org, it.when.year), 0) + 1
        it.index_no = f"{org}/{it.when.year}-{seqs[org, it.when.year]:05d}"


def _attachments(cty: County) -> None:
    rng = rng_for(cty.seed, "attachments")
    for it in sorted((it for it in cty.items if it.when), key=lambda it: it.url):
        kind = it.column.name
        if kind == "公示公告" and rng.random() < 0.3:
            wanted = [rng.choice([("报名登记表", "doc"), ("拟聘用人员名单", "xls"), ("公示材料", "pdf")])]
        elif it.doc_no and rng.random() < 0.5:
            wanted = [(it.doc_no, "pdf")]
        elif kind in ("预决算公开", "三公经费"):
            wanted = [(it.title, "xls"), (it.title + "说明", "pdf")]
        elif kind == "法定主动公开内容" and rng.random() < 0.15:
            wanted = [("附件", "doc")]
        else:
            continue
        for label, ext in wanted:
            stamp = it.when + timedelta(seconds=rng.randint(0, 3000))
            if it.column.cms == "chan":
                url = f"/uploadfile/{stamp:%Y}/{stamp:%m%d}/{stamp:%Y%m%d%H%M%S}{rng.randint(100, 999)}.{ext}"
            else:
                h = "".join(rng.choice("0123456789ABCDEF") for _ in range(40))
                url = f"/__local/{h[0]}/{h[1:3]}/{h[3:5]}/{h[5:37]}_{h[37:40]}{rng.randint(10000, 99999)}.{ext}"
            it.attachments.append((f"{label}.{ext}", url))
            cty.files[url] = (ext, label)


def _problem(kind: str, column, url: str, **detail) -> dict:
    return {"kind": kind, "column": column.url if column else None, "url": url, "detail": detail}


def _months_before(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _working_days(a: date, b: date) -> int:
    return sum(1 for k in range(1, (b - a).days + 1) if (a + timedelta(days=k)).weekday() < 5)


def _seed(cty: County) -> None:
    """Inject the problems that are not a matter of dates: broken links, late letters, a missing entry."""
    rng = rng_for(cty.seed, "problems")
    news = cty.find("新闻中心", "政务要闻")
    article = news.items[rng.randint(60, 80)]
    old = article.made - timedelta(days=rng.randint(150, 300))     # an older story, since deleted
    gone = f"/content/{old:%Y-%m}/{old:%d}/content_{rng.randint(1000, 2999)}.html"   # ids below any live one
    article.links.append(("相关阅读：" + rng.choice(news.items[81:]).title, gone))
    notice = cty.find("新闻中心", "公示公告")
    target = rng.choice([it for it in notice.items[10:40] if not it.attachments and it is not cty.annual_form])
    stamp = target.when
    lost = f"/uploadfile/{stamp:%Y}/{stamp:%m%d}/{stamp:%Y%m%d%H%M%S}{rng.randint(100, 999)}.doc"
    target.attachments.append(("报名登记表.doc", lost))      # listed on the page, never uploaded
    broken = [(None, "/index.html", cty.removed_topic), (news, article.url, gone), (notice, target.url, lost)]
    cty.problems += [_problem("broken_link", col, url, source=src, status=404) for col, src, url in broken]

    # letters answered late (> 15 working days) or never: the letter closest to the given age
    for mailbox, late, age in (("县长信箱", 42, 155), ("网上咨询", 124, 200), ("县长信箱", None, 120)):
        col = cty.find("互动交流", mailbox)
        it = min((it for it in col.items if it.letter.replied and (it.letter.replied - it.day).days < 5),
                 key=lambda it: abs((cty.as_of - it.day).days - age))
        it.letter.replied = it.day + timedelta(days=late) if late else None
    for col in (cty.find("互动交流", "县长信箱"), cty.find("互动交流", "网上咨询")):
        col.items[0].letter.replied = None                              # the newest letter: not answered yet
    in_time = next(it for it in cty.find("互动交流", "县长信箱").items[3:] if it.letter.replied)
    in_time.letter.replied = min(in_time.day + timedelta(days=5), cty.as_of)

    unit = cty.find("政务公开", "政府信息公开", "石门乡")
    unit.children = [c for c in unit.children if c.name != "政府信息公开指南"]
    cty.problems.append(_problem("missing_catalogue", unit, unit.url, unit="石门乡", entry="政府信息公开指南",
                                 reason="absent"))


def _judge(cty: County) -> None:
    """Problems and borderline non-problems that follow from the final dates."""
    as_of = cty.as_of
    for c in cty.columns:
        newest = max((it.day for it in c.items if it.day), default=None)
        if c.leaf and c.empty:
            cty.problems.append(_problem("blank_column", c, c.url, name=c.name))
        if not c.leaf or newest is None:
            continue
        age = (as_of - newest).days
        facts = {"newest_date": newest.isoformat(), "days": age}
        if c.cls == "dynamic" and age > 14:
            cty.problems.append(_problem("stale_dynamic", c, c.url, **facts))
        elif c.cls == "dynamic" and age in (13, 14):
            cty.not_problems.append(_problem("stale_dynamic", c, c.url, **facts, reason="borderline"))
        elif c.cls == "notice_policy" and newest < _months_before(as_of, 6):
            top = c
            while top.parent:
                top = top.parent
            cty.problems.append(_problem("stale_notice_policy", c, c.url, **facts, first_level=top.url))
        elif c.cls == "longterm" and age > 365:
            cty.problems.append(_problem("stale_longterm", c, c.url, **facts))
        for it in c.items:
            letter = it.letter
            if letter is None:
                continue
            end = letter.replied or as_of
            days = (end - it.day).days
            facts = {"letter_date": it.day.isoformat(), "reply_date": letter.replied and letter.replied.isoformat(),
                     "days": days}
            late = letter.replied and _working_days(it.day, letter.replied) > 15
            if late or (not letter.replied and days > 90):
                cty.problems.append(_problem("overdue_reply", c, it.url, **facts))
            elif not letter.replied:
                cty.not_problems.append(_problem("overdue_reply", c, it.url, **facts, reason="recent_unanswered"))
            elif days == 5:
                cty.not_problems.append(_problem("overdue_reply", c, it.url, **facts, reason="answered_in_time"))
    news, services = cty.find("新闻中心"), cty.find("办事服务", "便民服务")
    cty.not_problems.append(_problem("blank_column", news, news.url, name=news.name, reason="non_leaf"))
    cty.not_problems.append(_problem("blank_column", services, services.url, name=services.name,
                                     reason="undated_links"))


def build_county(seed: int = 1, as_of: date = date(2019, 12, 31)) -> County:
    name, pinyin, abbr, city, site_id, icp, police = text.county(seed)
    r = rng_for(seed, "names")
    cty = County(seed, as_of, name, pinyin, abbr, city, site_id, icp, police,
                 secretary=r.choice(text.SECRETARY), magistrate=text.MAGISTRATE[(seed - 1) % 3],
                 deputies=r.sample(text.DEPUTIES, 3))
    cty.roots = tree(cty)
    assign_urls(cty, rng_for(seed, "ids"))
    _fill(cty)
    _urls(cty)
    _attachments(cty)
    _seed(cty)
    _judge(cty)
    cty.hot = cty.find("新闻中心", "政务要闻").items[6:11]
    return cty
