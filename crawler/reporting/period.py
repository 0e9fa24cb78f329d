"""Report periods: a quarter (2019Q4), a month (2019-12), an ISO week (2019-W52), a year (2019)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("quarter", "month", "week", "year")
_CN_NUM = "一二三四"


class PeriodError(ValueError):
    """A period that cannot be read (one line for the operator)."""


@dataclass(frozen=True)
class Period:
    kind: str          # quarter, month, week, year
    year: int
    number: int        # the quarter, month or week number (the year itself for a year)

    # -- parsing --------------------------------------------------------------------

    @classmethod
    def parse(cls, kind: str, text: str) -> "Period":
        text = (text or "").strip()
        patterns = {
            "quarter": r"(\d{4})-?[Qq]([1-4])",
            "month": r"(\d{4})-(0?[1-9]|1[0-2])",
            "week": r"(\d{4})-?[Ww](\d{1,2})",
            "year": r"(\d{4})",
        }
        examples = {"quarter": "2019Q4", "month": "2019-12", "week": "2019-W52", "year": "2019"}
        m = re.fullmatch(patterns[kind], text)
        if not m:
            raise PeriodError(f"not a {kind} ({examples[kind]}): {text!r}")
        year = int(m.group(1))
        number = int(m.group(2)) if kind != "year" else year
        if kind == "week":
            try:
                date.fromisocalendar(year, number, 1)
            except ValueError:
                raise PeriodError(f"no week {number} in {year}: {text!r}") from None
        return cls(kind, year, number)

    # -- dates ----------------------------------------------------------------------

    @property
    def start(self) -> date:
        if self.kind == "quarter":
            return date(self.year, 3 * self.number - 2, 1)
        if self.kind == "month":
            return date(self.year, self.number, 1)
        if self.kind == "week":
            return date.fromisocalendar(self.year, self.number, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> "Period":
        return self._shift(1)

    def previous(self) -> "Period":
        return self._shift(-1)

    def recent(self, n: int) -> list["Period"]:
        """The n periods ending with this one, oldest first."""
        out, p = [], self
        for _ in range(n):
            out.append(p)
            p = p.previous()
        return out[::-1]

    def _shift(self, step: int) -> "Period":
        if self.kind == "quarter":
            q = self.year * 4 + self.number - 1 + step
            return Period("quarter", q // 4, q % 4 + 1)
        if self.kind == "month":
            m = self.year * 12 + self.number - 1 + step
            return Period("month", m // 12, m % 12 + 1)
        if self.kind == "week":
            day = self.start + timedelta(weeks=step)
            iso = day.isocalendar()
            return Period("week", iso[0], iso[1])
        return Period("year", self.year + step, self.year + step)

    # -- names ----------------------------------------------------------------------

    @property
    def tag(self) -> str:
        """For file names: 2019Q4, 2019-12, 2019-W52, 2019."""
        return {"quarter": f"{self.year}Q{self.number}", "month": f"{self.year}-{self.number:02d}",
                "week": f"{self.year}-W{self.number:02d}", "year": f"{self.year}"}[self.kind]

    @property
    def label(self) -> str:
        """In Chinese: 2019年第四季度, 2019年12月, 2019年第52周, 2019年度."""
        if self.kind == "quarter":
            return f"{self.year}年第{_CN_NUM[self.number - 1]}季度"
        if self.kind == "month":
            return f"{self.year}年{self.number}月"
        if self.kind == "week":
            return f"{self.year}年第{self.number}周"
        return f"{self.year}年度"

    @property
    def short(self) -> str:
        """A short axis label: 19Q4, 12月, W52, 2019."""
        return {"quarter": f"{self.year % 100:02d}Q{self.number}", "month": f"{self.number}月",
                "week": f"W{self.number}", "year": str(self.year)}[self.kind]

    @property
    def span(self) -> str:
        return f"{cn_date(self.start)}至{cn_date(self.end)}"

    @property
    def unit_name(self) -> str:
        return {"quarter": "季度", "month": "月", "week": "周", "year": "年度"}[self.kind]


def cn_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""
