"""What an aid package holds ("the package includes Javelins and 155mm shells") and approvals of transfers
made by others ("allowed other countries to re-export their Leopards")."""

from __future__ import annotations

from typing import Any

from redlines.extract.args import SentView, as_number, number_of, subtree_ids
from redlines.extract.provenance import evidence
from redlines.extract.triggers import lemma
from redlines.model import Statement, StatementType, WeaponRef

EXPORT_VERBS = frozenset({"export", "re-export", "reexport", "transfer", "pass", "hand", "send", "deliver", "supply",
                          "give", "donate", "ship", "sell"})
LIST_WORDS = frozenset({"include", "including", "comprise", "contain", "feature"})
CONTENT_ACTIONS = frozenset({"deliver", "pledge", "approve"})


def approves_transfer(view: SentView, tok: Any) -> bool:
    """'allow other countries to re-export their Leopards', 'approved a request to hand over MiG-29s'."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and lemma(c) in EXPORT_VERBS:
            verbs = [c]  # the complement itself transfers ("allow others to re-export ...")
        elif c.dep_ == "dobj" and lemma(c) == "request":
            verbs = [t for t in c.subtree if t.dep_ == "acl" and lemma(t) in EXPORT_VERBS]
        else:
            continue
        if any(view.of(("WEAPON", "WEAPON_CLASS"), subtree_ids(v)) for v in verbs):
            return True
    return False


def _listed(view: SentView) -> list[Any]:
    """Weapon mentions named after 'includes' / 'including' in a sentence."""
    out = []
    for t in view.doc:
        if lemma(t) in LIST_WORDS or t.lower_ in LIST_WORDS:
            ids = {i for c in t.children if c.dep_ in ("dobj", "pobj", "attr", "conj", "appos") for i in subtree_ids(c)}
            out += [m for m in view.of(("WEAPON",), ids) if m not in out]
    return out


def _count(view: SentView, m: Any) -> int | None:
    tok = view.root(m)
    if tok is None:
        return None
    own = view.span(m.start_char, m.end_char)
    n = number_of(tok, skip=set(range(own.start, own.end)) if own is not None else set())
    return n if n is not None else (as_number(tok) if tok.like_num else None)


def expand_packages(claims: list[Statement], views: dict[int, SentView]) -> list[Statement]:
    """A transfer of a package (by amount or by a named weapon) also transfers every system its list names,
    in the same sentence or the next one ("The package includes two ASC 890 aircraft ...")."""
    out = list(claims)
    have = {(s.evidence.sentence_index, s.actor, str(s.weapon)) for s in claims if s.type == StatementType.TRANSFER}
    for idx, view in sorted(views.items()):
        listed = _listed(view)
        if not listed:
            continue
        base = [s for s in claims if s.type == StatementType.TRANSFER and s.action in CONTENT_ACTIONS
                and s.modality.value in ("confirmed", "reported") and s.evidence.sentence_index in (idx, idx - 1)]
        if not base:
            continue
        src = base[-1]
        for m in listed:
            ref = WeaponRef("system", m.canonical or m.text)
            key = (idx, src.actor, str(ref))
            if key in have:
                continue
            have.add(key)
            out.append(src.with_(weapon=ref, money=None, quantity=_count(view, m),
                                 evidence=evidence(view.parsed, view.sent),
                                 confidence=round(src.confidence - 0.05, 2),
                                 extra={**src.extra, "listed_in": src.evidence.sentence_index}))
    return out
