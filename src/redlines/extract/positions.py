"""position statements: an actor supports, urges, opposes or warns about a policy.

A person's position has `speaker` = the person and `actor` = their state or organisation.
Ukraine urging or asking is a `request` (see requests.py), not a position.
"""

from __future__ import annotations

from typing import Any

from redlines.extract.args import SentView, actor_name, agents, governors, subtree_ids, weapon_refs, zones_of
from redlines.extract.modality import assess
from redlines.extract.provenance import Context, build
from redlines.extract.triggers import cue, lemma, phrase_matches
from redlines.model import Statement, StatementType

ACTIONS = ("urge", "support", "oppose", "warn")
TOPIC_WORDS = 14


def _triggers(view: SentView) -> list[tuple[Any, str]]:
    """(token, action) for each position trigger, phrases first."""
    out: list[tuple[Any, str]] = []
    taken: set[int] = set()
    for action in ACTIONS:
        for s, e, phrase in phrase_matches(view.doc, cue("position", f"{action}_phrases")):
            first = view.doc[s]
            if phrase.startswith("in ") and first.head.pos_ not in ("AUX", "VERB"):
                continue  # "a green light in favor of Ukraine" is no one's position
            root = view.doc[s:e].root
            if phrase in cue("position", "speaker_phrases"):
                speech = [g for g in governors(root)[1:] if lemma(g) in cue("modality", "speech_verbs")]
                if not speech:
                    continue
                root = speech[0]
            elif phrase.startswith("right "):
                # "X said Ukraine has a right to strike", "X said NATO was playing with fire": X's position
                root = root if phrase in cue("position", "speaker_phrases") and root.pos_ in ("VERB", "AUX") \
                    else root.head
                while root.dep_ not in ("ccomp", "ROOT") and root.head.i != root.i:
                    root = root.head
                if root.dep_ != "ccomp":
                    continue
                root = root.head
            out.append((root, action))
            taken.update(range(s, e))
    for tok in view.doc:
        if tok.i in taken:
            continue
        lem = lemma(tok)
        for action in ACTIONS:
            if lem in cue("position", action) and _is_position_use(tok, action, view):
                out.append((tok, action))
                break
    return out


def _is_position_use(tok: Any, action: str, view: SentView | None = None) -> bool:
    """Filter obvious non-position uses ("call" as a noun, "back" as an adverb, "support" as aid)."""
    if lemma(tok) == "ask":  # "asking Zelensky to stop", not "asked if ..." nor "asked about"
        return any(c.dep_ == "dobj" for c in tok.children) and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) \
            and not any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for t in tok.subtree for c in t.children)
    if tok.pos_ in ("ADV", "ADP", "PART") or (tok.pos_ == "VERB" and tok.dep_ in ("pcomp", "pobj", "amod")):
        return False
    if lemma(tok) in ("push", "press", "call") and any(c.dep_ == "prt" and c.lower_ in ("out", "back", "forward", "on",
                                                                                      "ahead", "off") for c in tok.children):
        return False  # "help Moscow push the Ukrainians out": troops, not a position
    if tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBG", "VBN") or (
            tok.tag_ == "VBG" and tok.dep_ != "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)):
        return False  # "forces threatening the Kharkiv region": a description, not a position
    if action == "oppose" and lemma(tok) in ("reject", "dismiss") and any(
            lemma(c) in ("report", "claim", "suggestion", "speculation") for c in tok.children if c.dep_ == "dobj"):
        return False  # "rejected reports that ...": a denial
    if action == "support" and tok.pos_ == "NOUN":
        return lemma(tok.head) in ("express", "voice", "signal", "declare", "pledge", "show", "offer") or \
            (view is not None and bool(_from_actors(view, tok)))
    if action == "urge" and tok.pos_ == "NOUN":
        return lemma(tok) in ("push", "appeal", "plea") and any(c.dep_ in ("acl", "xcomp") for c in tok.children)
    if lemma(tok) == "call":
        return any(c.lower_ in ("on", "for", "upon") for c in tok.children)
    return True


def _from_actors_tok(tok: Any) -> list[Any]:
    """'support from France and Germany': the 'from' phrase of a support noun (or of its head noun)."""
    for node in (tok, tok.head.head if tok.dep_ == "pobj" else tok):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                return [c]
    return []


def _from_actors(view: SentView, tok: Any) -> list[Any]:
    return [m for c in _from_actors_tok(tok) for m in view.of(("ACTOR", "PERSON"), subtree_ids(c))]


