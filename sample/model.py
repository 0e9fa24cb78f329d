"""The sample portal as data: district, column tree, items, seeded problems.

``build_site(seed, as_of, scale)`` returns a :class:`Site`; nothing here
touches the file system or renders HTML.  All randomness comes from
``random.Random`` instances derived from the seed (string seeds are hashed
with SHA-512 by ``random``, so they do not depend on PYTHONHASHSEED).
"""
from __future__ import annotations

import math
import posixpath
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from . import text as T

PER_PAGE = 20
FAMILIES = ("generic", "trs", "hanweb", "vsb", "gbk", "jpaas")
CLASSES = ("dynamic", "notice_policy", "longterm", "static", "interaction", "catalogue")
LEVEL_COUNTS = [15, 31, 59, 109]


# ---------------------------------------------------------------------------
# data classes
# ---------------------------------------------------------------------------

@dataclass
class District:
    seed: int
    name: str            # 罗庄区
    short: str           # 罗庄
    abbr: str            # 罗 (文号 prefix)
    py: str              # lz
    city: str
    div: str             # 6-digit division code
    domain: str
    road: str
    postcode: str
    phone: str
    icp: str
    gongan: str
    site_id_code: str
    towns: list

    @property
    def site_name(self) -> str:
        return self.name + "人民政府"

    @property
    def office(self) -> str:
        return self.name + "人民政府办公室"


@dataclass(eq=False)
class Attachment:
    name: str        # display name, e.g. 附件1：申请表.docx
    url: str         # root-relative path
    ext: str
    exists: bool = True


@dataclass(eq=False)
class Column:
    name: str
    slug: str
    cls: str
    kind: str | None = None      # item generator for leaves
    base: int = 0                # item count at scale 1
    scalable: bool = True
    parent: "Column | None" = None
    unit: str | None = None
    unit_kind: str | None = None  # gov / dept / town
    unit_full: str | None = None
    children: list = field(default_factory=list)
    items: list = field(default_factory=list)
    list_style: str = "span"     # span | table
    link_style: str = "root"     # root | relative
    meta: bool = True
    footer_gongan: bool = True
    historical: bool = False
    archive_year: int | None = None
    newest_offset: int | None = None   # seeded days before as_of for the newest item
    blank: bool = False
    extra: dict = field(default_factory=dict)
    family: str = "generic"      # generic | trs | hanweb | vsb | gbk | jpaas (the CMS that renders it)
    fam: dict = field(default_factory=dict)   # the family's settings, see assign_families

    def add(self, child: "Column") -> "Column":
        child.parent = self
        self.children.append(child)
        return child

    @property
    def leaf(self) -> bool:
        return not self.children

    @property
    def level(self) -> int:
        n, c = 1, self.parent
        while c is not None:
            n, c = n + 1, c.parent
        return n

    @property
    def ancestors(self) -> list:
        out, c = [], self.parent
        while c is not None:
            out.append(c)
            c = c.parent
        return out[::-1]

    @property
    def dir(self) -> str:
        if self.family == "hanweb":
            return f"/col/col{self.fam['colid']}/"
        parts = [a.slug for a in self.ancestors] + [self.slug]
        return "/" + "/".join(parts) + "/"

    @property
    def url(self) -> str:
        if self.family == "vsb":
            return self.dir[:-1] + ".htm"           # /jzdt/lzjd.htm; later pages /jzdt/lzjd/N.htm
        if self.fam.get("query"):
            return self.dir + "list.html"           # later pages list.html?page=N
        return self.dir + "index." + self.fam.get("ext", "html")

    @property
    def per_page(self) -> int:
        return self.fam.get("per_page", PER_PAGE)

    @property
    def path(self) -> list:
        return [a.name for a in self.ancestors] + [self.name]

    @property
    def top(self) -> "Column":
        c = self
        while c.parent is not None:
            c = c.parent
        return c

    def walk(self):
        yield self
        for ch in self.children:
            yield from ch.walk()

    def list_pages(self) -> int:
        """List pages as a reader pages through them (Hanweb: jpage pages, mostly from dataproxy)."""
        if not self.leaf:
            return 1
        return max(1, math.ceil(len(self.items) / self.per_page))

    def page_url(self, k: int) -> str | None:
        """The URL of list page k (0 = the column's own URL); None where no static page exists."""
        if k == 0:
            return self.url
        if self.family == "hanweb":
            return None
        if self.family == "vsb":
            return f"{self.dir}{self.list_pages() - k}.htm"   # numbered downward: page 2 is the highest
        if self.fam.get("query"):
            return f"{self.url}?page={k + 1}"
        return f"{self.dir}index_{k}.{self.fam.get('ext', 'html')}"

    def page_file(self, k: int) -> str:
        """The file written for list page k (differs from page_url only for ?page=N lists)."""
        if self.fam.get("query") and k > 0:
            return f"{self.dir}list_p{k + 1}.html"
        return self.page_url(k)

    def static_page_urls(self) -> list:
        """Every list page URL that answers with HTML (Hanweb: only index.html)."""
        if self.family == "hanweb" or not self.leaf:
            return [self.url]
        return [self.page_url(k) for k in range(self.list_pages())]


@dataclass(eq=False)
class Item:
    column: Column
    title: str
    kind: str
    dt: datetime | None            # the article's own publish datetime (None: undated)
    list_date: date | None         # the date shown in lists (None: no date)
    sort_dt: datetime              # list order (newest first)
    source: str = ""
    id: int = 0
    url: str = ""
    paras: list = field(default_factory=list)
    meta_rows: list | None = None  # [(label, value)] 政府信息公开 metadata table
    attachments: list = field(default_factory=list)
    extra_links: list = field(default_factory=list)   # [(prefix, text, href)]
    related: "Item | None" = None
    related_label: str = ""
    related_href: str | None = None   # overrides related.url (a broken link)
    letter: dict | None = None
    report: dict | None = None
    guide: list | None = None         # [(label, value)] 办事指南 elements
    views: int = 0
    doc_no: str | None = None
    signed: date | None = None        # 成文日期
    url_dt: datetime | None = None    # TRS: the document's creation time in its URL (may precede dt)
    charset: str | None = None        # GBK pages: header | meta | none | mislabel

    @property
    def publish_date(self) -> date | None:
        return self.dt.date() if self.dt else None


