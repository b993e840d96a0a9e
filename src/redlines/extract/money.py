"""Money amounts in text ("at least €126 million ($137 million)") to normalised EUR and USD."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from redlines.model import Money


@dataclass(frozen=True, slots=True)
class FxTable:
    """The fixed rate table of data/fx.yaml: units of a currency per 1 EUR, by year."""

    rates: dict[int, dict[str, float]]
    symbols: dict[str, str]
    words: dict[str, str]
    scales: dict[str, float]
    qualifiers: dict[str, str]

    def rate(self, currency: str, year: int | None) -> float | None:
        """Units of `currency` per EUR in `year` (nearest year in the table)."""
        if not self.rates:
            return None
        years = sorted(self.rates)
        y = year if year is not None else years[-1]
        y = min(years, key=lambda k: (abs(k - y), -k))
        return self.rates[y].get(currency)

    def convert(self, amount: float, currency: str, to: str, year: int | None) -> float | None:
        """`amount` of `currency` in `to` at the table's rate of `year`."""
        src, dst = self.rate(currency, year), self.rate(to, year)
        if not src or not dst:
            return None
        return amount / src * dst


@lru_cache(maxsize=1)
def load_fx() -> FxTable:
    """Read data/fx.yaml once."""
    raw: dict[str, Any] = yaml.safe_load(resources.files("redlines.data").joinpath("fx.yaml").read_text("utf-8"))
    return FxTable(
        rates={int(y): {k: float(v) for k, v in row.items()} for y, row in raw["rates"].items()},
        symbols=dict(raw.get("symbols", {})),
        words={k.lower(): v for k, v in raw.get("words", {}).items()},
        scales={k.lower(): float(v) for k, v in raw.get("scales", {}).items()},
        qualifiers={k.lower(): v for k, v in raw.get("qualifiers", {}).items()},
    )


# Forms the shared fx table lacks: prefixed dollar signs, ISO codes before the number, and currency words
# that need their adjective ("Norwegian crowns", "Canadian dollars").
EXTRA_SYMBOLS = {"C$": "CAD", "CA$": "CAD", "Can$": "CAD", "A$": "AUD", "AU$": "AUD", "NOK": "NOK", "SEK": "SEK",
                 "DKK": "DKK", "CAD": "CAD", "AUD": "AUD", "EUR": "EUR", "USD": "USD", "GBP": "GBP", "PLN": "PLN",
                 "CZK": "CZK", "CHF": "CHF", "UAH": "UAH"}
EXTRA_WORDS = {"norwegian crowns": "NOK", "norwegian crown": "NOK", "norwegian kroner": "NOK", "norwegian krone": "NOK",
               "swedish crowns": "SEK", "swedish crown": "SEK", "swedish kronor": "SEK", "swedish krona": "SEK",
               "danish crowns": "DKK", "danish crown": "DKK", "danish kroner": "DKK", "danish krone": "DKK",
               "czech crowns": "CZK", "czech korunas": "CZK", "czech koruna": "CZK", "koruna": "CZK",
               "canadian dollars": "CAD", "canadian dollar": "CAD", "australian dollars": "AUD",
               "australian dollar": "AUD", "us dollars": "USD", "u.s. dollars": "USD"}

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mn|bn|[kmb])\b)?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    fx = load_fx()
    syms = "|".join(re.escape(s) for s in sorted({**EXTRA_SYMBOLS, **fx.symbols}, key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted({**EXTRA_WORDS, **fx.words}, key=len, reverse=True))
    quals = "|".join(re.escape(q) for q in sorted(fx.qualifiers, key=len, reverse=True))
    qual = rf"(?:(?P<qual>{quals})\s+)?"
    sym_first = re.compile(rf"{qual}(?P<sym>{syms})\s?{_NUM}{_SCALE}", re.IGNORECASE)
    word_after = re.compile(rf"{qual}{_NUM}{_SCALE}\s+(?P<word>{words})\b", re.IGNORECASE)
    return sym_first, word_after


@dataclass(frozen=True, slots=True)
class MoneySpan:
    """One amount found in a text, with its offsets."""

    start: int
    end: int
    amount: float
    currency: str
    text: str
    qualifier: str


def find_amounts(text: str) -> list[MoneySpan]:
    """Every money amount in `text`, in order (symbol-first or number-then-currency-word)."""
    fx = load_fx()
    found: list[MoneySpan] = []
    for pat in _patterns():
        for m in pat.finditer(text):
            if any(s.start < m.end() and m.start() < s.end for s in found):
                continue
            sym, word = m.groupdict().get("sym") or "", (m.groupdict().get("word") or "").lower()
            cur = fx.symbols.get(sym) or fx.words.get(word) or EXTRA_WORDS.get(word)
            if cur is None and sym:
                cur = fx.symbols.get(sym.upper()) or EXTRA_SYMBOLS.get(sym) or EXTRA_SYMBOLS.get(sym.upper())
            if sym.upper() in ("NOK", "SEK", "DKK", "CAD", "AUD", "EUR", "USD", "GBP", "PLN", "CZK", "CHF", "UAH") \
                    and sym != sym.upper():
                continue  # an ISO code counts only in capitals
            if cur is None:
                continue
            scale = fx.scales.get((m.group("scale") or "").lower(), 1.0)
            amount = float(m.group("num").replace(",", "")) * scale
            qual = fx.qualifiers.get((m.group("qual") or "").lower(), "")
            found.append(MoneySpan(m.start(), m.end(), amount, cur, m.group(0), qual))
    return sorted(found, key=lambda s: s.start)


def normalise(spans: list[MoneySpan], year: int | None) -> Money | None:
    """The first amount as Money; a directly following bracketed amount gives the article's own conversion."""
    if not spans:
        return None
    first = spans[0]
    fx = load_fx()
    given: dict[str, float] = {first.currency: first.amount}
    for other in spans[1:3]:
        if other.start - first.end <= 3 and other.currency != first.currency:
            given.setdefault(other.currency, other.amount)
    eur = given.get("EUR", fx.convert(first.amount, first.currency, "EUR", year))
    usd = given.get("USD", fx.convert(first.amount, first.currency, "USD", year))
    return Money(first.amount, first.currency, first.text, eur, usd, first.qualifier)


def money_in(text: str, year: int | None = None) -> Money | None:
    """The main amount of a text as normalised Money, or None."""
    return normalise(find_amounts(text), year)
