"""request statements: Ukraine asks a donor for a permission or a weapon; a donor presses another donor."""

from __future__ import annotations

from typing import Any

from redlines.extract.args import SentView, actor_name, agents, subtree_ids, weapon_refs, zones_of
from redlines.extract.modality import assess
from redlines.extract.provenance import Context, build
from redlines.extract.triggers import cue, lemma
from redlines.model import Statement, StatementType

FIRST_PERSON = frozenset({"us", "we", "me"})
# what a verb of asking needs to be a request: someone asked, something asked for, or a clause ("to lift ...")
REQUEST_ARGS = frozenset({"dobj", "dative", "iobj", "xcomp", "ccomp"})
NOT_ASKERS = frozenset({"Russia", "Belarus", "Iran", "North Korea"})


def _asks_something(tok: Any) -> bool:
    """'pressed Berlin', 'pleaded for tanks', 'urged allies to ...'; not 'forces press deeper into Russia'
    nor 'called the strike a vile attack'."""
    if lemma(tok) == "call":
        return any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("for", "on"))
                   for c in tok.children)
    return any(c.dep_ in REQUEST_ARGS or (c.dep_ == "prep" and c.lower_ in ("for", "with")) for c in tok.children)


def _triggers(view: SentView) -> list[Any]:
    verbs, nouns = cue("request", "verbs"), cue("request", "nouns")
    return [t for t in view.doc
            if (lemma(t) in verbs and t.pos_ in ("VERB", "AUX") and _asks_something(t))
            or (lemma(t) in nouns and t.pos_ == "NOUN")]


def _donor_askers(view: SentView, trig: Any, addressee: str | None) -> list[tuple[str, None]]:
    """A donor pressing another donor ("Britain and France pressed Washington to allow ..."): every state
    subject, when the addressee is another named state and the clause is about weapons or their use."""
    if not addressee or not addressee[0].isupper() or addressee == "Ukraine":
        return []
    scope = subtree_ids(trig)
    about = view.of(("WEAPON", "WEAPON_CLASS", "WEAPON_ORIGIN", "ZONE_PHRASE"), scope) or any(
        lemma(view.doc[i]) in cue("permission", "allow_nouns") | cue("permission", "allow_verbs")
        | cue("permission", "use_words") for i in scope)
    if not about:
        return []
    names = [actor_name(m) for m in (agents(view, trig) or [])]
    return [(n, None) for n in dict.fromkeys(names) if n and n != addressee and n not in NOT_ASKERS]


def _asker(view: SentView, trig: Any) -> tuple[str | None, str | None]:
    """(actor, speaker) of the request; a noun takes 'from Ukraine' or its verb's subject."""
    askers = cue("request", "askers")
    cands = agents(view, trig) or []
    if trig.pos_ == "NOUN":
        for c in trig.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                cands = view.of(("ACTOR", "PERSON"), subtree_ids(c)) or cands
        if not cands:
            cands = agents(view, trig.head) or []
    if not cands and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        # "Zelenskyy pressed ..." misparsed without a subject: the name opening the clause
        cands = [m for m in view.of(("ACTOR", "PERSON")) if m.end_char <= view.char(trig)
                 and view.root(m) is not None and view.root(m).dep_ in ("npadvmod", "nmod", "dep", "compound")][:1]
    for m in cands:
        if (actor_name(m) or "").lower() in askers:
            return actor_name(m), m.canonical if m.label == "PERSON" else None
    return None, None


def _addressee(view: SentView, trig: Any) -> str | None:
    """Whom Ukraine asks: an actor object, 'us' = the quoted speaker's state, or the noun ('allies')."""
    for c in trig.children:
        if c.dep_ in ("dobj", "dative", "iobj") or (c.dep_ == "prep" and c.lower_ in ("to", "of", "with", "on")):
            named = [actor_name(m) for m in view.of(("ACTOR", "PERSON"), subtree_ids(c))]
            named = [n for n in named if n and n != "Ukraine"]
            if named:
                return named[0]
            if c.lower_ in FIRST_PERSON:
                speakers = [actor_name(m) for m in view.of(("PERSON",)) if m.start_char > view.char(trig)]
                return speakers[0] if speakers else None
            if c.pos_ == "NOUN":
                return c.text
    return None


def extract_requests(view: SentView, ctx: Context) -> list[Statement]:
    """Every request statement of one parsed sentence."""
    out: list[Statement] = []
    for trig in _triggers(view):
        if lemma(trig) == "ask" and any(c.dep_ == "mark" and c.lower_ in ("if", "whether")
                                        for t in trig.subtree for c in t.children):
            continue  # "asked if ... might allow": a question, not a request
        addressee = _addressee(view, trig)
        actor, speaker = _asker(view, trig)
        askers = [(actor, speaker)] if actor is not None else _donor_askers(view, trig, addressee)
        if not askers:
            continue
        a = assess(view, trig)
        scope = subtree_ids(trig) | (subtree_ids(trig.head) if trig.pos_ == "NOUN" else set())
        weapons = weapon_refs(view, scope, addressee if addressee and addressee[0].isupper() else None)
        for actor, speaker in askers:
            out.append(build(view, StatementType.REQUEST, trig, a, ctx, actor, addressee=addressee,
                             weapon=weapons[0] if weapons else None, zones=zones_of(view, scope),
                             speaker=speaker, topic=" ".join(t.text for t in trig.subtree)[:120]))
        break  # one request (per asker) per sentence
    return out