def _topic(view: SentView, trig: Any) -> str:
    """A few words of what the position is about: the trigger's complement."""
    comps = [c for c in trig.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pobj", "advcl", "acl")]
    if not comps and trig.head.i != trig.i:
        comps = [c for c in trig.head.children if c.dep_ in ("xcomp", "ccomp", "prep", "pcomp") and c.i != trig.i]
    words: list[str] = []
    for c in comps:
        words.extend(t.text for t in c.subtree)
    if not words:
        words = [t.text for t in trig.subtree]
    return " ".join(words[:TOPIC_WORDS]).strip(" ,.“”\"")


def _speaker_of_coordinated(view: SentView, trig: Any) -> list[Any]:
    """'Peskov said the US was adding fuel to the fire and warned that ...': a subjectless verb of speech
    coordinated inside what someone said is that speaker's own second verb."""
    if trig.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        return []
    if lemma(trig) not in cue("modality", "speech_verbs") | cue("position", "warn"):
        return []
    node = trig.head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp" or lemma(node.head) not in cue("modality", "speech_verbs"):
        return []
    return agents(view, node.head) or []


def extract_positions(view: SentView, ctx: Context) -> list[Statement]:
    """Every position statement of one parsed sentence (one per actor and action)."""
    out: list[Statement] = []
    seen: set[tuple] = set()
    for trig, action in _triggers(view):
        chain = [lemma(t) for t in governors(trig)[1:3]]
        if action == "support" and any(c in cue("position", "urge") for c in chain):
            continue  # "urge allies to support" is the urging
        a = assess(view, trig)
        if a.question:
            continue
        found = (_from_actors(view, trig) if trig.pos_ == "NOUN" else []) or _speaker_of_coordinated(view, trig) \
            or agents(view, trig) or []
        if action == "support" and trig.pos_ == "NOUN" and not found:
            found = agents(view, trig.head) or []
        scope = subtree_ids(trig) | ({c.i for c in trig.head.subtree} if trig.pos_ == "NOUN" else set())
        people = [(actor_name(m), m.canonical if m.label == "PERSON" else None) for m in found]
        if not found and trig.pos_ == "VERB":
            name = _unknown_named_subject(view, trig)  # "CDU expert Roderich Kiesewetter urged Scholz ..."
            people = [(None, name)] if name else []
        for actor, speaker in people:
            if (actor is None and speaker is None) or (actor == "Ukraine" and action == "urge"):
                continue
            polarity = not (a.negated and not a.refused)
            key = (actor or speaker, action, polarity)
            if key in seen:
                continue
            seen.add(key)
            weapons = weapon_refs(view, scope, actor)
            out.append(build(view, StatementType.POSITION, trig, a, ctx, actor, action=action,
                             polarity=polarity, topic=_topic(view, trig), zones=zones_of(view, scope),
                             weapon=weapons[0] if weapons else None, speaker=speaker))
    return out + _should_be_able(view, ctx, {s.actor for s in out})


def _unknown_named_subject(view: SentView, verb: Any) -> str | None:
    """A proper-noun subject the gazetteers do not know (a domestic politician, an analyst)."""
    for c in verb.children:
        if c.dep_ == "nsubj" and c.pos_ == "PROPN" and not view.of(("ACTOR", "PERSON", "ORG"), subtree_ids(c)):
            parts = [t.text for t in c.subtree if t.pos_ == "PROPN" and (t.i == c.i or t.head.i == c.i)]
            return " ".join(parts) if len(parts) >= 2 else None
    return None


def _should_be_able(view: SentView, ctx: Context, done: set[str | None]) -> list[Statement]:
    """'X said Ukraine should be able to hit bases in Russia': X supports that use."""
    out = []
    for tok in view.doc:
        if lemma(tok) not in cue("permission", "use_words") or tok.pos_ != "VERB":
            continue
        node = tok.head if tok.dep_ == "xcomp" and lemma(tok.head) in ("able", "allow", "free") else tok
        node = node.head if node.dep_ == "acomp" else node
        if not any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in node.children):
            continue
        subj = [m for c in node.children if c.dep_ == "nsubj" for m in view.of(("ACTOR",), subtree_ids(c))]
        if not subj or actor_name(subj[0]) != "Ukraine":
            continue
        for m in agents(view, node.head) if node.dep_ == "ccomp" else []:
            actor = actor_name(m)
            if actor and actor not in done and actor != "Ukraine":
                a = assess(view, node).unhedged()
                out.append(build(view, StatementType.POSITION, node, a, ctx, actor, action="support",
                                 topic=" ".join(t.text for t in node.subtree)[:120],
                                 zones=zones_of(view, subtree_ids(tok)),
                                 speaker=m.canonical if m.label == "PERSON" else None))
                done.add(actor)
    return out
