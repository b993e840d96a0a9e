"""use_permission statements: a donor allows or forbids the recipient to use a weapon against zones.

Encoding (documented in docs and relied on by the knowledge base):
- a permission is `action="allow", polarity=True` (a lifted restriction too: extra["how"] = "lift");
- a restriction is `action="restrict", polarity=True` ("continues to prohibit", "not ready to allow",
  "refused to allow", "kept the ban"); a standing one has extra["standing"] = True;
- `polarity=False` means the text negates the event itself ("did not approve", "has not allowed").
- "meant to be used only on Ukrainian territory" restricts the other zones (zones = the forbidden ones,
  extra["limited_to"] = the allowed ones).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redlines.extract.args import (
    SentView,
    actor_name,
    agents,
    governors,
    recipients,
    subtree_ids,
    target_type,
    weapon_refs,
    zones_of,
)
from redlines.extract.modality import assess
from redlines.extract.provenance import Context, build
from redlines.extract.triggers import cue, lemma, phrase_matches
from redlines.model import RUSSIA, UKRAINE, Modality, Statement, StatementType, WeaponRef, Zone

NOT_DONORS = frozenset({"Ukraine", "Russia"})
PRESSURE_NOUNS = frozenset({"pressure", "call", "demand", "plea", "appeal", "push", "lobbying"})
ALL_ZONES = (Zone.UA_HELD, Zone.UA_OCCUPIED, Zone.RU_BORDER, Zone.RU_DEEP)
# governors that make an allow-clause someone's wish or request, not a decision (other modules take them)
NOT_A_DECISION = frozenset({"urge", "call", "hope", "wish", "want", "favor", "favour", "argue", "push", "press",
                            "ask", "plead", "request", "appeal", "beg", "lobby", "pressure", "seek", "insist",
                            "suggest", "propose", "advocate", "support", "back", "demand", "win", "secure", "obtain",
                            "get"})


def _triggers(view: SentView) -> list[tuple[Any, str, str]]:
    """(token, action, how) for every permission trigger of the sentence."""
    doc, out = view.doc, []
    allow_v, restrict_v = cue("permission", "allow_verbs"), cue("permission", "restrict_verbs")
    lift_v, keep_v, nouns = cue("permission", "lift_verbs"), cue("permission", "keep_verbs"), \
        cue("permission", "restriction_nouns")
    for tok in doc:
        lem = lemma(tok)
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            if lem in allow_v:
                out.append((tok, "allow", "allow"))
            elif lem in restrict_v:
                out.append((tok, "restrict", "only" if _limited_to(tok) else "restrict"))
            elif lem in lift_v and any(lemma(c) in nouns for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                out.append((tok, "allow", "lift"))
            elif lem in keep_v and any(lemma(c) in nouns for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                out.append((tok, "restrict", "keep"))
        elif tok.pos_ in ("NOUN", "PROPN") and lem in cue("permission", "allow_nouns"):
            out.append((tok, "allow", "allow"))
        elif tok.pos_ == "NOUN" and lem in nouns and lemma(tok.head) in ("remain", "stay", "persist"):
            out.append((tok, "restrict", "keep"))
    for tok in doc:  # "X opposed Ukraine attacking Crimea, but his position shifted in August"
        if lemma(tok) in cue("permission", "reversal_verbs") and tok.dep_ == "conj" and \
                lemma(tok.head) in cue("permission", "reversal_of"):
            out.append((tok, "allow", "reversal"))
    for s, e, phrase in phrase_matches(doc, cue("permission", "allow_phrases")):
        out.append((doc[s:e].root, "allow", "phrase"))
    for s, e, phrase in phrase_matches(doc, cue("permission", "restrict_phrases")):
        out.append((doc[s:e].root, "restrict", "forbid_not" if " not " in f" {phrase} " else "forbid"))
    for s, e, phrase in phrase_matches(doc, cue("permission", "limit_phrases")):
        out.append((doc[s:e].root, "restrict", "only"))
    for tok in doc:  # "Italian arms stay inside Ukraine": weapons kept to Ukrainian territory
        if lemma(tok) in ("stay", "remain") and tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "nsubj" and view.of(("WEAPON", "WEAPON_CLASS", "WEAPON_ORIGIN"), subtree_ids(c))
                for c in tok.children):
            zs = zones_of(view, {i for c in tok.children if c.dep_ == "prep" for i in subtree_ids(c)})
            if zs and set(zs) <= set(UKRAINE):
                out.append((tok, "restrict", "only"))
    for tok in doc:  # "after Kyiv gave assurances that it would not fire the launchers at Russian soil"
        if lemma(tok) in cue("permission", "use_words") and tok.pos_ == "VERB" and any(
                c.dep_ == "neg" for c in tok.children) and any(
                lemma(g) in cue("permission", "assurance_words") for g in governors(tok)[1:4]):
            out.append((tok, "restrict", "assurance"))
    for tok in doc:  # "Ukraine may use the weapons it receives from Germany on Russian soil"
        if lemma(tok) in cue("permission", "use_words") and tok.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ in cue("permission", "deontic_modals") for c in tok.children) and any(
                c.dep_ == "nsubj" and actor_name(m) == "Ukraine" for c in tok.children
                for m in view.of(("ACTOR",), subtree_ids(c))):
            out.append((tok, "allow", "modal"))
    for tok in doc:  # "imposes no restrictions on ...", "has not placed any restrictions on ..."
        if lemma(tok) in nouns and tok.pos_ == "NOUN" and _no_restriction(tok):
            out.append((tok, "allow", "no_restriction"))
    return out


def _no_restriction(tok: Any) -> bool:
    """A restriction noun denied by its determiner or by a negated verb ('no limits', 'did not impose any')."""
    if any(c.dep_ == "det" and c.lower_ in cue("permission", "no_restriction_dets") for c in tok.children):
        return True
    head = tok.head
    negated_head = any(c.dep_ == "neg" or c.lower_ == "never" for c in head.children)
    if tok.dep_ == "dobj" and lemma(head) in cue("permission", "impose_verbs") and negated_head:
        return True  # "will not impose geographic restrictions"
    return any(c.lower_ == "any" for c in tok.children) and negated_head


def _limited_to(tok: Any) -> bool:
    """'limited to border areas', 'confined to Ukrainian territory'."""
    return lemma(tok) in ("limit", "confine", "restrict") and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _scope(trig: Any) -> set[int]:
    """Tokens of the trigger's clause: its subtree, or its head verb's for a noun trigger."""
    top = trig
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "attr"):
        top = trig.head if trig.dep_ != "pobj" else trig.head.head
    ids = subtree_ids(top)
    for c in top.children:  # "..., and the missile was used against ...": a coordinated clause of its own
        if c.dep_ == "conj" and c.i != trig.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            ids -= subtree_ids(c)
        elif c.dep_ == "advcl" and c.i != trig.i and trig.i not in subtree_ids(c) and any(
                g.dep_ == "mark" and g.lower_ in ("as", "while", "whereas") for g in c.children) and any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            ids -= subtree_ids(c)  # "Italy rules out ... while the Dutch lift limits on F-16s": another actor's news
        elif c.dep_ == "prep" and c.lower_ == "as" and any(t.ent_type_ or t.pos_ == "PROPN" for t in c.subtree) \
                and any(t.pos_ == "NOUN" and lemma(t) in cue("permission", "restriction_nouns") for t in c.subtree):
            ids -= subtree_ids(c)  # the headline form "... as Dutch lift limits on F-16s"
    return ids


def _about_use(view: SentView, scope: set[int], how: str) -> bool:
    """The clause is about using weapons somewhere (not about a delivery)."""
    if how in ("only", "forbid", "forbid_not", "lift", "keep", "no_restriction"):
        return True
    if how == "assurance":
        return bool(zones_of(view, scope))
    if how == "modal":  # "Ukraine can use them": only with a place to use them in
        return bool(zones_of(view, scope))
    lemmas = {lemma(view.doc[i]) for i in scope}
    if lemmas & cue("permission", "use_words"):
        return True
    if how == "phrase" and not view.of(("WEAPON", "WEAPON_CLASS", "WEAPON_ORIGIN"), scope) and any(
            actor_name(m) == "Ukraine" and view.root(m).dep_ in ("dative", "iobj")
            for m in view.of(("ACTOR",), scope) if view.root(m) is not None):
        return True  # "had given Kyiv a green light": the permission the article is about
    if lemmas & {"permission", "authorization", "authorisation"} and zones_of(view, scope):
        return True  # "the permission could be widened to other parts of Russia"
    return bool(zones_of(view, scope)) and bool(view.of(("WEAPON", "WEAPON_CLASS", "WEAPON_ORIGIN"), scope)) \
        and not lemmas & cue("transfer", "transfer_nouns")


def _donors(view: SentView, trig: Any, ctx: Context, how: str = "allow") -> tuple[list[tuple[str, str | None]], bool]:
    """[(donor, speaker)] and whether they came from the syntax (not a fallback)."""
    if how == "modal":
        return _modal_donors(view, trig), True
    found = agents(view, trig, strict=how not in ("phrase", "only", "forbid", "forbid_not", "no_restriction", "keep"))
    if found is None:
        return [], False
    pairs = [(actor_name(m), m.canonical if m.label == "PERSON" else None) for m in found]
    pairs = [(a, s) for a, s in pairs if a and a not in NOT_DONORS]
    if pairs:
        return list(dict.fromkeys(pairs)), True
    if found and how in ("phrase", "only", "forbid", "forbid_not", "no_restriction"):  # "... are legitimate targets, X said"
        for node in governors(trig)[1:]:
            if lemma(node) in cue("modality", "speech_verbs"):
                said = agents(view, node, strict=False) or []
                pairs = [(actor_name(m), m.canonical if m.label == "PERSON" else None) for m in said]
                pairs = [(a, s) for a, s in pairs if a and a not in NOT_DONORS]
                if pairs:
                    return list(dict.fromkeys(pairs)), True
                found = []  # an unknown speaker: fall back to the actors around
                break
    if found and how in ("allow", "restrict"):  # "Ukraine allowed ...": not a donor's decision
        return [], False
    others = [(actor_name(m), m.canonical if m.label == "PERSON" else None) for m in view.of(("ACTOR", "PERSON"))
              if not _in_condition(view.root(m))]
    others = [(a, s) for a, s in others if a and a not in NOT_DONORS]
    if others:
        return [others[0]], False
    if ctx.prev is not None:
        prev = [(actor_name(m), m.canonical if m.label == "PERSON" else None) for m in ctx.prev.of(("ACTOR", "PERSON"))]
        prev = sorted(((a, s) for a, s in prev if a and a not in NOT_DONORS), key=lambda p: p[1] is None)
        if prev:
            return [prev[0]], False
    return [], False


def _modal_donors(view: SentView, trig: Any) -> list[tuple[str, str | None]]:
    """Who lets Ukraine use it: the origin of the weapons ('the weapons it receives from Germany',
    'German-made arms') or a donor's official saying so; nobody otherwise."""
    ids = subtree_ids(trig)
    out = [(str(m.attrs.get("origin") or m.canonical), None) for m in view.of(("WEAPON_ORIGIN",), ids)]
    for t in view.doc:
        if t.i in ids and t.dep_ in ("prep", "agent") and t.lower_ in ("from", "by") and lemma(t.head) in (
                "receive", "supply", "provide", "deliver", "send", "give", "donate", "get"):
            out += [(actor_name(m), None) for m in view.of(("ACTOR",), subtree_ids(t))]
    if not out:
        for node in governors(trig)[1:]:
            if lemma(node) in cue("modality", "speech_verbs"):
                said = agents(view, node, strict=False) or []
                out = [(actor_name(m), m.canonical if m.label == "PERSON" else None) for m in said]
                break
    return list(dict.fromkeys((a, s) for a, s in out if a and a not in NOT_DONORS))


