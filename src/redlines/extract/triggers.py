"""Trigger lemmas and cue lists of data/triggers.yaml, and matching them against a parsed sentence."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redlines.errors import UsageError

TRIGGERS_VERSION = 1


@lru_cache(maxsize=4)
def load_triggers(path: str | None = None) -> dict[str, dict[str, Any]]:
    """The rule lists, by section, from data/triggers.yaml (or another file of the same shape)."""
    text = Path(path).read_text("utf-8") if path else (
        resources.files("redlines.data").joinpath("triggers.yaml").read_text("utf-8"))
    raw = yaml.safe_load(text) or {}
    if raw.get("version") != TRIGGERS_VERSION:
        raise UsageError(f"triggers file has version {raw.get('version')!r}, expected {TRIGGERS_VERSION}")
    return {k: v for k, v in raw.items() if isinstance(v, dict)}


def cue(section: str, name: str) -> frozenset[str]:
    """One cue list as a set of lower-case lemmas/phrases."""
    return _cue(section, name)


@lru_cache(maxsize=256)
def _cue(section: str, name: str) -> frozenset[str]:
    values = load_triggers().get(section, {}).get(name, [])
    if isinstance(values, dict):
        values = list(values)
    return frozenset(str(v).lower() for v in values)


def cue_map(section: str, name: str) -> dict[str, str]:
    """A mapping cue list (e.g. casualty verbs -> field)."""
    return dict(load_triggers().get(section, {}).get(name, {}) or {})


def lemma(tok: Any) -> str:
    """Lower-case lemma of a spaCy token (falls back to the text)."""
    return (tok.lemma_ or tok.text).lower()


def phrase_matches(doc: Any, phrases: frozenset[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, phrase) whose lemmas or words spell one of `phrases` (memoised on the Doc)."""
    memo = doc.user_data.setdefault("redlines.extract.phrases", {}) if hasattr(doc, "user_data") else {}
    if phrases not in memo:
        memo[phrases] = _phrase_matches(doc, phrases)
    return memo[phrases]


def _phrase_matches(doc: Any, phrases: frozenset[str]) -> list[tuple[int, int, str]]:
    memo = doc.user_data.setdefault("redlines.extract.tokens", {}) if hasattr(doc, "user_data") else {}
    if "index" not in memo:
        lemmas = [lemma(t) for t in doc]
        words = [t.text.lower() for t in doc]
        index: dict[str, list[int]] = {}
        for i, (lem, word) in enumerate(zip(lemmas, words, strict=True)):
            index.setdefault(lem, []).append(i)
            if word != lem:
                index.setdefault(word, []).append(i)
        memo.update(lemmas=lemmas, words=words, index=index)
    lemmas, words, index = memo["lemmas"], memo["words"], memo["index"]
    out: list[tuple[int, int, str]] = []
    for phrase in phrases:
        parts = phrase.split()
        n = len(parts)
        for i in index.get(parts[0], ()):
            if i + n <= len(lemmas) and all(parts[k] in (lemmas[i + k], words[i + k]) for k in range(1, n)):
                out.append((i, i + n, phrase))
    return sorted(out)


def has_phrase(doc: Any, phrases: frozenset[str], lo: int = 0, hi: int | None = None) -> bool:
    """True when one of `phrases` occurs within tokens [lo, hi)."""
    hi = len(doc) if hi is None else hi
    return any(lo <= s and e <= hi for s, e, _ in phrase_matches(doc, phrases))


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Every single trigger word of the statement sections, with simple inflections (for a cheap pre-check)."""
    words: set[str] = set()
    for section in ("permission", "transfer", "position", "request", "attack"):
        for values in load_triggers().get(section, {}).values():
            if isinstance(values, dict):
                values = list(values)
            for v in values or []:
                w = str(v).lower().split()[0]
                words.update({w, w + "s", w + "ed", w + "d", w + "ing", w[:-1] + "ing" if w.endswith("e") else w})
    return frozenset(words | {"sent", "gave", "given", "held", "struck", "hit", "shot", "said"})
