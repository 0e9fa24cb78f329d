"""The review web app: `create_app(db_path, *, password=None, secret_key=None)`.

Server-rendered Flask + jinja2 (autoescaped; nothing crawled is ever marked safe), a little
JavaScript in static/app.js, no inline script (the Content-Security-Policy forbids it).
Every POST carries the session's CSRF token. With a password, every page needs a login.
One short-lived SQLite connection per request (WAL, busy_timeout), so a crawl or a check
writing the same file never blocks the analyst for long.
"""
from __future__ import annotations

import hmac
import json
import os
import secrets
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import sqlite_utils
from flask import (Flask, Response, current_app, abort, flash, g, get_template_attribute, redirect, render_template,
                   request, session, url_for)

from crawler import decisions, store

from . import data, exports, labels, state

VISIT_HOURS = 6          # a "visit" is a working session: the overview's "new since" baseline rolls after this
REVIEWER_MAX = 40


def create_app(db_path, *, password: str | None = None, secret_key: str | None = None,
               site: str | None = None) -> Flask:
    """The review app over one store; `site` is the site shown first (default: the latest checked)."""
    db_path = Path(db_path)
    setup = store.open_db(db_path)
    try:
        decisions.ensure_schema(setup)
        state.ensure_schema(setup)
        key = secret_key or os.environ.get("PORTALWATCH_SECRET_KEY") or state.secret_key(setup)
    finally:
        setup.conn.close()
    if password is None:
        password = os.environ.get("PORTALWATCH_PASSWORD") or None

    app = Flask(__name__)
    app.config["PORTALWATCH_SITE"] = site
    app.config.update(
        SECRET_KEY=key, SESSION_COOKIE_NAME="portalwatch_review", SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax", PERMANENT_SESSION_LIFETIME=timedelta(days=30),
        MAX_CONTENT_LENGTH=4 * 1024 * 1024, JSON_AS_ASCII=False,
        PORTALWATCH_DB=str(db_path), PORTALWATCH_PASSWORD=password,
    )
    app.jinja_env.autoescape = True
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.extensions["portalwatch_cache"] = data.Cache()
    _filters(app)
    _security(app)
    _routes(app)
    return app


# -- per-request database -----------------------------------------------------------------


