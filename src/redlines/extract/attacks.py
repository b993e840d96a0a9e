"""attack statements: a strike with attacker, place, zones, weapon, casualties and date."""

from __future__ import annotations

from typing import Any

from redlines.extract.args import (
    is_dateline,
    SentView,
    actor_name,
    mention_zones,
    number_of,
    subtree_ids,
    weapon_refs,
    zones_of,
)
from redlines.extract.modality import assess
from redlines.extract.provenance import Context, build
from redlines.extract.triggers import cue, cue_map, lemma
from redlines.model import Modality, Statement, StatementType, WeaponRef, Zone

EVENT_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP"})


def _triggers(view: SentView) -> list[Any]:
    verbs, nouns = cue("attack", "verbs"), cue("attack", "nouns")
    out = []
    for t in view.doc:
        lem = lemma(t)
        if lem == "drop" and not any(c.dep_ == "dobj" and view.of(("WEAPON", "WEAPON_CLASS"), subtree_ids(c))
                                     for c in t.children):
            continue  # "dropped guided bombs on", not "dropped its objections to F-16s"
        if lem == "drop" and any(lemma(c) in cue("permission", "restriction_nouns") for c in t.subtree):
            continue
        if lem in ("use", "employ") and t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN") and any(
                c.dep_ == "prep" and c.lower_ == "against" for c in t.children):
            out.append(t)  # "Ukrainian forces used it against an air base", "the missile was used against ..."
        elif t.pos_ == "VERB" and lem in verbs and t.dep_ == "xcomp" and lemma(t.head) in ("use", "employ") \
                and t.head.tag_ in EVENT_TAGS:
            out.append(t)  # "Ukraine used ATACMS to strike ...": the using verb carries tense
        elif t.pos_ == "VERB" and lem in verbs and t.tag_ in EVENT_TAGS and t.dep_ not in ("amod", "xcomp", "pcomp",
                                                                                        "csubj", "acl"):
            if t.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in t.children) and t.dep_ != "advcl":
                continue  # a gerund ("on hitting targets") is not an event
            out.append(t)
        elif t.pos_ == "NOUN" and lem in nouns and not _under_policy_word(t):
            out.append(t)
    return out


def _ukrainian_target(view: SentView, scope: set[int]) -> bool:
    """A Ukrainian-owned object of the strike ("Ukraine's power grid", "Ukrainian cities")."""
    for m in view.of(("ACTOR",), scope):
        r = view.root(m)
        if actor_name(m) == "Ukraine" and r is not None and r.dep_ in ("poss", "amod", "compound") \
                and r.head.dep_ in ("dobj", "pobj", "nsubjpass"):
            return True
    return False


def _under_policy_word(tok: Any) -> bool:
    """'the ban on HIMARS strikes', 'approved strikes with ATACMS': strikes talked about, not carried out."""
    policy = cue("permission", "restriction_nouns") | cue("permission", "allow_nouns") | \
        cue("permission", "allow_verbs") | cue("permission", "restrict_verbs")
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if lemma(node) in policy:
            return True
    return False


def _attacker(view: SentView, trig: Any, ctx: Context | None = None) -> str | None:
    """The attacker: 'Russian strike', 'Ukraine's attacks', or the subject of the verb."""
    if trig.pos_ == "NOUN":
        mods = [m for c in trig.children if c.dep_ in ("amod", "poss", "compound", "nmod")
                for m in view.of(("ACTOR",), subtree_ids(c))]
        if mods:
            return actor_name(mods[0])
        for c in trig.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                got = view.of(("ACTOR", "PERSON"), subtree_ids(c))
                if got:
                    return actor_name(got[0])
        if trig.dep_ != "dobj" or lemma(trig.head) not in ("launch", "carry", "conduct", "stage", "mount"):
            return None
        trig = trig.head  # "Russia launching an attack": the subject of the launching verb
    verb = trig
    while verb.dep_ in ("conj", "advcl", "xcomp") and not any(
            c.dep_ in ("nsubj", "agent", "nsubjpass") for c in verb.children):
        verb = verb.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "agent"):
            got = view.of(("ACTOR", "PERSON"), subtree_ids(c))
            if got:
                return actor_name(got[0])
            if lemma(c) in cue("args", "anaphoric_subjects"):  # "The country routinely hit Belgorod"
                before = [m for m in view.of(("ACTOR",)) if m.end_char <= view.char(c)]
                if before:
                    return actor_name(before[-1])
                earlier = ctx.prev.of(("ACTOR",)) if ctx is not None and ctx.prev is not None else []
                if earlier:  # the subject of the previous sentence is usually named first
                    return actor_name(earlier[0])
    subj = [c for c in trig.children if c.dep_ == "nsubj"]
    if subj:  # "a Russian missile hit ..."
        got = view.of(("ACTOR",), subtree_ids(subj[0]))
        if got:
            return actor_name(got[0])
    return None


