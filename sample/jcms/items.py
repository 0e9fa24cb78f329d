"""Items, their dates and the seeded problems of the county-level city portal.

Dates count back from as_of: dynamic columns are fresh except the seeded ones (15 and 25 days; 13
and 14 days are borderline, not problems); one 政策法规 column is 230 days old, 人事任免 over a year.
Every problem is computed from the final model or recorded where it is injected."""
from __future__ import annotations

import calendar
import random
from datetime import date, datetime, timedelta

from sample.heldout import rng_for

from . import text as T
from .model import Item, Letter, Portal, assign_urls, tree

# column name (or path tail) -> (items, newest offset in days, gap range in days)
PLAN = {
    "概况": (6, 140, (10, 40)), "要闻": (80, 0, (0, 4)), "政务动态": (65, 0, (0, 5)), "部门动态": (62, 14, (0, 5)),
    "镇街动态": (70, 1, (0, 4)), "图片新闻": (32, 0, (1, 8)), "视频新闻": (14, 25, (7, 20)), "公告公示": (48, 1, (1, 8)),
    "市政府文件": (30, 9, (4, 16)), "市政府办公室文件": (40, 3, (3, 12)), "部门文件": (12, 230, (10, 40)),
    "政策解读": (28, 5, (4, 14)), "人事任免": (24, 467, (10, 40)), "统计数据": (26, 10, (8, 20)),
    "市级财政预决算": (10, 100, (15, 60)), "部门预决算": (40, 95, (1, 12)), "机构职能": (3, 280, (30, 100)),
    "规划计划": (9, 40, (30, 90)), "重大建设项目": (18, 6, (5, 25)), "社会救助": (12, 12, (10, 30)),
    "便民服务": (8, 20, (20, 60)), "征集调查": (8, 16, (15, 40)), "学习资料": (12, 20, (5, 20)),
    "主题教育/工作动态": (34, 13, (1, 5)), "营商/工作动态": (26, 15, (2, 8)), "普查动态": (20, 291, (5, 15)),
    "普查知识": (8, 400, (10, 30)), "庆祝改革开放40周年": (15, 376, (3, 15)), "创建国家卫生城市": (18, 430, (10, 30)),
}


def _key(col) -> str:
    if col.name == "工作动态":
        return ("主题教育" if "主题教育" in col.parent.name else "营商") + "/工作动态"
    if col.name.endswith("概况"):
        return "概况"
    if col.name.endswith("要闻"):
        return "要闻"
    return col.name


def _when(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))


def _days(rng: random.Random, as_of: date, n: int, newest: int, gap: tuple) -> list:
    """n days, newest first: the first exactly `newest` days before as_of."""
    out, d = [], as_of - timedelta(days=newest)
    for _ in range(n):
        out.append(d)
        d -= timedelta(days=rng.randint(*gap))
    return out


def _uniq(rng: random.Random, make, seen: set) -> str:
    for _ in range(60):
        t = make()
        if t not in seen:
            seen.add(t)
            return t
    k = 2
    while f"{t}（{k}）" in seen:
        k += 1
    seen.add(f"{t}（{k}）")
    return f"{t}（{k}）"


