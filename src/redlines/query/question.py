"""Plain-text questions ("Can Ukraine use ATACMS inside Russia as of June 2024?") to AskQuery.

Uses the name catalogue (gazetteer phrases) for donors and weapons, zone phrases for zones, and
`redlines.nlp.dates.find_timexes` for the date when the language layer provides it (a small local
parser otherwise). A month or year means its last day ("as of June 2024" = 2024-06-30).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from redlines.errors import UsageError
from redlines.model import Zone
from redlines.query.resolve import catalogue
from redlines.query.types import AskQuery

ZONE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[Zone, ...]], ...] = tuple(
    (re.compile(p, re.I), zones) for p, zones in (
        (r"\b(deep (inside|into) russia|deep in russia|moscow|russian hinterland)\b", (Zone.RU_DEEP,)),
        (r"\b(border (regions?|areas?)|belgorod|kursk|bryansk|across the border|near kharkiv)\b", (Zone.RU_BORDER,)),
        (r"\b(crimea|occupied (territor(y|ies)|ukraine)|occupied areas?)\b", (Zone.UA_OCCUPIED,)),
        (r"\b(inside|in|into|on|against) russia(n (territory|soil))?\b|\brussian (territory|soil)\b",
         (Zone.RU_BORDER, Zone.RU_DEEP)),
        (r"\b(belarus|black sea|poland|romania)\b", (Zone.OTHER,)),
        (r"\b(inside|in|on|within) (ukraine|ukrainian territory)\b", (Zone.UA_HELD, Zone.UA_OCCUPIED)),
    ))
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})\b")
_MDY = re.compile(r"\b([A-Za-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_MY = re.compile(r"\b([A-Za-z]+) (\d{4})\b")
_Y = re.compile(r"\b(20\d\d|19\d\d)\b")
SKIP_ACTORS = {"Ukraine", "Russia"}
CASE_SENSITIVE = {"us", "uk", "eu"}


def _find_date(text: str, today: date) -> date:
    try:
        from redlines.nlp.dates import find_timexes  # type: ignore[import-not-found]

        for t in find_timexes(text, today):
            if t.interval.end or t.interval.start:
                return t.interval.end or t.interval.start  # type: ignore[return-value]
    except Exception:  # the language layer is optional  # noqa: BLE001
        pass
    try:
        if m := _ISO.search(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _DMY.search(text)) and m[2].lower() in MONTHS:
            return date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        if (m := _MDY.search(text)) and m[1].lower() in MONTHS:
            return date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
        if (m := _MY.search(text)) and m[1].lower() in MONTHS:
            y, mo = int(m[2]), MONTHS[m[1].lower()]
            return date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _Y.search(text):
            return date(int(m[1]), 12, 31)
    except ValueError:
        raise UsageError(f"bad date in question {text!r}") from None
    return today


def _phrase_hits(text: str, table: dict[str, str]) -> list[tuple[int, int, str]]:
    low = text.lower().replace("’", "'")
    hits = []
    for phrase, canon in table.items():
        if len(phrase) < 2:
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", low):
            if phrase in CASE_SENSITIVE and text[m.start():m.end()] != phrase.upper():
                continue  # "us" the pronoun is not the US
            hits.append((m.start(), m.end(), canon))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, end = [], -1
    for h in hits:
        if h[0] >= end:
            out.append(h)
            end = h[1]
    return out


def parse_question(text: str, today: date | None = None) -> AskQuery:
    """Donor (optional), weapon, zones and date of a plain-text question; UsageError if no weapon."""
    if not text or not text.strip():
        raise UsageError("empty question")
    cat = catalogue()
    today = today or date.today()
    weapons = _phrase_hits(text, cat.weapon_aliases)
    weapon = weapons[0][2] if weapons else None
    if weapon is None:
        classes = _phrase_hits(text, cat.classes)
        weapon = f"class:{classes[0][2]}" if classes else None
    actors = [h for h in _phrase_hits(text, cat.actor_aliases) if h[2] not in SKIP_ACTORS]
    donor = actors[0][2] if actors else None
    if donor and (weapon is None or weapon == "class:weapons"):
        weapon = f"origin:{donor}"
    if weapon is None:
        raise UsageError(f"no weapon recognised in {text!r}; name a system (ATACMS), a class or a donor")
    zones: list[str] = []
    for pattern, zs in ZONE_PATTERNS:
        if pattern.search(text):
            zones.extend(z.value for z in zs if z.value not in zones)
    if not zones:
        zones = [Zone.RU_BORDER.value, Zone.RU_DEEP.value] if re.search(r"russia", text, re.I) else [
            z.value for z in Zone if z != Zone.OTHER]
    # a narrowing ("border regions", "deep inside") beats the generic "inside Russia" it sits in
    narrowed = [z for z in zones if z in (Zone.RU_BORDER.value, Zone.RU_DEEP.value)]
    if len(narrowed) == 2 and (ZONE_PATTERNS[0][0].search(text)) != (ZONE_PATTERNS[1][0].search(text)):
        keep = Zone.RU_DEEP.value if ZONE_PATTERNS[0][0].search(text) else Zone.RU_BORDER.value
        zones = [z for z in zones if z not in narrowed or z == keep]
    return AskQuery(weapon=weapon, zones=zones, date=_find_date(text, today), donor=donor, text=text)
