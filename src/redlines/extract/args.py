"""Reading a statement's arguments (actors, weapons, zones, dates) from the parse and the mention layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redlines.extract.triggers import cue, lemma
from redlines.model import (
    DateInterval,
    Mention,
    ParsedDocument,
    Precision,
    Sentence,
    Timex,
    WeaponRef,
    Zone,
)

# dependency labels through which a clause inherits the subject / date of its governor
CLAUSAL = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "csubj", "dep", "parataxis",
                     "acomp", "prep", "pobj", "dobj", "oprd", "attr", "advmod", "npadvmod", "amod", "nmod"})
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "this", "that", "who", "which", "you", "one"})
ACTOR_LABELS = ("ACTOR", "PERSON")
WEAPON_LABELS = ("WEAPON", "WEAPON_CLASS", "WEAPON_ORIGIN")
VAGUE_ORIGINS = frozenset({"west", "western", "nato", "allied", "allies", "foreign", "european", "eu"})
HORIZON_WORDS = frozenset({"by", "until", "till", "before", "through", "within"})


@dataclass(slots=True)
class SentView:
    """One parsed sentence with its mentions and time expressions, in the sentence's token space."""

    parsed: ParsedDocument
    sent: Sentence
    doc: Any
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    _roots: dict[tuple[int, int], Any] = field(default_factory=dict)

    def span(self, start: int, end: int) -> Any:
        """Tokens covering document offsets [start, end) (expanded to token bounds)."""
        return self.doc.char_span(start - self.sent.start_char, end - self.sent.start_char, alignment_mode="expand")

    def root(self, m: Mention | Timex) -> Any:
        """The syntactic head token of a mention or time expression."""
        key = (m.start_char, m.end_char)
        if key not in self._roots:
            sp = self.span(m.start_char, m.end_char)
            self._roots[key] = sp.root if sp is not None and len(sp) else None
        return self._roots[key]

    def of(self, labels: tuple[str, ...], ids: set[int] | None = None) -> list[Mention]:
        """Mentions with one of `labels` whose head token is in `ids` (all when None)."""
        out = []
        for m in self.mentions:
            if m.label not in labels:
                continue
            r = self.root(m)
            if r is not None and (ids is None or r.i in ids):
                out.append(m)
        return out

    def char(self, tok: Any) -> int:
        """Document offset of a token."""
        return self.sent.start_char + tok.idx


def make_view(parsed: ParsedDocument, sent: Sentence) -> SentView | None:
    """A SentView for a parsed sentence, or None when the language layer did not parse it."""
    if sent.parse is None:
        return None
    return SentView(parsed, sent, sent.parse, parsed.mentions_in(sent.start_char, sent.end_char),
                    parsed.timexes_in(sent.start_char, sent.end_char))


def subtree_ids(tok: Any) -> set[int]:
    """Token indices of a token's subtree."""
    return {t.i for t in tok.subtree}


def governors(tok: Any) -> list[Any]:
    """The token and the heads it hangs from through clausal links, up to the root."""
    out = [tok]
    while tok.dep_ in CLAUSAL and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    if out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def actor_name(m: Mention) -> str | None:
    """The state/organisation a mention stands for (a person's state or organisation)."""
    if m.label == "PERSON":
        return m.attrs.get("state") or m.attrs.get("org") or m.attrs.get("actor")
    return m.canonical or m.text


def depth_below(tok: Any, top: Any) -> int:
    """Steps from `tok` up to `top` in the tree (99 when `top` does not govern `tok`)."""
    d = 0
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        d += 1
    return d if tok.i == top.i else 99


