"""Many sites, one office: the site registry (a folder of site configs) and crawling them all."""
from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from crawler import store
from crawler.config import Site, load_site


def config_files(paths: list[Path]) -> list[Path]:
    """Site configs named, or found in named folders (*.yml, *.yaml), in name order."""
    files = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml"))
        else:
            files.append(path)
    return files


def load_sites(paths: list[Path], db: Path | None = None) -> list[Site]:
    return [load_site(f, db=db) for f in config_files(paths)]


def overview(site: Site) -> dict:
    """A site's last crawl, last check and verdict, as `portalwatch sites` shows them."""
    row = {"site": site.name, "start_url": site.start_url, "db": str(site.db),
           "last_crawl": None, "crawl_outcome": None, "pages": None, "items": None,
           "last_check": None, "as_of": None, "verdict": None}
    if not site.db.exists():
        return row
    db = store.open_db(site.db)
    crawl = store.latest_crawl(db, site.name)
    if crawl:
        row.update(last_crawl=crawl["finished"] or crawl["started"], crawl_outcome=crawl["outcome"],
                   pages=crawl["pages"], items=crawl["items"])
    if db["checks"].exists():
        checks = list(db.query("select finished, as_of, verdict from checks where site = ? "
                               "order by id desc limit 1", [site.name]))
        if checks:
            row.update(last_check=checks[0]["finished"], as_of=checks[0]["as_of"], verdict=checks[0]["verdict"])
    db.close()
    return row


def crawl_all(files: list[Path], parallel: int, args: list[str]) -> dict[str, int]:
    """Crawl each site in its own process (its own lock and politeness), `parallel` at a time.

    Returns each config's exit status.
    """
    def one(path: Path) -> tuple[str, int]:
        return str(path), subprocess.run([sys.executable, "-m", "crawler", "crawl", str(path), *args]).returncode

    with ThreadPoolExecutor(max_workers=max(parallel, 1)) as pool:
        return dict(pool.map(one, files))
