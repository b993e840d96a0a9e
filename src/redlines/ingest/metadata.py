"""Article metadata from the text: outlet (byline, copyright, outlet line, URL domain) and title."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from urllib.parse import urlparse

from redlines.ingest.anchors import FULL_DATE_RES, MONTHS, split_sentences
from redlines.ingest.patterns import load_boilerplate
from redlines.model import RemovedSpan

COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w.&' -]{1,60})", re.IGNORECASE
)
TITLE_MAX_CHARS = 140


@lru_cache(maxsize=1)
def outlet_tables() -> tuple[dict[str, str], dict[str, str], tuple[str, ...]]:
    """(byline tag -> outlet, domain -> outlet, company suffixes) from data/boilerplate.yaml."""
    data = load_boilerplate()["outlets"]
    return dict(data["bylines"]), dict(data["domains"]), tuple(data.get("suffixes", ()))


def outlet_from_url(url: str | None) -> str | None:
    """Outlet of a known domain (subdomains included)."""
    if not url:
        return None
    try:
        host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower().removeprefix("www.")
    except ValueError:  # a malformed URL ("http://[bad") names no outlet
        return None
    domains = outlet_tables()[1]
    while host:
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


def outlet_from_copyright(text: str) -> str | None:
    """'©2024 Bloomberg L.P.' -> 'Bloomberg'."""
    m = COPYRIGHT_RE.search(text)
    if not m:
        return None
    name, before = m.group("name").strip(" ."), ""
    while name != before:  # "Kyiv Daily Media Ltd." -> "Kyiv Daily"
        before = name
        for suffix in sorted(outlet_tables()[2], key=len, reverse=True):
            tail = rf"[\s,]+{re.escape(suffix.rstrip('.'))}\.?$"
            name = re.sub(tail, "", name, flags=re.IGNORECASE).strip(" .,")
    return name or None


def guess_outlet(
    byline: str | None, removed: list[RemovedSpan], url: str | None, sitename: str | None = None
) -> str | None:
    """Outlet from: byline tag, copyright, duplicated outlet line, site name, URL domain, chrome, masthead."""
    bylines = outlet_tables()[0]
    if byline:
        return bylines.get(byline, byline)
    for r in removed:
        if r.reason == "copyright footer":
            name = outlet_from_copyright(r.text)
            if name:
                return name
    for r in removed:
        if r.reason == "duplicated outlet name":
            toks = r.text.split()
            return " ".join(toks[: len(toks) // 2])
    return sitename or outlet_from_url(url) or outlet_in_chrome(removed) or _masthead(removed)


def _masthead(removed: list[RemovedSpan]) -> str | None:
    for r in removed:
        if r.reason == "masthead":
            return re.split(r"\s+[—–|-]\s+", r.text, maxsplit=1)[0].strip() or None
    return None


def outlet_in_chrome(removed: list[RemovedSpan]) -> str | None:
    """A known outlet name the removed chrome mentions most often ('Recomendaciones EL PAÍS')."""
    names = set(outlet_tables()[0].values()) | set(outlet_tables()[1].values())
    chrome = "\n".join(r.text for r in removed if r.reason != "byline")
    counts = {n: len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", chrome, re.IGNORECASE)) for n in names}
    best = max(sorted(counts), key=lambda n: (counts[n], len(n)), default=None)
    return best if best and counts[best] else None


def fallback_title(text: str) -> str | None:
    """No headline: the first sentence, cut at a word boundary."""
    sents = split_sentences(text)
    if not sents:
        return None
    first = sents[0]
    if len(first) <= TITLE_MAX_CHARS:
        return first
    return first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"


def parse_full_date(text: str) -> date | None:
    """The first day-with-year date in a string ('Tuesday, June 25, 2024', '18 November 2024')."""
    for rx in FULL_DATE_RES:
        m = rx.search(text)
        if m:
            mon = (
                int(m.group("mnum"))
                if "mnum" in rx.groupindex
                else MONTHS[m.group("mon").lower().rstrip(".")]
            )
            try:
                return date(int(m.group("year")), mon, int(m.group("day")))
            except ValueError:
                continue
    return None


def parse_month_day(text: str) -> tuple[int, int] | None:
    """'Nov 17' / '17 November' -> (11, 17)."""
    m = re.search(r"([A-Za-z]+)\.?\s+(\d{1,2})\b|(\d{1,2})\s+([A-Za-z]+)", text)
    if not m:
        return None
    name, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    mon = MONTHS.get(name.lower().rstrip("."))
    return (mon, int(day)) if mon and 1 <= int(day) <= 31 else None
