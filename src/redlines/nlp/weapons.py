"""Weapon spans: one mention for 'Storm Shadow/Scalp rockets', and origin phrases
('Western-made missiles', 'NATO weaponry', 'US-supplied arms') as WEAPON_ORIGIN."""

from __future__ import annotations

from spacy.tokens import Doc

from redlines.model import Mention
from redlines.nlp.context import DocContext
from redlines.nlp.rulers import Match, Rulers

ORIGIN_WEST = {"Western", "West", "Allied", "allied", "foreign"}


def merge_weapons(ms: list[Match], tokens: Doc) -> list[Match]:
    """'Storm Shadow/Scalp rockets', 'ATACMS missiles', 'Leopard tanks': one WEAPON mention."""
    out: list[Match] = []
    for m in ms:
        prev = out[-1] if out else None
        if prev and prev.kind == "WEAPON":
            if m.kind == "WEAPON_CLASS" and m.start == prev.end:
                out[-1] = Match("WEAPON", prev.start, m.end, prev.payload)
                continue
            slash = m.start == prev.end + 1 and tokens[prev.end].text == "/"
            if m.kind == "WEAPON" and m.payload == prev.payload and (m.start == prev.end or slash):
                out[-1] = Match("WEAPON", prev.start, m.end, prev.payload)
                continue
        out.append(m)
    return out


def origin_mentions(ctx: DocContext, rulers: Rulers) -> list[Mention]:
    """WEAPON_ORIGIN mentions ('Western-made missiles', 'NATO weaponry', 'US-supplied arms')."""
    gaz = rulers.gaz
    text = ctx.document.text
    out = []
    for m in rulers.origin_re.finditer(text):
        origin_text = m.group("origin")
        if origin_text in ORIGIN_WEST:
            origin = "West"
        else:
            actor = gaz.actor_for_text(origin_text)
            if actor is None or actor.kind not in ("state", "bloc"):
                continue
            origin = actor.id
        if not m.group("part") and origin_text[0].islower():
            continue
        tail = (m.group("mods") + " " + m.group("noun")).lower().split()
        cls = None
        for k in range(len(tail)):
            phrase = " ".join(tail[k:])
            hit = [c.id for c in gaz.classes.values() if phrase in c.phrases]
            if hit:
                cls = hit[0]
                break
        out.append(
            Mention(
                "WEAPON_ORIGIN",
                m.group(0),
                m.start(),
                m.end(),
                origin,
                {"origin": origin, **({"cls": cls} if cls and cls != "weapons" else {})},
            )
        )
    return out
