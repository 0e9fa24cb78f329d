"""The city-district portal as data: the column tree and its URLs.

One TRS WCM 8 site on a provincial 集约化 platform: the portal part (``family`` ``portal``) publishes
directory columns (``/xwzx/qnyw/``, pages ``index_1.html`` …) and articles
``/xwzx/qnyw/201912/t20191230_3456789.html``; the 政府信息公开 part (``xxgk``) ``index.shtml`` columns and
``.shtml`` articles; news fed from the towns' old Hanweb sites keep their ``/art/2019/12/30/art_1234_5678.html``
URLs; the letters system (``letters``) is a search-like list paged with ``?pageIndex=N``."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime

from sample.heldout import Dated, Node, Tree


@dataclass(eq=False)
class Letter:
    writer: str
    question: str
    status: str                  # 已办结 | 办理中
    replied: datetime | None
    unit: str | None
    answer: str | None


@dataclass(eq=False)
class Item(Dated):
    column: "Column"
    title: str
    when: datetime | None            # publish time (PubDate / 发布时间); None: an undated page
    source: str = ""
    url: str = ""
    made: date | None = None         # the day TRS created the document (its t-URL carries it)
    doc_no: str | None = None        # 文号
    written: date | None = None      # 成文日期
    index_no: str | None = None      # 索引号
    publisher: str = ""              # 发布机构
    subject: str = ""
    summary: str = ""
    image: str | None = None         # card picture (URL)
    paras: list = field(default_factory=list)
    attachments: list = field(default_factory=list)   # (label, url)
    links: list = field(default_factory=list)         # (label, Item or url) in the body
    related: list = field(default_factory=list)       # (label, Item): 相关文件 / 相关解读
    letter: Letter | None = None
    extra: dict = field(default_factory=dict)


@dataclass(eq=False)
class Column(Node):
    name: str
    slug: str
    cls: str                  # ground-truth class
    family: str               # portal | xxgk | letters
    layout: str               # how its list (or, for a parent, its page) is drawn
    pager: str = ""           # trs (createPageHTML(n, 0, …)) | trsnew ('page_div', n, cur, …) | pidx (?pageIndex=N)
    per_page: int = 15
    empty: str | None = None  # what an empty list says
    ctype: str | None = None  # <meta name="ColumnType">
    art: bool = False         # articles at /art/Y/M/D/art_COL_ID.html
    unit: str | None = None
    unit_type: str | None = None
    parent: "Column | None" = None
    children: list = field(default_factory=list)
    items: list = field(default_factory=list)
    colid: int = 0
    dir: str = ""
    url: str = ""

    @property
    def ancestors(self) -> list:
        return ([] if self.parent is None else self.parent.ancestors + [self.parent])

    @property
    def ext(self) -> str:
        return "shtml" if self.family == "xxgk" else "html"

    def page_url(self, k: int) -> str:
        """URL of list page k (1-based) as the site links it."""
        if k == 1:
            return self.url
        if self.pager == "pidx":
            return f"{self.url}?pageIndex={k}"
        if self.pager == "trsnew":
            return f"{self.dir}index_{k}.{self.ext}"
        return f"{self.dir}index_{k - 1}.{self.ext}"

    def page_file(self, k: int) -> str:
        """The file that answers list page k."""
        if self.pager == "pidx":
            return self.url if k == 1 else f"{self.dir}list_p{k}.html"
        if k == 1:
            return self.dir + ("index.html" if self.url == self.dir else self.url.rsplit("/", 1)[1])
        return self.page_url(k)


@dataclass(eq=False)
class City(Tree):
    seed: int
    as_of: date
    name: str
    pinyin: str
    city: str
    prov: str
    area: str
    region: str
    site_id: str
    icp: str
    police: str
    head: str                                        # 区长
    deputies: list
    departments: list                                # catalogue departments: (name, slug, short, code)
    towns: list                                      # catalogue towns: (name, slug)
    news_depts: list
    news_towns: list
    roots: list = field(default_factory=list)
    files: dict = field(default_factory=dict)        # attachment/picture url -> (kind, label)
    removed_topic: str = ""                          # a home-page banner to a topic that no longer exists
    annual_form: "Item | None" = None                # 政府网站工作年度报表, linked from the home page
    problems: list = field(default_factory=list)
    not_problems: list = field(default_factory=list)

    @property
    def domain(self) -> str:
        return f"www.{self.pinyin}.gov.cn"

    @property
    def initials(self) -> str:
        return {"yunhu": "yh", "qingfeng": "qf", "donglan": "dl"}.get(self.pinyin, self.pinyin[:2])

    @property
    def short(self) -> str:
        return self.name[:-1]

    @property
    def site_name(self) -> str:
        return f"{self.city}{self.name}人民政府门户网站"


# -- the tree ------------------------------------------------------------------------------------

def _col(name, slug, cls, family, layout, **kw) -> Column:
    children = kw.pop("children", [])
    c = Column(name, slug, cls, family, layout, **kw)
    for ch in children:
        ch.parent = c
        c.children.append(ch)
    return c


def tree(cty: City) -> list:
    p = lambda name, slug, cls, layout, **kw: _col(name, slug, cls, "portal", layout, **kw)
    x = lambda name, slug, cls, layout, **kw: _col(name, slug, cls, "xxgk", layout, **kw)

    def entries(unit, utype, art=False, annual=True):
        kids = [x("信息公开指南", "gkzn", "static", "dot", pager="trs", unit=unit, unit_type=utype, art=art),
                x("信息公开制度", "gkzd", "static", "dot", pager="trs", unit=unit, unit_type=utype, art=art),
                x("法定主动公开内容", "fdzdgknr", "longterm", "dot", pager="trs", per_page=15, unit=unit,
                  unit_type=utype, art=art)]
        if annual:
            kids.append(x("信息公开年报", "gknb", "annual_report", "dot", pager="trs", unit=unit, unit_type=utype,
                          art=art))
        return kids

    missing = cty.towns[1][0]          # this town has no 信息公开年报 entry
    depts = [x(name, slug, "catalogue", "unit", unit=name, unit_type="department",
               children=entries(name, "department")) for name, slug, _, _ in cty.departments]
    towns = [x(name, slug, "catalogue", "unit", unit=name, unit_type="town",
               children=entries(name, "town", art=True, annual=name != missing)) for name, slug in cty.towns]
    gov = f"{cty.name}人民政府"
    return [
        p(f"走进{cty.short}", "zj" + cty.initials, "static", "channel", children=[
            p("区情概况", "qqgk", "static", "dot"),
            p("领导之窗", "ldzc", "static", "leaders"),
            p(f"投资{cty.short}", "tz" + cty.initials, "static", "rowlink", empty="该栏目暂无信息"),
        ]),
        p("新闻中心", "xwzx", "dynamic", "channel", children=[
            p(f"今日{cty.short}", "jr" + cty.initials, "dynamic", "card", pager="trs", per_page=10, ctype="要闻动态"),
            p("区内要闻", "qnyw", "dynamic", "rowlink", pager="trsnew", per_page=15, ctype="要闻动态"),
            p("部门信息", "bmxx", "dynamic", "daybox", pager="trsnew", per_page=16),
            p("街道信息", "jdxx", "dynamic", "daybox", pager="trs", per_page=12, art=True),
            p("媒体聚焦", "mtjj", "dynamic", "dot", pager="trs", per_page=14),
            p("通知公告", "tzgg", "notice_policy", "rowlink", pager="trsnew", per_page=15, ctype="通知公告"),
            p("公示公告", "gsgg", "notice_policy", "dot", pager="trs", per_page=15),
        ]),
        x("政府信息公开", "zwgk", "catalogue", "xxgkhome", children=[
            x("区政府", "qzf", "catalogue", "unit", unit=gov, unit_type="government",
              children=entries(gov, "government")),
            x("区直部门", "bm", "catalogue", "group", children=depts),
            x("街道（镇）", "jz", "catalogue", "group", children=towns),
            x("政策文件", "zcwj", "notice_policy", "channel", children=[
                x("区政府文件", "qzfwj", "notice_policy", "doctable", pager="trsnew", ctype="政策文件"),
                x("区政府办公室文件", "qzfbgswj", "notice_policy", "doctable", pager="trsnew", ctype="政策文件"),
                x("部门文件", "bmwj", "notice_policy", "doctable", pager="trsnew", ctype="政策文件"),
            ]),
            x("政策解读", "zcjd", "interpretation", "rowlink", pager="trs", per_page=15),
            x("图解政策", "tjzc", "interpretation", "card", pager="trs", per_page=8),
            x("数据发布", "sjfb", "longterm", "dot", pager="trs", per_page=15),
            x("人事信息", "rsxx", "longterm", "dot", pager="trs", per_page=15),
            x("财政资金", "czzj", "longterm", "channel", children=[
                x("预决算公开", "yjsgk", "longterm", "dot", pager="trs", per_page=15),
                x("专项资金", "zxzj", "longterm", "dot", pager="trs"),
            ]),
            x("规划计划", "ghjh", "longterm", "dot", pager="trs"),
        ]),
        p("政务服务", "zwfw", "static", "channel", children=[
            p("办事指南", "bszn", "static", "dot", pager="trs", per_page=12),
            p("便民服务", "bmfw", "static", "guide"),
        ]),
        p("互动交流", "hdjl", "interaction", "channel", children=[
            _col("区长信箱", "qzxx", "interaction", "letters", "letters", pager="pidx", per_page=10),
            _col("咨询投诉", "zxts", "interaction", "letters", "letters", pager="pidx", per_page=10),
            p("意见征集", "yjzj", "interaction_excluded", "consult", pager="trs", per_page=10),
            p("在线访谈", "zxft", "interaction_excluded", "rowlink", empty="暂无数据"),
        ]),
        p("专题专栏", "ztzl", "static", "topics", children=[
            p("优化营商环境", "yhyshj", "other", "channel", children=[
                p("工作动态", "gzdt", "dynamic", "rowlink", pager="trs", per_page=15),
                p("经验交流", "jyjl", "other", "rowlink", pager="trs", per_page=15),
            ]),
            p("不忘初心、牢记使命主题教育", "ztjy", "other", "channel", children=[
                p("工作动态", "gzdt", "dynamic", "daybox", pager="trs", per_page=15),
            ]),
            p("历史专题", "lszt", "exempt", "topics", children=[
                p("第四次全国经济普查", "jjpc", "exempt", "channel", children=[
                    p("工作动态", "gzdt", "exempt", "dot", pager="trs", per_page=12),
                    p("普查知识", "pczs", "exempt", "dot"),
                ]),
                p("庆祝改革开放40周年", "ggkf40", "exempt", "channel", children=[
                    p("活动动态", "hddt", "exempt", "dot", pager="trs", per_page=12),
                    p("图片展", "tpz", "exempt", "card"),
                ]),
            ]),
        ]),
    ]


def assign_urls(cty: City, rng: random.Random) -> None:
    """Directories from the slugs; TRS channel ids (used by /art/ URLs) grow in tree order with gaps."""
    colid = rng.randint(1100, 1400)
    for c in cty.columns:
        colid += rng.randint(1, 7)
        c.colid = colid
        c.dir = (c.parent.dir if c.parent else "/") + c.slug + "/"
        if c.family == "letters":
            c.url = c.dir + "list.html"
        elif c.family == "xxgk":
            c.url = c.dir + "index.shtml"
        else:
            c.url = c.dir
    cty.removed_topic = "/ztzl/ljfl/"