def _head_mentions(view: SentView, subj: Any) -> list[Mention]:
    """Mentions heading a subject phrase: the shallowest ones and their conjuncts ("X and Y")."""
    ids = subtree_ids(subj)
    for t in subj.subtree:  # "Republicans close to Trump": the people near someone are not that someone
        if lemma(t) in ("close", "near", "loyal", "allied", "linked", "tied") and t.i != subj.i:
            ids -= subtree_ids(t)
    cands = [(m, view.root(m)) for m in view.of(ACTOR_LABELS, ids)]
    if not cands:
        return []
    best = min(depth_below(r, subj) for _, r in cands)
    heads = {r.i for m, r in cands if depth_below(r, subj) == best}
    out = []
    for m, r in cands:
        t = r
        while t.dep_ == "conj" and t.i not in heads and t.head.i != t.i:
            t = t.head
        if t.i in heads:
            out.append(m)
    persons = [m for m in out if m.label == "PERSON"]
    if persons:  # a named official stands for their state; drop the adjective of the same state
        covered = {actor_name(p) for p in persons}
        out = persons + [m for m in out if m.label == "ACTOR" and actor_name(m) not in covered]
    return out


def agents(view: SentView, trig: Any, strict: bool = True) -> list[Mention] | None:
    """Who does the trigger: the subject (or passive agent) of the trigger or of a governing clause.

    None means a subject was found that names no actor ("pressure was building to ..."): nobody acts.
    """
    for verb in governors(trig):
        if verb.dep_ == "advcl" and verb.tag_ in ("VBZ", "VBD", "VBP") and not any(
                c.dep_ in SUBJECTS or c.dep_ == "nsubjpass" for c in verb.children) and any(
                c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in verb.children):
            # "... as Kyiv presses for arms" misparsed without a subject: the names inside, not the main clause's
            return [m for m in view.of(ACTOR_LABELS, subtree_ids(verb)) if m.end_char <= view.char(verb)]
        if verb.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.lower_ in ("which", "who", "that")
                                        for c in verb.children):
            head = [m for m in view.of(ACTOR_LABELS, {verb.head.i})]
            if head:
                return head
        for child in verb.children:
            if child.dep_ == "agent":
                found = [m for obj in child.children for m in _head_mentions(view, obj)]
                if found:
                    return found
        subjects = [c for c in verb.children if (c.dep_ in SUBJECTS
                    or (c.dep_ == "nsubjpass" and lemma(verb) in cue("args", "stative_passives")))
                    and not is_dateline(c)]
        for s in subjects:
            if lemma(s) in cue("args", "anaphoric_subjects") and not view.of(ACTOR_LABELS, subtree_ids(s)):
                before = [m for m in view.of(ACTOR_LABELS) if m.end_char <= view.char(s)
                          and actor_name(m) not in ("Ukraine", "Russia")]
                return [before[-1]] if before else []  # "the country": the last state named before
            found = _head_mentions(view, s)
            if found:
                return found
            if strict and s.text.lower() not in PRONOUNS and s.pos_ != "PRON" and s.dep_ == "nsubj" \
                    and s.pos_ in ("NOUN", "PROPN") and lemma(s) not in cue("args", "weak_subjects"):
                return None  # a plain noun subject ("pressure", "the debate") is not a donor
    return []


CLAUSE_MARKS = frozenset({"as", "while", "because", "although", "though", "since", "whereas", "after", "before", "so",
                          "that", "if", "unless", "until", "once", "when"})
UNITS = frozenset({"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
                   "percent", "%", "days", "years", "months", "weeks", "hours", "mm", "kg", "tonnes", "tons"})
DATELINE_MARKS = frozenset({"—", "–", "--", "-", "("})


def is_dateline(tok: Any) -> bool:
    """'WARSAW, 25 January 2023 — ...', 'KYIV (Reuters) - ...': the capitalised place opening a wire story."""
    after_break = tok.i > 0 and "\n" in tok.doc[tok.i - 1].text_with_ws
    if (tok.i > 3 and not after_break) or not (tok.text.isupper() and len(tok.text) > 2 and tok.is_alpha):
        return False
    doc, j = tok.doc, tok.i + 1
    while j + 1 < len(doc) and doc[j].text == "/" and doc[j + 1].text.isupper():  # "WASHINGTON/KYIV (AP) -"
        j += 2
    if j >= len(doc):
        return False
    if doc[j].text == ",":  # "WARSAW, 25 January 2023 — ..."
        return any(t.text in DATELINE_MARKS - {"("} for t in doc[j: j + 8])
    if doc[j].text == "(":  # "KYIV (Reuters) - ...", not "NATO (the alliance) ..."
        close = next((k for k in range(j + 1, min(j + 5, len(doc))) if doc[k].text == ")"), None)
        return close is not None and close + 1 < len(doc) and doc[close + 1].text in DATELINE_MARKS
    return doc[j].text in DATELINE_MARKS