def _in_condition(tok: Any) -> bool:
    """The token sits in an adverbial clause ("... if North Korea sends more troops")."""
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ == "advcl":
            return True
        tok = tok.head
    return False


def _zones_for(view: SentView, scope: set[int], how: str) -> tuple[tuple[Zone, ...], tuple[Zone, ...]]:
    """(zones the statement is about, zones it is limited to) for a trigger."""
    zones = zones_of(view, scope) or zones_of(view, None)
    if how == "only" and zones:
        kept = _not_excepted(view, scope)
        if kept:  # "only on Ukrainian territory, and not against targets in Russia itself"
            zones = kept
        to = [c for t in view.doc if t.i in scope for c in t.children if c.dep_ == "prep" and c.lower_ == "to"]
        allowed = zones_of(view, {i for c in to for i in subtree_ids(c)}) or zones
        return allowed, allowed
    return zones, ()


NEGATORS = frozenset({"not", "never", "nor", "except", "excluding"})


def _not_excepted(view: SentView, scope: set[int]) -> tuple[Zone, ...]:
    """Zones of the clause's zone mentions, leaving out those a 'not'/'except' before them sets apart."""
    first = min(scope)
    out: list[Zone] = []
    for m in view.of(("ZONE_PHRASE", "PLACE"), scope):
        sp = view.span(m.start_char, m.end_char)
        if sp is None or any(view.doc[i].lower_ in NEGATORS for i in range(first, sp.start)
                             if i in scope and view.doc[i].i > _only_at(view, scope)):
            continue
        out += [Zone(z) for z in m.attrs.get("zones", ()) if Zone(z) not in out]
    return tuple(out)


