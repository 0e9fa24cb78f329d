"""`portalwatch explain URL`: how portalwatch understands one page, for setting up a site."""
from __future__ import annotations

import urllib.error
import urllib.request
from datetime import date

from rich.console import Console
from rich.table import Table

from crawler.understand.encoding import decode
from crawler.understand.page import PageView, read_page

KIND_NAMES = {"home": "home page (首页)", "column": "column page (栏目)", "article": "article (信息)",
              "missing": "a page saying it does not exist (soft 404: a broken link)", "other": "other"}


class FetchError(Exception):
    pass


def fetch(url: str, timeout: float = 15.0, user_agent: str = "portalwatch/0.1 (explain)") -> tuple[bytes, str, int]:
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read(), response.headers.get("Content-Type", ""), response.status
    except urllib.error.HTTPError as exc:
        return exc.read(), exc.headers.get("Content-Type", ""), exc.code
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"could not fetch {url}: {reason}") from None


def explain(url: str, *, today: date | None = None, home_url: str | None = None,
            overrides: list | None = None, console: Console | None = None) -> PageView:
    console = console or Console()
    body, content_type, status = fetch(url)
    text, encoding = decode(body, content_type)
    is_home = home_url is not None and url.rstrip("/") == home_url.rstrip("/")
    view = read_page(url, text, today=today or date.today(), is_home=is_home, home_url=home_url,
                     overrides=overrides)

    console.print(f"[bold]{url}[/bold]")
    console.print(f"  HTTP {status}, {content_type or 'no content type'}, {len(body)} bytes, decoded as {encoding}")
    console.print(f"  kind        {KIND_NAMES[view.kind]}")
    console.print(f"  title       {view.title or '—'}")
    crumbs = " > ".join(name for name, _ in view.crumbs) or "— (no breadcrumb found)"
    console.print(f"  breadcrumb  {crumbs}")
    if view.chain:
        console.print(f"  column      {view.chain[-1][0]} (level {len(view.chain)}) {view.chain[-1][1] or ''}")
    metas = {k: v for k, v in view.metas.items() if k in ("ColumnType", "SiteName", "SiteIDCode", "PubDate", "ArticleTitle")}
    for key, value in metas.items():
        console.print(f"  meta        {key} = {value}")
    footer = ", ".join(f"{k}: {v or 'MISSING'}" for k, v in view.footer.items())
    console.print(f"  footer      {footer}")

    if view.rows:
        table = Table(title=f"list rows ({len(view.rows)})", show_lines=False)
        for col in ("#", "date", "title", "url"):
            table.add_column(col, overflow="fold")
        for i, row in enumerate(view.rows, 1):
            table.add_row(str(i), row.date.isoformat() if row.date else "[red]no date[/red]", row.title, row.url)
        console.print(table)
    elif view.kind == "column":
        console.print("  list rows   none" + (" (the page says 暂无信息)" if view.empty_marker else ""))
    if view.kind in ("column", "home"):
        console.print(f"  pagination  {len(view.pages)} other page(s) found"
                      + (f", the page says 共{view.total_pages}页" if view.total_pages else ""))
        for next_url in view.pages[:20]:
            console.print(f"              → {next_url}")
        for data_url, form in view.data_requests[:20]:
            console.print(f"              → POST {data_url} {form}" if form is not None else f"              → GET {data_url}")
    if view.kind == "article":
        for source, value in view.dates.items():
            console.print(f"  date ({source:7}) {value or '—'}")
        if view.written_date:
            console.print(f"  成文日期     {view.written_date}")
        for label, value in view.fields.items():
            console.print(f"  field       {label}: {value[:80]}")
        for attachment in view.attachments:
            console.print(f"  attachment  {attachment['name']} {attachment['url']}")
        if view.tables:
            console.print(f"  tables      {len(view.tables)} data table(s)")
    console.print(f"  links       {len(view.links)}")
    return view