def recipients(view: SentView, ids: set[int], default: str = "Ukraine", donor: str | None = None) -> str:
    """The recipient: the actor a clause gives to ("to Russia", "gave Iran ..."), else Ukraine."""
    for m in view.of(("ACTOR",), ids):
        r = view.root(m)
        given_to = (r.dep_ == "pobj" and r.head.lower_ == "to") or r.dep_ in ("dative", "iobj") or (
            r.dep_ == "dobj" and any(c.dep_ == "dobj" for c in r.head.children if c.i != r.i))
        name = actor_name(m)
        if given_to and name and name != donor:
            return name
    return default


def _dedupe_weapons(view: SentView, found: list[Mention]) -> list[Mention]:
    systems = [m for m in found if m.label == "WEAPON"]
    keep = []
    for m in found:
        if m.label != "WEAPON":
            r = view.root(m)
            covered = any(s.start_char < m.end_char and m.start_char < s.end_char for s in systems)
            headed = any(view.root(s) is not None and view.root(s).head.i == r.i for s in systems)
            if covered or headed:
                continue
            if any(o is not m and o.label != "WEAPON" and o.start_char <= m.start_char and m.end_char <= o.end_char
                   and (o.end_char - o.start_char) > (m.end_char - m.start_char) for o in found):
                continue
        keep.append(m)
    return keep


def weapon_refs(view: SentView, ids: set[int], donor: str | None) -> list[WeaponRef]:
    """Weapons named in the clause: systems, classes, or the donor's own weapons by origin."""
    generic = cue("args", "generic_weapon_classes") | {"weapons", "weapon", "missile", "arms", "weaponry"}
    found = _dedupe_weapons(view, view.of(WEAPON_LABELS, ids))
    classes_specific = any(m.label == "WEAPON" or m.label == "WEAPON_CLASS" and (m.canonical or "").lower() not in generic
                           for m in found)
    out: list[WeaponRef] = []
    for m in found:
        if m.label == "WEAPON":
            ref = WeaponRef("system", m.canonical or m.text)
        elif m.label == "WEAPON_ORIGIN":
            if classes_specific:
                continue
            origin = str(m.attrs.get("origin") or m.canonical or "")
            if origin.lower() in VAGUE_ORIGINS and not donor and m.attrs.get("cls"):
                ref = WeaponRef("class", str(m.attrs["cls"]))  # "Western battle tanks" asked for: tanks
                if ref not in out:
                    out.append(ref)
                continue
            own = origin.lower() in VAGUE_ORIGINS or not origin or origin == donor
            cls = str(m.attrs.get("cls") or "")
            if own and cls and cls.lower() not in generic:
                # "American-made long-range missiles" allowed by Washington: the donor's long-range
                # missiles, a class (it can replace an older system-level state), not all its weapons
                ref = WeaponRef("class", cls)
            else:
                ref = WeaponRef("origin", donor if own and donor else origin)
            if not ref.id:
                continue
        else:
            cls = (m.canonical or m.text).lower()
            if cls in generic:
                if any(o.label == "WEAPON_ORIGIN" for o in found) or classes_specific:
                    continue
                ref = WeaponRef("origin", donor) if donor else WeaponRef("class", cls)
            else:
                ref = WeaponRef("class", m.canonical or cls)
        if ref not in out:
            out.append(ref)
    return out


