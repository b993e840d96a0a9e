"""Per-stage scoring against gold expectations: pure functions over the model (no store, no spaCy)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redlines.evaluation.gold import GoldDate, GoldDoc, GoldEntity
from redlines.model import Document, Mention, Timex

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Case-, quote-, dash- and whitespace-insensitive form used by every 'contains' rule."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def contains(haystack: str | None, needle: str | None) -> bool:
    return norm(needle) in norm(haystack)


@dataclass(slots=True)
class Tally:
    """Hits out of a total, with the failed items for the report."""

    hits: int = 0
    total: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def add(self, ok: bool, failure: dict[str, Any] | None = None) -> None:
        self.total += 1
        if ok:
            self.hits += 1
        elif failure is not None:
            self.failures.append(failure)

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None

    def merge(self, other: "Tally") -> None:
        self.hits += other.hits
        self.total += other.total
        self.failures.extend(other.failures)


def prf(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    """Precision, recall, F1 (None when undefined)."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"precision": p, "recall": r, "f1": f}


# -- cleaning and metadata ------------------------------------------------------------------------


def score_cleaning(gold: GoldDoc, doc: Document) -> tuple[Tally, Tally]:
    """(must_keep found, must_remove absent) in the clean text."""
    kept, removed = Tally(), Tally()
    for s in gold.must_keep:
        kept.add(contains(doc.text, s), {"doc": gold.name, "text": s, "problem": "dropped"})
    for s in gold.must_remove:
        removed.add(not contains(doc.text, s), {"doc": gold.name, "text": s, "problem": "kept"})
    return kept, removed


def day_error(predicted: date | None, gold: tuple[date, date]) -> int | None:
    """Days between the prediction and the gold range (0 inside); None when nothing was predicted."""
    if predicted is None:
        return None
    lo, hi = gold
    if predicted < lo:
        return (lo - predicted).days
    if predicted > hi:
        return (predicted - hi).days
    return 0


@dataclass(slots=True)
class PublishedScore:
    exact: Tally = field(default_factory=Tally)
    errors: list[int] = field(default_factory=list)
    missing: int = 0
    how: Tally = field(default_factory=Tally)
    outlet: Tally = field(default_factory=Tally)
    title: Tally = field(default_factory=Tally)

    @property
    def mae_days(self) -> float | None:
        return sum(self.errors) / len(self.errors) if self.errors else None

    def merge(self, other: "PublishedScore") -> None:
        self.exact.merge(other.exact)
        self.errors.extend(other.errors)
        self.missing += other.missing
        self.how.merge(other.how)
        self.outlet.merge(other.outlet)
        self.title.merge(other.title)


def score_published(gold: GoldDoc, doc: Document) -> PublishedScore:
    """Publication date (exact day / range hit, error in days), how it was known, outlet, title."""
    out = PublishedScore()
    pub = doc.published
    if gold.published is not None:
        err = day_error(pub.value, gold.published)
        lo, hi = gold.published
        want = lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"
        out.exact.add(err == 0, {"doc": gold.name, "gold": want,
                                 "predicted": pub.value.isoformat() if pub.value else None, "rule": pub.rule})
        if err is None:
            out.missing += 1
        else:
            out.errors.append(err)
    if gold.published_how is not None:
        out.how.add(pub.how.value == gold.published_how,
                    {"doc": gold.name, "gold": gold.published_how, "predicted": pub.how.value})
    if gold.outlet is not None:
        out.outlet.add(norm(doc.outlet) == norm(gold.outlet),
                       {"doc": gold.name, "gold": gold.outlet, "predicted": doc.outlet})
    if gold.title_contains is not None:
        out.title.add(contains(doc.title, gold.title_contains),
                      {"doc": gold.name, "gold": gold.title_contains, "predicted": doc.title})
    return out


# -- entities and dates ---------------------------------------------------------------------------


def find_span(text: str, needle: str, nth: int = 1) -> tuple[int, int] | None:
    """Character span of the nth occurrence of `needle` (exact case first, then case-insensitive)."""
    for flags in (0, re.IGNORECASE):
        pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()), flags)
        found = list(pattern.finditer(text))
        if len(found) >= nth:
            m = found[nth - 1]
            return m.start(), m.end()
    return None


def _overlapping(items: Sequence[Any], span: tuple[int, int]) -> list[Any]:
    s, e = span
    return [x for x in items if x.start_char < e and s < x.end_char]


def _attr_eq(got: Any, want: str | None) -> bool:
    return want is None or norm(str(got) if got is not None else "") == norm(want)


def entity_ok(gold: GoldEntity, m: Mention) -> bool:
    return (_attr_eq(m.canonical, gold.canonical) and _attr_eq(m.label, gold.label)
            and _attr_eq(m.attrs.get("role"), gold.role) and _attr_eq(m.attrs.get("state"), gold.state))


def score_entities(gold: GoldDoc, text: str, mentions: Sequence[Mention]) -> Tally:
    """Gold mentions found with the right canonical (and label/role/state when given)."""
    tally = Tally()
    for g in gold.entities:
        span = find_span(text, g.text, g.nth)
        if span is None:
            tally.add(False, {"doc": gold.name, "text": g.text, "gold": g.canonical, "problem": "text not in clean text"})
            continue
        cands = _overlapping(mentions, span)
        ok = any(entity_ok(g, m) for m in cands)
        got = [f"{m.label}:{m.canonical}" + (f" role={m.attrs['role']}" if m.attrs.get("role") else "")
               + (f" state={m.attrs['state']}" if m.attrs.get("state") else "") for m in cands]
        want = " ".join(f"{k}={v}" for k, v in (("canonical", g.canonical), ("label", g.label),
                                                   ("role", g.role), ("state", g.state)) if v)
        tally.add(ok, {"doc": gold.name, "text": g.text, "gold": want,
                       "predicted": "; ".join(got) or None, "problem": "wrong" if cands else "not found"})
    return tally


def timex_ok(gold: GoldDate, t: Timex) -> bool:
    iv = t.interval
    return (gold.start is None or iv.start == gold.start) and (gold.end is None or iv.end == gold.end)


def score_dates(gold: GoldDoc, text: str, timexes: Sequence[Timex]) -> tuple[Tally, Tally]:
    """(right start/end, right precision where given) for the gold time expressions."""
    interval, precision = Tally(), Tally()
    for g in gold.dates:
        span = find_span(text, g.text, g.nth)
        cands = _overlapping(timexes, span) if span else []
        ok = any(timex_ok(g, t) for t in cands)
        want = f"{g.start}..{g.end}"
        got = "; ".join(f"{t.text!r} {t.interval.start}..{t.interval.end} ({t.interval.precision.value})"
                        for t in cands) or None
        problem = "text not in clean text" if span is None else ("wrong" if cands else "not found")
        interval.add(ok, {"doc": gold.name, "text": g.text, "gold": want, "predicted": got, "problem": problem})
        if g.precision:
            precision.add(any(t.interval.precision.value == g.precision for t in cands if timex_ok(g, t)))
    return interval, precision
