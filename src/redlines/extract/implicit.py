"""Permissions stated by reference to an earlier one: "London had conveyed its decision to Kyiv",
"a day after Washington had taken a similar step", "the HIMARS rockets fall under the new guidance"."""

from __future__ import annotations

from typing import Any

from redlines.extract.args import SentView, actor_name, agents, subtree_ids
from redlines.extract.modality import assess
from redlines.extract.provenance import Context, build
from redlines.extract.triggers import lemma
from redlines.model import RUSSIA, Statement, StatementType, WeaponRef

DECISION_NOUNS = frozenset({"decision", "step", "move", "guidance", "policy", "rule", "permission", "authorization",
                            "authorisation", "green", "change", "shift", "approval"})
# "conveyed its decision", "took a similar step", "made the same move"
REFERRING_VERBS = frozenset({"convey", "communicate", "take", "make", "follow", "announce", "inform", "tell", "copy",
                             "mirror", "match", "emulate"})
# "the rockets fall under the new guidance", "are covered by the decision"
COVER_VERBS = frozenset({"fall", "come", "cover", "include", "apply"})
NOT_DONORS = frozenset({"Ukraine", "Russia"})
WINDOW = 4


def _earlier(claims: list[Statement], idx: int) -> Statement | None:
    """The latest confirmed or reported permission of the same or the previous WINDOW sentences."""
    pool = [s for s in claims if s.type == StatementType.USE_PERMISSION and idx - WINDOW <= s.evidence.sentence_index
            <= idx and s.modality.value in ("confirmed", "reported") and s.polarity]
    russia = [s for s in pool if set(s.zones) & set(RUSSIA)]  # the news these articles are about
    return (russia or pool)[-1] if pool else None


def _referring(view: SentView) -> list[tuple[Any, str]]:
    """(token, kind) of every clause that refers to a decision: 'donor' (a new donor) or 'weapon' (new weapons)."""
    out = []
    for t in view.doc:
        lem = lemma(t)
        if t.pos_ not in ("VERB", "AUX"):
            continue
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        if lem in REFERRING_VERBS and any(lemma(o) in DECISION_NOUNS and (
                any(c.dep_ == "poss" or c.lower_ in ("similar", "same", "like") for c in o.children)) for o in objs):
            out.append((t, "donor"))
        preps = [c for c in t.children if (c.dep_ == "prep" and c.lower_ in ("under", "within")) or c.dep_ == "agent"]
        if lem in COVER_VERBS and any(lemma(p) in DECISION_NOUNS for c in preps for p in c.children if p.dep_ == "pobj"):
            out.append((t, "weapon"))
    return out


def _copy(view: SentView, trig: Any, ctx: Context, src: Statement, donor: str, weapon: WeaponRef | None,
          how: str) -> Statement:
    a = assess(view, trig)
    negated = a.negated
    return build(view, StatementType.USE_PERMISSION, trig, a, ctx, donor, recipient=src.recipient,
                 weapon=weapon, zones=src.zones, target_type=src.target_type,
                 action=("restrict" if src.action == "allow" else "allow") if negated else src.action,
                 extra={"how": how, "refers_to": src.evidence.sentence_index})


def implicit_permissions(claims: list[Statement], views: dict[int, SentView]) -> list[Statement]:
    """Claims plus the permissions that only refer back to an earlier one."""
    out = list(claims)
    for idx, view in sorted(views.items()):
        for trig, kind in _referring(view):
            src = _earlier(out, idx)
            if src is None:
                continue
            ctx = Context(prev=views.get(idx - 1))
            if kind == "donor":
                found = [actor_name(m) for m in (agents(view, trig, strict=False) or [])]
                for donor in dict.fromkeys(d for d in found if d and d not in NOT_DONORS and d != src.actor):
                    weapon = src.weapon
                    if weapon is not None and weapon.kind == "origin":
                        weapon = WeaponRef("origin", donor)
                    elif weapon is not None and weapon.kind == "system":
                        weapon = WeaponRef("origin", donor)  # the other donor's own weapons
                    out.append(_copy(view, trig, ctx, src, donor, weapon, "similar decision"))
            else:
                subj = [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")]
                ids = {i for s in subj for i in subtree_ids(s)} or set(range(trig.i))  # a misparse: what precedes
                for m in view.of(("WEAPON",), ids):
                    out.append(_copy(view, trig, ctx, src, src.actor or "", WeaponRef("system", m.canonical or m.text),
                                     "covered by decision"))
    return out
