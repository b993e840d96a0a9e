"""Boilerplate cleaning of plain-text articles, line by line, recording every removed piece.

Each non-empty line is scored in turn by: the data rules of data/boilerplate.yaml (most specific
first), photo captions, duplicated outlet names, foreign-language paragraphs in an English
article, and navigation (short lines without sentence punctuation before the headline or after
the last body paragraph). Long English prose is never dropped by a keyword rule; subheads inside
the body are kept. A leading "(Bloomberg) --" byline or "KYIV, May 31 (Reuters) -" dateline is
cut from its paragraph and recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redlines.ingest.language import english_ratio, paragraph_language, words
from redlines.ingest.patterns import cleaning_rules
from redlines.model import RemovedSpan

TERMINAL_RE = re.compile(r"[.!?…][\"”’')\]]*\s*$|[\"”]\s*$")
SEPARATOR_RE = re.compile(r"\s(\||›|»|•|·|>)\s")
URL_LINE_RE = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
CAPTION_RES = (
    re.compile(
        r"[.!?]\s*[A-Z][\w.' /-]{0,40}\((AP|AFP|Reuters|EFE|EPA|Getty Images|Bloomberg|dpa|Anadolu)\)\s*$"
    ),
    re.compile(
        r"^(photo|photograph|foto|image|picture|pictured|file photo)\s*(:|by\b|credit\b)", re.IGNORECASE
    ),
    re.compile(r"(\(|\b)(photo|image|foto)\s*:\s*[^.]{0,60}\)?\s*$", re.IGNORECASE),
    re.compile(r"\b(Getty Images|AFP via Getty Images|REUTERS/[\w /]+|/ ?(AP|AFP|Reuters) Photo)\s*\)?\s*$"),
    re.compile(r"^\[\d+/\d+\]|\bPurchase Licensing Rights\b|^Item \d+ of \d+\b"),
)
PUBLISHED_LINE_RE = re.compile(
    r"^(published|posted|updated|last updated|publicado|publié le|publié|veröffentlicht am|pubblicato)\b"
    r"(\s+on)?\s*:?\s*(?P<date>.{4,60})$",
    re.IGNORECASE,
)
BYLINE_RE = re.compile(
    r"^(?:(?P<place>[A-ZÀ-Ý][A-Za-zÀ-ÿ.'/ -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?)\s*,?\s*"
    r"(?:(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\s*)?)?"
    r"\((?P<tag>[A-Z][\w./& -]{0,30})\)\s*(?:--|[-—–])\s*"
)
_WD = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DT = (
    r"(?:\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
)
_TM = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"\s*(?:[a-z]{2,5}|gmt[+-]?\d*|utc[+-]?\d*)?)?"
)
_PUB = r"(?:(?:published|posted|updated|last updated)\s*:?\s*(?:on\s+)?)?"
_TAIL = r"(?:\s*(?:updated\b.{0,30}|·?\s*\d+\s*min(?:ute)?s?\s+read))?"
DATE_LINE_RE = re.compile(
    rf"^{_PUB}(?:{_WD}{_DT}{_TM}|{_TM.removesuffix('?')},?\s*{_WD}{_DT}){_TAIL}\.?$", re.IGNORECASE
)
BLOCK_REASONS = ("newsletter sign-up", "paywall or subscription notice", "cookie banner")
NAV_MAX_WORDS = 8
MASTHEAD_WORDS_RE = re.compile(
    r"\b(times|post|news|herald|courier|journal|gazette|tribune|daily|chronicle|observer|telegraph|"
    r"guardian|independent|monitor|review|wire|press|edition|magazine|service|media|radio|tv)\b",
    re.IGNORECASE,
)
BODY_MIN_WORDS = 12


@dataclass(slots=True)
class Line:
    """One non-empty line of the raw text with its offsets and verdict."""

    start: int
    end: int
    text: str
    reason: str | None = None

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    @property
    def terminal(self) -> bool:
        return bool(TERMINAL_RE.search(self.text))

    @property
    def body(self) -> bool:
        return self.reason is None and self.n_words >= BODY_MIN_WORDS and self.terminal


@dataclass(slots=True)
class Cleaned:
    """The cleaner's output: clean text, removed spans, headline, byline tag, dateline and page dates."""

    text: str
    removed: list[RemovedSpan]
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published_line: str | None = None
    page_dates: list[str] = field(default_factory=list)
    language_hint: str | None = None