@dataclass
class Site:
    seed: int
    as_of: date
    scale: float
    district: District
    roots: list
    items: list
    leaders: list
    problems: list = field(default_factory=list)
    not_problems: list = field(default_factory=list)
    home_blocks: list = field(default_factory=list)   # [(title, column, items, date_style)]
    friendly_links: list = field(default_factory=list)  # [(name, href)]

    def columns(self) -> list:
        out = []
        for r in self.roots:
            out.extend(r.walk())
        return out


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def months_before(d: date, months: int) -> date:
    y, m = d.year, d.month - months
    while m <= 0:
        y, m = y - 1, m + 12
    day = min(d.day, [31, 29 if (y % 4 == 0 and (y % 100 or y % 400 == 0)) else 28,
                      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return date(y, m, day)


def at(d: date, rng: random.Random, lo: int = 8, hi: int = 17) -> datetime:
    return datetime.combine(d, time(rng.randint(lo, hi), rng.randint(0, 59)))


def date_series(rng: random.Random, n: int, newest: date, span_days: float) -> list:
    """n datetimes, newest first; the first falls exactly on ``newest``."""
    if n <= 0:
        return []
    gap = span_days / max(n - 1, 1)
    out, cum = [], 0.0
    for i in range(n):
        if i:
            cum += rng.expovariate(1.0 / gap)
        out.append(at(newest - timedelta(days=int(cum)), rng))
    first = out[0]
    out.sort(reverse=True)
    if out[0].date() != first.date():  # cannot happen, kept as a guard
        raise AssertionError("date_series lost its newest date")
    return out


def district_for(seed: int) -> District:
    rng = random.Random(f"{seed}:district")
    idx = (seed - 1) % len(T.DISTRICTS)
    p = dict(T.DISTRICTS[idx])
    if idx == 0 and seed == 1:
        phone, icp, gongan, code = p["phone"], p["icp"], p["gongan"], p["div"] + "0001"
    else:
        phone = p["area"] + "-" + str(rng.randint(2100000, 8999999))
        icp = f"鲁ICP备{rng.randint(5000000, 19999999):08d}号"
        gongan = f"鲁公网安备 {p['div']}02{rng.randint(0, 999999):06d}号"
        suffix = 1 if seed <= len(T.DISTRICTS) else rng.randint(2, 9)
        code = p["div"] + f"{suffix:04d}"
    return District(seed=seed, name=p["name"], short=p["short"], abbr=p["abbr"], py=p["py"],
                    city=p["city"], div=p["div"], domain=p["domain"], road=p["road"],
                    postcode=p["postcode"], phone=phone, icp=icp, gongan=gongan,
                    site_id_code=code, towns=list(p["towns"]))


# ---------------------------------------------------------------------------
# the column tree
# ---------------------------------------------------------------------------

ENTRY_SPECS = {
    # slug: (name, class, kind)
    "zn": ("政府信息公开指南", "static", "xxgk_guide"),
    "zd": ("政府信息公开制度", "static", "xxgk_rule"),
    "fdzdgknr": ("法定主动公开内容", "longterm", "xxgk_fd"),
    "nb": ("政府信息公开年报", "catalogue", "report"),
}
GOV_EXTRA = [("zdjsxm", "重大建设项目"), ("ggzypz", "公共资源配置"), ("shgysy", "社会公益事业"),
             ("fply", "扶贫领域"), ("hjbh", "环境保护")]


def build_tree(d: District, rng: random.Random):
    """Return (roots, units, depts, plan) with exactly 15/31/59/109 columns."""
    C = Column
    roots = []

    def root(*a, **k):
        c = C(*a, **k)
        roots.append(c)
        return c

    extra = rng.sample(T.DEPARTMENTS_EXTRA, 8)
    order = {s: i for i, (_, s, _) in enumerate(T.DEPARTMENTS_CORE + T.DEPARTMENTS_EXTRA)}
    depts = sorted(T.DEPARTMENTS_CORE + extra, key=lambda x: order[x[1]])  # 18 departments
    news_depts = sorted(rng.sample(depts, 5), key=lambda x: order[x[1]])
    towns = d.towns

    # 1 走进
    root(f"走进{d.short}", f"zj{d.py}", "static", "intro", 8, False)
    # 2 要闻动态
    root("要闻动态", "ywdt", "dynamic", "news", 280)
    # 3 通知公告
    root("通知公告", "tzgg", "notice_policy", "notice", 140)
    # 4 部门快讯
    bmkx = root("部门快讯", "bmkx", "dynamic")
    for short, slug, full in news_depts:
        bmkx.add(C("区" + short, slug, "dynamic", "deptnews", rng.randint(50, 90),
                   unit="区" + short, unit_kind="dept", unit_full=d.name + short))
    # 5 街镇动态
    jzdt = root("街镇动态", "jzdt", "dynamic")
    for name, slug in towns:
        jzdt.add(C(name, slug, "dynamic", "townnews", rng.randint(40, 70),
                   unit=name, unit_kind="town", unit_full=d.name + name))
    # 6 政务公开
    zwgk = root("政务公开", "zwgk", "static")
    zfxxgk = zwgk.add(C("政府信息公开", "zfxxgk", "catalogue"))
    units = []
    gov = zfxxgk.add(C("区政府", "qzf", "catalogue", unit="区政府", unit_kind="gov", unit_full=d.site_name))
    units.append(gov)
    for short, slug, full in depts:
        units.append(zfxxgk.add(C("区" + short, slug, "catalogue", unit="区" + short, unit_kind="dept",
                                  unit_full=d.name + short)))
    for name, slug in towns:
        units.append(zfxxgk.add(C(name, slug, "catalogue", unit=name, unit_kind="town",
                                  unit_full=d.name + name)))
    # two entries missing entirely (seeded), on distinct non-government units
    absent = {}
    for u in rng.sample(units[1:], 2):
        absent[u.slug] = rng.choice(["zn", "zd", "fdzdgknr", "nb"])
    for u in units:
        for slug in ("zn", "zd", "fdzdgknr", "nb"):
            if absent.get(u.slug) == slug:
                continue
            name, cls, kind = ENTRY_SPECS[slug]
            base = {"zn": rng.randint(1, 2), "zd": rng.randint(2, 4), "fdzdgknr": rng.randint(12, 30),
                    "nb": 0}[slug]
            if u.unit_kind == "gov" and slug == "fdzdgknr":
                base = 40
            u.add(C(name, slug, cls, kind, base, slug == "fdzdgknr", unit=u.unit, unit_kind=u.unit_kind,
                    unit_full=u.unit_full, list_style="table" if slug == "fdzdgknr" else "span"))
        if u.unit_kind == "gov":
            for slug, name in GOV_EXTRA:
                u.add(C(name, slug, "longterm", "xxgk_key", rng.randint(8, 16), unit=u.unit,
                        unit_kind="gov", unit_full=u.unit_full, list_style="table"))
    ghjh = zwgk.add(C("规划计划", "ghjh", "longterm"))
    for name, slug in [("发展规划", "fzgh"), ("年度计划", "ndjh"), ("专项规划", "zxgh"), ("工作总结", "gzzj")]:
        ghjh.add(C(name, slug, "longterm", "plan_" + slug, rng.randint(5, 12)))
    tjxx = zwgk.add(C("统计信息", "tjxx", "longterm"))
    for name, slug, n in [("统计公报", "tjgb", 10), ("统计数据", "tjsj", 30), ("统计分析", "tjfx", 14),
                          ("统计年鉴", "tjnj", 6)]:
        tjxx.add(C(name, slug, "longterm", "stats_" + slug, n))
    # 7 政策文件
    zcwj = root("政策文件", "zcwj", "notice_policy")
    qzfwj = zcwj.add(C("区政府文件", "qzfwj", "notice_policy"))
    a = d.abbr
    for name, slug, n in [(f"{a}政发", "zf", 30), (f"{a}政办发", "zbf", 45), (f"{a}政字", "zz", 25),
                          (f"{a}政办字", "zbz", 30)]:
        qzfwj.add(C(name, d.py + slug, "notice_policy", "policy", n, list_style="table", extra={"prefix": name}))
    bmwj = zcwj.add(C("部门文件", "bmwj", "notice_policy"))
    bmwj.add(C("部门规范性文件", "bmgfxwj", "notice_policy", "policy", 25, extra={"prefix": "dept"}))
    bmwj.add(C("其他文件", "qtwj", "notice_policy", "policy", 30, extra={"prefix": "other"}))
    # 8 政策解读
    zcjd = root("政策解读", "zcjd", "notice_policy")
    for name, slug in [("文字解读", "wzjd"), ("图片解读", "tpjd"), ("视频解读", "spjd"), ("专家解读", "zjjd"),
                       ("媒体解读", "mtjd")]:
        zcjd.add(C(name, slug, "notice_policy", "interp", 0))
    # 9 政务服务
    zwfw = root("政务服务", "zwfw", "static", meta=False)
    bszn = zwfw.add(C("办事指南", "bszn", "static", meta=False))
    bszn.add(C("个人办事", "grbs", "static", "guide_personal", 20, meta=False))
    bszn.add(C("法人办事", "frbs", "static", "guide_legal", 20, meta=False))
    bmfw = zwfw.add(C("便民服务", "bmfw", "static", meta=False))
    for name, slug in [("教育服务", "jyfw"), ("医疗卫生", "ylws"), ("交通出行", "jtcx"), ("社保就业", "sbjy"),
                       ("住房保障", "zfbz")]:
        bmfw.add(C(name, slug, "static", "service", rng.randint(5, 10), meta=False, extra={"topic": slug}))
    # 10 互动交流
    hdjl = root("互动交流", "hdjl", "interaction", meta=False)
    hdjl.add(C("区长信箱", "qzxx", "interaction", "letter", 120, meta=False,
               list_style="table"))
    hdjl.add(C("政务咨询", "zwzx", "interaction", "letter", 110, meta=False, list_style="table"))
    # 11 双公示
    sgs = root("信用信息“双公示”", "xysgs", "notice_policy")
    sgs.add(C("行政许可", "xzxk", "notice_policy", "permit", 120))
    sgs.add(C("行政处罚", "xzcf", "notice_policy", "penalty", 80))
    # 12 建议提案办理
    jyta = root("建议提案办理", "jytabl", "longterm", meta=False)
    rd = jyta.add(C("人大代表建议", "rddbjy", "longterm", meta=False))
    zx = jyta.add(C("政协委员提案", "zxwyta", "longterm", meta=False))
    # 13 专题专栏
    ztzl = root("专题专栏", "ztzl", "static")
    ys = ztzl.add(C("优化营商环境", "yhyshj", "static"))
    ys.add(C("工作动态", "gzdt", "dynamic", "topic_news", 40, extra={"topic": "优化营商环境"}))
    ys.add(C("政策措施", "zccs", "notice_policy", "topic_policy", 15))
    ys.add(C("典型案例", "dxal", "static", "topic_case", 8))
    ys.add(C("媒体报道", "mtbd", "dynamic", "topic_media", 20, extra={"topic": "优化营商环境"}))
    wq = ztzl.add(C("往期专题", "wqzt", "static"))
    for name, slug, end, topic in [("庆祝新中国成立70周年", "qz70zn", date(2019, 10, 20), "庆祝新中国成立70周年"),
                                   ("第二次全国污染源普查", "wrypc", date(2019, 6, 28), "第二次全国污染源普查"),
                                   ("“两学一做”学习教育", "lxyz", date(2017, 12, 15), "“两学一做”学习教育")]:
        t = wq.add(C(name, slug, "static", historical=True))
        t.add(C("工作动态", "gzdt", "dynamic", "hist_news", rng.randint(12, 20), historical=True,
                extra={"topic": topic, "end": end}))
        t.add(C("图片报道", "tpbd", "dynamic", "hist_news", rng.randint(8, 14), historical=True,
                extra={"topic": topic, "end": end}))
    # 14 财政预决算, 15 人事信息
    root("财政预决算", "czyjs", "longterm", "finance", 50)
    root("人事信息", "rsxx", "longterm", "personnel", 45)

    # link styles, metas
    for c in zfxxgk.walk():
        c.link_style = "relative"
    for c in zcwj.walk():
        c.link_style = "relative"
    return roots, units, depts, absent, rd, zx


def add_proposal_years(rd: Column, zx: Column, as_of: date, rng: random.Random):
    y0 = as_of.year if as_of >= date(as_of.year, 7, 1) else as_of.year - 1
    for parent, kind in ((rd, "proposal_npc"), (zx, "proposal_cppcc")):
        for i, y in enumerate((y0, y0 - 1, y0 - 2)):
            parent.add(Column(f"{y}年", str(y), "longterm" if i == 0 else "static", kind,
                              rng.randint(20, 32), meta=False, archive_year=y))


# ---------------------------------------------------------------------------
# item content
# ---------------------------------------------------------------------------

class Ctx:
    """Shared state for content generation."""

    def __init__(self, d: District, as_of: date, rng: random.Random):
        self.d = d
        self.as_of = as_of
        self.rng = rng
        self.leaders = [("区长", T.person_name(rng)), ("常务副区长", T.person_name(rng))] + \
            [("副区长", T.person_name(rng)) for _ in range(3)]
        self.index_seq = {}
        self.credit = {}

    def credit_code(self, unit: str) -> str:
        if unit not in self.credit:
            r = random.Random(f"{self.d.seed}:credit:{unit}")
            body = "".join(str(r.randint(0, 9)) for _ in range(7))
            self.credit[unit] = f"11{self.d.div}MB{body}{r.choice('0123456789ABCDEFGHJKLMNPQRTUWXY')}"
        return self.credit[unit]

    def index_no(self, unit: str, y: int) -> str:
        k = (unit, y)
        self.index_seq[k] = self.index_seq.get(k, 0) + 1
        return f"{self.credit_code(unit)}/{y}-{self.index_seq[k]:05d}"


def _topic(rng):
    return rng.choice(T.TOPICS)


def make_item(ctx: Ctx, col: Column, dt: datetime, i: int) -> Item:
    rng, d = ctx.rng, ctx.d
    D = d.name
    kind = col.kind
    y = dt.year
    t = _topic(rng)
    unit = col.unit or ""
    src = d.office
    title = ""
    paras = None
    it = Item(column=col, title="", kind=kind, dt=dt, list_date=dt.date(), sort_dt=dt,
              views=rng.randint(30, 3000))
    if kind == "intro":
        title = T.INTRO_TITLES[i % len(T.INTRO_TITLES)].format(d=D)
        paras = [f"{D}隶属于山东省{d.city}，位于{d.city}南部，总面积约568平方公里，辖{len(d.towns)}个街道（镇），"
                 f"常住人口约60万人。"] + T.paragraphs(rng, 3, d=D, u=D, t=t, y=y)
    elif kind == "news":
        pos, who = rng.choice(ctx.leaders)
        title = rng.choice([
            f"{D}召开{t}{rng.choice(T.MEETINGS)}", f"{pos}{who}调研{t}工作", f"{D}{t}工作取得新成效",
            f"区长{ctx.leaders[0][1]}主持召开区政府第{rng.randint(20, 90)}次常务会议", f"{D}举行{y}年第{rng.randint(1, 4)}批重点项目集中开工仪式",
            f"{rng.choice(T.MEDIA)}：{D}{t}按下“快进键”", f"{D}部署{rng.choice(T.SEASONS)}{t}工作",
            f"{pos}{who}督导检查{t}工作"])
        src = f"{D}融媒体中心"
    elif kind in ("deptnews", "townnews"):
        title = rng.choice([
            f"{unit}召开{t}{rng.choice(T.MEETINGS)}", f"{unit}开展{t}{rng.choice(T.ACTIONS)}",
            f"{unit}扎实推进{t}工作", f"{unit}组织开展{rng.choice(T.SEASONS)}{t}{rng.choice(T.ACTIONS)}",
            f"{unit}多措并举推进{t}", f"{unit}：{t}工作取得阶段性成效", f"{unit}召开{dt.month}月份工作调度会",
            f"{unit}全力做好{t}工作"])
        src = unit
    elif kind in ("topic_news", "hist_news", "topic_media"):
        tp = col.extra["topic"]
        who = rng.choice([D] + [u for u, _ in d.towns])
        title = rng.choice([f"{who}扎实推进{tp}工作", f"{who}召开{tp}{rng.choice(T.MEETINGS)}",
                            f"{who}开展{tp}{rng.choice(T.ACTIONS)}", f"{rng.choice(T.MEDIA)}：{D}{tp}亮点纷呈"])
        if kind == "topic_media":
            title = f"{rng.choice(T.MEDIA)}：{D}{rng.choice(['多举措', '全力', '持续'])}{tp}{rng.choice(['见实效', '出新招', '按下快进键', '跑出加速度'])}"
        src = who if kind != "topic_media" else rng.choice(T.MEDIA)
    elif kind == "notice":
        title = rng.choice([
            f"关于开展{y}年{t}工作的通知", f"关于{T.company(rng, D)}{rng.choice(T.PERMITS)}的公示",
            f"{D}{y}年公开招聘{rng.choice(['教师', '卫生专业技术人员', '社区工作者', '城市管理协管员'])}简章",
            f"关于{y}年度{t}拟表彰对象的公示", f"关于征求《{D}{t}实施方案（征求意见稿）》意见的公告",
            f"关于{rng.choice(T.SEASONS)}做好{t}工作的通告", f"关于{t}专项资金拟补助项目的公示"])
        paras = [s.format(t=t, u=src, y=y, phone=d.phone) for s in T.NOTICE_SENT[:6]] + [T.NOTICE_SENT[6]]
    elif kind == "policy":
        prefix = col.extra["prefix"]
        if prefix == "dept" or prefix == "other":
            short, slug, full = rng.choice(T.DEPARTMENTS_CORE)
            unit = "区" + short
            src = D + short
            if prefix == "dept":
                title = rng.choice([f"{D}{short}关于印发《{D}{t}管理办法》的通知",
                                    f"{D}{short}关于印发《{D}{t}实施细则》的通知",
                                    f"{D}{short}关于进一步规范{t}工作的通知"])
                it.doc_no = f"{d.abbr}{short.rstrip('局')[:2]}发〔{y}〕"
            else:
                title = rng.choice([f"{D}{short}关于{t}有关事项的通知", f"{D}{short}关于公布{y}年{t}名单的通知",
                                    f"{D}{short}关于做好{t}工作的通知"])
                it.doc_no = f"{d.abbr}{short.rstrip('局')[:2]}字〔{y}〕"
        else:
            gov = D + "人民政府" if "办" not in prefix else D + "人民政府办公室"
            if prefix.endswith("政发") or prefix.endswith("政办发"):
                title = rng.choice([f"{gov}关于印发《{D}{t}实施方案》的通知", f"{gov}关于进一步加强{t}工作的意见",
                                    f"{gov}关于印发{D}{t}管理办法的通知", f"{gov}关于加快推进{t}的实施意见"])
            else:
                title = rng.choice([f"{gov}关于调整{D}{t}工作领导小组的通知", f"{gov}关于开展{t}工作的通知",
                                    f"{gov}关于表彰{y}年度{t}先进集体和先进个人的决定",
                                    f"{gov}关于印发《{y}年{D}政务公开工作要点》的通知"])
            src = gov
            it.doc_no = f"{prefix}〔{y}〕"
        paras = ["各街道办事处、镇政府，区政府各部门，区直各单位："] + T.paragraphs(rng, rng.randint(3, 5), d=D, u=src, t=t, y=y)
        it.signed = (dt - timedelta(days=rng.randint(1, 12))).date()
    elif kind == "permit":
        title = f"{T.company(rng, d.city + D)}【{rng.choice(T.PERMITS)}】"
        src = "区行政审批服务局"
        paras = [f"行政许可决定文书号：{d.abbr}审批许字〔{y}〕{rng.randint(100, 9999)}号",
                 f"许可类别：普通；许可决定日期：{dt:%Y-%m-%d}；许可有效期至：{y + 5}-{dt:%m-%d}。",
                 "许可机关：" + D + "行政审批服务局。数据来源单位：" + D + "行政审批服务局。"]
    elif kind == "penalty":
        title = f"{T.company(rng, d.city + D)}【{rng.choice(T.PENALTIES)}】"
        src = rng.choice(["区市场监管局", "区应急局", "区综合行政执法局", "区生态环境分局"])
        paras = [f"行政处罚决定书文号：{d.abbr}{src[1:3]}罚字〔{y}〕{rng.randint(1, 300)}号",
                 f"处罚事由：经查，当事人存在{rng.choice(T.PENALTIES)}，违反了有关法律法规的规定。",
                 f"处罚结果：责令改正，并处罚款人民币{rng.randint(1, 50) * 1000}元。处罚决定日期：{dt:%Y-%m-%d}。"]
    elif kind in ("proposal_npc", "proposal_cppcc"):
        n = rng.randint(1, 180)
        if kind == "proposal_npc":
            title = f"对区十九届人大{rng.choice(['三', '四', '五'])}次会议第{n}号建议的答复"
        else:
            title = f"对区政协十届{rng.choice(['三', '四', '五'])}次会议第{n}号提案的答复"
        short = rng.choice(T.DEPARTMENTS_CORE)[0]
        src = "区" + short
        paras = [f"您提出的关于加快{t}的建议收悉，现答复如下："] + T.paragraphs(rng, 3, d=D, u=src, t=t, y=y) + \
                ["感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。", f"{D}{short}", f"{dt:%Y年%m月%d日}".replace("年0", "年").replace("月0", "月")]
    elif kind.startswith("plan_"):
        sub = kind[5:]
        title = {"fzgh": rng.choice([f"{D}国民经济和社会发展第十三个五年规划纲要", f"{D}{t}发展规划（{y}-{y + 4}年）",
                                     f"{D}“十三五”{t}规划中期评估报告"]),
                 "ndjh": rng.choice([f"{D}{y}年国民经济和社会发展计划", f"{y}年{D}政府工作要点",
                                     f"关于{D}{y}年国民经济和社会发展计划执行情况的报告"]),
                 "zxgh": f"{D}{t}专项规划（{y}-{y + 15}年）",
                 "gzzj": rng.choice([f"{D}{y}年上半年工作总结", f"{D}人民政府{y}年工作总结",
                                     f"{D}{t}工作总结"])}[sub]
    elif kind.startswith("stats_"):
        sub = kind[6:]
        m = rng.randint(2, 11)
        if sub == "tjgb":
            title = f"{D}{y - 1}年国民经济和社会发展统计公报" if rng.random() < 0.5 else rng.choice(T.STAT_TITLES).format(d=D, y=y, m=m, q=rng.randint(1, 4))
        elif sub == "tjsj":
            title = rng.choice(T.STAT_TITLES).format(d=D, y=y, m=m, q=rng.randint(1, 4))
        elif sub == "tjfx":
            title = rng.choice(T.STAT_ANALYSIS).format(d=D, y=y)
        else:
            title = f"{D}统计年鉴（{y}）"
        src = "区统计局"
    elif kind == "finance":
        short = rng.choice(T.DEPARTMENTS_CORE)[0]
        title = rng.choice([f"{D}{y}年政府预算", f"{D}{y}年一般公共预算执行情况", f"{D}{short}{y}年部门预算",
                            f"{D}{short}{y - 1}年部门决算", f"关于{D}{y - 1}年预算执行情况和{y}年预算草案的报告",
                            f"{D}{y}年政府债务限额及余额情况"])
        src = "区财政局"
    elif kind == "personnel":
        title = rng.choice([f"关于{T.person_name(rng)}等同志职务任免的通知", f"{D}{y}年公开招聘教师简章",
                            f"{D}{y}年事业单位公开招聘工作人员拟聘用人员公示", f"关于{T.person_name(rng)}同志任职前公示",
                            f"{D}{y}年公开招聘卫生类工作人员笔试成绩公告"])
        src = "区人社局" if "招聘" in title else "区委组织部"
    elif kind in ("guide_personal", "guide_legal"):
        pool = T.GUIDE_PERSONAL if kind == "guide_personal" else T.GUIDE_LEGAL
        name = pool[i % len(pool)] + ("" if i < len(pool) else f"（{['变更', '补办', '延续', '注销'][(i // len(pool)) % 4]}）")
        title = f"{name}办事指南"
        short = rng.choice(T.DEPARTMENTS_CORE)[0]
        src = "区" + short
        it.guide = [("事项名称", name), ("设定依据", f"《中华人民共和国行政许可法》及《{rng.choice(['山东省', '国务院'])}关于{t}的规定》"),
                    ("申请条件", "符合法律法规规定的相关条件，材料齐全、符合法定形式。"),
                    ("办理材料", "1.申请表（原件1份）；2.申请人身份证明（复印件1份）；3.其他相关证明材料。"),
                    ("办理地点", f"{D}为民服务中心{rng.randint(1, 3)}楼{rng.randint(1, 40)}号窗口"),
                    ("办理时间", "周一至周五 上午8:30-12:00，下午13:30-17:30（法定节假日除外）"),
                    ("联系电话", f"{d.phone[:5]}{rng.randint(8200000, 8299999)}"),
                    ("办理流程", "申请—受理—审查—决定—送达")]
    elif kind == "service":
        pool = T.SERVICE_TOPICS[col.extra["topic"]]
        title = pool[i % len(pool)] + ("" if i < len(pool) else f"（{y}年）") + rng.choice(["", "一览表", "办理须知"])
    elif kind == "topic_policy":
        title = rng.choice([f"{D}关于进一步优化营商环境的若干措施", f"{D}{t}便利化改革实施方案",
                            f"关于印发《{D}优化营商环境{t}专项行动方案》的通知"])
    elif kind == "topic_case":
        title = f"{D}优化营商环境典型案例（第{i + 1}期）：{t}"
    elif kind == "xxgk_guide":
        title = f"{col.unit_full}政府信息公开指南" + (f"（{y}年修订）" if i == 0 and col.base > 1 else "")
        src = col.unit
        paras = ["为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。",
                 "一、主动公开。公开范围：机构职能、负责人信息、规范性文件、财政预决算等。公开方式：政府网站、政务新媒体、公告栏等。",
                 f"二、依申请公开。受理机构：{col.unit_full}办公室；办公地址：{D}{d.road}；办公时间：工作日8:30-17:30；联系电话：{d.phone}。",
                 "三、监督和救济。公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。"]
    elif kind == "xxgk_rule":
        title = T.RULE_TITLES[i % len(T.RULE_TITLES)].format(u=col.unit_full)
        src = col.unit
    elif kind == "xxgk_fd":
        title = rng.choice(T.CATALOGUE_FD).format(u=col.unit_full, y=y, py=y - 1, t=t)
        src = col.unit
    elif kind == "xxgk_key":
        sub = col.slug
        title = {"zdjsxm": rng.choice([f"{D}{y}年重点建设项目名单", f"{D}{t}项目批准信息公开",
                                       f"{D}{rng.choice(T.COMPANY_WORDS)}{rng.choice(['产业园', '物流中心', '污水处理厂', '片区改造'])}项目施工许可信息"]),
                 "ggzypz": rng.choice([f"{D}{rng.choice(T.COMPANY_WORDS)}片区{rng.choice(['道路', '管网', '绿化'])}工程中标结果公示",
                                       f"{D}国有建设用地使用权挂牌出让公告（{d.abbr}土挂〔{y}〕{rng.randint(1, 60)}号）"]),
                 "shgysy": rng.choice([f"{D}{y}年{t}资金分配情况", f"{D}{y}年公益性岗位开发情况公示"]),
                 "fply": rng.choice([f"{D}{y}年扶贫资金项目计划公告", f"{D}{y}年扶贫项目实施情况公示"]),
                 "hjbh": rng.choice([f"{D}{y}年{dt.month}月份环境空气质量状况", f"{D}{y}年重点排污单位名录"])}[sub]
        src = col.unit_full
    else:
        raise ValueError(kind)
    if paras is None:
        paras = T.paragraphs(rng, rng.randint(3, 5), d=D, u=src if kind not in ("news",) else D, t=t, y=y)
    it.title, it.paras, it.source = title, paras, src
    if col.unit and col.top.slug == "zwgk":
        it.source = col.unit
    return it


def catalogue_meta(ctx: Ctx, it: Item):
    col = it.column
    unit = col.unit or "区政府"
    org = col.unit_full or ctx.d.office
    signed = it.signed or (it.dt - timedelta(days=ctx.rng.randint(0, 20))).date()
    it.signed = signed
    rows = [("索引号", ctx.index_no(unit, it.dt.year)), ("发布机构", org),
            ("成文日期", f"{signed:%Y-%m-%d}"), ("公开日期", f"{it.dt:%Y-%m-%d}"),
            ("文号", it.doc_no or ""),
            ("主题分类", "综合政务" if it.kind in ("report", "xxgk_guide", "xxgk_rule") else ctx.rng.choice(T.SUBJECTS))]
    if it.kind == "policy":
        rows.append(("有效性", ctx.rng.choice(["现行有效"] * 6 + ["已废止", "待修订"])))
    it.meta_rows = rows


# ---------------------------------------------------------------------------
# annual report tables
# ---------------------------------------------------------------------------

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会组织", "法律服务机构", "其他", "总计"]
RESULT_ROWS = [("（一）予以公开", None), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None)] + \
    [("（三）不予公开", s) for s in ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                               "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                               "7.属于行政执法案卷", "8.属于行政查询事项"]] + \
    [("（四）无法提供", s) for s in ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]] + \
    [("（五）不予处理", s) for s in ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                               "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]] + \
    [("（六）其他处理", None)]