class Builder:
    def __init__(self, p: Portal):
        self.p = p
        self.rng = rng_for(p.seed, "items")
        self.seen: set = set()
        self.depts = [d for d, _, _ in T.CAT_DEPTS]
        self.news_depts = T.NEWS_DEPTS
        self.art_cols = {}          # a town's or department's own Hanweb column id (镇街动态 / 部门动态 articles)
        self.stamp = 0

    # -- vocabulary --------------------------------------------------------------------------------
    def fmt(self, s: str, day: date, **kw) -> str:
        r, p = self.rng, self.p
        vals = dict(c=p.name, g=p.gov, t=r.choice(T.TOPICS), y=day.year, y2=day.year + 2, m=day.month, n=r.randint(2, 9),
                    k=r.randint(2, 6), n1=T.person(r), d=r.choice(self.news_depts))
        vals.update(kw)
        return s.format(**vals)

    def leader(self) -> str:
        return self.rng.choice(self.p.leaders)[0]

    def news_title(self, day: date) -> str:
        r, p = self.rng, self.p
        t = r.choice(T.TOPICS)
        visitor = r.choice(T.VISITORS).format(pref=p.prefecture)
        forms = [f"{self.leader()}调研{t}工作", f"{p.name}召开{t}{r.choice(T.MEETINGS)}", f"{p.name}举行{r.choice(T.EVENTS)}",
                 f"{visitor}来{p.short}调研{t}工作", f"{self.leader()}主持召开市政府第{r.randint(20, 60)}次常务会议",
                 f"{p.name}{t}工作取得阶段性成效", f"{self.leader()}督查{t}工作", f"我市扎实推进{t}",
                 f"{self.leader()}会见{visitor}一行"]
        return r.choice(forms)

    def unit_news(self, unit: str) -> str:
        r = self.rng
        t = r.choice(T.TOPICS)
        return r.choice([f"{unit}开展{t}{r.choice(T.ACTIONS)}", f"{unit}召开{t}{r.choice(T.MEETINGS)}",
                         f"{unit}多措并举推进{t}", f"{unit}举办{r.choice(T.EVENTS)}", f"{unit}扎实做好{t}工作",
                         f"{unit}“三个聚焦”助推{t}"])

    # -- items -------------------------------------------------------------------------------------
    def add(self, col, title: str, when: datetime | None, **kw) -> Item:
        it = Item(col, title, when, **kw)
        if not it.source:
            it.source = self.p.gov + "办公室" if when else ""
        col.items.append(it)
        return it

    def picture(self, when: datetime, label: str) -> str:
        self.stamp += 1
        url = f"/picture/0/{when:%y%m%d%H%M%S}{100 + self.stamp % 900}.jpg"
        self.p.files[url] = ("png", label)
        return url

    def download(self, when: datetime, label: str, ext: str, stored: bool = True) -> tuple:
        self.stamp += 1
        name = f"{when:%y%m%d%H%M%S}{100 + self.stamp % 900}.{ext}"
        if stored:
            self.p.files[f"/uploadfiles/{name}"] = (ext, label)
        return (f"{label}.{ext}", f"/module/download/downfile.jsp?classid=0&filename={name}")

    def column(self, col) -> None:
        p, r = self.p, self.rng
        key = _key(col)
        if col.layout in ("leaders", "guide", "jp_empty", "st_empty") or col.layout.startswith("letters"):
            return getattr(self, "_" + col.layout.split("_")[0])(col)
        if col.unit:                                     # 政府信息公开 entries
            return self._catalogue(col)
        n, newest, gap = PLAN[key]
        seen = set()
        for day in _days(r, p.as_of, n, newest, gap):
            when = _when(r, day)
            self.add(col, _uniq(r, lambda: self.title(col, key, day), seen), when, **self.meta(col, key, when))

    def title(self, col, key: str, day: date) -> str:
        r, p = self.rng, self.p
        if key in ("要闻", "政务动态", "图片新闻"):
            return self.news_title(day)
        if key == "部门动态":
            return self.unit_news(r.choice(self.news_depts))
        if key == "镇街动态":
            return self.unit_news(r.choice(p.towns))
        if key == "视频新闻":
            return r.choice([f"【视频】{self.news_title(day)}", f"《{p.short}新闻》{day.year}年{day.month}月{day.day}日"])
        if key == "公告公示":
            return self.fmt(r.choice(T.NOTICE_TITLES), day)
        if key in ("市政府文件", "市政府办公室文件", "部门文件"):
            return self.fmt(r.choice(T.DOC_TITLES), day)
        if key == "政策解读":
            return self.fmt(r.choice(T.INTERP_TITLES), day)
        if key == "人事任免":
            return self.fmt(r.choice(T.APPOINT), day)
        if key == "统计数据":
            prev = day.replace(day=1) - timedelta(days=1)
            return self.fmt(r.choice(T.STAT_TITLES), prev, c=p.name)
        if key == "市级财政预决算":
            return self.fmt(r.choice(T.BUDGET_CITY), day, y=day.year - (day.month > 6), y2=day.year + 1)
        if key == "部门预决算":
            return self.fmt(r.choice(T.BUDGET_DEPT), day, y=day.year - (day.month > 6))
        if key == "概况":
            return self.fmt(r.choice(T.INTRO), day)
        if key == "机构职能":
            return r.choice([f"{p.gov}办公室主要职责", f"{p.gov}工作规则", "市政府领导工作分工", f"{p.gov}组成部门"])
        if key == "规划计划":
            return r.choice([f"{p.name}{day.year}年国民经济和社会发展计划", f"{p.name}{r.choice(T.TOPICS)}专项规划（2019—2025年）",
                             f"{p.name}{day.year}年{r.choice(T.TOPICS)}工作计划", f"{p.name}{r.choice(T.TOPICS)}三年行动计划"])
        if key == "重大建设项目":
            proj = f"{r.choice(T.ROADS)}{r.choice(['改造工程', '综合管廊工程', '快速化改造', '拓宽工程', '排水管网工程'])}"
            return r.choice([f"{proj}项目批准信息", f"{proj}施工许可信息", f"{proj}招标投标信息", f"{proj}竣工验收信息"])
        if key == "社会救助":
            return r.choice([f"{p.name}{day.year}年{day.month}月城乡低保对象名单公示", f"{p.name}{day.year}年{day.month}月临时救助情况公示",
                             f"{p.name}{day.year}年{day.month}月特困人员救助供养情况"])
        if key == "便民服务":
            return self.fmt(r.choice(T.SERVICES), day)
        if key == "征集调查":
            return self.fmt(r.choice(T.SOLICIT), day)
        if key == "学习资料":
            return r.choice(["习近平新时代中国特色社会主义思想学习纲要（摘编）", "学习贯彻党的十九届四中全会精神",
                             f"主题教育应知应会知识（{r.randint(1, 20)}）", "“不忘初心、牢记使命”重要论述摘编",
                             f"{p.name}主题教育学习简报第{r.randint(1, 30)}期"])
        if key == "主题教育/工作动态":
            return r.choice([f"{r.choice(T.NEWS_DEPTS + p.towns)}扎实开展主题教育", f"{self.leader()}到{r.choice(p.towns)}讲授专题党课",
                             f"{p.name}召开主题教育{r.choice(T.MEETINGS)}", f"{r.choice(T.NEWS_DEPTS)}主题教育检视问题整改见实效"])
        if key == "营商/工作动态":
            return r.choice([f"{p.name}召开优化营商环境{r.choice(T.MEETINGS)}", f"{r.choice(T.NEWS_DEPTS)}推出优化营商环境新举措",
                             f"“不见面审批”让企业办事更便捷（{r.choice(T.NEWS_DEPTS)}）", f"{p.name}企业开办时间压缩至{r.randint(1, 3)}个工作日"])
        if key == "普查动态":
            return r.choice([f"{p.name}召开第四次全国经济普查{r.choice(T.MEETINGS)}", f"{r.choice(p.towns)}经济普查入户登记工作有序推进",
                             f"{p.name}第四次全国经济普查数据审核工作启动", f"经济普查{r.choice(T.ACTIONS)}在{r.choice(p.towns)}举行"])
        if key == "普查知识":
            return f"经济普查知识问答（{r.randint(1, 30)}）"
        if key == "庆祝改革开放40周年":
            return r.choice([f"{p.name}举办庆祝改革开放40周年{r.choice(['图片展', '文艺汇演', '主题征文', '成就展'])}",
                             f"改革开放40年{p.short}{r.choice(['巨变', '发展历程', '成就回眸'])}（{r.randint(1, 20)}）"])
        if key == "创建国家卫生城市":
            return r.choice([f"{p.name}创卫{r.choice(T.ACTIONS)}", f"{r.choice(p.towns)}全力冲刺国家卫生城市复审",
                             f"{p.name}召开创建国家卫生城市{r.choice(T.MEETINGS)}"])
        raise KeyError(key)

    def meta(self, col, key: str, when: datetime) -> dict:
        """Source, pictures, attachments and the 信息公开 fields of one new item."""
        r, p = self.rng, self.p
        kw: dict = {"paras": T.paras(r, p.name, r.choice(T.TOPICS))}
        if key == "镇街动态":
            town = r.choice(p.towns)
            kw["source"] = town
            kw["art_col"] = self.art_cols.setdefault(town, r.randint(5100, 8900))
        elif key == "部门动态":
            dept = r.choice(self.news_depts)
            kw["source"] = dept
            kw["art_col"] = self.art_cols.setdefault(dept, r.randint(5100, 8900))
        elif key in ("要闻", "政务动态", "视频新闻"):
            kw["source"] = r.choice([f"{p.short}融媒体中心", f"{p.gov}办公室", f"{p.short}日报"])
        if key in ("图片新闻", "庆祝改革开放40周年") or (key in ("要闻", "政务动态") and r.random() < 0.3):
            kw["images"] = [self.picture(when, "图片") for _ in range(r.randint(1, 2))]
        if key == "视频新闻":
            kw["images"] = [self.picture(when, "视频封面")]
        xxgk = col.top.name in ("政务公开", "政府信息公开")
        if xxgk:
            kw["kind"] = "xxgk"
            unit = col.unit or (p.gov if key != "部门预决算" else r.choice(self.news_depts))
            kw["publisher"] = unit if key != "人事任免" else p.gov
            kw["subject"] = r.choice(["综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "城乡建设、环境保护",
                                      "劳动、人事、监察", "民政、扶贫、救灾", "其他"])
        if key in ("市政府文件", "市政府办公室文件", "部门文件"):
            word = {"市政府文件": p.prefix + "政发", "市政府办公室文件": p.prefix + "政办发"}.get(key) or \
                p.prefix + r.choice(["发改", "教", "财", "住建", "卫健"]) + "发"
            kw["doc_no"] = f"{word}〔{when.year}〕{r.randint(1, 120)}号"
            kw["written"] = (when - timedelta(days=r.randint(1, 12))).date()
            kw["attachments"] = [self.download(when, "附件" + str(k + 1), r.choice(["pdf", "doc", "pdf"]))
                                 for k in range(r.randint(0, 2))]
        elif key in ("市级财政预决算", "部门预决算", "统计数据"):
            kw["attachments"] = [self.download(when, "附件", r.choice(["xls", "pdf"]))]
        return kw

    # -- catalogue entries (政府信息公开) -------------------------------------------------------------
    def _catalogue(self, col) -> None:
        r, p = self.rng, self.p
        unit = col.unit
        as_of = p.as_of
        gov = col.unit_type == "government"
        if col.name in PLAN:                              # the government's 法定主动公开内容 sub-columns
            n, newest, gap = PLAN[col.name]
            days = _days(r, as_of, n, newest, gap)
            titles = None
        elif col.name == "信息公开指南":
            days = [date(as_of.year, 6, r.randint(3, 28))] + ([date(as_of.year - 2, 4, r.randint(1, 28))] if gov else [])
            titles = [f"{unit}政府信息公开指南（{as_of.year}年修订）", f"{unit}政府信息公开指南"]
        elif col.name == "信息公开制度":
            k = 4 if gov else 2
            days = sorted((date(as_of.year - r.randint(0, 2), r.randint(1, 10), r.randint(1, 28)) for _ in range(k)), reverse=True)
            titles = [f"{unit}政府信息{w}制度" for w in r.sample(["公开保密审查", "主动公开", "依申请公开", "发布协调", "公开工作考核"], k)]
        elif col.name == "信息公开年报":
            years = list(range(as_of.year - 1, as_of.year - (6 if gov else 4), -1))
            deadline = (3, 31) if gov else (1, 31)
            days = [date(y + 1, deadline[0], r.randint(10, deadline[1] - 3)) for y in years]
            titles = [f"{unit}{y}年政府信息公开工作年度报告" for y in years]
        else:                                            # a unit's 法定主动公开内容
            days = _days(r, as_of, r.randint(10, 14), r.randint(3, 40), (5, 30))
            titles = None
        seen = set()
        for i, day in enumerate(days):
            when = _when(r, day)
            if titles:
                title = titles[i]
            elif col.name in PLAN:
                title = _uniq(r, lambda: self.title(col, col.name, day), seen)
            else:
                title = _uniq(r, lambda: r.choice([
                    f"{unit}{day.year}年{r.choice(T.TOPICS)}工作情况", f"{unit}机构职能", f"{unit}领导班子成员及分工",
                    f"{unit}{day.year}年工作要点", f"{unit}{r.choice(T.TOPICS)}实施方案", f"{unit}{day.year}年部门预算",
                    f"{unit}{day.year}年{day.month}月{r.choice(['行政许可', '行政处罚', '财政资金使用'])}信息公开"]), seen)
            kw = self.meta(col, col.name, when)
            kw["written"] = (when - timedelta(days=r.randint(0, 9))).date()
            if col.name == "信息公开年报":
                kw["attachments"] = [self.download(when, title, "pdf")]
            self.add(col, title, when, source=unit, **kw)

    # -- undated and special lists ------------------------------------------------------------------
    def _leaders(self, col) -> None:
        r, p = self.rng, self.p
        day = p.as_of - timedelta(days=r.randint(300, 320))
        for name, post, duty in p.leaders:
            when = _when(r, day)
            self.add(col, name, when, kind="leader", paras=[f"{name}，{post}。", duty],
                     images=[self.picture(when, name)], extra={"post": post, "duty": duty})

    def _guide(self, col) -> None:
        n = 0
        for dept, names in T.GUIDES:
            for g in names:
                n += 1
                self.add(col, g, None, kind="guide", url=f"/bsfw/bszn/{n:03d}.html", source=dept)

    def _jp(self, col) -> None:          # jp_empty: a jpage unit holding no record
        return None

    def _st(self, col) -> None:          # st_empty: 暂无信息
        return None

    def _letters(self, col) -> None:
        r, p = self.rng, self.p
        as_of = p.as_of
        n = 42 if col.sysid == 6 else 30
        sent = _days(r, as_of, n, 3, (3, 10))
        special = {}                      # sent day -> reply delay (None: unanswered)
        if col.sysid == 6:
            special = {as_of - timedelta(days=140): 104, as_of - timedelta(days=106): None,
                       as_of - timedelta(days=5): None, as_of - timedelta(days=30): 2}
        else:
            special = {as_of - timedelta(days=180): 97, as_of - timedelta(days=2): None}
        days = sorted([d for d in sent if d not in special][:n - len(special)] + list(special), reverse=True)
        for day in days:
            when = _when(r, day)
            issue, place = r.choice(T.ISSUES), r.choice(T.PLACES)
            title = r.choice([f"关于{place}{issue}的问题", f"{place}{issue}", f"反映{r.choice(T.ROADS)}{issue}"]) \
                if "咨询" not in issue else issue
            if day in special:
                delay = special[day]
            else:
                delay = r.randint(1, 20)
                if day + timedelta(days=delay) > as_of:
                    delay = None if (as_of - day).days < 2 else r.randint(1, (as_of - day).days)
            replied = None
            if delay is not None:
                rd = day + timedelta(days=delay)
                replied = datetime(rd.year, rd.month, rd.day, r.randint(9, 17), r.randint(0, 59), r.randint(0, 59))
            unit = r.choice(self.news_depts + p.towns)
            q = " ".join(s.format(p=place, i=issue, r=r.choice(T.ROADS)) for s in r.sample(T.LETTER_SENT, 2))
            a = r.choice(T.REPLY_SENT).format(i=issue, tel=f"{p.area}-8{r.randint(1000000, 9999999)}")
            letter = Letter(col.sysid, r.choice(T.WRITERS), q, replied, unit if replied else None, a if replied else None)
            self.add(col, title, when, kind="letter", letter=letter, source="")


