"""RawArticle -> clean Document: HTML extraction, cleaning, checks, metadata and publication date (pure)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from redlines import settings
from redlines.errors import InputRejected
from redlines.ingest.anchors import split_sentences
from redlines.ingest.clean import Cleaned, clean_text
from redlines.ingest.html import extract_html
from redlines.ingest.language import detect_language, english_ratio
from redlines.ingest.metadata import fallback_title, guess_outlet, parse_full_date, parse_month_day
from redlines.ingest.pubdate import infer_published
from redlines.ingest.readers import RawArticle
from redlines.model import Document, PublishedDate, PublishedHow, RemovedSpan

MIN_WORDS = 40
MIN_SENTENCES = 3
MIN_ENGLISH_RATIO = 0.18
URL_RE = re.compile(r"https?://\S+|www\.\S+")


CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")


def normalise(text: str) -> str:
    """NFC, unified newlines, no NUL/control characters, BOM or NBSP; the form hashed and cleaned."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _meta(value: str | None) -> str | None:
    """A metadata string on one line, without control characters."""
    if value is None:
        return None
    return " ".join(normalise(value).split()) or None


def content_id(clean: str) -> str:
    """sha256 hex of the clean text with whitespace collapsed: same article, same id."""
    return hashlib.sha256(" ".join(clean.split()).encode("utf-8")).hexdigest()


def build_document(raw: RawArticle) -> Document:
    """Clean an article and infer its metadata; InputRejected with a one-line reason when it is not one.

    For HTML input `raw` is trafilatura's article text (headline first) and the page chrome outside
    the article is one RemovedSpan at offsets 0..0 (it has no place in that text).
    """
    html_meta = None
    chrome: list[RemovedSpan] = []
    if raw.html is not None and raw.text is None:
        html_meta = extract_html(normalise(raw.html), raw.url)
        body = html_meta.text
        if html_meta.title and not body.startswith(html_meta.title):
            body = f"{html_meta.title}\n\n{body}"
        source_text = normalise(body)
        if html_meta.chrome:
            chrome.append(RemovedSpan(0, 0, "html page chrome (outside the article)", html_meta.chrome))
    else:
        source_text = normalise(raw.text or "")
    if not source_text.strip():
        raise InputRejected("empty input")
    limit = int(settings.get("max_chars"))  # type: ignore[arg-type]
    if len(source_text) > 3 * limit:  # refuse before cleaning: no article is this long, even with chrome
        raise InputRejected(f"too long for an article: {len(source_text):,} characters (limit {limit:,}; "
                            "split it or raise REDLINES_MAX_CHARS)")
    cleaned = clean_text(source_text)
    text = cleaned.text
    check_length(text)
    if len(text) > limit:
        raise InputRejected(f"too long for an article: {len(text):,} characters after cleaning "
                            f"(limit {limit:,}; split it or raise REDLINES_MAX_CHARS)")
    language = detect_language(text)
    if language != "en":
        raise InputRejected(f"not English (detected {language!r}); only English articles are analysed")
    check_prose(text)
    url = _meta(raw.url) or (html_meta.url if html_meta else None)
    removed = chrome + cleaned.removed
    outlet = _meta(raw.outlet) or guess_outlet(
        cleaned.byline, cleaned.removed, url, html_meta.sitename if html_meta else None
    )
    title = (
        _meta(raw.title)
        or (html_meta.title if html_meta else None)
        or cleaned.headline
        or fallback_title(text)
    )
    return Document(
        id=content_id(text),
        text=text,
        raw=source_text,
        outlet=outlet,
        title=title,
        url=url,
        language=language,
        published=publication_date(raw, cleaned, text, html_meta.date if html_meta else None),
        removed=tuple(removed),
        source_path=raw.source,
    )


def publication_date(raw: RawArticle, cleaned: Cleaned, text: str, html_date: date | None) -> PublishedDate:
    """Given > HTML metadata > 'Published ...' line or dated dateline > inference (see pubdate)."""
    page_dates = [d for d in (parse_full_date(p) for p in cleaned.page_dates) if d]
    if raw.published:
        return infer_published(text, given=raw.published)
    if html_date:
        p = infer_published(text, dateline=html_date)
        return PublishedDate(
            p.value, PublishedHow.DATELINE, p.confidence, p.earliest, p.latest, "HTML page metadata date"
        )
    explicit = parse_full_date(cleaned.published_line or "") or parse_full_date(cleaned.dateline or "")
    if explicit:
        return infer_published(text, dateline=explicit)
    month_day = parse_month_day(cleaned.dateline) if cleaned.dateline else None
    return infer_published(text, page_dates=page_dates, dateline_month_day=month_day)


def check_length(text: str) -> None:
    """Reject what is too short or mostly links to be an article."""
    n_words = len(text.split())
    if n_words == 0:
        raise InputRejected("empty after cleaning (only boilerplate)")
    if n_words < MIN_WORDS:
        raise InputRejected(f"not an article: only {n_words} words after cleaning (need {MIN_WORDS})")
    urls = len(URL_RE.findall(text))
    if (urls >= 3 and urls * 2 >= len(text.split("\n\n"))) or urls / n_words > 0.1:
        raise InputRejected("not an article: mostly links")


def check_prose(text: str) -> None:
    """Reject what is not English article prose: too few sentences, word salad."""
    prose = [s for s in split_sentences(text) if len(s.split()) >= 6 and re.search(r"[.!?][\"”’)]*$", s)]
    if len(prose) < MIN_SENTENCES:
        raise InputRejected(f"not an article: {len(prose)} sentence(s) of prose (need {MIN_SENTENCES})")
    lang_words = english_ratio(text)
    if lang_words < MIN_ENGLISH_RATIO and _latin(text):
        raise InputRejected(f"not article prose: too few function words ({lang_words:.0%})")


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.8