def get_db() -> sqlite_utils.Database:
    if "db" not in g:
        conn = sqlite3.connect(current_db_path(), timeout=30, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=30000")
        g.db = sqlite_utils.Database(conn)
    return g.db


def cache() -> data.Cache:
    from flask import current_app
    return current_app.extensions["portalwatch_cache"]


def current_db_path() -> str:
    from flask import current_app
    return current_app.config["PORTALWATCH_DB"]


# -- templates' helpers ---------------------------------------------------------------------


def _filters(app: Flask) -> None:
    env = app.jinja_env
    env.filters["kind_label"] = labels.kind_label
    env.filters["status_label"] = lambda s: labels.STATUS_LABELS.get(s, s or "")
    env.filters["severity_label"] = lambda s: labels.SEVERITY_LABELS.get(s, s or "")
    env.filters["level_label"] = lambda s: labels.LEVEL_LABELS.get(s, s or "")
    env.filters["decision_label"] = lambda s: labels.DECISION_LABELS.get(s, s or "")
    env.filters["when"] = lambda s: (s or "")[:16].replace("T", " ")
    env.filters["day"] = lambda s: (s or "")[:10]
    env.filters["http_url"] = data.http_url
    env.filters["pretty"] = lambda v: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    env.globals.update(STATUS_LABELS=labels.STATUS_LABELS, SEVERITY_LABELS=labels.SEVERITY_LABELS,
                       KIND_LABELS=labels.KIND_LABELS, SORTS=data.SORTS, STATUS_ORDER=labels.STATUS_ORDER,
                       DISMISS_REASONS=labels.DISMISS_REASONS, DECISION_LABELS=labels.DECISION_LABELS)


# -- security: login, reviewer name, CSRF, headers ---------------------------------------------

OPEN_ENDPOINTS = {"static", "login"}


def _security(app: Flask) -> None:
    @app.before_request
    def guard():
        if request.endpoint == "static":
            return None
        session.permanent = True
        if "csrf" not in session:
            session["csrf"] = secrets.token_urlsafe(32)
        if request.method == "POST":
            sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
            if not hmac.compare_digest(sent.encode(), session["csrf"].encode()):
                return render_template("error.html", title="请求被拒绝",
                                       message="页面已过期或请求来源不明（安全校验失败）。请返回、刷新页面后重试。"), 400
        password = app.config["PORTALWATCH_PASSWORD"]
        if password and not session.get("auth") and request.endpoint not in OPEN_ENDPOINTS:
            return redirect(url_for("login", next=_here()))
        if not session.get("reviewer") and request.endpoint not in OPEN_ENDPOINTS | {"reviewer", "logout"}:
            return redirect(url_for("reviewer", next=_here()))
        return None

    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; frame-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["Referrer-Policy"] = "no-referrer"
        if resp.mimetype == "text/html":
            resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.teardown_appcontext
    def close_db(exc):
        db = g.pop("db", None)
        if db is not None:
            db.conn.close()

    @app.context_processor
    def common():
        return {"csrf_token": session.get("csrf", ""), "reviewer_name": session.get("reviewer"),
                "needs_login": bool(app.config["PORTALWATCH_PASSWORD"])}


def _here() -> str:
    return request.full_path.rstrip("?") if request.method == "GET" else url_for("overview")


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return url_for("overview")


# -- routes ------------------------------------------------------------------------------------


def _site(db) -> str | None:
    """The site shown: ?site=, else the session's, else the latest checked one."""
    known = data.sites(db)
    g.sites = known
    wanted = request.args.get("site") or session.get("site") or current_app.config.get("PORTALWATCH_SITE")
    site = wanted if wanted in known else data.default_site(db)
    if site and session.get("site") != site:
        session["site"] = site
    g.site = site
    return site


def _since(db, site: str, check: dict | None) -> tuple[int, str | None]:
    """The check the reviewer's previous visit ended on (the overview's "new since" baseline).

    A visit lasts VISIT_HOURS in this browser; the first overview of a new visit reads the
    stored baseline and stores the latest check in its place."""
    visits = dict(session.get("visits") or {})
    mark = visits.get(site)
    if mark is None or time.time() - mark[1] > VISIT_HOURS * 3600:
        prev = state.last_visit(db, session["reviewer"], site)
        state.record_visit(db, session["reviewer"], site, check["id"] if check else 0)
        mark = [prev["check_id"] if prev else 0, time.time(), prev["visited_at"] if prev else None]
        visits[site] = mark
        session["visits"] = visits
    return mark[0], (mark[2] if len(mark) > 2 else None)


def _routes(app: Flask) -> None:
    @app.get("/")
    def overview():
        db = get_db()
        site = _site(db)
        if site is None:
            return render_template("empty.html", title="概览")
        check = data.latest_check(db, site)
        since, since_at = _since(db, site, check)
        info = data.overview(db, site, since, cache())
        # the tree changes with a check, or with a decision on one of its staleness findings
        flags = data.cached(db, cache(), "flags", (site,), lambda: tuple(data.column_flags(db, site)))
        key = ("tree-html", site, check["id"] if check else None, hash(flags))
        info["tree_html"] = cache().get(key, lambda: get_template_attribute("macros.html", "tree")(
            data.column_tree(db, site, check, flags)))
        return render_template("overview.html", title="概览", site=site, info=info, since=since,
                               since_at=since_at, home=data.home_url(db, site))

    @app.get("/sites")
    def sites():
        db = get_db()
        _site(db)
        return render_template("sites.html", title="全部网站", rows=data.sites_overview(db))

    @app.get("/findings")
    def findings():
        db = get_db()
        site = _site(db)
        if site is None:
            return render_template("empty.html", title="问题清单")
        flt = data.Filters.from_args(request.args, site)
        rows, total = data.page_of_findings(db, flt, cache=cache())
        pages = max((total + flt.per - 1) // flt.per, 1)
        return render_template(
            "findings.html", title="问题清单", site=site, flt=flt, rows=rows, total=total,
            page=min(flt.page, pages), pages=pages, facets=data.facets(db, flt, cache()),
            indicators=data.indicator_labels(db, site), per_choices=data.PER_PAGE_CHOICES)

    @app.get("/findings/<int:fid>")
    def finding(fid: int):
        db = get_db()
        row = data.finding(db, fid)
        if row is None:
            abort(404)
        _site(db)
        flt = data.Filters.from_args(request.args, row["site"])
        return render_template("finding.html", title=f"问题 #{fid}", f=row, flt=flt, site=row["site"],
                               nav=data.neighbours(db, flt, fid, cache()), **_evidence(db, row))

    @app.post("/findings/<int:fid>/decide")
    def decide(fid: int):
        db = get_db()
        row = data.finding(db, fid)
        if row is None:
            abort(404)
        back = request.form.get("back", "")
        decision = request.form.get("decision", "")
        reason = _reason(request.form)
        following = None
        if request.form.get("then") == "next":     # the next one in the list as it was shown
            following = data.neighbours(db, data.Filters.from_args(_args(back), row["site"]), fid, cache())["next"]
        try:
            decisions.decide(db, [fid], decision, by=session["reviewer"], reason=reason,
                             note=request.form.get("note"))
        except decisions.DecisionError as exc:
            flash(_decision_error(exc), "error")
            return redirect(url_for("finding", fid=fid) + ("?" + back if back else ""))
        flash(f"已记录：#{fid} {labels.DECISION_LABELS.get(decision, decision)}", "ok")
        return redirect(url_for("finding", fid=following or fid) + ("?" + back if back else ""))

    @app.post("/findings/bulk")
    def bulk():
        db = get_db()
        site = _site(db)
        flt = data.Filters.from_args(request.form, site)
        decision = request.form.get("decision", "")
        if request.form.get("scope") == "filter":
            ids = data.ordered_ids(db, flt, cache())
        else:
            ids = data.ids_of_site(db, site, [i for i in request.form.getlist("ids") if i.isdigit()])
        if not ids:
            flash("没有选中任何问题。", "error")
        else:
            try:
                done = decisions.decide(db, ids, decision, by=session["reviewer"], reason=_reason(request.form),
                                        note=request.form.get("note"))
                flash(f"已对 {len(done)} 条问题执行：{labels.DECISION_LABELS.get(decision, decision)}", "ok")
            except decisions.DecisionError as exc:
                flash(_decision_error(exc), "error")
        query = flt.query(page=1)
        return redirect(url_for("findings") + ("?" + query if query else ""))

    @app.get("/findings.csv")
    def export_csv():
        db = get_db()
        site = _site(db)
        flt = data.Filters.from_args(request.args, site)
        body = exports.to_csv(data.export_rows(db, flt))
        return _download(body, exports.filename(site, flt.unit, "csv"), "text/csv; charset=utf-8")

    @app.get("/findings.xlsx")
    def export_xlsx():
        db = get_db()
        site = _site(db)
        flt = data.Filters.from_args(request.args, site)
        rows = data.export_rows(db, flt)
        check = data.latest_check(db, site)
        title = f"{flt.unit or site} 网站检查问题清单"
        subtitle = (f"站点 {site}；检查日 {check['as_of'] if check else '—'}；共 {len(rows)} 条；"
                    f"导出时间 {store.now()[:16].replace('T', ' ')}")
        body = exports.to_xlsx(rows, title, subtitle)
        return _download(body, exports.filename(site, flt.unit, "xlsx"),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    @app.get("/column")
    def column():
        db = get_db()
        site = _site(db)
        url = request.args.get("url", "")
        col = data.column(db, site, url)
        if col is None:
            abort(404)
        check = data.latest_check(db, site)
        return render_template("column.html", title=col["name"] or "栏目", site=site, col=col,
                               items=data.latest_items(db, site, url, limit=30),
                               children=data.child_columns(db, site, url),
                               parent=data.column(db, site, col["parent_url"]),
                               findings=data.column_findings(db, site, url), check=check)

    @app.get("/page")
    def snapshot():
        db = get_db()
        site = _site(db)
        url = request.args.get("url", "")
        it = data.item(db, site, url)
        pg = data.page(db, site, url)
        if it is None and pg is None:
            abort(404)
        mark = [m for m in request.args.getlist("mark") if m][:5]
        text = data.marked(it["text"] if it else None, mark)
        return render_template("page.html", title=(it or {}).get("title") or (pg or {}).get("title") or url,
                               site=site, url=url, it=it, pg=pg, text=text,
                               col=data.column(db, site, (it or pg or {}).get("column_url")),
                               findings=data.url_findings(db, site, url))

    @app.route("/reviewer", methods=["GET", "POST"])
    def reviewer():
        if request.method == "POST":
            name = " ".join((request.form.get("name") or "").split())[:REVIEWER_MAX]
            if not name:
                flash("请填写您的姓名。", "error")
            else:
                session["reviewer"] = name
                session.pop("visits", None)
                return redirect(_safe_next(request.form.get("next")))
        return render_template("reviewer.html", title="审核人", next=_safe_next(request.args.get("next")),
                               current=session.get("reviewer", ""))

    @app.route("/login", methods=["GET", "POST"])
    def login():
        password = app.config["PORTALWATCH_PASSWORD"]
        if not password:
            return redirect(url_for("overview"))
        if request.method == "POST":
            given = request.form.get("password", "")
            if hmac.compare_digest(given.encode(), password.encode()):
                reviewer_name = session.get("reviewer")
                session.clear()
                session["auth"] = True
                session["csrf"] = secrets.token_urlsafe(32)
                if reviewer_name:
                    session["reviewer"] = reviewer_name
                return redirect(_safe_next(request.form.get("next")))
            time.sleep(0.5)
            flash("密码不正确。", "error")
        return render_template("login.html", title="登录", next=_safe_next(request.args.get("next")))

    @app.post("/logout")
    def logout():
        session.clear()
        return redirect(url_for("login") if app.config["PORTALWATCH_PASSWORD"] else url_for("reviewer"))

    @app.errorhandler(404)
    def not_found(exc):
        return render_template("error.html", title="未找到", message="没有找到这个页面或这条记录。"), 404


def _args(query: str):
    from werkzeug.datastructures import MultiDict
    from urllib.parse import parse_qsl
    return MultiDict(parse_qsl(query))


def _reason(form) -> str | None:
    text = (form.get("reason_text") or "").strip()
    choice = (form.get("reason") or "").strip()
    if choice and choice != "其他":
        return f"{choice}；{text}" if text else choice
    return text or None


def _decision_error(exc: Exception) -> str:
    text = str(exc)
    if "reason" in text:
        return "排除（误报）需要填写理由。"
    if "note" in text:
        return "备注不能为空。"
    if "reviewer" in text:
        return "请先填写审核人姓名。"
    return "无法记录该操作。"


def _download(body: bytes, name: str, mimetype: str) -> Response:
    from urllib.parse import quote
    ascii_name = name.encode("ascii", "ignore").decode() or "findings"
    resp = Response(body, mimetype=mimetype)
    resp.headers["Content-Disposition"] = (f"attachment; filename=\"{ascii_name}\"; "
                                           f"filename*=UTF-8''{quote(name)}")
    return resp


def _evidence(db, f: dict) -> dict:
    """What the detail page shows beside the finding, by kind."""
    site, ev, kind = f["site"], f["ev"], f["kind"]
    out: dict = {"item": data.item(db, site, f["url"]), "page": data.page(db, site, f["url"]),
                 "col": data.column(db, site, f["column_url"]), "history": decisions.history(db, f["id"]),
                 "check": data.latest_check(db, site), "latest": [], "sources": [], "target": None,
                 "failed": [], "context": None, "snapshot_marks": [], "snapshot_item": None}
    if kind in labels.STALE_KINDS and f["column_url"]:
        out["latest"] = data.latest_items(db, site, f["column_url"])
    elif kind == "homepage_stale":
        out["latest"] = data.home_items(db, site, f["url"] or data.home_url(db, site))
    if kind == "broken_link" or (kind == "policy_interpretation_link" and ev.get("target")):
        out["target"] = data.target(db, site, ev.get("target") or f["url"])
        out["failed"] = data.crawls_by_id(db, ev.get("failed_crawls"))
        sources = ev.get("sources") or ([{"url": f["url"], "anchor": ev.get("anchor")}] if ev.get("target") else [])
        out["sources"] = data.link_sources(db, site, sources)
        if out["item"] is None and out["sources"]:
            out["snapshot_item"] = data.item(db, site, out["sources"][0]["url"])
            out["snapshot_marks"] = [s["anchor"] for s in out["sources"][:1] if s.get("anchor")]
    if kind == "typo":
        out["context"] = data.marked(ev.get("context") or "", [ev.get("wrong")])
        out["snapshot_marks"] = [ev.get("wrong")]
    snap = out["snapshot_item"] or out["item"]
    out["snapshot"] = data.marked(snap["text"] if snap else None, out["snapshot_marks"])
    out["snapshot_source"] = snap
    return out