def _identity(seed: int, as_of: date) -> Portal:
    name, pinyin, prefix, prefecture, province, abbr, region, area, towns = T.CITIES[(seed - 1) % len(T.CITIES)]
    r = rng_for(seed, "identity")
    p = Portal(seed=seed, as_of=as_of, name=name, pinyin=pinyin, prefix=prefix, prefecture=prefecture, province=province,
               abbr=abbr, region=region, area=area, towns=towns, site_id=f"{region}{r.randint(1, 60):04d}",
               icp=f"{abbr}ICP备0{r.randint(5000000, 5999999)}号", police=f"{abbr}公网安备 {region}0{r.randint(2000000, 2099999)}号",
               webid=r.randint(8, 60), mayor="")
    names = set()
    while len(names) < len(T.POSTS):
        names.add(T.person(r))
    p.leaders = [(n, post, duty) for n, (post, duty) in zip(sorted(names), T.POSTS)]
    p.mayor = p.leaders[0][0]
    p.header_js = f"/script/0/{as_of.year % 100 - 1:02d}{r.randint(1, 12):02d}{r.randint(10, 28)}{r.randint(8, 17):02d}" \
        f"{r.randint(0, 59):02d}{r.randint(100000, 999999)}.js"
    return p


def _assign_ids(p: Portal) -> None:
    """Hanweb article ids grow with the time an article was published; letters have their own sequence."""
    r = rng_for(p.seed, "ids")
    arts = sorted((it for it in p.items if it.kind not in ("guide", "letter")), key=lambda it: (it.when, it.title))
    aid = r.randint(2_100_000, 2_400_000)
    for it in arts:
        aid += r.randint(3, 60)
        it.art_id = aid
        col = it.art_col or it.column.colid
        it.art_col = col
        it.url = f"/art/{it.when.year}/{it.when.month}/{it.when.day}/art_{col}_{aid}.html"
    orgs, seqs = {}, {}
    for it in arts:
        if it.kind != "xxgk":
            continue
        if it.publisher not in orgs:
            if it.publisher == p.gov:
                orgs[it.publisher] = f"11{p.region}01410000{r.randint(0, 9)}{r.choice('0123456789X')}"
            else:
                stem = next((s for n, _, s in T.CAT_DEPTS if n == it.publisher), "01420" if it.publisher in p.towns else "01412")
                orgs[it.publisher] = f"{stem}{r.randint(1000, 9999)}"
        key = (it.publisher, it.when.year)
        seqs[key] = seqs.get(key, 0) + r.randint(1, 6)
        it.index_no = f"{orgs[it.publisher]}/{it.when.year}-{seqs[key]:05d}"
    lid = r.randint(100_000, 200_000)
    for it in sorted((it for it in p.items if it.kind == "letter"), key=lambda it: (it.when, it.title)):
        lid += r.randint(5, 40)
        it.art_id = lid
        it.url = f"/module/hdjl/detail.jsp?sysid={it.letter.sysid}&id={lid}"


