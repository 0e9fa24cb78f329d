"""PDF: the report's HTML laid out by WeasyPrint (A4, CJK fonts from the system: Debian's
fonts-noto-cjk). Nothing is fetched: the HTML is self-contained."""
from __future__ import annotations

from pathlib import Path


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango it needs) is not installed."""


def _blocked(url: str, *args, **kwargs):
    raise ValueError(f"external resource refused: {url}")


def write_pdf(html_text: str, path: str | Path) -> Path:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(f"PDF needs WeasyPrint and Pango ({exc}); pip install weasyprint") from None
    path = Path(path)
    HTML(string=html_text, url_fetcher=_blocked).write_pdf(path)
    return path
