"""The county-level city portal as data: the column tree, its URLs and how each list is drawn.

One Hanweb JCMS site: columns ``/col/col4321/index.html``, articles ``/art/2019/12/30/art_4321_567890.html``
(month and day not padded). Most lists are jpage units (the first ``perPage × groupSize`` records
embedded in a ``<datastore>``, the rest from ``/module/web/jpage/dataproxy.jsp``); a few columns are
static lists paged ``index_2.html`` …; the 市长信箱 lives in the 互动 module (``/module/hdjl/list.jsp``),
its letters and 网上咨询's at ``/module/hdjl/detail.jsp?sysid=…&id=…``."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime

from sample.heldout import Dated, Node, Tree

from .text import CAT_DEPTS


@dataclass(eq=False)
class Letter:
    sysid: int
    writer: str
    question: str
    replied: datetime | None
    unit: str | None
    answer: str | None

    @property
    def status(self) -> str:
        return "已办结" if self.replied else "办理中"


@dataclass(eq=False)
class Item(Dated):
    column: "Column"
    title: str
    when: datetime | None                 # publish time (PubDate / 生成日期 / 来信时间); None: an undated page
    kind: str = "art"                     # art | xxgk | guide | letter | leader
    url: str = ""
    art_col: int = 0                      # the column id its /art/ URL carries (a town's own column for 镇街动态)
    art_id: int = 0
    source: str = ""                      # 信息来源
    index_no: str | None = None           # 索引号
    publisher: str = ""                   # 发布机构
    doc_no: str | None = None             # 文号
    written: date | None = None           # 成文日期
    subject: str = ""                     # 主题分类
    paras: list = field(default_factory=list)
    images: list = field(default_factory=list)        # /picture/0/….jpg
    attachments: list = field(default_factory=list)   # (label, url)
    links: list = field(default_factory=list)         # (label, url) in the body
    letter: Letter | None = None
    extra: dict = field(default_factory=dict)


@dataclass(eq=False)
class Column(Node):
    name: str
    cls: str                  # ground-truth class
    layout: str               # channel | xxgkhome | group | unit | topics | jp_li | jp_table | jp_tr | jp_pic
                              # | jp_empty | st_li | st_video | st_empty | leaders | guide | letters_jsp | letters_st
    per_page: int = 15
    group: int = 3            # jpage groupSize: perPage × groupSize records are embedded
    mobile: bool = False      # a second (mobile) jpage unit holding the same records
    decoy: bool = False       # the jpage_UNIT() function with totalRecord:1000 that real pages carry
    ctype: str | None = None  # <meta name="ColumnType">
    says: str | None = None   # what an empty list says
    unit: str | None = None
    unit_type: str | None = None
    parent: "Column | None" = None
    children: list = field(default_factory=list)
    items: list = field(default_factory=list)
    colid: int = 0
    unitid: int = 0
    mobile_unitid: int = 0
    sysid: int = 0            # letters
    url: str = ""
    crumb: str = ""           # dqwz | nested | span: how its breadcrumb is drawn
    banner: str = ""          # topics: banner picture

    @property
    def ancestors(self) -> list:
        return [] if self.parent is None else self.parent.ancestors + [self.parent]

    @property
    def top(self) -> "Column":
        return self if self.parent is None else self.parent.top

    @property
    def jpage(self) -> bool:
        return self.layout.startswith("jp_")

    @property
    def family(self) -> str:
        if self.jpage:
            return "jpage"
        if self.layout.startswith("letters"):
            return "hdjl"
        return "static"

    @property
    def n_pages(self) -> int:
        if not self.leaf or self.layout in ("leaders", "guide", "st_empty", "jp_empty"):
            return 1
        return max(1, -(-len(self.items) // self.per_page))

    def page_url(self, k: int) -> str:
        if self.layout == "letters_jsp":
            return self.url if k == 1 else f"{self.url}&pageNo={k}"
        return self.url if k == 1 else f"/col/col{self.colid}/index_{k}.html"

    def page_file(self, k: int) -> str:
        if self.layout == "letters_jsp":
            return "/module/hdjl/list.jsp" if k == 1 else f"/module/hdjl/list_p{k}.html"
        return self.page_url(k)


@dataclass(eq=False)
class Portal(Tree):
    seed: int
    as_of: date
    name: str                 # 澄溪市
    pinyin: str
    prefix: str               # 澄 (文号)
    prefecture: str
    province: str
    abbr: str                 # 苏
    region: str               # 6-digit region code
    area: str                 # telephone area code
    towns: list
    site_id: str
    icp: str
    police: str
    webid: int
    mayor: str
    leaders: list = field(default_factory=list)      # (name, post, duty)
    roots: list = field(default_factory=list)
    files: dict = field(default_factory=dict)        # stored file url -> (kind, label)
    downloads: dict = field(default_factory=dict)    # downfile.jsp filename -> stored file url
    removed_topic: str = ""                          # a home-page banner to a column that no longer exists
    annual_form: "Item | None" = None                # 政府网站工作年度报表, linked from the home page
    header_js: str = ""                              # /script/0/….js writing the inner pages' header
    problems: list = field(default_factory=list)
    not_problems: list = field(default_factory=list)

    @property
    def short(self) -> str:
        return self.name[:-1]

    @property
    def gov(self) -> str:
        return f"{self.name}人民政府"

    @property
    def domain(self) -> str:
        return f"www.{self.pinyin}.gov.cn"


# -- the tree ------------------------------------------------------------------------------------

def _c(name, cls, layout, *children, **kw) -> Column:
    c = Column(name, cls, layout, **kw)
    for ch in children:
        ch.parent = c
        c.children.append(ch)
    return c


def _entries(unit: str, utype: str, *, guide: bool = True) -> list:
    kids = [_c("信息公开指南", "static", "jp_li", unit=unit, unit_type=utype, per_page=10, group=1)] if guide else []
    kids += [_c("信息公开制度", "static", "jp_li", unit=unit, unit_type=utype, per_page=10, group=1),
             _c("法定主动公开内容", "longterm", "jp_tr", unit=unit, unit_type=utype, per_page=10, group=3),
             _c("信息公开年报", "annual_report", "jp_li", unit=unit, unit_type=utype, per_page=10, group=1)]
    return kids


def tree(p: Portal) -> list:
    depts = [_c(name, "catalogue", "unit", *_entries(name, "department"), unit=name, unit_type="department")
             for name, _, _ in CAT_DEPTS]
    t1, t2 = p.towns[0], p.towns[1]
    towns = [_c(t1, "catalogue", "unit", *_entries(t1, "town"), unit=t1, unit_type="town"),
             _c(t2, "catalogue", "unit", *_entries(t2, "town", guide=False), unit=t2, unit_type="town")]
    g = p.gov
    return [
        _c(f"走进{p.short}", "static", "channel",
           _c(f"{p.short}概况", "static", "jp_li", per_page=10, group=1),
           _c("领导之窗", "static", "leaders")),
        _c("新闻中心", "dynamic", "channel",
           _c(f"{p.short}要闻", "dynamic", "jp_li", per_page=15, group=3, ctype="要闻动态"),
           _c("政务动态", "dynamic", "jp_table", per_page=20, group=3, ctype="工作动态"),
           _c("部门动态", "dynamic", "jp_li", per_page=10, group=3, mobile=True, decoy=True),
           _c("镇街动态", "dynamic", "jp_li", per_page=12, group=3),
           _c("图片新闻", "dynamic", "jp_pic", per_page=12, group=2),
           _c("视频新闻", "dynamic", "st_video", per_page=9),
           _c("公告公示", "notice_policy", "jp_table", per_page=15, group=3, ctype="通知公告", decoy=True)),
        _c("政务公开", "other", "channel",
           _c("政策法规", "notice_policy", "channel",
              _c("市政府文件", "notice_policy", "jp_tr", per_page=15, group=3, ctype="政策文件"),
              _c("市政府办公室文件", "notice_policy", "jp_tr", per_page=15, group=3, ctype="政策文件"),
              _c("部门文件", "notice_policy", "jp_tr", per_page=15, group=3)),
           _c("政策解读", "interpretation", "jp_li", per_page=15, group=3, mobile=True),
           _c("人事任免", "longterm", "st_li", per_page=15),
           _c("统计数据", "longterm", "jp_table", per_page=20, group=3),
           _c("财政预决算", "longterm", "channel",
              _c("市级财政预决算", "longterm", "jp_li", per_page=15, group=1),
              _c("部门预决算", "longterm", "jp_tr", per_page=15, group=3))),
        _c("政府信息公开", "catalogue", "xxgkhome",
           _c("信息公开指南", "static", "jp_li", unit=g, unit_type="government", per_page=10, group=1),
           _c("信息公开制度", "static", "jp_li", unit=g, unit_type="government", per_page=10, group=1),
           _c("法定主动公开内容", "catalogue", "channel",
              _c("机构职能", "static", "jp_tr", unit=g, unit_type="government", per_page=15, group=1),
              _c("规划计划", "longterm", "jp_tr", unit=g, unit_type="government", per_page=15, group=1),
              _c("重大建设项目", "longterm", "jp_tr", unit=g, unit_type="government", per_page=10, group=3),
              _c("社会救助", "longterm", "jp_tr", unit=g, unit_type="government", per_page=10, group=3),
              unit=g, unit_type="government"),
           _c("信息公开年报", "annual_report", "jp_li", unit=g, unit_type="government", per_page=10, group=1),
           _c("市级部门", "catalogue", "group", *depts),
           _c("镇（街道）", "catalogue", "group", *towns)),
        _c("政务服务", "static", "channel",
           _c("办事指南", "static", "guide"),
           _c("便民服务", "static", "st_li", per_page=10)),
        _c("互动交流", "interaction", "channel",
           _c("市长信箱", "interaction", "letters_jsp", per_page=15, sysid=6),
           _c("网上咨询", "interaction", "letters_st", per_page=12, sysid=7),
           _c("在线访谈", "interaction_excluded", "jp_empty", per_page=10, group=3),
           _c("征集调查", "interaction_excluded", "jp_li", per_page=10, group=3)),
        _c("专题专栏", "other", "topics",
           _c("不忘初心、牢记使命主题教育", "other", "channel",
              _c("工作动态", "dynamic", "jp_li", per_page=10, group=3),
              _c("学习资料", "other", "jp_li", per_page=15, group=3), banner="zt1"),
           _c("优化营商环境", "other", "channel",
              _c("工作动态", "dynamic", "jp_table", per_page=15, group=3),
              _c("政策措施", "other", "st_empty", says="暂无信息"), banner="zt2"),
           _c("往期专题", "exempt", "topics",
              _c("第四次全国经济普查", "exempt", "channel",
                 _c("普查动态", "exempt", "jp_li", per_page=15, group=3),
                 _c("普查知识", "exempt", "jp_li", per_page=15, group=1), banner="wq1"),
              _c("庆祝改革开放40周年", "exempt", "jp_pic", per_page=12, group=2, banner="wq2"),
              _c("创建国家卫生城市", "exempt", "jp_table", per_page=15, group=3, banner="wq3"),
              banner="wqzt")),
    ]


CRUMBS = {"走进": "dqwz", "新闻中心": "dqwz", "政务服务": "dqwz", "政务公开": "nested", "互动交流": "nested",
          "专题专栏": "nested", "政府信息公开": "span"}


def assign_urls(p: Portal, rng: random.Random) -> None:
    """Hanweb column ids grow in creation order with gaps; jpage unit ids are the template's."""
    colid = rng.randint(3100, 3400)
    for c in p.columns:
        colid += rng.randint(1, 9)
        c.colid = colid
        c.crumb = next(v for k, v in CRUMBS.items() if c.top.name.startswith(k))
        if c.jpage:
            c.unitid = rng.randint(10000, 99999)
            c.mobile_unitid = c.unitid + rng.randint(200, 900) if c.mobile else 0
        if c.layout == "letters_jsp":
            c.url = f"/module/hdjl/list.jsp?sysid={c.sysid}"
        else:
            c.url = f"/col/col{c.colid}/index.html"
    p.removed_topic = f"/col/col{colid + rng.randint(40, 90)}/index.html"