def _cross_links(p: Portal, b: Builder) -> None:
    """政策解读 ↔ the document it reads; the 年度报表; the seeded broken links."""
    r = rng_for(p.seed, "links")
    docs = [it for c in (p.find("政务公开", "政策法规", "市政府文件"), p.find("政务公开", "政策法规", "市政府办公室文件"))
            for it in c.items]
    for it in p.find("政务公开", "政策解读").items:
        older = [d for d in docs if d.when <= it.when]
        if older and r.random() < 0.8:
            doc = older[0] if r.random() < 0.5 else r.choice(older[:8])
            it.links.append(("相关文件：" + doc.title, doc.url))
            doc.links.append(("相关解读：" + it.title, it.url))
    # a related link to an article since deleted (404)
    news = p.find("新闻中心", "公告公示")
    src = r.choice(news.items[3:20])
    d = src.when - timedelta(days=r.randint(60, 200))
    first = min(i.art_id for i in p.items if i.url.startswith("/art/"))
    dead = f"/art/{d.year}/{d.month}/{d.day}/art_{news.colid}_{first - r.randint(500, 5000)}.html"
    src.links.append(("相关链接：" + b.fmt(r.choice(T.NOTICE_TITLES), d), dead))
    p.problems.append({"kind": "broken_link", "column": news.url, "url": dead, "detail": {"source": src.url, "status": 404}})
    # an attachment whose file was never uploaded
    office = p.find("政务公开", "政策法规", "市政府办公室文件")
    src = r.choice([it for it in office.items[2:15]])
    label, url = b.download(src.when, "附件" + str(len(src.attachments) + 1), "doc", stored=False)
    src.attachments.append((label, url))
    p.problems.append({"kind": "broken_link", "column": office.url, "url": url, "detail": {"source": src.url, "status": 404}})
    # the home page's banner to a topic removed from the site
    p.problems.append({"kind": "broken_link", "column": None, "url": p.removed_topic,
                       "detail": {"source": "/index.html", "status": 404}})


