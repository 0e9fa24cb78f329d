"""The district's items: titles, dates, metadata, links, letters; the seeded problems and the
ground truth's view of them (computed from the final model, or recorded where injected)."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sample.heldout import rng_for

from . import text
from .model import City, Column, Item, Letter, assign_urls, tree

PAPER = ["pdf", "pdf", "doc", "xls"]


def _at(d: date, rng: random.Random) -> datetime:
    return datetime.combine(d, time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59)))


def _days_back(rng: random.Random, newest: date, n: int, gaps: tuple, floor: date | None = None) -> list:
    """n days, newest first, each `gaps` (lo, hi) days before the previous one."""
    out, d = [], newest
    for i in range(n):
        if i:
            d -= timedelta(days=rng.randint(*gaps))
        if floor and d < floor:
            d = floor
        out.append(d)
    return out


def working_days(a: date, b: date) -> int:
    """Working days after a up to b (Mondays to Fridays)."""
    return sum(1 for k in range(1, (b - a).days + 1) if (a + timedelta(days=k)).weekday() < 5)


def _months_before(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    day = min(d.day, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m])
    return date(y, m + 1, day)


class Builder:
    def __init__(self, cty: City):
        self.cty = cty
        self.as_of = cty.as_of
        self.rng = rng_for(cty.seed, "items")
        self.gov = f"{cty.name}人民政府"
        self.abbr = cty.short[0]
        self.doc_nos: dict = {}

    # -- helpers ---------------------------------------------------------------------------------
    def ago(self, days: int) -> date:
        return self.as_of - timedelta(days=days)

    def add(self, col: Column, title: str, d: date | None, **kw) -> Item:
        it = Item(col, title, _at(d, self.rng) if d else None, **kw)
        if not it.paras:
            it.paras = text.paragraphs(self.rng, title, self.cty.name)
        if col.layout == "card" and d:
            self.picture(it)
        col.items.append(it)
        return it

    def doc_no(self, stem: str, d: date) -> str:
        key = (stem, d.year)
        self.doc_nos[key] = self.doc_nos.get(key, 0) + self.rng.randint(1, 4)
        return f"{stem}〔{d.year}〕{self.doc_nos[key]}号"

    def code(self, unit: str) -> str:
        r = random.Random(f"{self.cty.seed}:code:{unit}")
        return "11" + self.cty.region + "".join(str(r.randint(0, 9)) for _ in range(9)) + r.choice("0123456789X")

    def meta(self, it: Item, unit: str, subject: str | None = None, written_gap=(1, 9)) -> None:
        """The 政府信息公开 metadata: 索引号, 发布机构, 成文日期 (before the publish day), 主题分类."""
        seq = self.rng.randint(10, 900)
        it.index_no = f"{self.code(unit)}/{it.day.year}-{seq:05d}"
        it.publisher = unit
        it.written = it.day - timedelta(days=self.rng.randint(*written_gap))
        it.subject = subject or self.rng.choice(text.SUBJECTS)

    def attach(self, it: Item, label: str, ext: str | None = None, missing: bool = False) -> str:
        ext = ext or self.rng.choice(PAPER)
        stamp = (it.made or it.day).strftime("%Y%m%d")
        name = f"P0{stamp}{self.rng.randint(10 ** 11, 10 ** 12 - 1)}.{ext}"
        it.attachments.append((f"{label}.{ext}", name))         # relative to the article (./P0….pdf)
        it.extra.setdefault("missing", set())
        if missing:
            it.extra["missing"].add(name)
        return name

    def picture(self, it: Item) -> None:
        stamp = (it.made or it.day).strftime("%Y%m%d")
        it.image = f"W0{stamp}{self.rng.randint(10 ** 11, 10 ** 12 - 1)}.png"   # beside the article

    def series(self, col: Column, n: int, newest: date, gaps: tuple, make, floor: date | None = None) -> list:
        return [make(i, d) for i, d in enumerate(_days_back(self.rng, newest, n, gaps, floor))]

    # -- columns ---------------------------------------------------------------------------------
    def build(self) -> None:
        cty, f, r = self.cty, self.cty.find, self.rng
        d_, t_ = cty.name, cty.short
        zj = f"走进{t_}"
        self.add_static_intro(f(zj, "区情概况"))
        self.add_leaders(f(zj, "领导之窗"))

        news = lambda *a: f("新闻中心", *a)
        heads = ["{d}召开{topic}工作推进会", "{head}调研{topic}工作", "区政府召开第{n}次常务会议",
                 "{d}举行{event}", "{d}：{topic}跑出“加速度”", "{d}{topic}工作获全省通报表扬",
                 "{head}主持召开区政府专题会议研究{topic}工作", "{d}部署{topic}工作"]
        col = news(f"今日{t_}")
        for i, day in enumerate(_days_back(r, self.ago(0), 46, (0, 3))):
            title = text.fill(r, r.choice(heads), d=d_, head=f"{cty.head}")
            it = self.add(col, title, day, source="区融媒体中心")
            it.summary = it.paras[0][:40] + "……"
        col = news("区内要闻")
        pats = heads + ["区领导督查{topic}工作", "{dep}、{dep2}联合开展{topic}检查", "{d}{topic}三年行动取得阶段性成效",
                        "{deputy}带队检查{topic}工作", "{d}召开2019年第{n}次区长办公会议"]
        for day in _days_back(r, self.ago(0), 96, (0, 2)):
            title = text.fill(r, r.choice(pats), d=d_, head=cty.head, deputy=r.choice(cty.deputies),
                              dep=r.choice(cty.news_depts)[0], dep2=r.choice(cty.news_depts)[0])
            self.add(col, title, day, source=r.choice(["区融媒体中心", "区政府办公室", "区委宣传部"]))
        col = news("部门信息")
        pats = ["{dep}开展{topic}专项检查", "{dep}召开{topic}工作会议", "{dep}组织开展{topic}业务培训",
                "{dep}扎实推进{topic}", "{dep}“三服务”走进企业解难题", "{dep}召开2019年度工作总结会"]
        for day in _days_back(r, self.ago(14), 64, (0, 5)):
            dep = r.choice(cty.news_depts)[0]
            self.add(col, text.fill(r, r.choice(pats), dep=dep), day, source=dep)
        col = news("街道信息")
        pats = ["{town}开展{topic}宣传活动", "{town}召开{topic}工作部署会", "{town}：{topic}见实效",
                "{town}{community}举办{event}", "{town}全力推进{topic}", "{town}开展“{topic}”集中整治行动"]
        for day in _days_back(r, self.ago(1), 72, (0, 4)):
            town = r.choice(cty.news_towns)[0]
            it = self.add(col, text.fill(r, r.choice(pats), town=town), day, source=town)
            it.summary = it.paras[1][:48] + "…"
        col = news("媒体聚焦")
        pats = ["【{media}】{d}：{topic}跑出加速度", "【{media}】{d}多措并举推进{topic}", "【{media}】{d}探索{topic}新路径",
                "【{media}】这里的{topic}有“温度”"]
        for day in _days_back(r, self.ago(16), 28, (3, 12)):
            media = r.choice(text.MEDIA)
            self.add(col, text.fill(r, r.choice(pats), d=d_, media=media), day, source=media)
        self.add_notices(news("通知公告"))
        col = news("公示公告")
        pats = ["{d}2019年度“{award}”拟表彰对象公示", "{project}环境影响评价第{k}次公示", "{d}2019年公开招聘{post}拟录用人员公示",
                "关于{project}建设项目批前公示", "{d}2019年第{k}批小微企业园认定名单公示"]
        for day in _days_back(r, self.ago(220), 24, (4, 20)):
            self.add(col, text.fill(r, r.choice(pats), d=d_, k=r.randint(1, 3)), day, source="区政府办公室")

        self.add_catalogue()
        self.add_policies()
        col = f("政府信息公开", "数据发布")
        for i, day in enumerate(_days_back(r, self.ago(11), 22, (12, 18))):
            m = (day - timedelta(days=25)).month
            y = (day - timedelta(days=25)).year
            pat = r.choice([f"{y}年1-{m}月{d_}经济运行情况", f"{y}年{m}月{d_}主要统计数据",
                            f"{y}年1-{m}月{d_}规模以上工业生产情况"]) if m > 1 else f"{y}年1月{d_}主要统计数据"
            it = self.add(col, pat, day, source="区统计局")
            self.meta(it, "区统计局", "国民经济管理、国有资产监管/统计")
        col = f("政府信息公开", "人事信息")
        pats = ["{gov}关于{p1}等同志职务任免的通知", "{d}2019年公开招聘事业单位工作人员拟聘用人员公示（第{k}批）",
                "{d}2019年公开选调公务员公告", "{d}2019年面向社会公开招聘{post}公告"]
        for day in _days_back(r, self.ago(10), 18, (10, 30)):
            title = text.fill(r, r.choice(pats), gov=self.gov, d=d_, p1=text.person(r), k=r.randint(1, 5))
            it = self.add(col, title, day, source="区人力资源和社会保障局")
            self.meta(it, "区人力资源和社会保障局", "劳动、人事、监察/人事工作")
            if "公告" in title and r.random() < 0.7:
                self.attach(it, "报名表", "xls")
        col = f("政府信息公开", "财政资金", "预决算公开")
        for day in _days_back(r, self.ago(95), 14, (5, 40)):
            dep = r.choice(cty.news_depts)[0]
            title = r.choice([f"{dep}{day.year}年部门预算", f"{dep}{day.year - 1}年部门决算",
                              f"{d_}{day.year - 1}年“三公”经费决算", f"{d_}{day.year - 1}年财政决算"])
            it = self.add(col, title, day, source="区财政局")
            self.meta(it, dep if dep in title else "区财政局", "财政、金融、审计/财政")
            self.attach(it, title, r.choice(["pdf", "xls"]))
        col = f("政府信息公开", "财政资金", "专项资金")
        for day in _days_back(r, self.ago(60), 8, (15, 60)):
            it = self.add(col, f"{day.year}年{d_}{r.choice(text.TOPICS)}专项资金分配结果公示", day, source="区财政局")
            self.meta(it, "区财政局", "财政、金融、审计/财政")
        col = f("政府信息公开", "规划计划")
        titles = [f"{d_}2018年国民经济和社会发展计划执行情况", f"{d_}2018年政府工作报告",
                  f"{d_}土地利用总体规划调整完善方案", f"{d_}国民经济和社会发展第十三个五年规划纲要中期评估报告",
                  f"{d_}城乡一体化发展规划（2016—2030年）"]
        for title, day in zip(titles, _days_back(r, self.ago(498), 5, (40, 150))):
            it = self.add(col, title, day, source="区发展和改革局")
            self.meta(it, "区发展和改革局", "国民经济管理、国有资产监管/其他")

        col = f("政务服务", "办事指南")
        for g, day in zip(r.sample(text.GUIDES, 24), _days_back(r, self.ago(40), 24, (5, 30))):
            it = self.add(col, f"{g}办事指南", day, source="区行政服务中心")
            it.extra["guide"] = g
        col = f("政务服务", "便民服务")
        for name, slug in text.BMFW:
            it = self.add(col, name, None, source="")
            it.extra["slug"] = slug
            it.paras = [f"{name}相关服务事项、办理地点和咨询电话如下：",
                        f"服务地点：{d_}行政服务中心一楼综合窗口；咨询电话：{cty.area}-8{r.randint(1000000, 9999999)}。"]
        self.add_letters()
        col = f("互动交流", "意见征集")
        for day in _days_back(r, self.ago(11), 12, (10, 40)):
            plan = r.choice(text.PLANS)
            it = self.add(col, f"关于《{d_}{plan}（征求意见稿）》公开征求意见的公告", day, source="区司法局")
            it.extra["until"] = day + timedelta(days=30)
            self.attach(it, f"{d_}{plan}（征求意见稿）", "doc")

        zt = lambda *a: f("专题专栏", *a)
        col = zt("优化营商环境", "工作动态")
        pats = ["{d}召开优化营商环境工作推进会", "{dep}推出“一件事”联办服务", "{d}企业开办实现“一日办结”",
                "{d}{topic}助力营商环境再提升", "{dep}开展“三服务”助企纾困"]
        for day in _days_back(r, self.ago(30), 26, (2, 10)):
            dep = r.choice(cty.news_depts)[0]
            self.add(col, text.fill(r, r.choice(pats), d=d_, dep=dep), day, source=dep)
        col = zt("优化营商环境", "经验交流")
        for day in _days_back(r, self.ago(45), 8, (15, 40)):
            dep = r.choice(cty.news_depts)[0]
            self.add(col, f"{dep}：“{r.choice(text.TOPICS)}”的经验做法", day, source=dep)
        col = zt("不忘初心、牢记使命主题教育", "工作动态")
        pats = ["{dep}开展“不忘初心、牢记使命”主题教育专题党课", "{town}召开主题教育检视问题专题会议",
                "{dep}主题教育“回头看”工作部署会", "{town}开展主题教育红色教育基地参观学习",
                "{d}召开“不忘初心、牢记使命”主题教育总结大会"]
        for day in _days_back(r, self.ago(13), 30, (1, 6)):
            self.add(col, text.fill(r, r.choice(pats), d=d_, dep=r.choice(cty.news_depts)[0],
                                    town=r.choice(cty.news_towns)[0]), day, source="区委组织部")
        hist = lambda *a: zt("历史专题", *a)
        col = hist("第四次全国经济普查", "工作动态")
        pats = ["{d}召开第四次全国经济普查工作部署会", "{town}扎实开展经济普查清查工作", "{d}经济普查入户登记工作全面启动",
                "{d}第四次全国经济普查两员培训班开班", "{town}经济普查数据质量核查"]
        for day in _days_back(r, date(2019, 2, 26), 18, (5, 20)):
            self.add(col, text.fill(r, r.choice(pats), d=d_, town=r.choice(cty.news_towns)[0]), day, source="区统计局")
        col = hist("第四次全国经济普查", "普查知识")
        for title, day in zip(["经济普查的对象和内容", "经济普查的标准时点和时期", "普查对象的权利和义务",
                               "经济普查数据的保密规定", "为什么要开展经济普查", "经济普查的组织实施"],
                              _days_back(r, date(2018, 9, 20), 6, (10, 40))):
            self.add(col, title, day, source="区统计局")
        col = hist("庆祝改革开放40周年", "活动动态")
        pats = ["{d}举办庆祝改革开放40周年{event}", "{town}举行改革开放40周年主题宣讲", "{d}改革开放40周年成就展开展"]
        for day in _days_back(r, date(2018, 12, 28), 12, (3, 15)):
            self.add(col, text.fill(r, r.choice(pats), d=d_, town=r.choice(cty.news_towns)[0]), day,
                     source="区委宣传部")
        col = hist("庆祝改革开放40周年", "图片展")
        for k, day in enumerate(_days_back(r, date(2018, 12, 18), 8, (0, 2))):
            it = self.add(col, f"改革开放40周年图片展（{8 - k}）", day, source="区委宣传部")
            it.summary = f"改革开放40年来{d_}的发展变化（{8 - k}）"

    def add_static_intro(self, col: Column) -> None:
        names = ["区情简介", "历史沿革", "行政区划", "自然地理"]
        for name, day in zip(names, _days_back(self.rng, date(2019, 7, 12), 4, (20, 60))):
            it = self.add(col, name, day, source="区地方志办公室")
            it.paras = [f"{self.cty.name}位于{self.cty.city}{self.rng.choice(['东部', '南部', '西北部'])}，"
                        f"辖{len(self.cty.news_towns)}个街道（镇），总面积{self.rng.randint(80, 600)}平方千米。"] + it.paras[1:3]

    def add_leaders(self, col: Column) -> None:
        r = self.rng
        day = date(2019, 4, r.randint(3, 26))
        roles = [("区长", self.cty.head)] + [("副区长", p) for p in self.cty.deputies]
        for role, name in roles:
            it = self.add(col, name, day, source="区政府办公室")
            it.extra["role"] = role
            it.paras = [f"{name}，{role}。", f"负责区政府{r.choice(['全面', '发展改革、财政', '教育、卫生健康', '城市建设', '农业农村'])}工作。"]
            self.picture(it)

    def add_notices(self, col: Column) -> None:
        r, d_ = self.rng, self.cty.name
        pats = ["关于做好{thing}工作的通知", "{d}2019年公开招聘{post}公告", "关于{road}临时交通管制的通告",
                "关于举办{event}的通知", "关于{road}计划停水的通知", "关于开展{thing}工作的通知"]
        things = text.THINGS
        for day in _days_back(r, self.ago(2), 45, (2, 9)):
            title = text.fill(r, r.choice(pats), d=d_, thing=r.choice(things))
            unit = r.choice(["区政府办公室", "区人力资源和社会保障局", "区住房和城乡建设局"])
            signed = day - timedelta(days=r.choice([0, 0, 1, 2]))
            it = self.add(col, title, day, source=unit,
                          paras=text.notice_paras(r, title, f"{d_}{unit[1:]}" if unit.startswith("区") else unit, signed))
            if "公告" in title or "举办" in title:
                self.attach(it, "报名表" if "招聘" in title else "附件1", "xls" if "招聘" in title else "doc")
        form = self.add(col, f"{d_}人民政府门户网站政府网站工作年度报表（2018年度）", date(2019, 1, 24),
                        source="区政府办公室")
        form.paras = [f"根据《国务院办公厅关于印发〈政府网站发展指引〉的通知》要求，现将{d_}人民政府门户网站2018年度工作报表予以公开。",
                      f"网站名称：{self.cty.site_name}；网站标识码：{self.cty.site_id}；首页网址：http://{self.cty.domain}/。"]
        self.cty.annual_form = form
        col.items.sort(key=lambda it: it.when, reverse=True)

    def add_catalogue(self) -> None:
        """Per unit: 信息公开指南, 信息公开制度, 法定主动公开内容, 信息公开年报 (the 2018 one published in time)."""
        r = self.rng
        for unit_col in [c for c in self.cty.columns if c.layout == "unit"]:
            unit = unit_col.unit
            gov = unit_col.unit_type == "government"
            for e in unit_col.children:
                if e.name == "信息公开指南":
                    rev = date(2019, r.randint(5, 7), r.randint(1, 28))
                    it = self.add(e, f"{unit}政府信息公开指南（2019年修订）", rev, source=unit)
                    self.meta(it, unit, "综合政务/政务公开")
                    if gov or r.random() < 0.5:
                        it = self.add(e, f"{unit}政府信息公开指南", date(2016, r.randint(3, 11), r.randint(1, 28)),
                                      source=unit)
                        self.meta(it, unit, "综合政务/政务公开")
                elif e.name == "信息公开制度":
                    names = ["政府信息公开工作制度", "政府信息公开保密审查制度", "依申请公开政府信息工作规程"]
                    k = 3 if gov else 2
                    for name, day in zip(names[:k], _days_back(r, date(2019, r.randint(6, 8), r.randint(1, 28)), k, (1, 40))):
                        it = self.add(e, f"{unit}{name}", day, source=unit)
                        self.meta(it, unit, "综合政务/政务公开")
                elif e.name == "法定主动公开内容":
                    n = 30 if gov else r.randint(12, 20)
                    newest = self.ago(r.choice([3, 5, 9, 17, 26, 41, 58]))
                    pats = ["{u}机构职能", "{u}领导信息", "{u}{y}年部门预算", "{u}{y1}年部门决算", "{u}{y}年工作要点",
                            "{u}行政处罚结果公示（{y}年第{k}期）", "{u}“双随机一公开”抽查结果公示", "{u}{y}年重点工作推进情况",
                            "{u}{topic}工作情况通报", "{u}{y}年上半年工作总结"]
                    for day in _days_back(r, newest, n, (3, 20)):
                        title = text.fill(r, r.choice(pats), u=unit, y=day.year, y1=day.year - 1, k=r.randint(1, 12))
                        it = self.add(e, title, day, source=unit)
                        self.meta(it, unit)
                        if "预算" in title or "决算" in title:
                            self.attach(it, title, "pdf")
                elif e.name == "信息公开年报":
                    deadline = date(2019, 3, 25) if gov else date(2019, 1, 28)
                    first = date(2019, 3, r.randint(5, 25)) if gov else date(2019, 1, r.randint(8, 28))
                    for y, day in [(2018, first), (2017, first.replace(year=2018)), (2016, first.replace(year=2017))]:
                        it = self.add(e, f"{unit}{y}年政府信息公开工作年度报告", day, source=unit)
                        self.meta(it, unit, "综合政务/政务公开")
                        it.paras = [f"本报告根据《中华人民共和国政府信息公开条例》要求，由{unit}编制。",
                                    f"{y}年，{unit}主动公开政府信息{r.randint(80, 900)}条，收到政府信息公开申请{r.randint(0, 30)}件，均已按期答复。",
                                    "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"]
                        if not e.art and r.random() < 0.6:
                            self.attach(it, f"{y}年政府信息公开工作年度报告", "pdf")
                    assert first <= deadline

    def add_policies(self) -> None:
        r, cty, d_ = self.rng, self.cty, self.cty.name
        zc = lambda n: cty.find("政府信息公开", "政策文件", n)
        jd, tj = cty.find("政府信息公开", "政策解读"), cty.find("政府信息公开", "图解政策")
        plans = r.sample(text.PLANS, len(text.PLANS))
        policies = []
        for name, n, newest, gaps in [("区政府文件", 16, 5, (7, 30)), ("区政府办公室文件", 22, 3, (5, 20)),
                                      ("部门文件", 10, 20, (10, 40))]:
            col = zc(name)
            for day in _days_back(r, self.ago(newest), n, gaps):
                if name == "部门文件":
                    dep = r.choice(cty.news_depts)
                    plan = r.choice(text.DEPT_PLANS)
                    title, unit = f"{dep[0]}关于印发{plan}的通知", dep[0]
                    doc_title = plan
                else:
                    plan = plans.pop() if plans else r.choice(text.PLANS)
                    office = name == "区政府办公室文件"
                    unit = self.gov + ("办公室" if office else "")
                    title = f"{unit}关于印发{d_}{plan}的通知"
                    doc_title = f"{d_}{plan}"
                it = self.add(col, title, day, source=unit, paras=["-"])
                self.meta(it, unit, written_gap=(2, 12))
                it.paras = text.policy_paras(r, title, unit, doc_title, it.written)
                it.extra["plan"] = doc_title
                policies.append(it)
                if r.random() < 0.6:
                    self.attach(it, doc_title, r.choice(["pdf", "doc"]))
        for col in (zc("区政府文件"), zc("区政府办公室文件"), zc("部门文件")):
            col.items.sort(key=lambda it: it.when, reverse=True)
            for it in sorted(col.items, key=lambda it: it.when):
                it.doc_no = self.doc_no(self._stem(it), it.day)
        for p in sorted(policies, key=lambda it: it.when, reverse=True):
            day = min(self.as_of, p.day + timedelta(days=r.randint(0, 3)))
            title = r.choice([f"《{p.extra['plan']}》政策解读", f"关于《{p.extra['plan']}》的解读",
                              f"《{p.extra['plan']}》解读"])
            j = self.add(jd, title, day, source=p.publisher, paras=text.interpretation_paras(r, p.extra["plan"]))
            j.related.append(("相关文件", p))
            p.related.append(("相关解读", j))
        jd.items.sort(key=lambda it: it.when, reverse=True)
        for p in sorted(policies, key=lambda it: it.when, reverse=True)[:9]:
            day = min(self.as_of, p.day + timedelta(days=r.randint(1, 5)))
            t = self.add(tj, f"一图读懂《{p.extra['plan']}》", day, source=p.publisher)
            t.summary = f"图解：{p.extra['plan']}的主要内容"
            t.related.append(("相关文件", p))
            p.related.append(("图解", t))
        tj.items.sort(key=lambda it: it.when, reverse=True)

    def _stem(self, it: Item) -> str:
        if it.column.name == "区政府文件":
            return f"{self.abbr}政发"
        if it.column.name == "区政府办公室文件":
            return f"{self.abbr}政办发"
        dep = next(d for d in self.cty.news_depts if d[0] == it.publisher)
        return f"{self.abbr}{dep[2]}"

    def add_letters(self) -> None:
        r, cty = self.rng, self.cty
        for name, n, newest, gaps in [("区长信箱", 56, 3, (1, 6)), ("咨询投诉", 38, 1, (2, 8))]:
            col = cty.find("互动交流", name)
            for day in _days_back(r, self.ago(newest), n, gaps):
                ask = text.fill(r, r.choice(text.LETTER_ASKS))
                it = self.add(col, ask, day, source="")
                unit = r.choice(cty.news_depts + [(t, "") for t in cty.news_towns])[0]
                reply = day + timedelta(days=r.randint(1, 6))
                it.letter = Letter(text.masked(r), f"您好！{ask}，希望有关部门尽快给予解决或答复，谢谢！", "已办结",
                                   None, unit, None)
                self.answer(it, reply)

    def answer(self, it: Item, reply: date | None) -> None:
        lt = it.letter
        if reply is None or reply > self.as_of:
            lt.status, lt.replied, lt.answer = "办理中", None, None
            return
        lt.status = "已办结"
        lt.replied = _at(reply, self.rng)
        if lt.replied <= it.when:
            lt.replied = it.when + timedelta(hours=self.rng.randint(2, 6))
        lt.answer = (f"{lt.writer[0]}先生/女士：您好！您反映的问题已收悉。经{lt.unit}调查核实，相关情况已按程序处理，"
                     f"如有疑问请致电{self.cty.area}-8{self.rng.randint(1000000, 9999999)}。感谢您对我区工作的关心和支持！")

    # -- seeded problems ----------------------------------------------------------------------------
    def seed_letters(self) -> None:
        """Overdue: answered 38 days on, unanswered for 118 days (区长信箱), answered 104 days on (咨询投诉).
        Not: the newest (recent, unanswered), one answered in 3 days."""
        f = self.cty.find
        box, ask = f("互动交流", "区长信箱"), f("互动交流", "咨询投诉")

        def pick(col, day):
            return min(col.items, key=lambda it: (abs((it.day - day).days), it.title))

        late = pick(box, date(2019, 10, 15))
        self.answer(late, late.day + timedelta(days=38))
        silent = pick(box, self.ago(118))
        self.answer(silent, None)
        later = pick(ask, date(2019, 7, 2))
        self.answer(later, later.day + timedelta(days=104))
        quick = pick(box, date(2019, 12, 9))
        self.answer(quick, quick.day + timedelta(days=3))
        self.answer(box.items[0], None)            # 3 days old, not answered yet
        self.quick = quick

    def seed_links(self) -> None:
        """Three broken internal links: the home page's banner of a removed topic, a notice's body link
        to a deleted notice, a policy's attachment never uploaded."""
        cty, r = self.cty, self.rng
        cty.problems.append({"kind": "broken_link", "column": None, "url": cty.removed_topic,
                             "detail": {"source": "/index.html", "status": 404}})
        notices = cty.find("新闻中心", "通知公告")
        src = next(it for it in notices.items if it.day < date(2019, 10, 1) and "通知" in it.title
                   and it is not cty.annual_form)
        gone = date(2019, 3, 12)
        dead = f"{notices.dir}{gone:%Y%m}/t{gone:%Y%m%d}_{r.randint(2900000, 2999999)}.html"
        src.links.append(("关于做好2019年春季森林防火工作的通知", dead))
        src.extra["dead_link"] = dead
        office = cty.find("政府信息公开", "政策文件", "区政府办公室文件")
        pol = next(it for it in office.items if it.day < date(2019, 11, 30) and not it.attachments)
        name = self.attach(pol, f"{pol.extra['plan']}（全文）", "doc", missing=True)
        self.broken = [(src, dead), (pol, name)]


