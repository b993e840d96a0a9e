"""transfer statements: deliveries, pledges, refusals, withholdings and approvals of weapons or money.

`valid` is the delivery horizon when the text gives one ("by 2028"), with the decision date in
extra["decided"]; otherwise the decision/event date. Hypothetical and planned transfers keep that modality.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from redlines.extract.args import (
    CLAUSE_MARKS,
    SentView,
    actor_name,
    agents,
    as_number,
    depth_below,
    governors,
    number_of,
    recipients,
    subtree_ids,
    weapon_refs,
    zones_of,
)
from redlines.extract.anaphora import _anaphoric_class, resolve_weapon_anaphora  # noqa: F401 (re-exported)
from redlines.extract.modality import assess
from redlines.extract.packages import approves_transfer
from redlines.extract.money import money_in
from redlines.extract.provenance import Context, build
from redlines.extract.triggers import cue, lemma, phrase_matches
from redlines.model import Modality, Statement, StatementType, WeaponRef

# governors that make a transfer clause a wish, a request or a threat (other modules take them)
NOT_A_TRANSFER = frozenset({"urge", "call", "hope", "wish", "want", "ask", "plead", "request", "press", "push",
                            "threaten", "warn", "consider", "debate", "cautious", "speed", "explore", "accelerate",
                            "production"})
ACTION_OF_GOVERNOR = (("refuse_verbs", "refuse"), ("refuse_phrases", "refuse"), ("withhold_verbs", "withhold"),
                      ("withhold_phrases", "withhold"), ("pledge_verbs", "pledge"), ("approve_verbs", "approve"))


def _phrase_heads(view: SentView, name: str) -> dict[int, str]:
    return {view.doc[s:e].root.i: p for s, e, p in phrase_matches(view.doc, cue("transfer", name))}


def _governor_action(view: SentView, trig: Any) -> str | None:
    """The action a governing verb gives a delivery verb ("pledged to deliver" -> pledge)."""
    phrases = {**_phrase_heads(view, "refuse_phrases"), **_phrase_heads(view, "withhold_phrases")}
    chain = governors(trig)
    for below, node in pairwise(chain[:4]):
        if below.dep_ == "conj":
            break
        lem = lemma(node)
        if node.i in phrases:
            return "refuse" if phrases[node.i] in cue("transfer", "refuse_phrases") else "withhold"
        if lem in cue("transfer", "refuse_nouns"):  # "his refusal to send Taurus"
            return "refuse"
        for lst, action in ACTION_OF_GOVERNOR:
            if lem in cue("transfer", lst):
                return action
    return None


def _triggers(view: SentView) -> list[tuple[Any, str]]:
    """(token, base action) for each transfer trigger."""
    out: list[tuple[Any, str]] = []
    deliver, tnouns = cue("transfer", "deliver_verbs"), cue("transfer", "transfer_nouns")
    phrases = {**{i: "withhold" for i in _phrase_heads(view, "withhold_phrases")},
               **{i: "refuse" for i in _phrase_heads(view, "refuse_phrases")}}
    for tok in view.doc:
        lem = lemma(tok)
        verb = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "pobj")]
        if tok.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("that", "which") for c in tok.children):
            objs.append(tok.head)  # "a package [that the Pentagon unveiled]": the noun described is the object
        has_weapon_obj = any(depth_below(view.root(m), o) <= 2 for o in objs
                             for m in view.of(("WEAPON", "WEAPON_CLASS", "WEAPON_ORIGIN"), subtree_ids(o)))
        permission_obj = any(lemma(t) in cue("permission", "allow_nouns") | {"light", "ahead", "go"}
                             for o in objs for t in o.subtree)
        about_use = any(lemma(t) in cue("permission", "use_words") for o in objs for t in o.subtree)
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "whenever", "if", "unless", "once")
               for c in tok.children):
            continue  # "when we have delivered weapons ...": a condition, not a statement
        if verb and lem in deliver and tok.dep_ in ("acl", "amod") and any(c.dep_ == "agent" for c in tok.children):
            out.append((tok, "deliver"))  # "Himars supplied by Washington", "a missile donated by Germany"
        elif verb and lem == "receive" and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
            out.append((tok, "deliver"))  # "the F-16s Ukraine will receive from Denmark"
        elif verb and lem in deliver and (tok.dep_ not in ("amod", "acl", "relcl") or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):  # "plans to deliver", "decision to send"
            if not permission_obj:
                out.append((tok, "deliver"))
        elif about_use and lem in cue("transfer", "approve_verbs"):
            continue
        elif tok.i in phrases and not any(lemma(o) in cue("permission", "use_words") for o in objs) and (
                has_weapon_obj or any(lemma(o) in tnouns for o in objs)):  # "ruled out use of ...": a permission
            out.append((tok, phrases[tok.i]))
        elif verb and lem in cue("transfer", "withhold_verbs") | cue("transfer", "refuse_verbs") | \
                cue("transfer", "approve_verbs") | cue("transfer", "pledge_verbs"):
            money_obj = lem in cue("transfer", "pledge_verbs") and any(
                money_in(view.doc[o.left_edge.i:o.right_edge.i + 1].text) for o in objs)
            if any(lemma(o) in tnouns for o in objs) or has_weapon_obj or money_obj:
                base = next(a for lst, a in ACTION_OF_GOVERNOR if lem in cue("transfer", lst))
                out.append((tok, base))
            elif lem in cue("transfer", "approve_verbs") and approves_transfer(view, tok):
                out.append((tok, "approve"))
        elif tok.pos_ == "NOUN" and (lem in cue("transfer", "approve_nouns") or lem == "light" and any(
                c.lower_ == "green" for c in tok.children)) and not any(
                lemma(t) in cue("permission", "use_words") for t in tok.subtree):
            out.append((tok, "approve"))
    return out


def _action(view: SentView, trig: Any, base: str) -> str | None:
    """Final action of a trigger, or None when it is not a transfer statement."""
    if any(lemma(n) in NOT_A_TRANSFER for n in governors(trig)[1:5]):
        return None
    if base != "deliver":
        return base
    gov = _governor_action(view, trig)
    if gov:
        return gov
    aux = {c.lower_ for c in trig.children if c.dep_ == "aux"}
    if not aux and trig.dep_ == "conj" and trig.head.pos_ in ("VERB", "AUX"):  # "will buy ... and donate it"
        aux = {c.lower_ for c in trig.head.children if c.dep_ == "aux"}
    if aux & {"will", "would", "'ll", "shall"} or trig.tag_ == "VB" and "to" in aux:
        return "pledge"
    return "deliver"


def _scope(view: SentView, trig: Any) -> set[int]:
    """The trigger's clause; for a noun of approval, its head verb's clause ("gave approval for ...");
    for a participle ("F-16s donated by Denmark") the noun it describes."""
    if trig.pos_ == "NOUN" and trig.dep_ in ("dobj", "nsubjpass", "nsubj"):
        return subtree_ids(trig.head)
    for node in governors(trig)[:3]:
        if node.dep_ == "relcl":  # "the 24 F-16s [his country has promised to deliver]": the noun described
            head = node.head
            return subtree_ids(trig) | {head.i} | {t.i for c in head.children
                                                 if c.dep_ in ("compound", "nummod", "amod", "nmod", "quantmod")
                                                 for t in c.subtree}
    if trig.dep_ == "conj" and any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in trig.children):
        # "will buy a NASAMS battery and donate it to Ukraine": the pronoun is the first verb's object
        objs = [c for c in trig.head.children if c.dep_ == "dobj"]
        return subtree_ids(trig) | {i for o in objs for i in subtree_ids(o)}
    if trig.dep_ in ("acl", "amod", "relcl") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children):
        head = trig.head
        return {head.i} | {t.i for c in head.children if c.dep_ in ("compound", "nummod", "amod") for t in c.subtree} \
            | subtree_ids(trig)
    own = subtree_ids(trig)
    for c in trig.children:  # "pledge air defence as Kyiv presses for long-range arms": another clause
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CLAUSE_MARKS for m in c.children):
            own -= subtree_ids(c)
    return own


def _quantity(view: SentView, ids: set[int], w: WeaponRef) -> int | None:
    for m in view.of(("WEAPON", "WEAPON_CLASS"), ids):
        if (m.canonical or m.text) == w.id or m.canonical == w.id:
            tok = view.root(m)
            while tok.dep_ in ("compound", "nummod", "amod") and tok.head.i != tok.i:
                tok = tok.head
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num:
                return as_number(tok.head.head)  # "pledged 24 of the aircraft"
            own = view.span(m.start_char, m.end_char)
            n = number_of(tok, skip=set(range(own.start, own.end)) if own is not None else set())
            if n is not None:
                return n
    return None


def _donors(view: SentView, trig: Any, ctx: Context) -> list[str]:
    participle = trig.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)
    if lemma(trig) == "receive" or participle:
        preps = [c for c in trig.children if (c.dep_ == "prep" and c.lower_ == "from") or c.dep_ == "agent"]
        names = [actor_name(m) for p in preps for m in view.of(("ACTOR", "PERSON"), subtree_ids(p))]
        return list(dict.fromkeys(n for n in names if n and n != "Ukraine"))
    if trig.pos_ == "NOUN":  # "the authorization given by Berlin"
        for c in trig.subtree:
            if c.dep_ == "agent":
                got = [actor_name(m) for m in view.of(("ACTOR", "PERSON"), subtree_ids(c))]
                if got:
                    return [g for g in got if g][:2]
    if trig.dep_ == "acl" and trig.head.pos_ == "NOUN":  # "Scholz's refusal to send", "Oslo's decision to give"
        owners = [actor_name(m) for c in trig.head.children if c.dep_ == "poss"
                  for m in view.of(("ACTOR", "PERSON"), subtree_ids(c))]
        owners = [o for o in owners if o and o != "Ukraine"]
        if owners:
            return list(dict.fromkeys(owners))
    found = agents(view, trig)
    if found is None:
        return []
    names = [actor_name(m) for m in found]
    names = [n for n in names if n and n != "Ukraine"]
    if names or found:
        return list(dict.fromkeys(names))
    if any(c.dep_ == "nsubjpass" for c in trig.children):  # "the transfer was denied": the donor named nearby
        for v in (view, ctx.prev):
            got = [actor_name(m) for m in (v.of(("ACTOR", "PERSON")) if v is not None else [])]
            got = [g for g in got if g and g not in ("Ukraine", "Russia")]
            if got:
                return got[:1]
    return []


def extract_transfers(view: SentView, ctx: Context) -> list[Statement]:
    """Every transfer statement of one parsed sentence."""
    out: list[Statement] = []
    seen: set[tuple] = set()
    for trig, base in _triggers(view):
        action = _action(view, trig, base)
        if action is None:
            continue
        a = assess(view, trig)
        if a.question:  # hypothetical and planned transfers are kept with their modality (no state change)
            continue
        if action in ("deliver", "pledge", "approve") and (a.negated or a.refused):
            action = "refuse"
        scope = _scope(view, trig)
        donors = _donors(view, trig, ctx)
        money = money_in(view.doc[min(scope):max(scope) + 1].text,
                         view.parsed.document.published.value.year if view.parsed.document.published.value
                         else None)
        pairs = _pair_by_maker(view, scope, donors)
        if pairs is not None:
            extra = extra_donors(view, scope, donors)
            donors = donors + extra
            pairs = _pair_by_maker(view, scope, donors)
        for donor in donors:
            weapons: list[WeaponRef | None] = list(weapon_refs(view, scope, donor))
            if pairs is not None:
                weapons = [w for w in weapons if w is not None and (w.kind != "system" or w.id in pairs.get(donor, ()))]
            weapons = [w for w in weapons if not (w is not None and w.kind == "origin" and money)]
            if money is not None or not weapons:
                weapons = [None] + weapons  # the amount is its own statement; named weapons follow
            if weapons == [None] and money is None and action != "approve":
                continue
            if money is None and weapons and all(w is not None and w.kind == "origin" for w in weapons) \
                    and not _anaphoric_class(view, None, definite=True):
                continue  # "delivered weapons", "an aid package": nothing a ledger can place
            for w in weapons:
                key = (donor, w, action)
                if key in seen:
                    continue
                seen.add(key)
                st = build(view, StatementType.TRANSFER, trig, a, ctx, donor,
                           recipient=recipients(view, scope, donor=donor), weapon=w,
                           action=action, quantity=_quantity(view, scope, w) if w else None,
                           money=money if w is None else None)
                if "horizon" in st.extra:
                    h = st.extra["horizon"]
                    st = st.with_(extra={**st.extra, "decided": st.valid.to_dict()},
                                  valid=_interval(h, st.valid))
                out.append(st)
                if action == "deliver" and w is not None:
                    out.extend(_use_purpose(view, trig, a, ctx, st, scope))
    return out


def _use_purpose(view: SentView, trig: Any, a: Any, ctx: Context, st: Statement, scope: set[int]) -> list[Statement]:
    """'sent ATACMS to Ukraine for use inside occupied territory': the delivery states where use is allowed."""
    for t in view.doc:
        if t.i in scope and lemma(t) == "use" and t.pos_ == "NOUN" and t.head.lower_ == "for":
            zones = zones_of(view, subtree_ids(t.head))
            if zones:
                return [build(view, StatementType.USE_PERMISSION, trig, a, ctx, st.actor, recipient=st.recipient,
                              weapon=st.weapon, zones=zones, action="allow", extra={"how": "delivered for use"})]
    return []


def _pair_by_maker(view: SentView, scope: set[int], donors: list[str]) -> dict[str, set[str]] | None:
    """With several donors and several systems ("the UK and France ... Storm Shadow ... the U.S. ... ATACMS"),
    each donor gets the systems its state makes; None when that does not decide anything."""
    systems = view.of(("WEAPON",), scope)
    if len(donors) < 2 or len({m.canonical for m in systems}) < 2:
        return None
    out: dict[str, set[str]] = {}
    for m in systems:
        makers = set(m.attrs.get("makers") or []) | {m.attrs.get("maker")}
        for d in donors:
            if d in makers:
                out.setdefault(d, set()).add(m.canonical or m.text)
    return out or None


def extra_donors(view: SentView, scope: set[int], donors: list[str]) -> list[str]:
    """Makers of systems no donor claims, when that maker is named in the sentence ("... and the U.S., the ATACMS")."""
    named = {actor_name(m) for m in view.of(("ACTOR",))}
    out = []
    for m in view.of(("WEAPON",), scope):
        maker = m.attrs.get("maker")
        makers = set(m.attrs.get("makers") or []) | {maker}
        if maker and not makers & set(donors) and maker in named and maker not in out:
            out.append(maker)
    return out


def _interval(d: dict, fallback: Any) -> Any:
    from datetime import date

    from redlines.model import DateInterval, Precision

    start = date.fromisoformat(d["start"]) if d.get("start") else fallback.start
    end = date.fromisoformat(d["end"]) if d.get("end") else None
    return DateInterval(start, end, Precision(d.get("precision", "unknown")), d.get("text", ""))