def zones_of(view: SentView, ids: set[int] | None) -> tuple[Zone, ...]:
    """Zones named in the clause; PLACE mentions inside a zone phrase do not add their own zones."""
    phrases = view.of(("ZONE_PHRASE",), ids)
    places = [p for p in view.of(("PLACE",), ids)
              if not any(z.start_char <= p.start_char and p.end_char <= z.end_char for z in phrases)]
    got: list[Zone] = []
    phrase_zones = [z for m in phrases for z in mention_zones(m)]
    russian = {Zone.RU_BORDER, Zone.RU_DEEP}
    for z in phrase_zones:
        if z not in got:
            got.append(z)
    for p in places:
        pz = mention_zones(p)
        if phrase_zones and set(phrase_zones) <= russian and not set(pz) <= russian:
            continue  # "across the border from Kharkiv": the Ukrainian place only locates the border
        if not set(pz) & russian and _attacked_by_russian_forces(view, p):
            pz = [Zone.RU_BORDER]  # "Russian troops attacking the Kharkiv region": they sit across the border
        for z in pz:
            if z not in got:
                got.append(z)
    places_ru = [z for p in places for z in mention_zones(p) if z in russian]
    if places_ru and set(russian) <= set(got) and set(places_ru) < russian:
        got = [z for z in got if z not in russian or z in places_ru]  # "inside Russia's Kursk region"
    if not got:  # "targets in Russia" with no zone phrase: the country itself as the place
        for m in view.of(("ACTOR", "PLACE"), ids):
            r = view.root(m)
            of_place = r.head.lower_ == "of" and lemma(r.head.head) in ("part", "region", "area", "territory", "side")
            if r.dep_ == "pobj" and (r.head.lower_ in ("in", "inside", "into", "within", "over", "on") or of_place):
                if m.canonical == "Russia":
                    got = [Zone.RU_BORDER, Zone.RU_DEEP]
                    break
                if m.canonical == "Ukraine" and m.label == "ACTOR":  # "used only over Ukraine"
                    got = [Zone.UA_HELD, Zone.UA_OCCUPIED]
                    break
    if not got and ids is not None:  # "against Russian airfields": a Russian target noun, no zone phrase
        for i in ids:
            tok = view.doc[i]
            if lemma(tok) in cue("args", "target_nouns") and any(
                    c.dep_ == "amod" and c.lower_ == "russian" for c in tok.children):
                got = [Zone.RU_BORDER, Zone.RU_DEEP]
                break
    order = list(Zone)
    return tuple(sorted(got, key=order.index))


def _attacked_by_russian_forces(view: SentView, place: Mention) -> bool:
    """A Ukrainian place that Russian forces attack or threaten in a clause describing the forces."""
    tok, verb = view.root(place), None
    for _ in range(5):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "VERB" and lemma(tok) in cue("args", "assault_verbs"):
            verb = tok
            if any(c.dep_ == "nsubj" and _russian_forces(view, c) for c in tok.children):
                return True  # "Russian troops massing near Kharkiv" parsed as a clause
        elif verb is not None and tok.pos_ in ("NOUN", "PROPN"):
            return _russian_forces(view, tok)
    return False


def _russian_forces(view: SentView, tok: Any) -> bool:
    """'Russian troops', 'Russia's forces', 'the Russian army'."""
    return any(c.dep_ == "amod" and c.lower_ == "russian" for c in tok.children) or any(
        m.canonical == "Russia" for m in view.of(("ACTOR",), subtree_ids(tok)))


def mention_zones(m: Mention) -> list[Zone]:
    """The zones a PLACE or ZONE_PHRASE mention carries (attrs "zones" or "zone")."""
    raw = m.attrs.get("zones") or m.attrs.get("zone") or []
    if isinstance(raw, str):
        raw = [raw]
    out = []
    for z in raw:
        try:
            out.append(Zone(str(z.value if isinstance(z, Zone) else z)))
        except ValueError:
            continue
    return out


def target_type(view: SentView, ids: set[int] | None = None) -> str | None:
    """'military' when the clause names military targets (depots, hubs, counter-fire...)."""
    from redlines.extract.triggers import phrase_matches

    for s, e, _ in phrase_matches(view.doc, cue("permission", "military_targets")):
        if ids is None or any(i in ids for i in range(s, e)):
            return "military"
    return None


def is_horizon(view: SentView, t: Timex) -> bool:
    """'by 2028', 'until the end of the year': a deadline, not the date of the fact."""
    first = t.text.split()[0].lower() if t.text.split() else ""
    if first in HORIZON_WORDS:
        return True
    sp = view.span(t.start_char, t.end_char)
    return bool(sp is not None and sp.start > 0 and view.doc[sp.start - 1].lower_ in HORIZON_WORDS)