def _only_at(view: SentView, scope: set[int]) -> int:
    """Token index of the limiting word ('only', 'solely'), or the clause start."""
    hits = [i for i in scope if view.doc[i].lower_ in ("only", "solely", "exclusively")]
    return min(hits) if hits else min(scope)


def extract_permissions(view: SentView, ctx: Context) -> list[Statement]:
    """Every use_permission statement of one parsed sentence."""
    out: list[Statement] = []
    seen: set[tuple] = set()
    for trig, action, how in _triggers(view):
        chain = governors(trig)[1:5]
        subjects = [lemma(c) for t in chain for c in t.children if c.dep_ == "nsubj"]
        if any(lemma(t) in NOT_A_DECISION for t in chain) or any(s in PRESSURE_NOUNS for s in subjects):
            continue  # "urged allies to allow", "pressure was building on Biden to approve"
        anchor = trig.head if how == "reversal" else trig
        scope = _scope(anchor)
        if how == "reversal":
            scope -= subtree_ids(trig)
            if not {lemma(view.doc[i]) for i in scope} & cue("permission", "use_words"):
                continue
        elif not _about_use(view, scope, how):
            continue
        a = assess(view, trig)
        if a.question or (trig.dep_ == "pcomp" and trig.head.lower_ in ("before", "until", "without")):
            continue  # "waiting for a decision before letting Ukraine use ...": nothing decided yet
        if how == "assurance":  # the promise not to use is the condition the donor set: a restriction
            a = replace(a, negated=False, refused=False, modality=Modality.REPORTED if a.reported else
                        Modality.CONFIRMED, hedged=False)
        if how in ("only", "forbid", "forbid_not", "modal"):
            a = a.unhedged()
            if how == "forbid_not" and a.negated:  # the phrase carries its own "not"
                a = replace(a, negated=False)
        if how == "modal" and a.modality in (Modality.HYPOTHETICAL, Modality.PLANNED):
            continue  # "without saying whether Ukraine may fire ...": nothing stated
        if how == "no_restriction":  # "has not placed any restrictions": the negation is the permission
            a = replace(a, negated=False, refused=False)
        if action == "allow" and any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in trig.children):
            out.extend(_should_allow(view, trig, ctx, scope))  # "we should allow them to ...": a position
            continue
        polarity = True
        if action == "allow" and (a.refused or a.negated):
            if a.negated and not a.refused and _negated_event(trig):
                polarity = False
            else:
                action, how = "restrict", "refused" if a.refused else "negated"
        elif action == "restrict" and a.negated and not a.refused:
            action, how = "allow", "negated restriction"  # "did not ban", "never placed Crimea off-limits"
        zones, limited = _zones_for(view, scope, how)
        if not limited and action == "allow" and zones and _only(view, scope):
            limited = zones  # "let Ukraine fire them only on Ukrainian territory"
        donors, syntactic = _donors(view, anchor, ctx, how)
        donors = [(d, sp) for d, sp in donors if d.lower() not in cue("permission", "not_donors")]
        for donor, speaker in donors:
            weapons = weapon_refs(view, scope, donor) or weapon_refs(view, set(range(len(view.doc))), donor) \
                or [WeaponRef("origin", donor)]  # "allowed Ukraine to strike inside Russia": with its own weapons
            for w in weapons:
                for act, zs in _variants(action, zones, limited):
                    key = (donor, w, act, polarity, zs)
                    if key in seen:
                        continue
                    seen.add(key)
                    extra: dict = {"how": how}
                    if w == WeaponRef("origin", donor) and not view.of(("WEAPON_CLASS", "WEAPON_ORIGIN"), None):
                        extra["weapon_implied"] = True
                    if limited:
                        extra["limited_to"] = [z.value for z in limited]
                    st = build(view, StatementType.USE_PERMISSION, trig, a, ctx, donor,
                               recipient=recipients(view, scope), weapon=w, zones=zs,
                               target_type=target_type(view, scope), action=act, polarity=polarity,
                               speaker=speaker, extra=extra)
                    if not syntactic:
                        st = st.with_(confidence=round(st.confidence - 0.1, 2))
                    out.append(st)
    return out


