"""HTML pages to article text and metadata through trafilatura (recall-oriented, all paragraphs).

Metadata used: title, date (from the page's metadata only, no guessing from the text), site name
and canonical URL. The page chrome trafilatura leaves out is returned for the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redlines.errors import InputRejected


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What trafilatura found: the article text (paragraphs one per line) and page metadata."""

    text: str
    title: str | None
    date: date | None
    sitename: str | None
    url: str | None
    chrome: str


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """Extract the main article of an HTML page; InputRejected when there is none."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise InputRejected(f"unreadable HTML ({type(exc).__name__})") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputRejected("HTML page with no article text")
    title = (getattr(doc, "title", None) or "").strip() or None
    return HtmlArticle(
        text=text,
        title=title,
        date=_iso_date(getattr(doc, "date", None)),
        sitename=(getattr(doc, "sitename", None) or "").strip() or None,
        url=getattr(doc, "url", None) or url,
        chrome=_chrome(html, text),
    )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _chrome(html: str, article: str) -> str:
    """Visible page text (text nodes outside head/script/style) that is not part of the extracted article."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises assorted parser errors; chrome is only for the audit
        return ""
    for el in tree.xpath("//head|//script|//style|//noscript|//template"):
        el.drop_tree()
    flat = " ".join(article.split())
    out: list[str] = []
    for node in tree.itertext():
        text = " ".join(node.split())
        if len(text) > 1 and text not in flat and text not in out:
            out.append(text)
    return "\n".join(out)