def report_table(rng: random.Random, unit_kind: str) -> dict:
    """Consistent numbers: per applicant column, new + carried = results + carried over."""
    big = {"gov": 80, "dept": 12, "town": 6}[unit_kind]
    cols = []
    for j in range(6):
        if j == 0:
            new = rng.randint(0, big)
        elif j == 1:
            new = rng.randint(0, max(1, big // 8))
        else:
            new = rng.choice([0, 0, 0, 0, 1])
        carried = rng.choice([0, 0, 0, 1, 2]) if j < 2 else 0
        total_in = new + carried
        out = rng.choice([0, 0, 1]) if total_in else 0
        res = [0] * len(RESULT_ROWS)
        weights = [40, 12, 0, 0, 0, 8, 2, 0, 1, 2, 25, 3, 1, 3, 1, 0, 0, 0, 2]
        for _ in range(total_in - out):
            res[rng.choices(range(len(RESULT_ROWS)), weights)[0]] += 1
        cols.append({"new": new, "carried": carried, "results": res, "out": out})
    tot = {"new": sum(c["new"] for c in cols), "carried": sum(c["carried"] for c in cols),
           "results": [sum(c["results"][k] for c in cols) for k in range(len(RESULT_ROWS))],
           "out": sum(c["out"] for c in cols)}
    cols.append(tot)
    for c in cols:
        c["total"] = sum(c["results"])
    return {"cols": cols, "altered": None}


def report_failures(table: dict) -> list:
    bad = []
    for name, c in zip(APPLICANTS, table["cols"]):
        if c["new"] + c["carried"] != c["total"] + c["out"]:
            bad.append(name)
    return bad


# ---------------------------------------------------------------------------
# building the site
# ---------------------------------------------------------------------------

def _n(col: Column, scale: float) -> int:
    if col.blank:
        return 0
    if not col.scalable:
        return col.base
    return max(1, int(round(col.base * scale)))


DEFAULT_OFFSET = {"dynamic": (0, 2), "notice_policy": (0, 25), "longterm": (3, 150), "static": (30, 500),
                  "interaction": (0, 1), "catalogue": (0, 0)}
SPAN = {"dynamic": 540, "notice_policy": 1100, "longterm": 1500, "static": 1200, "interaction": 700,
        "catalogue": 900}


def required_report_year(unit_kind: str, as_of: date) -> int:
    y = as_of.year - 1
    while deadline(unit_kind, y) > as_of:
        y -= 1
    return y


def deadline(unit_kind: str, y: int) -> date:
    if unit_kind == "gov" or y < 2019:
        return date(y + 1, 3, 31)
    return date(y + 1, 1, 31)


# ---------------------------------------------------------------------------
# CMS families: which subtrees another CMS renders, and how
# ---------------------------------------------------------------------------

def assign_families(seed: int, byurl: dict, units: list, absent: dict, empty_unit: Column,
                    no_report_units: list) -> None:
    """Hand a few subtrees to other CMS families; the tree and its counts do not change.

    * trs:    one department's 部门快讯 leaf (``index.shtml``) and its 政府信息公开 subtree;
              pager only in script (createPageHTML / countPage), 10 rows a page.
    * hanweb: 专题专栏 › 优化营商环境 and its four leaves at ``/col/colNNNN/index.html``; lists
              embedded as a jpage datastore, the rest from ``dataproxy.jsp``; 工作动态 embeds none.
    * vsb:    two towns' 街镇动态 leaves at ``/jzdt/<town>.htm``, pages numbered downward; one
              lists ``2019年12月23日``, the other ``[12-23]`` (its items all within a year of as_of).
    * gbk:    one town's 政府信息公开 subtree, encoded in GBK (declared in the header, in a meta,
              nowhere, and once mislabelled UTF-8).
    * generic ``?page=N`` lists: 行政许可 (past the end: 404) and 行政处罚 (past the end: the
      last page again).
    * jpaas:  部门文件's two leaves on a 集约化 platform: the page holds only a unit script; the
              rows come from ``/api-gateway/jpaas-publish-server/front/page/build/unit``.
    """
    frng = random.Random(f"{seed}:family")
    sound = [u for u in units[1:] if u.slug not in absent and u is not empty_unit and u not in no_report_units
             and len(u.children) == 4]
    by_slug = {u.slug: u for u in sound}
    any_unit = {u.slug: u for u in units[1:]}
    # TRS: a department present in 部门快讯 whose catalogue is complete (any, if none is)
    bmkx = byurl["/bmkx/index.html"].children
    news = [c for c in bmkx if c.slug in by_slug] or [c for c in bmkx if c.slug in any_unit]
    dept_news = frng.choice(news)
    dept = any_unit[dept_news.slug]
    dept_news.family, dept_news.link_style = "trs", "relative"
    dept_news.fam = dict(ext="shtml", per_page=10, pager="call", date="%Y/%m/%d", coltype=True)
    dept.family, dept.fam = "trs", {}
    trs_leaf = {"zn": dict(pager="call", date="%Y.%m.%d"), "zd": dict(pager="count", date="%Y/%m/%d"),
                "fdzdgknr": dict(pager="count", date="%Y.%m.%d", coltype=True),
                "nb": dict(pager="call", date="%Y/%m/%d")}
    for c in dept.children:
        c.family, c.link_style = "trs", "relative"
        c.fam = dict(trs_leaf[c.slug], per_page=10)
    # Hanweb: 优化营商环境
    yh = byurl["/ztzl/yhyshj/index.html"]
    webid = frng.randint(2, 60)
    colid = frng.randint(1200, 8800)
    yh.family, yh.fam = "hanweb", dict(colid=colid, webid=webid)
    jp = {"gzdt": dict(per_page=15, group=3, embed=0), "zccs": dict(per_page=10, group=1),
          "dxal": dict(per_page=15, group=3), "mtbd": dict(per_page=5, group=2)}
    for c in yh.children:
        colid += frng.randint(1, 9)
        c.family = "hanweb"
        c.fam = dict(jp[c.slug], colid=colid, webid=webid, unitid=frng.randint(300000, 499999))
    # VSB: two towns' news
    towns = byurl["/jzdt/index.html"].children
    a, b = frng.sample(towns, 2)
    ids = frng.sample(range(1001, 1999), 2)
    a.family, a.fam = "vsb", dict(per_page=15, colid=ids[0], uid=frng.randint(3, 12), date="cn")
    b.family, b.fam = "vsb", dict(per_page=15, colid=ids[1], uid=frng.randint(3, 12), date="short",
                                  yearless=True, span=270)
    # GBK: a town's catalogue subtree (not a VSB town)
    vsb_slugs = {a.slug, b.slug}
    gunits = [u for u in sound if u.unit_kind == "town" and u.slug not in vsb_slugs] or \
        [u for u in units if u.unit_kind == "town"]
    g = frng.choice(gunits)
    g.family, g.fam = "gbk", dict(charset="header")
    modes = {"zn": "meta", "zd": "none", "fdzdgknr": "header", "nb": "meta"}
    for c in g.children:
        c.family, c.fam = "gbk", dict(charset=modes[c.slug])
    # generic lists paged by query string
    byurl["/xysgs/xzxk/index.html"].fam = dict(query=True, per_page=15, clamp=False, href="list")
    byurl["/xysgs/xzcf/index.html"].fam = dict(query=True, per_page=15, clamp=True, href="query")
    web_id = frng.randint(1000, 9999)
    for c in byurl["/zcwj/bmwj/index.html"].children:
        c.family = "jpaas"
        c.fam = dict(per_page=15, web_id=web_id, page_id=frng.randint(1229000000, 1229999999),
                     tpl=f"{frng.getrandbits(64):016x}")


def within_year(dts: list, as_of: date) -> list:
    """Dates a year-less list ([12-23]) states unambiguously: within 364 days before as_of
    (a 12-23 later than as_of is last year's) and never 29 February."""
    floor = as_of - timedelta(days=364)
    out = []
    for dt in dts:
        if dt.date() < floor:
            dt = datetime.combine(floor, dt.time())
        if dt.month == 2 and dt.day == 29:
            dt -= timedelta(days=1)
        out.append(dt)
    return out


def article_url(c: Column, dt: datetime | None, k: int) -> str:
    if c.family == "hanweb":
        return f"/art/{dt.year}/{dt.month}/{dt.day}/art_{c.fam['colid']}_{k}.html"
    if c.family == "vsb":
        return f"/info/{c.fam['colid']}/{k}.htm"
    if dt is None:
        return f"{c.dir}content_{k}.html"
    return f"{c.dir}{dt:%Y%m}/t{dt:%Y%m%d}_{k}.html"


def item_url(it: Item, urng: random.Random) -> str:
    c = it.column
    if c.family == "trs" and it.dt is not None:
        # TRS names the file by the document's creation day; it may be published days later
        it.url_dt = it.dt
        if urng.random() < 0.3:
            it.url_dt = it.dt - timedelta(days=urng.randint(1, 3), hours=urng.randint(0, 5))
        return article_url(c, it.url_dt, it.id)
    return article_url(c, it.dt, it.id)


RARE_TITLES = ["关于{u}李镕、王堃同志拟任职务的公示", "{u}张喆家庭农场获评市级示范家庭农场的公示"]


def family_finish(seed: int, cols: list, problems: list, xss: Item) -> None:
    """GBK page declarations, and two titles with characters outside GB2312 (in GBK)."""
    grng = random.Random(f"{seed}:gbk")
    gcols = [c for c in cols if c.family == "gbk" and c.leaf]
    cycle = ("header", "meta", "none")
    for c in gcols:
        for i, it in enumerate(c.items):
            it.charset = cycle[i % 3]
    marked = set()
    for p in problems:
        for k in ("_item", "_src"):
            if p.get(k) is not None:
                marked.add(id(p[k]))
    pool = [it for c in gcols for it in c.items if it.dt is not None and id(it) not in marked
            and it is not xss and it.kind != "report"]
    if len(pool) >= 2:
        rare = grng.sample(pool, 2)
        for it, tpl in zip(rare, RARE_TITLES):
            it.title = tpl.format(u=it.column.unit_full)
        rare[0].charset = "meta"        # declared gb2312, holds 镕/堃 (GBK only)
        rare[1].charset = "mislabel"    # header says UTF-8, the body is GBK
    elif pool:
        pool[0].charset = "mislabel"


def build_site(seed: int = 1, as_of: date = date(2019, 12, 31), scale: float = 1) -> Site:
    d = district_for(seed)
    trng = random.Random(f"{seed}:tree")
    roots, units, depts, absent, rd, zx = build_tree(d, trng)
    add_proposal_years(rd, zx, as_of, trng)
    cols = [c for r in roots for c in r.walk()]
    by_level = [0, 0, 0, 0]
    for c in cols:
        by_level[c.level - 1] += 1
    if by_level != LEVEL_COUNTS:
        raise AssertionError(f"column counts {by_level} != {LEVEL_COUNTS}")
    leaves = [c for c in cols if c.leaf]
    byurl = {c.url: c for c in cols}

    prng = random.Random(f"{seed}:plan")
    problems, not_problems = [], []
    used = set()

    def pick(cands, k):
        cands = [c for c in cands if c not in used]
        out = prng.sample(cands, k)
        used.update(out)
        return out

    # --- staleness plan ---------------------------------------------------
    dyn = [c for c in leaves if c.cls == "dynamic" and not c.historical and c.kind in ("deptnews", "townnews", "topic_news", "topic_media")]
    b13, b14, s15 = pick(dyn, 3)
    b13.newest_offset, b14.newest_offset, s15.newest_offset = 13, 14, 15
    for c in pick(dyn, prng.randint(1, 3)):
        c.newest_offset = prng.randint(20, 75)
    np_cands = [byurl[u] for u in (f"/zcwj/qzfwj/{d.py}zz/index.html", f"/zcwj/qzfwj/{d.py}zbz/index.html",
                                   "/zcwj/bmwj/bmgfxwj/index.html", "/zcwj/bmwj/qtwj/index.html",
                                   "/ztzl/yhyshj/zccs/index.html", "/xysgs/xzcf/index.html")]
    for c in pick(np_cands, prng.randint(2, 3)):
        c.newest_offset = prng.randint(230, 480)
    gov = units[0]
    lt_cands = [c for c in leaves if c.cls == "longterm" and (c.kind or "").startswith(("plan_", "stats_"))] + \
        [c for c in gov.children if c.kind == "xxgk_key"] + \
        [c for u in units[1:] for c in u.children if c.kind == "xxgk_fd"]
    blank_cands = [c for c in leaves if c.kind == "service"] + [byurl["/ztzl/yhyshj/dxal/index.html"]] + \
        [byurl["/zwgk/ghjh/zxgh/index.html"], byurl["/zwgk/tjxx/tjnj/index.html"]] + \
        [c for c in gov.children if c.kind == "xxgk_key"]
    for c in pick(blank_cands, prng.randint(2, 4)):
        c.blank = True
    for c in pick(lt_cands, prng.randint(3, 5)):
        c.newest_offset = prng.randint(400, 900)

    # --- catalogue plan ----------------------------------------------------
    others = [u for u in units[1:] if u.slug not in absent]
    prng.shuffle(others)
    empty_unit = others[0]
    empty_slug = prng.choice(["zn", "zd"])
    empty_entry = next(c for c in empty_unit.children if c.slug == empty_slug)
    empty_entry.blank = True
    no_report_units = [u for u in others[1:1 + prng.randint(1, 2)] if any(c.slug == "nb" for c in u.children)]
    for u in units[1:]:
        if u.slug in absent:
            name = ENTRY_SPECS[absent[u.slug]][0]
            problems.append(dict(kind="missing_catalogue", column=u.url, url=u.url,
                                 detail=dict(unit=u.unit, entry=name, reason="absent")))
    # --- CMS families (their own random stream: the rest of the site does not move) ---
    assign_families(seed, byurl, units, absent, empty_unit, no_report_units)
    problems.append(dict(kind="missing_catalogue", column=empty_entry.url, url=empty_entry.url,
                         detail=dict(unit=empty_unit.unit, entry=empty_entry.name, reason="empty")))

    # --- generate items ----------------------------------------------------
    ctx = Ctx(d, as_of, random.Random(f"{seed}:content"))
    drng = random.Random(f"{seed}:dates")
    items = []
    for c in leaves:
        if c.kind in ("interp", "report", "letter") or c.kind is None:
            continue
        n = _n(c, scale)
        if n == 0:
            continue
        if c.archive_year:
            y = c.archive_year
            lo, hi = date(y, 6, 1), min(date(y, 9, 30), as_of)
            days = (hi - lo).days
            dts = sorted((at(lo + timedelta(days=drng.randint(0, days)), drng) for _ in range(n)), reverse=True)
        elif c.historical:
            end = c.extra["end"]
            dts = date_series(drng, n, end - timedelta(days=drng.randint(0, 20)), 150)
        else:
            lo, hi = DEFAULT_OFFSET[c.cls]
            if c.kind in ("news", "notice"):
                lo, hi = 0, 1
            off = c.newest_offset if c.newest_offset is not None else drng.randint(lo, hi)
            dts = date_series(drng, n, as_of - timedelta(days=off), c.fam.get("span", SPAN[c.cls]))
            if c.fam.get("yearless"):
                dts = within_year(dts, as_of)
        for i, dt in enumerate(dts):
            it = make_item(ctx, c, dt, i)
            c.items.append(it)
            items.append(it)

    # annual reports
    report_items = []
    for u in units:
        nb = next((c for c in u.children if c.slug == "nb"), None)
        if nb is None:
            continue
        req = required_report_year(u.unit_kind, as_of)
        first = req - drng.randint(1, 3)
        last = as_of.year - 1
        for y in range(last, first - 1, -1):
            pub = deadline(u.unit_kind, y) - timedelta(days=drng.randint(3, 50))
            if pub > as_of:
                continue
            if u in no_report_units and y == req:
                continue
            dt = at(pub, drng)
            title = (f"{d.name}{y}年政府信息公开工作年度报告" if u.unit_kind == "gov"
                     else f"{u.unit_full}{y}年政府信息公开工作年度报告")
            it = Item(column=nb, title=title, kind="report", dt=dt, list_date=dt.date(), sort_dt=dt,
                      source=u.unit, views=drng.randint(30, 800))
            it.report = report_table(drng, u.unit_kind)
            it.report["year"] = y
            it.paras = [s.format(y=y, d=d.name, u=u.unit_full) for s in T.REPORT_TEXT]
            nb.items.append(it)
            items.append(it)
            report_items.append(it)
        nb.items.sort(key=lambda x: x.sort_dt, reverse=True)
    for u in no_report_units:
        nb = next(c for c in u.children if c.slug == "nb")
        req = required_report_year(u.unit_kind, as_of)
        problems.append(dict(kind="missing_catalogue", column=nb.url, url=nb.url,
                             detail=dict(unit=u.unit, entry=nb.name, reason="no_report", year=req,
                                         deadline=deadline(u.unit_kind, req).isoformat())))
    # one report whose table breaks 一+二=三+四
    rep = prng.choice([r for r in report_items if r.report["cols"][0]["new"] > 0])
    tbl = rep.report
    before = tbl["cols"][0]["out"]
    tbl["cols"][0]["out"] = before + prng.randint(1, 3)
    tbl["altered"] = dict(applicant="自然人", row="四、结转下年度继续办理", before=before, after=tbl["cols"][0]["out"])
    problems.append(dict(kind="annual_report_arithmetic", column=rep.column.url, url=None, _item=rep,
                         detail=dict(year=tbl["year"], failing_columns=report_failures(tbl),
                                     row_total_mismatch=["四、结转下年度继续办理"] if sum(
                                         c["out"] for c in tbl["cols"][:6]) != tbl["cols"][6]["out"] else [],
                                     altered=tbl["altered"])))

    # letters
    for c in leaves:
        if c.kind != "letter":
            continue
        n = _n(c, scale)
        dts = date_series(drng, n, as_of - timedelta(days=drng.randint(0, 1)), SPAN["interaction"])
        for dt in dts:
            pos, who = ctx.rng.choice(ctx.leaders)
            place, issue = ctx.rng.choice(T.PLACES), ctx.rng.choice(T.ISSUES)
            title = ctx.rng.choice([f"关于{place}{issue}的问题", f"咨询{issue}问题", f"{place}{issue}",
                                    f"反映{place}{issue}"])
            wd = ctx.rng.randint(1, 12)
            reply = dt + timedelta(days=wd * 7 // 5 + ctx.rng.randint(0, 1), hours=ctx.rng.randint(0, 5))
            runit = "区" + ctx.rng.choice(T.DEPARTMENTS_CORE)[0]
            if reply.date() > as_of:
                reply = None
            it = Item(column=c, title=title, kind="letter", dt=dt, list_date=dt.date(), sort_dt=dt,
                      source=c.name, views=ctx.rng.randint(10, 400))
            it.letter = dict(sender=T.masked_name(ctx.rng),
                             content=ctx.rng.choice(T.LETTER_SENT).format(place=place, issue=issue),
                             unit=runit, reply_dt=reply,
                             reply=ctx.rng.choice(T.REPLY_SENT).format(u=runit, phone=d.phone))
            c.items.append(it)
            items.append(it)
    letters = [it for it in items if it.kind == "letter"]
    old_letters = [it for it in letters if 100 <= (as_of - it.dt.date()).days <= 330]
    for it in prng.sample(old_letters, prng.randint(1, 2)):
        it.letter["reply_dt"] = None
    late_cands = [it for it in letters if 150 <= (as_of - it.dt.date()).days <= 330 and it.letter["reply_dt"]]
    for it in prng.sample(late_cands, prng.randint(1, 2)):
        it.letter["reply_dt"] = it.dt + timedelta(days=prng.randint(95, 140), hours=2)

    # policy documents and their interpretations
    jd_cols = {c.slug: c for c in byurl["/zcjd/index.html"].children}
    docs = sorted((it for it in items if it.kind == "policy"), key=lambda x: x.sort_dt, reverse=True)
    fresh_docs = [x for x in docs if x.column.newest_offset is None]
    no_interp = set(id(x) for x in prng.sample(fresh_docs[8:], prng.randint(1, 2)))
    first = {}
    slugs = list(jd_cols)
    for x in fresh_docs[:5]:
        first[id(x)] = slugs[len(first)]
    for x in docs:
        if id(x) in no_interp:
            continue
        slug = first.get(id(x)) or prng.choices(slugs, [50, 20, 10, 10, 10])[0]
        jc = jd_cols[slug]
        dt = x.dt + timedelta(days=prng.randint(0, 3), minutes=prng.randint(5, 300))
        if dt.date() > as_of:
            dt = datetime.combine(as_of, time(23, 0)) if x.dt.time() < time(23, 0) else x.dt
        core = x.title
        ji = Item(column=jc, title=T.INTERP_KINDS[slug].format(doc=core, media=prng.choice(T.MEDIA)),
                  kind="interp", dt=dt, list_date=dt.date(), sort_dt=dt, source=x.source,
                  views=prng.randint(30, 900))
        ji.paras = [f"近日，{x.source}印发了《{core}》（以下简称《文件》），现就有关内容解读如下："] + \
            ["一、出台背景。" + T.paragraphs(ctx.rng, 1, d=d.name, u=x.source, t=_topic(ctx.rng), y=dt.year)[0],
             "二、主要内容。" + T.paragraphs(ctx.rng, 1, d=d.name, u=x.source, t=_topic(ctx.rng), y=dt.year)[0],
             "三、实施时间。《文件》自印发之日起施行。"]
        ji.related, ji.related_label = x, "相关文件"
        x.related, x.related_label = ji, "相关解读"
        jc.items.append(ji)
        items.append(ji)
    for x in docs:
        if id(x) in no_interp:
            problems.append(dict(kind="policy_interpretation_link", column=x.column.url, url=None, _item=x,
                                 detail=dict(reason="missing_interpretation")))
    interps = [it for it in items if it.kind == "interp"]
    broken_interp = prng.choice(sorted(interps, key=lambda x: x.sort_dt, reverse=True)[10:])

    # --- date anomalies ------------------------------------------------------
    fut_cands = [byurl[u] for u in ("/xysgs/xzxk/index.html", "/rsxx/index.html", "/czyjs/index.html",
                                    "/zwgk/tjxx/tjsj/index.html")] + \
        [c for u in units for c in u.children if c.kind == "xxgk_fd"]
    fut_cands = [c for c in fut_cands if c.newest_offset is None and c.items and not c.blank]
    future_items = []
    for c, k in zip(prng.sample(fut_cands, 2), (prng.randint(1, 5), prng.randint(20, 60))):
        dt = at(as_of + timedelta(days=k), drng)
        it = make_item(ctx, c, dt, len(c.items))
        c.items.append(it)
        items.append(it)
        future_items.append(it)
    big_dyn = [c for c in leaves if c.cls == "dynamic" and c.newest_offset is None and not c.historical
               and len(c.items) >= 30]
    lac = prng.choice(big_dyn)
    lai = lac.items[prng.randint(12, 25)]
    shift = prng.randint(5, 30)
    lai.list_date = min(lai.dt.date() + timedelta(days=shift), lac.items[prng.randint(3, 8)].dt.date())
    if lai.list_date <= lai.dt.date():
        lai.list_date = lai.dt.date() + timedelta(days=2)
    lai.sort_dt = datetime.combine(lai.list_date, lai.dt.time())

    # undated items (no date in list, article or URL)
    undated = []
    und_cols = [c for c in leaves if c.kind in ("intro", "service", "topic_case") and len(c.items) >= 2]
    for c in prng.sample(und_cols, min(3, len(und_cols))):
        k = prng.randrange(len(c.items))
        if c.family != "hanweb":      # a Hanweb URL always carries a date
            undated.append(c.items[k])
    town_fresh = [c for c in leaves if c.kind == "townnews" and c.newest_offset is None]
    if town_fresh:
        c = prng.choice(town_fresh)
        undated.append(c.items[3])
    for it in undated:
        it.dt = None
        it.list_date = None

    # catalogue metadata tables for 政府信息公开 items and policy documents
    for it in sorted(items, key=lambda x: x.dt or x.sort_dt):
        if it.dt is None or it.kind == "letter":
            continue
        if it.column.top.slug == "zwgk" and it.column.ancestors[1:2] and it.column.ancestors[1].slug == "zfxxgk":
            catalogue_meta(ctx, it)
        elif it.kind == "policy":
            catalogue_meta(ctx, it)

    # document numbers, ascending per column and year
    for c in leaves:
        if c.kind != "policy":
            continue
        seq = {}
        for it in sorted(c.items, key=lambda x: x.sort_dt):
            if it.doc_no:
                y = it.doc_no
                seq[y] = seq.get(y, 0) + prng.randint(1, 3)
                it.doc_no = f"{y}{seq[y]}号"
                if it.meta_rows:
                    it.meta_rows = [(k, it.doc_no if k == "文号" else v) for k, v in it.meta_rows]

    # --- ids and urls ----------------------------------------------------------
    order = sorted(items, key=lambda x: (x.dt or x.sort_dt))
    nid = random.Random(f"{seed}:ids").randint(1200, 9000) * 10
    idr = random.Random(f"{seed}:idgap")
    for it in order:
        nid += idr.randint(1, 9)
        it.id = nid
    for c in leaves:
        c.items.sort(key=lambda x: x.sort_dt, reverse=True)
    urng = random.Random(f"{seed}:trs-created")
    for it in items:
        it.url = item_url(it, urng)
    existing = set(it.url for it in items)

    def fake_url(c: Column, dt: datetime) -> str:
        k = nid + 1000 + prng.randint(1, 99999)
        u = article_url(c, dt, k)
        while u in existing:
            k += 1
            u = article_url(c, dt, k)
        return u

    # attachments (some items) -------------------------------------------------
    arng = random.Random(f"{seed}:attach")
    aseq = 0
    for it in sorted(items, key=lambda x: x.id):
        if it.dt is None or it.kind not in ("notice", "policy", "xxgk_fd", "xxgk_key", "personnel", "finance",
                                            "stats_tjsj", "report", "plan_ndjh", "topic_policy"):
            continue
        if arng.random() > (0.45 if it.kind in ("finance", "report") else 0.15):
            continue
        for k in range(arng.choice([1, 1, 1, 2])):
            aseq += 1
            ext = arng.choice(["pdf", "pdf", "docx", "xls"])
            nm = arng.choice(["申请表", "汇总表", "名单", "实施方案", "明细表", "报名表", "说明"])
            if it.column.family == "hanweb":
                url = f"/attach/0/P0{it.dt:%Y%m%d}{aseq:06d}.{ext}"
            else:
                url = f"{it.column.dir}{it.dt:%Y%m}/P0{it.dt:%Y%m%d}{aseq:06d}.{ext}"
            it.attachments.append(Attachment(name=f"附件{k + 1}：{nm}.{ext}", url=url, ext=ext))

    # --- the title with markup ------------------------------------------------------
    tz = byurl["/tzgg/index.html"]
    xi = tz.items[min(14, len(tz.items) - 1)]
    xi.title = "关于“网站安全”测试信息<script>alert(1)</script>的\"说明\""

    # --- broken links --------------------------------------------------------------
    body_cands = [it for it in items if it.dt and it is not xi and it.kind in ("news", "deptnews", "townnews", "notice", "xxgk_fd",
                                                               "finance", "personnel", "topic_news")]
    brng = prng
    for it in brng.sample(body_cands, brng.randint(2, 3)):
        relative = brng.random() < 0.5
        old = it.dt - timedelta(days=brng.randint(30, 400))
        target = fake_url(it.column, old)
        href = posixpath.relpath(target, posixpath.dirname(it.url)) if relative else target
        it.extra_links.append(("相关链接：", "点击查看原文", href))
        problems.append(dict(kind="broken_link", column=it.column.url, url=target, _src=it,
                             detail=dict(status=404)))
    att_items = [it for it in items if it.attachments]
    for it in brng.sample(att_items, 2):
        a = it.attachments[-1]
        a.exists = False
        problems.append(dict(kind="broken_link", column=it.column.url, url=a.url, _src=it,
                             detail=dict(status=404)))
    fi = brng.choice([it for it in body_cands if not it.extra_links])
    furl = f"/forbidden/nbzl/{fi.dt:%Y%m}/nb_{fi.id}.html"
    fi.extra_links.append(("内部资料：", "请登录内网查看", furl))
    problems.append(dict(kind="broken_link", column=fi.column.url, url=furl, _src=fi, detail=dict(status=403)))
    # the interpretation whose link to its policy document is broken
    broken_interp.related_href = fake_url(broken_interp.related.column, broken_interp.related.dt)
    problems.append(dict(kind="policy_interpretation_link", column=broken_interp.column.url, url=None,
                         _item=broken_interp, detail=dict(reason="broken_policy_link",
                                                          target=broken_interp.related_href, status=404,
                                                          policy=None)))
    problems.append(dict(kind="broken_link", column=broken_interp.column.url, url=broken_interp.related_href,
                         _src=broken_interp, detail=dict(status=404)))
    friendly = [("中国政府网", "http://127.0.0.2:9/"), ("山东省人民政府", "http://127.0.0.2:9/shandong/"),
                ("政府信息公开", "/zwgk/zfxxgk/index.html"), ("政务服务", "/zwfw/index.html"),
                ("区长信箱", "/hdjl/qzxx/index.html")]
    for name, href in friendly[:2]:
        problems.append(dict(kind="broken_link", column=None, url=href,
                             detail=dict(source="/index.html", status="refused")))

    # --- typos ---------------------------------------------------------------------
    typo_cands = [it for it in items if it.dt and it is not xi and it.kind in ("news", "deptnews", "townnews", "notice", "xxgk_fd")
                  and not it.extra_links]
    wrongs = [("中华人民共合国", "中华人民共和国"), ("政府信息公开条列", "政府信息公开条例"),
              ("国务院办公厅厅", "国务院办公厅")]
    k = prng.randint(3, 5)
    for j, it in enumerate(prng.sample(typo_cands, k)):
        wrong, right = wrongs[j % 3] if j < 3 else prng.choice(wrongs)
        where = "title" if (j == 1 or (j >= 3 and prng.random() < 0.5)) else "body"
        who = it.source or d.name
        if where == "title":
            it.title = {"中华人民共合国": f"{who}开展《{wrong}土壤污染防治法》宣传活动",
                        "政府信息公开条列": f"{who}组织学习新修订的《{wrong}》",
                        "国务院办公厅厅": f"{who}认真贯彻落实{wrong}有关通知精神"}[wrong]
        else:
            it.paras.insert(1, {"中华人民共合国": f"根据《{wrong}政府信息公开条例》规定，{who}及时公开了相关信息。",
                                "政府信息公开条列": f"{who}严格按照《{wrong}》要求，认真做好信息发布工作。",
                                "国务院办公厅厅": f"会议传达学习了{wrong}关于{_topic(prng)}的通知精神。"}[wrong])
        problems.append(dict(kind="typo", column=it.column.url, url=None, _item=it,
                             detail=dict(wrong=wrong, right=right, where=where)))

    # --- footer missing ---------------------------------------------------------------
    fcands = [c for c in leaves if c.kind and (c.kind.startswith(("plan_", "stats_")) or c.kind in ("service", "topic_case"))
              and 3 <= len(c.items) <= max(30, 30 * scale) and c not in used]
    fc = prng.choice(fcands)
    fc.footer_gongan = False

    # --- date anomaly problems -----------------------------------------------------------
    for it in future_items:
        problems.append(dict(kind="date_suspicious", column=it.column.url, url=None, _item=it,
                             detail=dict(reason="future_date", publish_date=it.dt.date().isoformat(),
                                         as_of=as_of.isoformat())))
    problems.append(dict(kind="date_suspicious", column=lac.url, url=None, _item=lai,
                         detail=dict(reason="list_after_article", list_date=lai.list_date.isoformat(),
                                     publish_date=lai.dt.date().isoformat())))

    family_finish(seed, cols, problems, xi)

    site = Site(seed=seed, as_of=as_of, scale=scale, district=d, roots=roots, items=items,
                leaders=ctx.leaders, friendly_links=friendly)
    site.footer_column = fc
    # --- home blocks ---------------------------------------------------------------------
    blocks = [("要闻动态", "/ywdt/index.html", 8, "full"), ("通知公告", "/tzgg/index.html", 8, "full"),
              ("部门快讯", "/bmkx/index.html", 7, "full"), ("街镇动态", "/jzdt/index.html", 7, "short"),
              ("政策文件", "/zcwj/index.html", 7, "full"), ("政策解读", "/zcjd/index.html", 6, "full")]
    for title, url, n, style in blocks:
        site.home_blocks.append((title, byurl[url], latest(byurl[url], n), style))

    finish_truth(site, problems, not_problems, b13, b14)
    site.problems, site.not_problems = problems, not_problems
    return site


def latest(col: Column, n: int) -> list:
    """The n newest items of a column's subtree, in list order."""
    its = [it for c in col.walk() for it in c.items]
    its.sort(key=lambda x: x.sort_dt, reverse=True)
    return its[:n]


def newest_publish(col: Column, upto: date | None = None) -> date | None:
    ds = [it.dt.date() for it in col.items if it.dt is not None and (upto is None or it.dt.date() <= upto)]
    return max(ds) if ds else None


def finish_truth(site: Site, problems: list, not_problems: list, b13: Column, b14: Column):
    as_of = site.as_of
    six = months_before(as_of, 6)
    year = months_before(as_of, 12)
    computed = []
    for c in site.columns():
        if not c.leaf:
            continue
        if not c.items:
            computed.append(dict(kind="blank_column", column=c.url, url=c.url, detail=dict(name=c.name)))
            continue
        nd = newest_publish(c, as_of)
        if nd is None:
            continue
        days = (as_of - nd).days
        det = dict(newest_date=nd.isoformat(), days=days)
        if c.cls == "dynamic":
            if c.historical:
                if days > 14:
                    not_problems.append(dict(kind="stale_dynamic", column=c.url, url=c.url,
                                             detail=dict(det, reason="historical_topic")))
            elif days > 14:
                computed.append(dict(kind="stale_dynamic", column=c.url, url=c.url, detail=det))
            elif days in (13, 14):
                not_problems.append(dict(kind="stale_dynamic", column=c.url, url=c.url,
                                         detail=dict(det, reason="borderline")))
        elif c.cls == "notice_policy":
            if nd < six:
                computed.append(dict(kind="stale_notice_policy", column=c.url, url=c.url,
                                     detail=dict(det, first_level=c.top.url)))
        elif c.cls == "longterm":
            if nd < year:
                computed.append(dict(kind="stale_longterm", column=c.url, url=c.url, detail=det))
        if c.archive_year and c.cls == "static" and nd < year:
            not_problems.append(dict(kind="stale_longterm", column=c.url, url=c.url,
                                     detail=dict(det, reason="archive_year")))
    # overdue replies
    for it in site.items:
        if it.kind != "letter":
            continue
        L = it.letter
        ld = it.dt.date()
        if L["reply_dt"] is None:
            age = (as_of - ld).days
            if age > 90:
                computed.append(dict(kind="overdue_reply", column=it.column.url, url=it.url,
                                     detail=dict(letter_date=ld.isoformat(), reply_date=None, days=age)))
            else:
                not_problems.append(dict(kind="overdue_reply", column=it.column.url, url=it.url,
                                         detail=dict(letter_date=ld.isoformat(), reply_date=None, days=age,
                                                     reason="recent_unanswered")))
        else:
            lag = (L["reply_dt"].date() - ld).days
            if lag > 90:
                computed.append(dict(kind="overdue_reply", column=it.column.url, url=it.url,
                                     detail=dict(letter_date=ld.isoformat(),
                                                 reply_date=L["reply_dt"].date().isoformat(), days=lag)))
    # home page
    dates = [it.list_date for _, _, its, _ in site.home_blocks for it in its if it.list_date]
    site.home_newest = max(dates) if dates else None
    if site.home_newest is None or (as_of - site.home_newest).days > 14:
        computed.append(dict(kind="homepage_stale", column=None, url="/index.html",
                             detail=dict(newest_date=site.home_newest and site.home_newest.isoformat())))
    # footer
    fc = site.footer_column
    urls = fc.static_page_urls() + [it.url for it in fc.items]
    computed.append(dict(kind="footer_missing", column=fc.url, url=fc.url,
                         detail=dict(missing="公安机关备案号", urls=urls)))
    # resolve item references
    out = []
    for p in problems + computed:
        p = dict(p)
        it = p.pop("_item", None)
        src = p.pop("_src", None)
        if it is not None:
            p["url"] = it.url
            if p["kind"] == "policy_interpretation_link" and p["detail"].get("reason") == "broken_policy_link":
                p["detail"]["policy"] = it.related.url
        if src is not None:
            p["detail"] = dict(source=src.url, **p["detail"])
        out.append(p)
    kinds = ["homepage_stale", "stale_dynamic", "stale_notice_policy", "stale_longterm", "blank_column",
             "missing_catalogue", "broken_link", "typo", "overdue_reply", "policy_interpretation_link",
             "annual_report_arithmetic", "date_suspicious", "footer_missing"]
    out.sort(key=lambda p: (kinds.index(p["kind"]), p["column"] or "", p["url"] or ""))
    problems[:] = out
    not_problems.sort(key=lambda p: (p["kind"], p["url"]))