def _variants(action: str, zones: tuple[Zone, ...], limited: tuple[Zone, ...]) -> list[tuple[str, tuple]]:
    """(action, zones) pairs to emit: a limitation is a permission where allowed and a restriction elsewhere."""
    if not limited:
        return [(action, zones)]
    rest = tuple(z for z in RUSSIA if z not in limited) if set(limited) <= set(RUSSIA) else \
        tuple(z for z in ALL_ZONES if z not in limited)
    return [("allow", limited)] + ([("restrict", rest)] if rest else [])


def _only(view: SentView, scope: set[int]) -> bool:
    """The clause limits the use ('only', 'solely', 'exclusively')."""
    return any(view.doc[i].lower_ in ("only", "solely", "exclusively") for i in scope)


def _should_allow(view: SentView, trig: Any, ctx: Context, scope: set[int]) -> list[Statement]:
    """'We think we should allow them to strike ...' voiced by a donor: a position of support."""
    a = assess(view, trig).unhedged()
    out = []
    for donor, speaker in _donors(view, trig, ctx, "phrase")[0]:
        out.append(build(view, StatementType.POSITION, trig, a, ctx, donor, action="support", speaker=speaker,
                         topic=" ".join(t.text for t in trig.subtree)[:120], zones=zones_of(view, scope)))
    return out


