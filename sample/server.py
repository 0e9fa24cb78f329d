"""A small, fast static HTTP/1.1 server for the sample portal.

* stdlib ``ThreadingHTTPServer`` (daemon threads), keep-alive, exact Content-Length;
* GET and HEAD; ETag (mtime+size) and Last-Modified; If-None-Match / If-Modified-Since -> 304;
* 404 with an HTML body (the site's ``/404.html`` when present), 403 for ``/forbidden/...``;
* a directory serves its ``index.html`` (``/zwgk`` redirects to ``/zwgk/``);
* file bytes and stat results are cached in a dict and re-validated with one ``stat`` per request;
* what the generator writes beside the pages (root files named ``_*.json``, never served):
  ``_charsets.json`` the Content-Type charset of the GBK pages (``"GBK"``, ``""`` for none, or
  ``"UTF-8"`` for the mislabelled one); ``_pages.json`` the ``list.html?page=N`` lists (page N is the
  file ``list_pN.html``; past the end: the last page again where ``clamp``, else 404; ``"param"`` names
  another query key, e.g. ``pageIndex``);
  ``_dataproxy.json`` the Hanweb records behind ``/module/web/jpage/dataproxy.jsp`` (GET or POST,
  ``columnid`` required, ``startrecord``/``endrecord``/``perpage``); ``_jpaas.json`` the 集约化
  units behind ``/api-gateway/jpaas-publish-server/front/page/build/unit`` (GET, ``pageId``
  required, ``paramJson={"pageNo":N,"pageSize":M}`` for page N); ``_queries.json`` pages that differ
  only by one query value (``{"/module/download/downfile.jsp": {"param": "filename", "file":
  "/uploadfiles/{}"}}``: ``downfile.jsp?classid=0&filename=X.pdf`` is the file ``/uploadfiles/X.pdf``;
  a value naming no file, or none at all, is 404; with ``"params": [keys]`` instead of ``"param"``,
  ``"file"`` names each as ``{key}`` and ``"defaults"`` stands in for absent ones:
  ``{"/index.php": {"params": ["a", "catid", "page"], "defaults": {"page": "1"}, "file":
  "/c/{a}/{catid}_{page}.html"}}``).

``serve(root)`` is a context manager yielding the base URL; ``serve_forever`` is for the CLI.
"""
from __future__ import annotations

import contextlib
import json
import os
import posixpath
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote

DATAPROXY = "/module/web/jpage/dataproxy.jsp"
JPAAS_UNIT = "/api-gateway/jpaas-publish-server/front/page/build/unit"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8", ".shtml": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".js": "application/javascript; charset=utf-8",
    ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".ico": "image/x-icon",
    ".svg": "image/svg+xml", ".pdf": "application/pdf", ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".wps": "application/kswps", ".zip": "application/zip", ".rar": "application/x-rar-compressed",
}

REASONS = {200: "OK", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request", 403: "Forbidden",
           404: "Not Found", 405: "Method Not Allowed"}

FORBIDDEN_BODY = ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>403 Forbidden</title>"
                  "</head><body><h1>403 Forbidden</h1><p>您没有权限访问该页面。</p></body></html>\n").encode("utf-8")
NOT_FOUND_BODY = ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>404 Not Found</title>"
                  "</head><body><h1>404 Not Found</h1><p>抱歉，您访问的页面不存在或已被删除！</p></body></html>\n").encode("utf-8")

_date_cache = [0, ""]


def _http_date() -> str:
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0], _date_cache[1] = now, formatdate(now, usegmt=True)
    return _date_cache[1]


class _Entry:
    __slots__ = ("key", "body", "etag", "last_modified", "mtime", "ctype")

    def __init__(self, key, body, etag, last_modified, mtime, ctype):
        self.key, self.body, self.etag = key, body, etag
        self.last_modified, self.mtime, self.ctype = last_modified, mtime, ctype


class SampleHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, root, host="127.0.0.1", port=0):
        self.root = os.path.abspath(os.fspath(root))
        self.files: dict[str, _Entry] = {}     # file system path -> entry
        self.routes: dict[str, tuple] = {}     # url path -> ("file", fs path) | ("redirect", loc) | ("missing",)
        self.lock = threading.Lock()
        self.request_count = 0
        self.charsets = self._json("_charsets.json")    # url path -> header charset ("" = none)
        self.query_pages = self._json("_pages.json")    # url path -> {"pages": n, "clamp": bool, "param"?: key}
        self.dataproxy = self._json("_dataproxy.json")  # columnid -> [record html]
        self.jpaas = self._json("_jpaas.json")            # pageId -> {"rows", "per_page", "query"}
        self.query_files = self._json("_queries.json")    # url path -> {"param": key, "file": "/dir/{}.html"}
        super().__init__((host, port), _Handler)

    def handle_error(self, request, client_address):
        """A client that hangs up (a crawler killed mid-request) is not an error worth a traceback."""
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def _json(self, name: str) -> dict:
        try:
            with open(os.path.join(self.root, name), encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    # -- lookups ------------------------------------------------------------
    def route(self, path: str) -> tuple:
        r = self.routes.get(path)
        if r is not None:
            return r
        norm = posixpath.normpath(path)
        if path.endswith("/") and norm != "/":
            norm += "/"
        parts = [p for p in norm.split("/") if p]
        if any(p in ("..", ".") or "\x00" in p or "\\" in p for p in parts) or \
                (len(parts) == 1 and parts[0].startswith("_")):
            r = ("missing",)
        else:
            fs = os.path.join(self.root, *parts)
            if os.path.isdir(fs):
                if not path.endswith("/"):
                    r = ("redirect", path + "/")
                else:
                    idx = os.path.join(fs, "index.html")
                    r = ("file", idx) if os.path.isfile(idx) else ("missing",)
            elif os.path.isfile(fs) and not path.endswith("/"):
                r = ("file", fs)
            else:
                r = ("missing",)
        if len(self.routes) < 500_000:
            self.routes[path] = r
        return r

    def load(self, fs: str) -> _Entry | None:
        try:
            st = os.stat(fs)
        except OSError:
            return None
        key = (st.st_mtime_ns, st.st_size)
        e = self.files.get(fs)
        if e is not None and e.key == key:
            return e
        try:
            with open(fs, "rb") as f:
                body = f.read()
        except OSError:
            return None
        ext = os.path.splitext(fs)[1].lower()
        ctype = CONTENT_TYPES.get(ext, "application/octet-stream")
        if self.charsets:
            url = "/" + os.path.relpath(fs, self.root).replace(os.sep, "/")
            cs = self.charsets.get(url)
            if cs is not None:
                ctype = f"text/html; charset={cs}" if cs else "text/html"
        e = _Entry(key, body, f'"{st.st_mtime_ns:x}-{st.st_size:x}"', formatdate(st.st_mtime, usegmt=True),
                   int(st.st_mtime), ctype)
        self.files[fs] = e
        return e


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "portalwatch-sample/1.0"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 120          # idle keep-alive connections are dropped after this
    server: SampleHTTPServer

    def log_message(self, format, *args):  # quiet
        pass

    def do_GET(self):
        self._serve(True)

    def do_HEAD(self):
        self._serve(False)

    def _other(self):
        self._discard_body()
        self._respond(405, [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                      b"Method Not Allowed\n", True)

    def do_POST(self):
        body = self._discard_body()
        if self._path() == DATAPROXY:
            self._dataproxy(body.decode("utf-8", errors="replace"), True)
        else:
            self._respond(405, [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                          b"Method Not Allowed\n", True)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _other

    def _discard_body(self) -> bytes:
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            n = 0
        return self.rfile.read(n) if n > 0 else b""

    def _path(self) -> str:
        raw = self.path
        if raw.startswith(("http://", "https://")):  # absolute-form request target
            slash = raw.find("/", raw.find("//") + 2)
            raw = raw[slash:] if slash >= 0 else "/"
        path = unquote(raw.split("?", 1)[0].split("#", 1)[0]) or "/"
        return path if path.startswith("/") else "/" + path

    def _query(self) -> str:
        return self.path.split("#", 1)[0].split("?", 1)[1] if "?" in self.path else ""

    def _dataproxy(self, form: str, send_body: bool):
        """Hanweb jpage: records startrecord..endrecord (1-based, inclusive) of the column ``columnid``."""
        params = {}
        for source in (self._query(), form):
            for k, v in parse_qs(source, keep_blank_values=True).items():
                params[k.lower()] = v[-1]
        colid = params.get("columnid", "").strip()
        if not colid:
            self._respond(400, [("Content-Type", "text/plain; charset=utf-8")], b"columnid is required\n", send_body)
            return
        try:
            per = max(1, int(params.get("perpage") or 15))
            start = max(1, int(params.get("startrecord") or 1))
            end = int(params.get("endrecord") or start + per * 3 - 1)
        except ValueError:
            self._respond(400, [("Content-Type", "text/plain; charset=utf-8")], b"bad record range\n", send_body)
            return
        records = self.server.dataproxy.get(colid, [])
        chunk = records[start - 1:max(end, start - 1)]
        xml = ['<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n',
               f"<totalrecord>{len(records)}</totalrecord>\n<totalpage>{-(-len(records) // per)}</totalpage>\n",
               "<recordset>\n"]
        xml += [f"<record><![CDATA[\n{r}]]></record>\n" for r in chunk]
        xml.append("</recordset>\n</datastore>\n")
        self._respond(200, [("Content-Type", "text/xml;charset=UTF-8"), ("Cache-Control", "no-cache")],
                      "".join(xml).encode("utf-8"), send_body)

    def _jpaas_unit(self, send_body: bool):
        """A jpaas unit's answer: JSON whose data.html holds one page of rows and the pager."""
        params = {k: v[-1] for k, v in parse_qs(self._query(), keep_blank_values=True).items()}
        unit = self.server.jpaas.get(params.get("pageId", ""))
        if unit is None:
            self._respond(404, [("Content-Type", "application/json;charset=UTF-8")],
                          b'{"success":false,"code":"404","message":"unit not found"}', send_body)
            return
        try:
            paging = json.loads(params.get("paramJson") or "{}")
            page, per = int(paging.get("pageNo", 1)), int(paging.get("pageSize", unit["per_page"]))
        except (ValueError, TypeError, AttributeError):
            page, per = 1, unit["per_page"]
        rows = unit["rows"][(page - 1) * per:page * per] if page >= 1 and per >= 1 else []
        html = ('<ul>  <div id="信息列表">\n    <div class="page-content">\n' + "\n".join(rows)
                + '\n    </div>\n  </div>\n</ul>\n'
                f'<table class="pagination default_pgToolbar" queryData="{unit["query"]}" rows="{per}" '
                f'unitid="信息列表" count="{len(unit["rows"])}" pageNo="{page}" unitUrl="{JPAAS_UNIT}">'
                '<tr><td></td></tr></table>\n')
        answer = {"success": True, "message": "生成成功", "code": "200", "data": {"html": html}}
        self._respond(200, [("Content-Type", "application/json;charset=UTF-8"), ("Cache-Control", "no-cache")],
                      json.dumps(answer, ensure_ascii=False).encode("utf-8"), send_body)

    # -- internals --------------------------------------------------------------
    def _respond(self, code: int, headers: list, body: bytes | None, send_body: bool):
        h = [f"HTTP/1.1 {code} {REASONS.get(code, 'OK')}\r\nServer: {self.server_version}\r\nDate: {_http_date()}\r\n"]
        for k, v in headers:
            h.append(f"{k}: {v}\r\n")
        if body is not None:
            h.append(f"Content-Length: {len(body)}\r\n")
        if self.close_connection:
            h.append("Connection: close\r\n")
        elif self.request_version == "HTTP/1.0":
            h.append("Connection: keep-alive\r\n")
        h.append("\r\n")
        data = "".join(h).encode("latin-1")
        if send_body and body:
            data += body
        self.wfile.write(data)
        self.server.request_count += 1

    def _serve(self, send_body: bool):
        path = self._path()
        srv = self.server
        if path == "/forbidden" or path.startswith("/forbidden/"):
            self._respond(403, [("Content-Type", "text/html; charset=utf-8")], FORBIDDEN_BODY, send_body)
            return
        if path == DATAPROXY:
            self._dataproxy("", send_body)
            return
        if path == JPAAS_UNIT:
            self._jpaas_unit(send_body)
            return
        qf = srv.query_files.get(path)
        if qf is not None and "params" in qf:           # one file per combination of several query values
            query, path = parse_qs(self._query()), qf["file"]
            for key in qf["params"]:
                value = query.get(key, [qf.get("defaults", {}).get(key, "")])[-1]
                if not (value and value[0] not in "./" and all(ch.isalnum() or ch in "._-" for ch in value)):
                    path = "/no-such-page"
                    break
                path = path.replace("{" + key + "}", value)
        elif qf is not None:                            # one file per value of one query parameter
            value = parse_qs(self._query()).get(qf["param"], [""])[-1]
            ok = value and value[0] not in "./" and all(ch.isalnum() or ch in "._-" for ch in value)
            path = qf["file"].replace("{}", value) if ok else "/no-such-page"
        qp = srv.query_pages.get(path)
        if qp is not None:
            page = parse_qs(self._query()).get(qp.get("param", "page"), ["1"])[-1]
            try:
                n = int(page)
            except ValueError:
                n = 0
            if n > qp["pages"] and qp.get("clamp"):
                n = qp["pages"]                         # past the end: the last page again
            if n < 1 or n > qp["pages"]:
                path = "/no-such-page"
            elif n > 1:
                path = path.rsplit("/", 1)[0] + f"/list_p{n}.html"
        r = srv.route(path)
        if r[0] == "redirect":
            q = self.path.split("?", 1)
            loc = r[1] + ("?" + q[1] if len(q) > 1 else "")
            self._respond(301, [("Location", loc), ("Content-Type", "text/html; charset=utf-8")],
                          f'<a href="{loc}">{loc}</a>\n'.encode(), send_body)
            return
        e = srv.load(r[1]) if r[0] == "file" else None
        if e is None:
            nf = srv.load(os.path.join(srv.root, "404.html"))
            self._respond(404, [("Content-Type", "text/html; charset=utf-8")], nf.body if nf else NOT_FOUND_BODY,
                          send_body)
            return
        hdrs = self.headers
        inm = hdrs.get("If-None-Match")
        not_modified = False
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            not_modified = "*" in tags or e.etag in tags or ("W/" + e.etag) in tags
        else:
            ims = hdrs.get("If-Modified-Since")
            if ims:
                try:
                    not_modified = e.mtime <= parsedate_to_datetime(ims).timestamp()
                except (TypeError, ValueError, IndexError, OverflowError):
                    not_modified = False
        if not_modified:
            self._respond(304, [("ETag", e.etag), ("Last-Modified", e.last_modified)], None, False)
            return
        self._respond(200, [("Content-Type", e.ctype), ("ETag", e.etag), ("Last-Modified", e.last_modified),
                            ("Accept-Ranges", "none")], e.body, send_body)


def make_server(root, host: str = "127.0.0.1", port: int = 0) -> SampleHTTPServer:
    root = os.fspath(root)
    if not os.path.isdir(root):
        raise FileNotFoundError(root)
    return SampleHTTPServer(root, host, port)


def site_root(path) -> str:
    """Accept either the generator's output directory (holding ``site/``) or the site itself."""
    p = os.fspath(path)
    if not os.path.isfile(os.path.join(p, "index.html")) and os.path.isfile(os.path.join(p, "site", "index.html")):
        return os.path.join(p, "site")
    return p


@contextlib.contextmanager
def serve(root, host: str = "127.0.0.1", port: int = 0):
    """Run the server in a background thread; yield its base URL (``http://127.0.0.1:PORT``)."""
    httpd = make_server(site_root(root), host, port)
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                         name="sample-http", daemon=True)
    t.start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        t.join(5)


def serve_forever(root, host: str = "127.0.0.1", port: int = 8080, ready=None) -> None:
    """Serve until interrupted (Ctrl-C).  ``ready(url)`` is called once listening."""
    httpd = make_server(site_root(root), host, port)
    try:
        if ready is not None:
            ready(f"http://{host}:{httpd.server_address[1]}")
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