def _problems(cty: City, b: Builder) -> None:
    as_of = cty.as_of
    for c in cty.columns:
        if not c.leaf:
            continue
        newest = max((it.day for it in c.items if it.day), default=None)
        days = (as_of - newest).days if newest else None
        base = {"kind": None, "column": c.url, "url": c.url}
        if c.cls == "dynamic" and newest:
            if days > 14:
                cty.problems.append({**base, "kind": "stale_dynamic", "detail": {"newest_date": newest.isoformat(), "days": days}})
            elif days >= 13:
                cty.not_problems.append({**base, "kind": "stale_dynamic",
                                         "detail": {"newest_date": newest.isoformat(), "days": days, "reason": "borderline"}})
        elif c.cls == "notice_policy" and newest and newest < _months_before(as_of, 6):
            cty.problems.append({**base, "kind": "stale_notice_policy",
                                 "detail": {"newest_date": newest.isoformat(), "days": days, "first_level": c.ancestors[0].url}})
        elif c.cls == "longterm" and newest and newest < as_of.replace(year=as_of.year - 1):
            cty.problems.append({**base, "kind": "stale_longterm", "detail": {"newest_date": newest.isoformat(), "days": days}})
        elif c.cls == "exempt" and newest and c.name.endswith("动态"):
            cty.not_problems.append({**base, "kind": "stale_dynamic",
                                     "detail": {"newest_date": newest.isoformat(), "days": days, "reason": "historical_topic"}})
        if not c.items and c.empty:
            cty.problems.append({**base, "kind": "blank_column", "detail": {"name": c.name, "says": c.empty}})
    xwzx, bmfw = cty.find("新闻中心"), cty.find("政务服务", "便民服务")
    cty.not_problems.append({"kind": "blank_column", "column": xwzx.url, "url": xwzx.url,
                             "detail": {"name": xwzx.name, "reason": "non_leaf"}})
    cty.not_problems.append({"kind": "blank_column", "column": bmfw.url, "url": bmfw.url,
                             "detail": {"name": bmfw.name, "reason": "undated_links"}})
    # the town without its 信息公开年报
    for unit_col in [c for c in cty.columns if c.layout == "unit"]:
        if not any(e.name == "信息公开年报" for e in unit_col.children):
            cty.problems.append({"kind": "missing_catalogue", "column": unit_col.url, "url": unit_col.url,
                                 "detail": {"unit": unit_col.unit, "entry": "信息公开年报", "reason": "absent"}})
    for src, target in b.broken:
        url = target if target.startswith("/") else src.url.rsplit("/", 1)[0] + "/" + target
        cty.problems.append({"kind": "broken_link", "column": src.column.url, "url": url,
                             "detail": {"source": src.url, "status": 404}})
    # letters: replied more than 15 working days on, or unanswered for more than 3 months
    for c in cty.columns:
        if c.cls != "interaction":
            continue
        for it in c.items:
            lt = it.letter
            if lt is None:
                continue
            rep = lt.replied.date() if lt.replied else None
            detail = {"letter_date": it.day.isoformat(), "reply_date": rep.isoformat() if rep else None,
                      "days": ((rep or as_of) - it.day).days}
            base = {"kind": "overdue_reply", "column": c.url, "url": it.url}
            if rep and working_days(it.day, rep) > 15 or not rep and detail["days"] > 90:
                cty.problems.append({**base, "detail": detail})
            elif not rep:
                cty.not_problems.append({**base, "detail": {**detail, "reason": "recent_unanswered"}})
            elif it is b.quick:
                cty.not_problems.append({**base, "detail": {**detail, "reason": "answered_in_time"}})


