"""Zone phrases ('inside Russia', 'across the border from Kharkiv') as ZONE_PHRASE mentions."""

from __future__ import annotations

from redlines.model import Mention
from redlines.nlp.context import DocContext
from redlines.nlp.rulers import Match


def select_zones(matches: list[Match]) -> list[Match]:
    """Non-overlapping zone phrases, longest first."""
    cands = sorted((m for m in matches if m.kind == "ZONE"), key=lambda m: (-(m.end - m.start), m.start))
    taken: set[int] = set()
    out = []
    for m in cands:
        if any(i in taken for i in range(m.start, m.end)):
            continue
        taken.update(range(m.start, m.end))
        out.append(m)
    return sorted(out, key=lambda m: m.start)


def zone_mentions(ctx: DocContext, zones: list[Match], places: list[Match]) -> list[Mention]:
    """ZONE_PHRASE mentions; 'across the border from Kharkiv and Sumi' takes in the places."""
    place_ends = {p.start: p.end for p in places}
    out = []
    for z in zones:
        end = z.end
        if ctx.tok[end - 1].lower_ == "border" and end < len(ctx.tok) and ctx.tok[end].lower_ == "from":
            j = end + 1
            last = None
            while (
                j < min(len(ctx.tok), end + 10)
                and ctx.tok[j].text not in {".", ";"}
                and "\n" not in ctx.tok[j].text
            ):
                if j in place_ends:
                    last = place_ends[j]
                    j = last
                    continue
                j += 1
            end = last or end
        zones_ = [x for x in z.payload[0].split(",") if x]
        out.append(_span_mention(ctx, "ZONE_PHRASE", z.start, end, None, zones=zones_))
    return out


def _span_mention(
    ctx: DocContext, label: str, start: int, end: int, canonical: str | None, **attrs
) -> Mention:
    tok = ctx.tok
    a, b = tok[start].idx, tok[end - 1].idx + len(tok[end - 1])
    return Mention(
        label, ctx.document.text[a:b], a, b, canonical, {k: v for k, v in attrs.items() if v is not None}
    )