def split_lines(raw: str) -> list[Line]:
    """Non-empty lines with their character offsets (whitespace trimmed)."""
    out = []
    pos = 0
    for part in raw.split("\n"):
        stripped = part.strip()
        if stripped:
            lead = len(part) - len(part.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(part) + 1
    return out


def rule_reason(line: Line) -> str | None:
    """The first data rule matching the line, unless the line is long English body prose."""
    n = line.n_words
    long_prose = n >= 50 and english_ratio(line.text) >= 0.3
    for rule in cleaning_rules():
        if long_prose and not rule.whole_line:
            continue
        if rule.matches(line.text, n):
            return rule.reason
    if URL_LINE_RE.match(line.text):
        return "link"
    m = PUBLISHED_LINE_RE.match(line.text)
    if m and n <= 12 and re.search(r"\d", m.group("date")):
        return "publication date line"
    return None


def _mark_date_lines(lines: list[Line]) -> None:
    """A line holding only a date (and time) above the first body paragraph is the publication line."""
    for ln in lines:
        if ln.body:
            return
        if ln.reason is None and ln.n_words <= 10 and DATE_LINE_RE.match(ln.text):
            ln.reason = "publication date line"


def _duplicated(text: str) -> bool:
    toks = text.split()
    half = len(toks) // 2
    return (
        len(toks) >= 2 and len(toks) % 2 == 0 and toks[:half] == toks[half:] and not TERMINAL_RE.search(text)
    )


def clean_text(raw: str) -> Cleaned:
    """Clean a plain-text article: keep the headline and body, record every removed piece."""
    lines = split_lines(raw)
    for ln in lines:
        ln.reason = rule_reason(ln)
    _mark_captions(lines)
    _mark_date_lines(lines)
    ruled = [ln.reason for ln in lines]
    for i in range(1, len(lines)):  # a short unpunctuated line inside a sign-up box belongs to it
        ln, nxt = lines[i], ruled[i + 1] if i + 1 < len(lines) else "end"
        if (
            ln.reason is None
            and ruled[i - 1] in BLOCK_REASONS
            and nxt
            and not ln.terminal
            and ln.n_words <= 14
        ):
            ln.reason = ruled[i - 1]
    for ln in lines:
        if ln.reason is None and _duplicated(ln.text):
            ln.reason = "duplicated outlet name"
        elif (
            ln.reason is None
            and len(SEPARATOR_RE.findall(ln.text)) >= 2
            and not ln.terminal
            and ln.n_words <= 20
        ):
            ln.reason = "navigation"
    lang = _mark_foreign(lines)
    _mark_navigation(lines)
    return _assemble(raw, lines, lang)


def _mark_captions(lines: list[Line]) -> None:
    for i, ln in enumerate(lines):
        if ln.reason is None and ln.n_words <= 60 and any(rx.search(ln.text) for rx in CAPTION_RES):
            ln.reason = "photo caption"
            prev = lines[i - 1] if i else None
            if prev and prev.reason is None and prev.n_words <= NAV_MAX_WORDS and not prev.terminal:
                prev.reason = "photo caption"


def _mark_foreign(lines: list[Line]) -> str | None:
    """Drop paragraphs in another language when most of the article is English; return the majority."""
    langs = [paragraph_language(ln.text) for ln in lines]
    en_words = sum(ln.n_words for ln, lg in zip(lines, langs) if lg == "en" and ln.reason is None)
    other_words = sum(
        ln.n_words for ln, lg in zip(lines, langs) if lg not in (None, "en") and ln.reason is None
    )
    if en_words < other_words:
        return None
    for ln, lg in zip(lines, langs):
        if ln.reason is None and lg not in (None, "en"):
            ln.reason = f"non-English text ({lg})"
    return "en"


def _mark_navigation(lines: list[Line]) -> None:
    """Short unpunctuated lines before the headline or after the last body paragraph are chrome."""
    kept = [ln for ln in lines if ln.reason is None]
    bodies = [i for i, ln in enumerate(kept) if ln.body]
    if not bodies:
        return
    first, last = bodies[0], bodies[-1]
    for ln in kept[last + 1 :]:
        if not ln.terminal and ln.n_words <= NAV_MAX_WORDS:
            ln.reason = "navigation"
    lead = [ln for ln in kept[:first] if not ln.terminal]
    for i, ln in enumerate(lead):
        longer_follows = any(o.n_words > ln.n_words + 2 and o.n_words >= 5 for o in lead[i + 1 :])
        if 2 <= ln.n_words <= 6 and longer_follows and _looks_like_masthead(ln.text):
            ln.reason = "masthead"
        elif ln.n_words < 4:
            ln.reason = "navigation"


def _looks_like_masthead(text: str) -> bool:
    """A site name: every word capitalised, or a newspaper word ('The Baltic Courier - Europe edition')."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.&-]*", text)]
    if words and all(w[0].isupper() for w in words):
        return True
    return bool(MASTHEAD_WORDS_RE.search(text))


def _assemble(raw: str, lines: list[Line], lang: str | None) -> Cleaned:
    removed: list[RemovedSpan] = []
    paragraphs: list[str] = []
    out = Cleaned("", removed, language_hint=lang)
    first_body_seen = False
    for ln in lines:
        if ln.reason is not None:
            removed.append(RemovedSpan(ln.start, ln.end, ln.reason, raw[ln.start : ln.end]))
            if ln.reason == "page date header":
                out.page_dates.append(ln.text)
            elif ln.reason == "publication date line" and out.published_line is None:
                out.published_line = ln.text
            continue
        text = ln.text
        if out.byline is None and len(paragraphs) < 4:
            m = BYLINE_RE.match(text)
            if m and m.end() >= len(text.rstrip()):  # a dateline on a line of its own
                removed.append(RemovedSpan(ln.start, ln.end, "byline", raw[ln.start : ln.end]))
                out.byline, out.dateline = m.group("tag").strip(), m.group("date")
                continue
            if m and m.end() < len(text):
                removed.append(
                    RemovedSpan(ln.start, ln.start + m.end(), "byline", raw[ln.start : ln.start + m.end()])
                )
                out.byline, out.dateline = m.group("tag").strip(), m.group("date")
                text = text[m.end() :]
                first_body_seen = True
        if ln.body:
            first_body_seen = True
        elif not first_body_seen and out.headline is None and ln.n_words >= 3 and not ln.terminal:
            out.headline = text
        paragraphs.append(text)
    out.text = "\n\n".join(paragraphs)
    removed.sort(key=lambda r: r.start)
    return out


def word_count(text: str) -> int:
    """Words of a text (as Document.words_kept counts them)."""
    return len(text.split())


__all__ = ["Cleaned", "clean_text", "split_lines", "word_count", "words"]