def unknown_date(view: SentView) -> DateInterval:
    """The publication date, marked precision 'unknown': the fact's own date is not in the text."""
    pub = view.parsed.document.published.value
    return DateInterval(pub, pub, Precision.UNKNOWN, "(publication date)")


def pick_timex(view: SentView, trig: Any, timexes: list[Timex]) -> tuple[Timex | None, bool]:
    """The time expression governing the trigger (attached to its clause chain) or the nearest one."""
    if not timexes:
        return None, False
    chain = {t.i for t in governors(trig)}
    attached = []
    for t in timexes:
        r = view.root(t)
        tok, steps = r, 0
        while tok is not None and tok.i not in chain and tok.head.i != tok.i and steps < 6:
            tok, steps = tok.head, steps + 1
            if tok.pos_ in ("VERB", "AUX") and tok.i not in chain:
                tok = None  # the time expression belongs to another clause
                break
        if tok is not None and tok.i in chain:
            attached.append((steps, abs((r.i if r is not None else 0) - trig.i), t))
    if attached:
        return min(attached, key=lambda x: (x[0], x[1]))[2], True
    def distance(t: Timex) -> int:
        sp = view.span(t.start_char, t.end_char)
        return abs(sp.start - trig.i) if sp is not None else 10_000

    return min(timexes, key=distance), False


def _single_clause(view: SentView, t: Timex) -> bool:
    """The time expression does not sit in a coordinated or adverbial clause of its own."""
    tok = view.root(t)
    for _ in range(8):
        if tok is None or tok.head.i == tok.i:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("conj", "advcl") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        tok = tok.head
    return True


_PRECISION_RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.SEASON: 3,
                   Precision.RANGE: 4, Precision.YEAR: 5}


def fact_date(view: SentView, trig: Any, prev: SentView | None = None,
              actor: str | None = None, standing: bool = False) -> tuple[DateInterval, DateInterval | None, float]:
    """(date of the fact, deadline/horizon if any, confidence penalty) for a trigger."""
    horizons = [t for t in view.timexes if is_horizon(view, t)]
    plain = [t for t in view.timexes if t not in horizons]
    horizon = horizons[0].interval if horizons else None
    t, attached = pick_timex(view, trig, plain)
    if t is not None and (attached or (not standing and _single_clause(view, t))):
        return t.interval, horizon, 0.0 if attached else 0.05
    if standing:  # "continues to prohibit": the state holds at publication
        return unknown_date(view), horizon, 0.05
    if prev is not None and prev.timexes and actor and actor in {actor_name(m) for m in prev.of(ACTOR_LABELS)}:
        # the neighbour's event date: its most precise non-horizon expression ("on Tuesday" rather than
        # "arrive this year" or "by 2028"), the last one among equals
        cands = [t for t in prev.timexes if not is_horizon(prev, t)] or list(prev.timexes)
        best = max(enumerate(cands), key=lambda it: (-_PRECISION_RANK.get(it[1].interval.precision, 9), it[0]))[1]
        return best.interval, horizon, 0.1
    return unknown_date(view), horizon, 0.15


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}


def as_number(tok: Any) -> int | None:
    """The integer a number token spells ("18", "1,200", "seven")."""
    txt = tok.text.replace(",", "")
    if txt.isdigit():
        return int(txt)
    return NUMBER_WORDS.get(txt.lower())


def number_of(tok: Any, skip: set[int] = frozenset()) -> int | None:  # type: ignore[assignment]
    """An integer quantity attached to a noun ("30 F-16 fighter jets", "at least 18 people"); tokens in
    `skip` (the weapon's own name, "Challenger 2") do not count."""
    if tok.like_num and tok.i not in skip:
        return as_number(tok)
    for c in tok.subtree:
        if c.i in skip or (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in UNITS):
            continue  # "a range of about 250 kilometres" is no quantity
        if c.dep_ == "nummod" or (c.like_num and c.head.i == tok.i):
            n = as_number(c)
            if n is not None:
                return n
    return None


def token_lemmas(toks: list[Any]) -> set[str]:
    """Lemmas of some tokens."""
    return {lemma(t) for t in toks}
