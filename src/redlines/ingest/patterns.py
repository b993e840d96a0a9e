"""Loading and validating ingest's data files: boilerplate rules, outlets, the events calendar."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redlines.errors import UsageError

SUPPORTED_VERSION = 1


def _data_path(name: str) -> Path:
    return Path(str(resources.files("redlines") / "data" / name))


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != SUPPORTED_VERSION:
        raise UsageError(f"{path}: expected a mapping with 'version: {SUPPORTED_VERSION}'")
    return data


@lru_cache(maxsize=1)
def load_boilerplate() -> dict[str, Any]:
    """data/boilerplate.yaml as a dict (rules, stopwords, outlets)."""
    return _load_yaml(_data_path("boilerplate.yaml"))


@dataclass(frozen=True, slots=True)
class Rule:
    """One cleaning rule: compiled regexes, whole-line or search, and a word limit for search rules."""

    reason: str
    whole_line: bool
    max_words: int
    regexes: tuple[re.Pattern[str], ...]

    def matches(self, line: str, n_words: int) -> bool:
        if self.whole_line:
            return self.regexes[0].fullmatch(line) is not None
        return n_words <= self.max_words and self.regexes[0].search(line) is not None


@lru_cache(maxsize=1)
def cleaning_rules() -> tuple[Rule, ...]:
    """Compiled cleaning rules in file order (most specific first)."""
    data = load_boilerplate()
    default_max = int(data.get("max_words_search", 40))
    out = []
    for r in data["rules"]:
        whole = r.get("match", "line") == "line"
        # one alternation per rule: a single scan of the line
        regexes = (re.compile("|".join(f"(?:{p})" for p in r["patterns"]), re.IGNORECASE),)
        out.append(Rule(r["reason"], whole, int(r.get("max_words", default_max)), regexes))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Event:
    """A dated reference event: all terms of one pattern must occur in one sentence."""

    id: str
    title: str
    start: date
    end: date
    patterns: tuple[tuple[re.Pattern[str], ...], ...]
    source: str = ""

    def matches(self, sentence: str) -> bool:
        return any(all(t.search(sentence) for t in pat) for pat in self.patterns)


def _term(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + term + ")", re.IGNORECASE)


def parse_events(data: dict[str, Any], origin: str = "events") -> tuple[Event, ...]:
    """Validate an events mapping (version 1) into Event records."""
    out = []
    for i, e in enumerate(data.get("events") or []):
        try:
            start = e["start"] if isinstance(e["start"], date) else date.fromisoformat(str(e["start"]))
            end_raw = e.get("end", start)
            end = end_raw if isinstance(end_raw, date) else date.fromisoformat(str(end_raw))
            pats = tuple(tuple(_term(t) for t in p) for p in e["patterns"])
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise UsageError(f"{origin}: event #{i + 1} is malformed ({exc})") from exc
        if end < start or not pats or not all(pats):
            raise UsageError(f"{origin}: event {e.get('id', i + 1)} has an empty pattern or end before start")
        out.append(
            Event(str(e.get("id", i)), str(e.get("title", "")), start, end, pats, str(e.get("source", "")))
        )
    return tuple(out)


EVENTS_ENV = "REDLINES_EVENTS"  # extra calendar files, separated by os.pathsep (set by `ingest --events`)


def load_events(extra_files: tuple[str, ...] = ()) -> tuple[Event, ...]:
    """The bundled calendar of dated events plus user files (`extra_files` and $REDLINES_EVENTS)."""
    env = tuple(f for f in os.environ.get(EVENTS_ENV, "").split(os.pathsep) if f)
    return _load_events(tuple(extra_files) + env)


@lru_cache(maxsize=8)
def _load_events(extra_files: tuple[str, ...]) -> tuple[Event, ...]:
    events = list(parse_events(_load_yaml(_data_path("events.yaml")), "events.yaml"))
    for f in extra_files:
        events.extend(parse_events(_load_yaml(Path(f)), f))
    return tuple(events)