def _negated_event(trig: Any) -> bool:
    """'did not approve', 'has not authorised': the past event is denied, no standing ban is stated."""
    return any(c.dep_ == "aux" and (c.tag_ == "VBD" and c.lemma_ == "do" or c.lemma_ == "have")
               for c in trig.children)


def narrowing(view: SentView) -> tuple[Zone, ...]:
    """Zones a sentence narrows earlier permissions to ("limited to border areas near Kharkiv")."""
    cues = cue("permission", "narrowing_cues")
    hits = [t.i for t in view.doc if lemma(t) in cues] + \
        [s for s, _, _ in phrase_matches(view.doc, frozenset(c for c in cues if " " in c))]
    if not hits:
        return ()
    after = set(range(max(hits), len(view.doc)))
    zones = zones_of(view, after)
    return zones if zones and set(zones) < set(RUSSIA) else ()


def apply_narrowing(statements: list[Statement], views: dict[int, SentView], window: int = 3) -> list[Statement]:
    """Narrow 'inside Russia' permissions when one of the next `window` sentences limits them for the same donor."""
    out = list(statements)
    for k, st in enumerate(out):
        if st.type != StatementType.USE_PERMISSION or st.action != "allow" or not set(RUSSIA) <= set(st.zones):
            continue
        for idx in range(st.evidence.sentence_index + 1, st.evidence.sentence_index + 2 * window + 1):
            v = views.get(idx)
            if v is None:
                continue
            donors = {actor_name(m) for m in v.of(("ACTOR", "PERSON"))} - NOT_DONORS - {None}
            if donors and st.actor not in donors:
                continue
            if not donors and idx > st.evidence.sentence_index + window:
                continue  # further away, the sentence must name the donor
            narrowed = narrowing(v)
            if narrowed:
                kept = tuple(z for z in st.zones if z not in RUSSIA or z in narrowed)
                out[k] = st.with_(zones=kept, extra={**st.extra, "narrowed_by": idx})
                break
    return out


def is_ukraine_only(zones: tuple[Zone, ...]) -> bool:
    """Zones all inside Ukraine."""
    return bool(zones) and set(zones) <= set(UKRAINE)
