"""What the held-out portals' generators (sample/county, sample/city, sample/jcms) share: the
column tree's walk, the site folder they write, their command line. Their templates stay
apart, written without reading one another: that is what makes them held out."""
from __future__ import annotations

import argparse
import random
import shutil
from datetime import date
from pathlib import Path


def rng_for(seed: int, purpose: str) -> random.Random:
    """Every random choice of a portal: one stream per purpose, the same on every machine."""
    return random.Random(f"{seed}:{purpose}")


class Node:
    """A column with a `name`, a `parent` and `children`."""

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def level(self) -> int:
        return 1 if self.parent is None else self.parent.level + 1

    @property
    def path(self) -> list:
        return ([] if self.parent is None else self.parent.path) + [self.name]

    @property
    def leaf(self) -> bool:
        return not self.children

    @property
    def n_pages(self) -> int:
        """List pages of `per_page` items; a parent's page is one."""
        return max(1, -(-len(self.items) // self.per_page)) if self.leaf else 1


class Dated:
    """An item published at `when` (a datetime, None for an undated page)."""

    @property
    def day(self) -> date | None:
        return self.when.date() if self.when else None


class Tree:
    """A portal whose `roots` are its first-level columns."""

    @property
    def columns(self) -> list:
        return [c for r in self.roots for c in r.walk()]

    @property
    def items(self) -> list:
        return [i for c in self.columns for i in c.items]

    def find(self, *path: str):
        return next(c for c in self.columns if c.path == list(path))


class SiteFolder:
    """OUT/site/, emptied, then written file by file at the paths the site serves them."""

    def __init__(self, out_dir) -> None:
        self.root = Path(out_dir) / "site"
        if self.root.exists():
            shutil.rmtree(self.root)

    def put(self, path: str, data: bytes) -> None:
        f = self.root / path.lstrip("/")
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(data)

    def put_pages(self, pages, encoding: str = "utf-8") -> int:
        """Write (path, html) pairs; return how many."""
        n = 0
        for path, html in pages:
            self.put(path, html.encode(encoding))
            n += 1
        return n


def main(name: str, generate) -> None:
    """python -m sample.NAME OUT [--seed 1] [--as-of 2019-12-31]"""
    parser = argparse.ArgumentParser(prog=f"python -m sample.{name}",
                                     description="Write the portal and its ground truth.")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2019, 12, 31))
    args = parser.parse_args()
    print(generate(args.out, seed=args.seed, as_of=args.as_of))