def _assign_item_urls(cty: City, b: Builder) -> None:
    r = rng_for(cty.seed, "urls")
    trs = sorted((it for it in cty.items if it.when and not it.column.art and it.letter is None),
                 key=lambda it: (it.when, it.title))
    doc = r.randint(3100000, 3300000)
    for it in trs:                               # TRS names a document by the day it was made
        it.made = it.day - timedelta(days=r.choice([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]))
        doc += r.randint(3, 140)
        it.url = f"{it.column.dir}{it.made:%Y%m}/t{it.made:%Y%m%d}_{doc}.{it.column.ext}"
    art = r.randint(4100000, 4300000)
    for it in sorted((it for it in cty.items if it.column.art), key=lambda it: (it.when, it.title)):
        art += r.randint(1, 60)
        d = it.day
        it.url = f"/art/{d.year}/{d.month}/{d.day}/art_{it.column.colid}_{art}.html"
    lid = r.randint(20000, 40000)
    for it in sorted((it for it in cty.items if it.letter), key=lambda it: (it.when, it.title)):
        lid += r.randint(1, 9)
        it.url = f"{it.column.dir}detail_{lid}.html"
    for it in cty.items:
        if not it.when:
            it.url = f"{it.column.dir}{it.extra['slug']}.html"


def _files(cty: City) -> None:
    """Attachments and pictures beside their articles; the unuploaded one is left out."""
    for it in cty.items:
        folder = it.url.rsplit("/", 1)[0] + "/"
        for label, name in it.attachments:
            if name not in it.extra.get("missing", ()):
                cty.files[folder + name] = (name.rsplit(".", 1)[1], label)
        if it.image:
            cty.files[folder + it.image] = ("png", it.title)


