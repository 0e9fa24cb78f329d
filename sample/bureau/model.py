"""The county bureau's site as data: the column tree, the items, the seeded problems.

One small PHP site of a 县教育和体育局 that ran two CMSs over the years: PHPCMS v9 (``family``
``php``: lists ``/index.php?m=content&c=index&a=lists&catid=N`` with ``&page=K``, articles
``…&a=show&catid=N&id=M``) and the DedeCMS it replaced, still publishing some columns (``dede``:
lists ``/a/gzdt/``, later pages ``list_TID_K.html``, articles ``/a/gzdt/2019/1230/345.html``).
Everything is GBK."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sample.heldout import Dated, Node, Tree, rng_for

PHP = "/index.php?m=content&c=index&a={a}&catid={catid}"

COUNTIES = [("临河县", "linhe", "冀", "13"), ("清溪县", "qingxi", "皖", "34"), ("柳川县", "liuchuan", "豫", "41")]
SCHOOLS_CITY = ["县第一中学", "县第二中学", "县实验小学", "城关第一小学", "县职教中心", "县第三中学", "城南小学", "县幼儿园"]
SCHOOLS_TOWN = ["王集镇中心校", "柳林镇中心校", "石桥乡中心校", "马庄镇中心校", "东湖乡中心校", "北关镇中心校"]
UNITS = ["县教师进修学校", "县招生考试中心", "县学生资助管理中心", "县体育运动学校", "县教育技术装备站"]
TOPICS = ["校园安全", "师德师风", "疫苗接种查验", "控辍保学", "营养改善计划", "教师培训", "防溺水安全教育",
          "学前教育", "课后服务", "校园足球", "冬季长跑", "消防演练", "全民健身", "青少年近视防控", "教学质量"]
ACTS = ["召开{t}工作推进会", "开展{t}专项检查", "组织{t}主题活动", "部署{t}工作", "举办{t}培训班",
        "扎实推进{t}工作", "召开{t}座谈会", "迎接市{t}督导检查"]
NOTICES = ["关于做好{y}年{t}工作的通知", "关于开展{t}专项督查的通知", "关于{y}年{t}工作的公示",
           "关于举办{t}比赛的通知", "关于报送{t}材料的通知", "关于{t}有关事项的公告"]


@dataclass(eq=False)
class Letter:
    writer: str
    asked: date
    replied: date | None
    unit: str
    answer: str


@dataclass(eq=False)
class Item(Dated):
    column: "Column"
    title: str
    when: datetime | None
    url: str = ""
    aid: int = 0
    source: str = "本站"
    author: str = "办公室"
    index_no: str | None = None
    doc_no: str | None = None
    written: date | None = None
    image: str | None = None
    attachments: list = field(default_factory=list)   # (label, url)
    letter: Letter | None = None


@dataclass(eq=False)
class Column(Node):
    name: str
    cls: str
    family: str                  # php | dede
    slug: str = ""               # dede directory name
    rows: str = "span"           # span | paren | yy | table | letters | text (a single page)
    per_page: int = 15
    n: int = 0                   # items to make
    span: int = 60               # days back the items spread over
    newest: int = 0              # days before as_of of the newest item
    parent: "Column | None" = None
    children: list = field(default_factory=list)
    items: list = field(default_factory=list)
    unit: str | None = None
    catid: int = 0
    url: str = ""
    dir: str = ""

    def page_url(self, k: int) -> str:
        if k == 1:
            return self.url
        if self.family == "php":
            return f"{self.url}&page={k}"
        return f"{self.dir}list_{self.catid}_{k}.html"

    def page_file(self, k: int) -> str:
        if self.family == "php":
            return f"/caches/html/lists/{self.catid}/0_{k}.html"
        return f"{self.dir}index.html" if k == 1 else self.page_url(k)


@dataclass(eq=False)
class Bureau(Tree):
    seed: int
    as_of: date
    county: str
    pinyin: str
    prov_short: str
    site_id: str
    icp: str
    police: str
    head: str
    roots: list = field(default_factory=list)
    files: dict = field(default_factory=dict)        # attachment url -> kind
    removed: str = "/a/ztzl/shjy/"
    problems: list = field(default_factory=list)
    not_problems: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.county}教育和体育局"

    @property
    def domain(self) -> str:
        return f"jtj.{self.pinyin}.gov.cn"


def _c(name, cls, family, children=(), **kw) -> Column:
    c = Column(name, cls, family, **kw)
    for ch in children:
        ch.parent = c
        c.children.append(ch)
    return c


def tree(b: Bureau) -> list:
    P = lambda name, cls, kids=(), **kw: _c(name, cls, "php", kids, **kw)
    D = lambda name, slug, cls, kids=(), **kw: _c(name, cls, "dede", kids, slug=slug, **kw)
    gk = b.name
    return [
        P("机构概况", "static", [
            P("领导信息", "longterm", rows="span", n=5, span=300, newest=40),
            P("内设机构", "static", rows="span", n=8, span=400, newest=90),
            P("联系方式", "static", rows="text"),
        ]),
        D("工作动态", "gzdt", "dynamic", rows="span", per_page=20, n=82, span=120, newest=0),
        D("基层动态", "jcdt", "dynamic", [
            D("城区学校", "cqxx", "dynamic", rows="yy", per_page=15, n=46, span=150, newest=2),
            D("农村学校", "ncxx", "dynamic", rows="yy", per_page=15, n=34, span=200, newest=13),
            D("直属单位", "zsdw", "dynamic", rows="span", per_page=15, n=24, span=220, newest=20),
        ]),
        P("通知公告", "notice_policy", rows="paren", per_page=18, n=61, span=330, newest=1),
        P("政策法规", "notice_policy", [
            P("法律法规", "other", rows="span", per_page=15, n=25, span=700, newest=50),
            P("规范性文件", "notice_policy", rows="table", per_page=15, n=12, span=800, newest=225),
        ]),
        P("政策解读", "interpretation", rows="span", per_page=15, n=19, span=500, newest=30),
        P("政府信息公开", "catalogue", [
            P("信息公开指南", "static", rows="span", n=1, span=1, newest=300, unit=gk),
            P("信息公开制度", "static", rows="span", n=3, span=500, newest=280, unit=gk),
            P("法定主动公开内容", "catalogue", [
                P("机构职能", "static", rows="span", n=2, span=200, newest=120, unit=gk),
                P("负责人信息", "longterm", rows="span", n=4, span=300, newest=40, unit=gk),
                P("规划计划", "longterm", rows="span", n=10, span=600, newest=60, unit=gk),
                P("财政预决算", "longterm", rows="span", n=12, span=700, newest=160, unit=gk),
                P("人事信息", "longterm", rows="span", per_page=15, n=16, span=500, newest=25, unit=gk),
                P("双随机一公开", "longterm", rows="span", n=0, unit=gk),
            ], unit=gk),
        ], unit=gk),
        D("办事服务", "bsfw", "static", [
            D("办事指南", "bszn", "static", rows="paren", per_page=15, n=20, span=500, newest=70),
            D("表格下载", "bgxz", "static", rows="span", per_page=15, n=15, span=600, newest=45),
        ]),
        P("互动交流", "interaction", [
            P("局长信箱", "interaction", rows="letters", per_page=12, n=40, span=330, newest=1),
            P("常见问题", "other", rows="paren", per_page=15, n=12, span=400, newest=35),
        ]),
        D("专题专栏", "ztzl", "other", [
            D("教育扶贫", "jyfp", "other", [
                D("工作动态", "gzdt", "dynamic", rows="span", per_page=15, n=30, span=240, newest=14),
                D("政策措施", "zccs", "other", rows="span", per_page=15, n=10, span=300, newest=100),
            ]),
            D("往期专题", "wqzt", "exempt", [
                D("均衡发展工作动态", "jhfz", "exempt", rows="yy", per_page=15, n=20, span=300, newest=420),
                D("均衡发展迎检资料", "yjzl", "exempt", rows="span", per_page=15, n=10, span=200, newest=450),
            ]),
        ]),
    ]


def _titles(b: Bureau, col: Column, rng: random.Random, when: datetime) -> str:
    y = when.year
    t = rng.choice(TOPICS)
    name = col.name
    if name in ("工作动态", "城区学校", "农村学校", "直属单位", "均衡发展工作动态"):
        who = {"城区学校": SCHOOLS_CITY, "农村学校": SCHOOLS_TOWN, "直属单位": UNITS}.get(name, ["县教体局"])
        long = rng.random() < 0.3
        tail = "，全力保障全县师生平安健康" if long else ""
        return rng.choice(who) + rng.choice(ACTS).format(t=t) + tail
    if name in ("通知公告",):
        return "县教体局" + rng.choice(NOTICES).format(y=y, t=t)
    if name == "规范性文件":
        return f"{b.county}教育和体育局关于进一步加强{t}管理的意见"
    if name == "法律法规":
        return rng.choice(["中华人民共和国教育法", "中华人民共和国义务教育法", "中华人民共和国体育法",
                           "中华人民共和国教师法", "幼儿园工作规程", "中小学校岗位设置管理指导意见",
                           "学校体育工作条例", "中小学幼儿园安全管理办法"]) + rng.choice(["", "（修正）", "（全文）"])
    if name == "政策解读":
        return f"《关于加强{t}工作的实施意见》政策解读"
    if name == "领导信息":
        return rng.choice(["局长", "副局长", "党组成员、副局长", "县体育中心主任"])
    if name == "内设机构":
        return rng.choice(["办公室", "基础教育股", "人事股", "计划财务股", "体育股", "安全稳定股", "督导室", "职成教股"])
    if name == "信息公开指南":
        return f"{b.name}政府信息公开指南"
    if name == "信息公开制度":
        return f"{b.name}政府信息公开" + rng.choice(["保密审查制度", "工作考核制度", "依申请公开工作制度"])
    if name == "机构职能":
        return f"{b.name}主要职责"
    if name == "负责人信息":
        return f"{b.name}领导班子成员及分工"
    if name == "规划计划":
        return f"{b.county}{y}年{t}工作计划"
    if name == "财政预决算":
        return f"{b.name}{y}年部门" + rng.choice(["预算", "决算", "“三公”经费预算"]) + "公开"
    if name == "人事信息":
        return f"{b.county}{y}年" + rng.choice(["公开招聘教师", "教师资格认定", "中小学教师职称评审", "特岗教师招聘"]) + \
            rng.choice(["公告", "拟聘用人员名单公示", "考试成绩公示"])
    if name == "办事指南":
        return rng.choice(["教师资格认定", "民办学校设立审批", "中小学生转学", "学籍变更", "体育类社会组织年检",
                           "校外培训机构设立", "学历证明补办", "营养餐补助申领"]) + "办事指南"
    if name == "表格下载":
        return rng.choice(["教师资格认定申请表", "学生转学申请表", "民办学校年检表", "学籍异动登记表"])
    if name == "常见问题":
        return rng.choice(["孩子户籍不在本县能否在城区就读？", "教师资格证如何补办？", "学籍如何查询？",
                           "民办学校收费标准在哪里查？", "义务教育阶段转学需要哪些材料？"])
    if name == "政策措施":
        return f"{b.county}{y}年教育扶贫" + rng.choice(["资助政策明白纸", "实施方案", "工作要点"])
    if name == "均衡发展迎检资料":
        return f"{b.county}义务教育均衡发展{rng.choice(['自评报告', '工作汇报', '整改方案'])}"
    return f"{t}工作情况"


def _stamp(rng: random.Random, d: date) -> datetime:
    return datetime.combine(d, time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59)))


def build_bureau(seed: int, as_of: date) -> Bureau:
    rng = rng_for(seed, "bureau")
    county, pinyin, prov, code = COUNTIES[(seed - 1) % len(COUNTIES)]
    b = Bureau(seed, as_of, county, pinyin, prov, site_id=f"{code}{rng.randint(10, 99)}{rng.randint(100000, 999999)}",
               icp=f"{prov}ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 3)}",
               police=f"{prov}公网安备 {code}{rng.randint(1000000000, 9999999999)}号", head="张建国")
    b.roots = tree(b)
    catid, tid = 8, 3
    for c in b.columns:
        if c.family == "php":
            catid += rng.randint(1, 4)
            c.catid = catid
            c.url = PHP.format(a="lists", catid=catid)
        else:
            tid += rng.randint(1, 3)
            c.catid = tid
            c.dir = (c.parent.dir if c.parent and c.parent.family == "dede" else "/a/") + c.slug + "/"
            c.url = c.dir

    _letters(b, rng_for(seed, "letters"))
    irng = rng_for(seed, "items")
    for c in b.columns:
        if not c.leaf or not c.n or c.rows == "letters":
            continue
        days = sorted({c.newest} | {c.newest + irng.randint(0, c.span) for _ in range(c.n - 1)})
        while len(days) < c.n:
            days.append(days[-1] + irng.randint(1, 5))
        days = sorted(days)[:c.n]
        for k in days:
            when = _stamp(irng, as_of - timedelta(days=k))
            c.items.append(Item(c, _titles(b, c, irng, when), when))
        c.items.sort(key=lambda it: it.when, reverse=True)

    # ids grow with time over the whole site, as both CMSs number their articles
    aid = 120
    for it in sorted(b.items, key=lambda it: it.when):
        aid += irng.randint(1, 4)
        it.aid = aid
        c = it.column
        if c.family == "php":
            it.url = PHP.format(a="show", catid=c.catid) + f"&id={aid}"
        else:
            it.url = f"{c.dir}{it.when:%Y}/{it.when:%m%d}/{aid}.html"
        if c.unit or c.name == "规范性文件":
            it.index_no = f"{b.site_id[:2]}1324{irng.randint(10000, 99999)}/{it.when:%Y}-{irng.randint(1, 300):05d}"
        if c.name == "规范性文件":
            it.doc_no = f"{county[0]}教体〔{it.when.year}〕{irng.randint(1, 60)}号"
            it.written = it.day - timedelta(days=irng.randint(3, 12))
        if c.name in ("工作动态", "城区学校") and irng.random() < 0.4:
            it.author = irng.choice(["办公室", "宣传股", "通讯员 李明"])
        if c.name in ("通知公告", "表格下载", "规范性文件", "人事信息") and irng.random() < 0.6:
            ext = irng.choice(["docx", "xls", "pdf"])
            url = f"/uploadfile/{it.when:%Y}/{it.when:%m%d}/{it.when:%Y%m%d%H%M%S}{irng.randint(100, 999)}.{ext}"
            it.attachments.append(("附件：" + it.title[:20] + "." + ext, url))
            b.files[url] = ext
        if c.name == "工作动态" and len([i for i in c.items if i.image]) < 5 and it.day >= as_of - timedelta(days=40):
            it.image = f"/uploadfile/{it.when:%Y}/{it.when:%m%d}/{it.when:%Y%m%d%H%M%S}.png"
            b.files[it.image] = "png"
    _problems(b)
    return b


WRITERS = ["王女士", "李先生", "一位家长", "张**", "刘先生", "匿名", "赵女士", "陈**", "孙先生"]
ASKS = ["孩子入学划片问题咨询", "反映学校周边交通安全隐患", "咨询教师资格证认定时间", "学校食堂收费是否合理",
        "建议增加篮球场开放时间", "反映某培训机构违规办学", "咨询转学手续", "反映校车超载问题",
        "询问特岗教师招聘计划", "建议延长课后服务时间"]


def _letters(b: Bureau, rng: random.Random) -> None:
    """局长信箱: regular letters answered within 1-12 days (the newest may wait), and four set ones."""
    col = next(c for c in b.columns if c.rows == "letters")
    special = {209: 129, 133: None, 4: None, 22: 3}   # days before as_of asked -> days to the reply
    backs = {1}
    while len(backs) < col.n - len(special):
        k = rng.randint(1, col.span)
        if all(abs(k - s) > 1 for s in special):
            backs.add(k)
    for back in sorted(backs | set(special)):
        asked = b.as_of - timedelta(days=back)
        if back in special:
            lag = special[back]
        else:
            lag = rng.randint(1, 12)
            lag = lag if lag < back else None
        replied = asked + timedelta(days=lag) if lag is not None else None
        it = Item(col, rng.choice(ASKS), _stamp(rng, asked))
        it.letter = Letter(rng.choice(WRITERS), asked, replied,
                           rng.choice(["基础教育股", "办公室", "体育股", "人事股"]) if replied else "",
                           "您好！您反映的问题已收悉，经我局核实，现答复如下：我局已责成相关单位按规定办理，感谢您对教育工作的关注。"
                           if replied else "")
        col.items.append(it)
    col.items.sort(key=lambda it: it.when, reverse=True)


def _problems(b: Bureau) -> None:
    P, N = b.problems, b.not_problems
    col = {c.name if c.name != "工作动态" or c.parent is None else "扶贫工作动态": c for c in b.columns}

    def newest(c):
        return max(it.day for it in c.items)

    def stale(kind, c, **extra):
        d = newest(c)
        return {"kind": kind, "column": c.url, "url": c.url,
                "detail": {"newest_date": d.isoformat(), "days": (b.as_of - d).days, **extra}}

    P.append(stale("stale_dynamic", col["直属单位"]))
    N.append(stale("stale_dynamic", col["农村学校"], reason="borderline"))
    N.append(stale("stale_dynamic", col["扶贫工作动态"], reason="borderline"))
    N.append(stale("stale_dynamic", col["均衡发展工作动态"], reason="historical_topic"))
    P.append(stale("stale_notice_policy", col["规范性文件"], first_level=col["政策法规"].url))
    # No 解读 links to a 规范性文件 and none links back: each is unpaired (standards.md §1).
    P.extend({"kind": "policy_interpretation_link", "column": it.column.url, "url": it.url,
              "detail": {"reason": "missing_interpretation"}} for it in col["规范性文件"].items)
    c = col["双随机一公开"]
    P.append({"kind": "blank_column", "column": c.url, "url": c.url, "detail": {"name": c.name, "says": "暂无内容"}})
    c = col["联系方式"]
    N.append({"kind": "blank_column", "column": c.url, "url": c.url, "detail": {"name": c.name, "reason": "static_text"}})
    c = col["政府信息公开"]
    P.append({"kind": "missing_catalogue", "column": c.url, "url": c.url,
              "detail": {"unit": b.name, "entry": "信息公开年报", "reason": "absent"}})
    P.append({"kind": "broken_link", "column": None, "url": b.removed, "detail": {"source": "/index.html", "status": 404}})
    it = next(i for i in col["通知公告"].items[3:] if i.attachments)
    gone = it.attachments[0][1]
    del b.files[gone]
    P.append({"kind": "broken_link", "column": it.column.url, "url": gone, "detail": {"source": it.url, "status": 404}})
    for it in sorted(col["局长信箱"].items, key=lambda i: i.when):
        lt = it.letter
        end = lt.replied or b.as_of
        days = (end - lt.asked).days
        row = {"kind": "overdue_reply", "column": it.column.url, "url": it.url,
               "detail": {"letter_date": lt.asked.isoformat(), "reply_date": lt.replied.isoformat() if lt.replied else None,
                          "days": days}}
        if days > 92:
            P.append(row)
        elif lt.replied is None and days == 4 or lt.replied is not None and days == 3 and (b.as_of - lt.asked).days == 22:
            row["detail"]["reason"] = "recent_unanswered" if lt.replied is None else "answered_in_time"
            N.append(row)