def _annual_form(p: Portal, b: Builder) -> None:
    """政府网站工作年度报表 (published in January, linked from the home page): one 公告公示 item."""
    col = p.find("新闻中心", "公告公示")
    r = rng_for(p.seed, "annual-form")
    day = date(p.as_of.year, 1, r.randint(15, 28))
    when = _when(r, day)
    it = Item(col, f"{p.gov}门户网站{p.as_of.year - 1}年政府网站工作年度报表", when, source=f"{p.gov}办公室",
              paras=[f"根据《政府网站发展指引》要求，现将{p.gov}门户网站{p.as_of.year - 1}年政府网站工作年度报表予以公开。"])
    it.attachments = [b.download(when, "政府网站工作年度报表", "pdf")]
    keep = [i for i in col.items if i.day != day]
    col.items = sorted(keep[:-1] + [it], key=lambda i: i.when, reverse=True)
    p.annual_form = it


def _months_back(d: date, k: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - k, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _problems(p: Portal) -> None:
    as_of = p.as_of
    half_year, year_ago = _months_back(as_of, 6), _months_back(as_of, 12)
    for c in p.columns:
        newest = max((it.day for it in c.items if it.day), default=None)
        days = (as_of - newest).days if newest else None
        exempt = any(a.cls == "exempt" for a in c.ancestors) or c.cls == "exempt"
        if c.leaf and exempt:
            p.not_problems.append({"kind": "stale_dynamic", "column": c.url, "url": c.url,
                                   "detail": {"newest_date": newest.isoformat(), "days": days, "reason": "historical_topic"}})
            continue
        if c.leaf and c.cls == "dynamic" and newest:
            d = {"newest_date": newest.isoformat(), "days": days}
            if days > 14:
                p.problems.append({"kind": "stale_dynamic", "column": c.url, "url": c.url, "detail": d})
            elif days >= 13:
                p.not_problems.append({"kind": "stale_dynamic", "column": c.url, "url": c.url, "detail": {**d, "reason": "borderline"}})
        if c.leaf and c.cls == "notice_policy" and newest and newest < half_year:
            p.problems.append({"kind": "stale_notice_policy", "column": c.url, "url": c.url,
                               "detail": {"newest_date": newest.isoformat(), "days": days, "first_level": c.top.url}})
        if c.leaf and c.cls == "longterm" and newest and newest < year_ago:
            p.problems.append({"kind": "stale_longterm", "column": c.url, "url": c.url,
                               "detail": {"newest_date": newest.isoformat(), "days": days}})
        if c.leaf and not c.items and c.layout != "guide":
            p.problems.append({"kind": "blank_column", "column": c.url, "url": c.url, "detail": {"name": c.name, "says": c.says}})
        if c.unit_type in ("department", "town") and c.unit == c.name:
            names = {ch.name for ch in c.children}
            for entry in ("信息公开指南", "信息公开制度", "法定主动公开内容", "信息公开年报"):
                if entry not in names:
                    p.problems.append({"kind": "missing_catalogue", "column": c.url, "url": c.url,
                                       "detail": {"unit": c.unit, "entry": entry, "reason": "absent"}})
        for it in c.items:
            if not it.letter:
                continue
            sent = it.day
            end = it.letter.replied.date() if it.letter.replied else as_of
            d = {"letter_date": sent.isoformat(),
                 "reply_date": it.letter.replied.date().isoformat() if it.letter.replied else None, "days": (end - sent).days}
            if (end - sent).days > 90:
                p.problems.append({"kind": "overdue_reply", "column": c.url, "url": it.url, "detail": d})
            elif not it.letter.replied:
                p.not_problems.append({"kind": "overdue_reply", "column": c.url, "url": it.url,
                                       "detail": {**d, "reason": "recent_unanswered"}})
            elif (end - sent).days == 2 and sent == as_of - timedelta(days=30):
                p.not_problems.append({"kind": "overdue_reply", "column": c.url, "url": it.url,
                                       "detail": {**d, "reason": "answered_in_time"}})
    # standards §1: every policy document is paired with its 解读, linked both ways; most 通知 here have none
    reads = {it.url for it in p.find("政务公开", "政策解读").items}
    for c in p.find("政务公开", "政策法规").children:
        for it in c.items:
            if not any(url in reads for _, url in it.links):
                p.problems.append({"kind": "policy_interpretation_link", "column": c.url, "url": it.url,
                                   "detail": {"reason": "missing_interpretation"}})
    news = p.find("新闻中心")
    p.not_problems.append({"kind": "blank_column", "column": news.url, "url": news.url,
                           "detail": {"name": news.name, "reason": "non_leaf"}})
    guide = p.find("政务服务", "办事指南")
    p.not_problems.append({"kind": "blank_column", "column": guide.url, "url": guide.url,
                           "detail": {"name": guide.name, "reason": "undated_links"}})


def build_portal(seed: int = 1, as_of: date = date(2019, 12, 31)) -> Portal:
    p = _identity(seed, as_of)
    p.roots = tree(p)
    assign_urls(p, rng_for(seed, "urls"))
    b = Builder(p)
    for c in p.columns:
        if c.leaf:
            b.column(c)
    _annual_form(p, b)
    for c in p.columns:
        c.items.sort(key=lambda it: (it.when or datetime.min, it.title), reverse=True)
        if c.layout == "guide":
            c.items.reverse()
    _assign_ids(p)
    _cross_links(p, b)
    _problems(p)
    return p
