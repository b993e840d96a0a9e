"""The rule table for temporal expressions: precompiled patterns, most specific first, with resolvers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from redlines.nlp import timex_absolute, timex_relative
from redlines.nlp.timex_context import Context, Result, group, is_plural
from redlines.nlp.timex_vocab import load_vocab, regex_pieces

RESOLVERS = {**timex_absolute.RESOLVERS, **timex_relative.RESOLVERS}


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern; `accept` vetoes a match by its surroundings; `cased` groups need a capital."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context], Result | None]
    accept: Callable[[re.Match[str], str], bool] | None = None
    cased: tuple[str, ...] = ()
    key: str | None = None  # a word class the rule needs (see RULE_KEYS)


def _word_before(text: str, pos: int) -> str:
    found = re.search(r"([A-Za-z]+)\W*$", text[max(0, pos - 30):pos])
    return found.group(1).lower() if found else ""


# --- acceptance checks ----------------------------------------------------------------------------

YEAR_CONTEXT = {"in", "since", "by", "of", "until", "till", "from", "through", "before", "after", "to", "the",
                "between", "during", "around", "circa", "throughout", "and", "early", "mid", "late", "year"}
MONTH_CONTEXT = {"since", "by", "until", "till", "from", "through", "before", "after", "between", "to"}


def _accept_year(m: re.Match[str], text: str) -> bool:
    if m.group(0).lower().startswith(("in", "during")):
        return True
    return _word_before(text, m.start()) in YEAR_CONTEXT


def _accept_bare_month(m: re.Match[str], text: str) -> bool:
    if m.groupdict().get("rel") or m.group(0).lower().startswith(("in ", "during ")):
        return True
    return _word_before(text, m.start()) in MONTH_CONTEXT


def _accept_weekday(m: re.Match[str], text: str) -> bool:
    """Not "the Sunday Times", "the Mail on Sunday", "Good Friday"."""
    vocab = load_vocab()
    after = re.match(r"\s+([A-Z][\w’']*)", text[m.end("wd"):m.end("wd") + 20])
    if after and after.group(1).lower() in vocab.weekday_not_before:
        return False
    before = {_word_before(text, m.start("wd")), _word_before(text, m.start())}
    return not before & vocab.weekday_not_after


def _accept_season(m: re.Match[str], text: str) -> bool:
    if m["season"].lower() in ("spring", "fall"):
        lead = m.group(0).lower()
        return lead != m["season"].lower() or _word_before(text, m.start()) in MONTH_CONTEXT | {"the"}
    return True


def _accept_calendar_unit(m: re.Match[str], text: str) -> bool:
    """"the year" alone is not a date; "the end of the year" is."""
    return group(m, "which") != "the" or bool(m.groupdict().get("rel"))


def _accept_duration(m: re.Match[str], text: str) -> bool:
    return bool(m.groupdict().get("num")) or is_plural(m)


@lru_cache(maxsize=1)
def build_rules() -> tuple[Rule, ...]:
    """Compile the rule table once (most specific first; ties go to the earlier rule)."""
    p = regex_pieces()
    mon, mfull, wd, season, num, unit = p.month, p.month_full, p.weekday, p.season, p.number, p.unit
    year = r"(?:1[89]|20)\d{2}"
    th = r"(?:st|nd|rd|th)?"
    on = r"(?:on\s+)?"
    part = r"(?:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
    year_part = (r"(?:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
                 r"|the\s+(?:early|first|opening|last|final|closing|later)\s+months\s+of"
                 r"|the\s+(?:first|second)\s+half\s+of"
                 r"|the\s+(?:first|second|third|fourth|final|last)\s+quarter\s+of|Q[1-4])")
    quals = (r"(?:more\s+than|over|about|nearly|almost|some|roughly|around|less\s+than|just\s+over|just|only"
             r"|at\s+least|under)")
    pod = r"(?:\s+(?:morning|afternoon|evening|night))?"
    wd_prefix = rf"(?:(?P<wd>{wd}),?\s+)?"
    not_number = r"(?![-–/.,]?\d|\s*(?:km|kilomet|miles|%|percent|people|troops))"
    event_dir = r"(?P<dir>earlier|later|afterwards?|before(?=\s*[,.;])|after(?=\s*[,.;])|prior(?=\s*[,.;]))"
    specs: list[tuple[str, str, str, Callable | None, tuple[str, ...]]] = [
        ("iso_date", rf"\b(?P<y>{year})[-/](?P<m>[01]\d)[-/](?P<d>[0-3]\d)\b", "full_date", None, ()),
        ("dotted_date", rf"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{year})\b", "full_date", None, ()),
        ("day_month_year", rf"\b{on}{wd_prefix}(?:the\s+)?(?P<d>[0-3]?\d){th}\s+(?:of\s+)?(?P<mon>{mon}),?\s+"
                           rf"(?P<y>{year})\b", "full_date", None, ("mon", "wd")),
        ("month_day_year", rf"\b{on}{wd_prefix}(?P<mon>{mon})\s+(?P<d>[0-3]?\d){th},?\s+(?P<y>{year})\b",
         "full_date", None, ("mon", "wd")),
        ("month_day_range", rf"\b(?:(?:from|between|on)\s+)?(?P<mon>{mon})\s+(?P<d>[0-3]?\d){th}\s*"
                            rf"(?:-|–|to|and|through)\s*(?P<d2>[0-3]?\d)\b"
                            rf"(?:,?\s+(?P<y>{year})\b|(?![\d,.]\d))",
         "month_day", None, ("mon",)),
        ("day_month_range", rf"\b(?:(?:from|between|on)\s+)?(?P<d>[0-3]?\d){th}\s*(?:-|–|to|and)\s*"
                            rf"(?P<d2>[0-3]?\d){th}\s+(?:of\s+)?(?P<mon>{mfull})\b(?:,?\s+(?P<y>{year})\b)?",
         "month_day", None, ("mon",)),
        ("month_day", rf"\b{on}{wd_prefix}(?P<mon>{mon})\s+(?P<d>[0-3]?\d){th}\b(?![\d,.]\d|\s*%)",
         "month_day", None, ("mon", "wd")),
        ("day_month", rf"\b{on}(?:the\s+)?(?P<d>[0-3]?\d){th}\s+(?:of\s+)?(?P<mon>{mfull})\b",
         "month_day", None, ("mon",)),
        ("month_year", rf"\b(?:(?:in|during|of)\s+)?(?:(?P<part>{part})[\s-]+)?(?P<mon>{mon}),?\s+(?:of\s+)?"
                       rf"(?P<y>{year})\b", "month_year", None, ("mon",)),
        ("month_that_year", rf"\b(?:(?:in|during)\s+)?(?:(?P<part>{part})[\s-]+)?(?P<mon>{mfull})\s+of\s+"
                            r"(?P<which>that|the\s+same|the\s+following|the\s+next|the\s+previous"
                            r"|the\s+preceding)"
                            r"\s+year\b", "month_that_year", None, ("mon",)),
        ("season_year", r"\b(?:(?:in|during|over)\s+)?(?:the\s+)?(?:(?P<part>early|late)\s+)?"
                        rf"(?P<season>{season})\s+(?:of\s+)?(?P<y>{year})\b", "season", None, ()),
        ("year_part", rf"\b(?:(?:in|during)\s+)?(?P<part>{year_part})[\s-]+(?P<y>{year})\b",
         "year", None, ()),
        ("decade", r"\b(?:(?:in|during)\s+)?(?:the\s+)?(?P<dec>(?:19|20)\d0)(?:'s|’s|s)\b",
         "decade", None, ()),
        ("year", rf"\b(?:(?:in|during)\s+)?(?P<y>{year})\b{not_number}", "year", _accept_year, ()),
        ("since_anchor", r"\b(?:ever\s+)?since\s+(?:the\s+)?"
                         r"(?:(?:start|beginning|outbreak|onset|launch)\s+of\s+(?:the\s+|its\s+)?)?"
                         rf"(?:{p.anchor})",
         "since_anchor", None, ()),
        ("calendar_unit", rf"\b(?:(?:in|during|over)\s+)?(?:(?P<rel>earlier|later|early|late|{part})\s+)?"
                          r"(?P<which>this\s+past|this\s+coming|this|last|next|the\s+current|the)\s+"
                          r"(?P<unit>weekend|week|month|year)\b(?!s)",
         "calendar_unit", _accept_calendar_unit, ()),
        ("the_weekend", r"\b(?:(?:over|during|at|on)\s+)?the\s+weekend\b", "the_weekend", None, ()),
        ("bare_month", rf"\b(?:(?:in|during)\s+)?(?:(?P<rel>last|next|this|past|coming|{part})[\s-]+)?"
                       rf"(?P<mon>{mfull})(?!\s*\d)", "bare_month", _accept_bare_month, ("mon",)),
        ("season", r"\b(?:(?:in|during|over|through|throughout)\s+)?(?:the\s+)?"
                   r"(?:(?P<rel>this|last|next|past|coming|current|early|late)\s+)?"
                   rf"(?:the\s+)?(?P<season>{season})",
         "season", _accept_season, ()),
        ("weekday", r"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|on|early|late)\s+)?"
                    rf"{on}(?P<wd>{wd}){pod}", "weekday", _accept_weekday, ("wd",)),
        ("named_day", r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
                      r"|tomorrow|tonight|last\s+night|overnight)" + pod, "named_day", None, ()),
        ("ago", rf"\b(?:(?P<q>{quals})\s+)?(?:(?P<num>{num})\s+)?(?P<unit>{unit})\s+ago\b", "ago", None, ()),
        ("event_shift", rf"\b(?:(?P<q>{quals})\s+)?(?:(?P<num>{num})\s+)?"
                        rf"(?P<unit>(?:day|week|month|year|hour|minute)s?)\s+{event_dir}",
         "event_shift", None, ()),
        ("event_same", rf"\b(?:(?P<rel>earlier|later|early|late|{part})\s+(?:in\s+)?)?"
                       r"(?:that|the\s+same|the\s+very)\s+(?:same\s+)?(?P<unit>day|week|month|year)\b",
         "event_same", None, ()),
        ("day_before_after", r"\bthe\s+day\s+(?P<dir>before|after)\b(?!\s+(?:yesterday|tomorrow))",
         "day_before_after", None, ()),
        ("the_x_unit", r"\b(?:(?:in|during|over|for|within|throughout)\s+)?the\s+"
                       r"(?P<dir>past|last|previous|preceding|coming|next|following)\s+"
                       rf"(?:(?P<num>{num})\s+)?(?P<unit>{unit}|hours?\b)(?!\s+of\b)",
         "the_x_unit", None, ()),
        ("recent", r"\b(?:(?:in|over|during)\s+)?(?:the\s+)?(?:most\s+)?recent\s+"
                   r"(?P<unit>days|weeks|months|years)\b", "recent", None, ()),
        ("duration", rf"\bfor\s+(?:(?P<q>{quals}|close\s+to)\s+)?(?:(?P<num>{num})\s+)?(?P<unit>{unit})"
                     r"(?!\s+(?:of|old|later|earlier|ago|before|after)\b)", "duration", _accept_duration, ()),
        ("within", rf"\bwithin\s+(?:the\s+(?:next|coming)\s+)?(?:(?P<num>{num})\s+)?(?P<unit>{unit})",
         "within", None, ()),
        ("since_then", r"\b(?:ever\s+)?since\s+then\b", "since_then", None, ()),
    ]
    return tuple(Rule(name, re.compile(pattern, re.I), RESOLVERS[resolve], accept, cased, RULE_KEYS.get(name))
                 for name, pattern, resolve, accept, cased in specs)


# The word each rule cannot match without (its "key"); a rule only runs in sentences holding its key.
RULE_KEYS = {
    "iso_date": "year", "dotted_date": "year", "year_part": "year", "year": "year", "decade": "year",
    "season_year": "season", "season": "season", "since_anchor": "since", "since_then": "since",
    "calendar_unit": "unit", "the_weekend": "unit", "named_day": "named", "ago": "ago", "event_shift": "unit",
    "event_same": "unit", "day_before_after": "unit", "the_x_unit": "unit", "recent": "recent",
    "duration": "unit", "within": "within", "weekday": "weekday",
    **{name: "month" for name in ("day_month_year", "month_day_year", "month_day_range", "day_month_range",
                                  "month_day",
                                  "day_month", "month_year", "month_that_year", "bare_month")},
}


@lru_cache(maxsize=1)
def key_words() -> tuple[dict[str, str], dict[str, str]]:
    """(case-sensitive words, lower-case words) -> the key they switch on; 4-digit years are "year"."""
    v = load_vocab()
    cased = {**{m.rstrip("."): "month" for m in v.months}, **{w: "weekday" for w in v.weekdays}}
    lower = {w: "season" for w in v.seasons}
    for unit in ("day", "week", "month", "year", "hour", "minute", "weekend"):
        lower[unit] = lower[unit + "s"] = "unit"
    lower.update({w: "named" for w in ("yesterday", "today", "tomorrow", "tonight", "night", "overnight")})
    lower.update({"since": "since", "ago": "ago", "recent": "recent", "within": "within"})
    return cased, lower