def _located(view: SentView, m: Any) -> bool:
    """'in Sevastopol', 'at Dzhankoi', 'on Kharkiv': the place is where the strike landed (not a name part)."""
    r = view.root(m)
    return r is not None and r.dep_ == "pobj" and r.head.lower_ in ("in", "at", "near", "on", "outside", "into")


def _pronoun_weapon(view: SentView, trig: Any, ctx: Context | None) -> list[WeaponRef]:
    """'used it against ...': the weapon system named last before the pronoun (this or the previous sentence)."""
    if not any(c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in ("it", "them") or (
            lemma(c) in ("missile", "weapon", "system", "rocket") and any(d.lower_ in ("the", "this", "these")
                                                                          for d in c.children)))
               for c in trig.children):
        return []
    before = [m for m in view.of(("WEAPON",)) if m.end_char <= view.char(trig)]
    if not before and ctx is not None and ctx.prev is not None:
        before = ctx.prev.of(("WEAPON",))
    return [WeaponRef("system", before[-1].canonical or before[-1].text)] if before else []


def _casualties(view: SentView) -> dict[str, int]:
    """{"killed": n, "wounded": n} from casualty verbs and their numeric objects."""
    out: dict[str, int] = {}
    verbs = cue_map("attack", "casualty_verbs")
    for t in view.doc:
        field = verbs.get(lemma(t))
        if field and t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    n = number_of(c)
                    if n is not None and field not in out:
                        out[field] = n
    return out


def extract_attacks(view: SentView, ctx: Context) -> list[Statement]:
    """At most one attack per sentence and attacker, with place, zones, weapon and casualties."""
    out: list[Statement] = []
    seen: set[tuple] = set()
    triggers = _triggers(view)
    for trig in sorted(triggers, key=lambda t: t.pos_ == "NOUN"):  # a verb's clause carries the event's date
        a = assess(view, trig)
        if a.modality in (Modality.HYPOTHETICAL, Modality.PLANNED, Modality.DENIED) or a.negated or a.question:
            continue
        attacker = _attacker(view, trig, ctx)
        scope = subtree_ids(trig) | (subtree_ids(trig.head) if trig.pos_ == "NOUN" else set())
        for c in trig.children:  # "fired X at Y, a day after Kyiv used Z to strike W": each clause its own attack
            if c.dep_ in ("advcl", "conj", "ccomp") and any(t.i != trig.i and t in triggers for t in c.subtree):
                scope -= subtree_ids(c)
        if trig.dep_ in ("xcomp", "advcl") and lemma(trig.head) in ("use", "employ", "fire", "launch"):
            scope |= {t.i for c in trig.head.children if c.dep_ == "dobj" for t in c.subtree}  # "used X to strike"
        weapons = _pronoun_weapon(view, trig, ctx) or weapon_refs(view, scope, attacker)
        systems = [w for w in weapons if w.kind == "system"]
        if attacker is None and systems:
            attacker = "Ukraine"  # a donated system used without a named user: Ukraine fires it
        places = sorted((p for p in view.of(("PLACE",), scope) if not is_dateline(view.root(p))),
                        key=lambda m: not _located(view, m))
        zones = tuple(mention_zones(places[0])) if places and mention_zones(places[0]) else zones_of(view, scope)
        if not zones and not places and attacker == "Russia" and _ukrainian_target(view, scope):
            zones = (Zone.UA_HELD,)  # "pounded Ukraine's energy grid", "hit Ukrainian cities"
        if attacker is None or (not places and not zones and not weapons):
            continue
        key = (attacker, (systems or weapons or [None])[0])
        if key in seen or (attacker, None) in seen:
            continue
        seen.add(key)
        st = build(view, StatementType.ATTACK, trig, a, ctx, attacker, weapon=(systems or weapons or [None])[0],
                   place=places[0].canonical or places[0].text if places else None, zones=zones,
                   casualties=_casualties(view))
        out.append(st if trig.pos_ != "NOUN" or attacker else st.with_(confidence=st.confidence - 0.1))
    return out
