"""Availability probes (站点无法访问): the home page and a few key columns, on a schedule.

A probe that has not loaded after the timeout (15 s, as the inspection rules say) is a
failure; so is a refused connection or an HTTP error. The site_unreachable rule turns the
failure ratio over the period into the verdict.
"""
from __future__ import annotations

import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from crawler.config import Site

KEY_COLUMNS = 3   # first-level columns probed besides the home page, when the config names none


def probe_urls(site: Site, db) -> list[str]:
    configured = site.overrides.get("probe_urls")
    if configured:
        return [site.start_url, *configured]
    known = [r[0] for r in db.execute(
        "select url from columns where site = ? and level = 1 order by rowid limit ?", [site.name, KEY_COLUMNS])]
    return [site.start_url, *known]


def probe_once(urls: list[str], timeout: float, user_agent: str) -> list[dict]:
    with ThreadPoolExecutor(max_workers=len(urls) or 1) as pool:
        return list(pool.map(lambda url: _probe(url, timeout, user_agent), urls))


def _probe(url: str, timeout: float, user_agent: str) -> dict:
    at = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
    start = time.perf_counter()
    status, error = None, None
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"http {exc.code}"
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        error = "timeout" if "timed out" in str(reason) or isinstance(reason, TimeoutError) else str(reason)
    elapsed = (time.perf_counter() - start) * 1000
    ok = status is not None and status < 400 and elapsed <= timeout * 1000
    if status is not None and not ok and error is None:
        error = "timeout"
    return {"url": url, "at": at, "status": status, "elapsed_ms": round(elapsed, 1), "ok": int(ok), "error": error}


def parse_every(text: str) -> float:
    """'30s', '5m', '1h' → seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    try:
        return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)
    except (ValueError, IndexError):
        raise ValueError(f"not an interval (like 30s, 5m, 1h): {text}") from None
