"""Language of a paragraph (function-word counts) and of a whole article (langdetect, seeded)."""

from __future__ import annotations

import re
from functools import lru_cache

from redlines.ingest.patterns import load_boilerplate

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language code, from data/boilerplate.yaml."""
    return {
        lang: frozenset(w.lower() for w in words) for lang, words in load_boilerplate()["stopwords"].items()
    }


def words(text: str) -> list[str]:
    """Lower-cased alphabetic words."""
    return [w.lower() for w in WORD_RE.findall(text)]


def function_word_counts(text: str) -> dict[str, int]:
    """How many words of `text` are function words of each language."""
    toks = words(text)
    return {lang: sum(1 for t in toks if t in sw) for lang, sw in stopwords().items()}


def paragraph_language(text: str, min_words: int = 3) -> str | None:
    """Best-guess language of a short paragraph by function words; None when there is too little evidence."""
    toks = words(text)
    if len(toks) < min_words:
        return None
    counts = function_word_counts(text)
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    if counts[best] == 0:
        return None
    if counts.get("en", 0) >= counts[best]:
        return "en"
    # Non-Latin scripts are decisive on their own.
    if best in ("uk", "ru") or counts[best] >= max(2, counts.get("en", 0) + 1):
        return best
    return None


def english_ratio(text: str) -> float:
    """Share of words that are English function words (prose ~0.35-0.5, word salad or link lists far less)."""
    toks = words(text)
    if not toks:
        return 0.0
    sw = stopwords()["en"]
    return sum(1 for t in toks if t in sw) / len(toks)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the article's language (langdetect with a fixed seed, function words as a check)."""
    sample = text[:5000]
    counts = function_word_counts(sample)
    others = max((v for k, v in counts.items() if k != "en"), default=0)
    if counts.get("en", 0) >= 30 and counts["en"] > 4 * others:
        return "en"  # clear English prose: langdetect (the slowest step of ingest) would only agree
    try:
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0
        try:
            code = detect(sample)
        except LangDetectException:
            code = "unknown"
    except ImportError:  # pragma: no cover - langdetect is a declared dependency
        code = "unknown"
    by_words = max(counts, key=lambda k: (counts[k], k == "en")) if any(counts.values()) else None
    if (
        code != "en"
        and by_words == "en"
        and counts["en"] > 2 * max(v for k, v in counts.items() if k != "en")
    ):
        return "en"
    if code == "en" and by_words not in (None, "en") and counts[by_words] > 2 * counts["en"]:
        return by_words
    return code
