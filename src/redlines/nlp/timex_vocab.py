"""Word lists for temporal expressions, loaded once from data/timex.yaml, and regex pieces built on them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from redlines.errors import GazetteerError

TIMEX_FILE = Path(__file__).resolve().parents[1] / "data" / "timex.yaml"
UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Vocab:
    """The validated contents of timex.yaml."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    numbers: dict[str, int]
    parts: dict[str, dict[str, tuple[int, int]]]
    anchors: tuple[tuple[re.Pattern[str], date], ...]
    future_cues: frozenset[str]
    future_blockers: frozenset[str]
    future_cues_before: dict[str, frozenset[str]]
    scheduled_present: frozenset[str]
    past_cues: frozenset[str]
    not_past: frozenset[str]
    weekday_not_after: frozenset[str] = frozenset()
    weekday_not_before: frozenset[str] = frozenset()

    def number(self, word: str | None, default: int = 1) -> int:
        """Value of a number word or digits ('two' -> 2, 'a few' -> 3); `default` when absent."""
        if not word:
            return default
        word = " ".join(word.lower().split())
        if word.isdigit():
            return int(word)
        return self.numbers.get(word, default)

    def month(self, word: str) -> int:
        """Month number of a (possibly abbreviated, dotted) month name."""
        return self.months[word.rstrip(".").capitalize()]

    def part(self, word: str | None) -> dict[str, tuple[int, int]] | None:
        """Day/month bounds of 'early', 'mid', 'late', 'the end of'... or None."""
        if not word:
            return None
        for key, value in self.parts.items():
            if key in word.lower():
                return value
        return None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def load_vocab(path: str | None = None) -> Vocab:
    """Load and validate the timex word lists (cached)."""
    source = Path(path) if path else TIMEX_FILE
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"cannot read timex word lists {source}: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise GazetteerError(f"{source}: expected a mapping with version: 1")
    try:
        parts = {k: {kk: (int(vv[0]), int(vv[1])) for kk, vv in v.items()} for k, v in data["parts"].items()}
        anchors = tuple((re.compile(a["pattern"], re.I), _as_date(a["date"]))
                        for a in data.get("anchors", []))
        vocab = Vocab(
            months={str(k): int(v) for k, v in data["months"].items()},
            weekdays={str(k): int(v) for k, v in data["weekdays"].items()},
            seasons={str(k).lower(): int(v) for k, v in data["seasons"].items()},
            numbers={str(k).lower(): int(v) for k, v in data["numbers"].items()},
            parts=parts,
            anchors=anchors,
            future_cues=frozenset(str(w).lower() for w in data["future_cues"]),
            future_blockers=frozenset(str(w).lower() for w in data["future_blockers"]),
            future_cues_before={str(k).lower(): frozenset(str(w).lower() for w in v)
                                for k, v in (data.get("future_cues_before") or {}).items()},
            scheduled_present=frozenset(str(w).lower() for w in data.get("scheduled_present", [])),
            past_cues=frozenset(str(w).lower() for w in data["past_cues"]),
            not_past=frozenset(str(w).lower() for w in data["not_past"]),
            weekday_not_after=frozenset(str(w).lower() for w in data.get("weekday_not_after", [])),
            weekday_not_before=frozenset(str(w).lower() for w in data.get("weekday_not_before", [])),
        )
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise GazetteerError(f"{source}: invalid timex word lists ({exc})") from exc
    if not all(1 <= m <= 12 for m in vocab.months.values()):
        raise GazetteerError(f"{source}: month numbers must be 1..12")
    return vocab


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class Pieces:
    """Regex fragments (no capturing groups' names clash: each rule names its own)."""

    month: str
    month_full: str
    weekday: str
    season: str
    number: str
    unit: str
    anchor: str


@lru_cache(maxsize=4)
def regex_pieces(path: str | None = None) -> Pieces:
    """Alternations of the vocabulary, longest first, for the rule patterns."""
    v = load_vocab(path)
    months = _alternation(list(v.months))
    numbers = _alternation([w for w in v.numbers if w != "recent"])
    return Pieces(
        month=rf"(?:{months})\b\.?",
        month_full=rf"(?:{_alternation([m for m in v.months if len(m) > 3 or m == 'May'])})\b",
        weekday=rf"(?:{_alternation(list(v.weekdays))})\b",
        season=rf"(?:{_alternation(list(v.seasons))})\b",
        number=rf"(?:\d{{1,3}}|{numbers})",
        unit=r"(?:day|week|month|year)s?\b",
        anchor="|".join(f"(?:{p.pattern})" for p, _ in v.anchors) or r"(?!x)x",
    )
