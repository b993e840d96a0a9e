"""Weapons named by reference: 'fire the missiles', 'the Dutch jets', 'the Anglo-French missile' point back
at a system named earlier; a weapon-less approval takes the weapon named just before."""

from __future__ import annotations

from redlines.extract.args import SentView
from redlines.extract.triggers import cue, lemma
from redlines.model import Statement, StatementType, WeaponRef


def resolve_weapon_anaphora(statements: list[Statement], views: dict[int, SentView]) -> list[Statement]:
    """'The weapons we deliver ...' after a pledge of F-16s by the same donor means the F-16s; a weapon-less
    approval takes the weapon of the previous two sentences."""
    out = list(statements)
    for k, st in enumerate(out):
        w = st.weapon
        idx = st.evidence.sentence_index
        if st.type == StatementType.USE_PERMISSION and w is not None and w.kind in ("origin", "class") \
                and w.id in (st.actor, w.id if w.kind == "class" else None):
            view = views.get(idx)
            if view is None:
                continue
            relcl = any(lemma(t) in cue("transfer", "deliver_verbs") and t.dep_ == "relcl" for t in view.doc)
            prior = [p for p in out[:k] if p.type == StatementType.TRANSFER and p.actor == st.actor
                     and p.weapon is not None and p.weapon.kind == "system" and idx - 3 <= p.evidence.sentence_index < idx]
            if relcl and prior and w.kind == "origin":  # "the weapons we deliver": the pledged system
                out[k] = st.with_(weapon=prior[-1].weapon, extra={**st.extra, "weapon_from": "previous transfer"})
            elif _anaphoric_class(view, None if w.kind == "origin" else w.id, definite=True) and not (
                    w.kind == "origin" and _own_weapons_named(views, idx, st.actor)):
                ref = _recent_system(views, idx, None if w.kind == "origin" else w.id, st.actor)
                if ref is not None:  # "fire the missiles", "use the jets": the system named just before
                    out[k] = st.with_(weapon=ref, extra={**st.extra, "weapon_from": "anaphora"})
        elif st.type == StatementType.TRANSFER and w is None and st.money is None:
            for j in (idx - 1, idx - 2):
                v = views.get(j)
                systems = v.of(("WEAPON",)) if v is not None else []
                if systems:
                    ref = WeaponRef("system", systems[-1].canonical or systems[-1].text)
                    out[k] = st.with_(weapon=ref, confidence=round(st.confidence - 0.1, 2),
                                      extra={**st.extra, "weapon_from": f"sentence {j}"})
                    break
        elif st.type == StatementType.TRANSFER and w is not None and w.kind == "origin" and w.id == st.actor \
                and idx in views and _anaphoric_class(views[idx], None):
            ref = _recent_system(views, idx)  # "declined to send the weapon": the system just named
            if ref is not None:
                out[k] = st.with_(weapon=ref, extra={**st.extra, "weapon_from": "anaphora"})
        elif st.type == StatementType.REQUEST and w is not None and w.kind == "origin" and idx in views \
                and _anaphoric_class(views[idx], None, True):
            ref = _made_by(views, idx, w.id) or _recent_system(views, idx, None, w.id)  # "... the Anglo-French missile"
            if ref is not None:
                out[k] = st.with_(weapon=ref, extra={**st.extra, "weapon_from": "anaphora"})
        elif w is not None and w.kind == "class" and idx in views and _anaphoric_class(views[idx], w.id, True):
            ref = _recent_system(views, idx, w.id, st.actor)
            if ref is not None:
                out[k] = st.with_(weapon=ref, extra={**st.extra, "weapon_from": f"anaphora of {w.id}"})
    return [s for s in out if not (s.type == StatementType.TRANSFER and s.weapon is None and s.money is None)]


def _anaphoric_class(view: SentView, cls: str | None, definite: bool = False) -> bool:
    """'these armored vehicles', 'the first six aircraft', 'the weapon': a class noun pointing back at a
    named system (cls None: any generic class; `definite`: 'the jets' counts too)."""
    for m in view.of(("WEAPON_CLASS", "WEAPON_ORIGIN")):
        if m.label == "WEAPON_ORIGIN" and not m.attrs.get("cls"):
            continue  # "the Dutch jets", "the Anglo-French missiles" point back like a class noun
        own_cls = m.attrs.get("cls") if m.label == "WEAPON_ORIGIN" else (m.canonical or m.text)
        if cls is not None and own_cls != cls:
            continue
        kids = list(view.root(m).children)
        dets = ("these", "those", "such", "this", "that", "the") if cls is None or definite else \
            ("these", "those", "such")
        if m.label == "WEAPON_ORIGIN":
            if any(c.dep_ == "det" and c.lower_ in dets for c in kids):
                return True
            continue
        sourced = any(c.dep_ in ("relcl", "acl") and lemma(c) in cue("transfer", "deliver_verbs") | {"receive", "get"}
                      for c in kids)  # "the weapons it receives from Germany" says whose they are
        if any(c.dep_ == "det" and c.lower_ in dets for c in kids) and not sourced and not any(
                c.dep_ in ("amod", "compound", "prep") for c in kids if cls is None) or (
                any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
                and any(c.lower_ in ("first", "last", "remaining") for c in kids)):
            return True
    return False


def _own_weapons_named(views: dict[int, SentView], idx: int, donor: str | None) -> bool:
    """'Spanish-supplied weapons' named just before: 'the weapons' are those, not the last system named."""
    for j in (idx - 1, idx - 2):
        if j in views and any(m.attrs.get("origin") == donor and m.attrs.get("cls") in (None, "weapons")
                              for m in views[j].of(("WEAPON_ORIGIN",))):
            return True
    return False


def _made_by(views: dict[int, SentView], idx: int, maker: str) -> WeaponRef | None:
    """The latest system named before sentence `idx` that `maker` makes ("the French missile" -> SCALP)."""
    for j in range(idx - 1, -1, -1):
        if j not in views:
            continue
        for m in reversed(views[j].of(("WEAPON",))):
            if maker in ({m.attrs.get("maker")} | set(m.attrs.get("makers") or [])):
                return WeaponRef("system", m.canonical or m.text)
    return None


def _recent_system(views: dict[int, SentView], idx: int, cls: str | None = None,
                   donor: str | None = None) -> WeaponRef | None:
    """The weapon system a definite class noun points back to, in the three sentences before `idx`: the
    latest of class `cls` (any class when none matches: "the aircraft" after "F-16s"), preferring one the
    donor makes ("London ... the missiles" -> Storm Shadow, not the ATACMS named in between)."""
    named = [m for j in range(idx - 5, idx + 1) for m in (views[j].of(("WEAPON",)) if j in views else [])]
    if not named:
        return None
    pool = [m for m in named if cls is None or m.attrs.get("cls") in (None, cls)] or named
    own = [m for m in pool if donor and donor in ({m.attrs.get("maker")} | set(m.attrs.get("makers") or []))]
    pick = (own or pool)[-1]
    return WeaponRef("system", pick.canonical or pick.text)