def build_city(seed: int, as_of: date) -> City:
    rng = rng_for(seed, "city")
    name, pinyin, city, prov, area, region = text.DISTRICTS[(seed - 1) % len(text.DISTRICTS)]
    people = set()
    while len(people) < 7:
        people.add(text.person(rng))
    people = sorted(people)
    rng.shuffle(people)
    depts = rng.sample(text.DEPARTMENTS[:6], 3)
    towns = rng.sample(text.TOWNS, 3)
    cty = City(seed=seed, as_of=as_of, name=name, pinyin=pinyin, city=city, prov=prov, area=area, region=region,
               site_id=region[:4] + str(rng.randint(100000, 999999)),
               icp=f"{prov}ICP备{rng.randint(10000000, 19999999)}号-1",
               police=f"{prov}公网安备 {region}02{rng.randint(100000, 999999)}号",
               head=people[0], deputies=people[1:6], departments=depts, towns=towns,
               news_depts=text.DEPARTMENTS, news_towns=text.TOWNS)
    cty.roots = tree(cty)
    assign_urls(cty, rng)
    b = Builder(cty)
    b.build()
    b.seed_letters()
    b.seed_links()
    for c in cty.columns:
        c.items.sort(key=lambda it: it.when or datetime.min, reverse=True)
    _assign_item_urls(cty, b)
    _files(cty)
    _problems(cty, b)
    return cty
