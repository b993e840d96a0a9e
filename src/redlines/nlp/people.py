"""People: officials by name or surname, role nouns ("the secretary of state", "Scholz's spokesman"),
unknown people from the statistical NER with their appositive role, and he/she pronouns.

Pronoun limits: "he/him/his" and "she/her" go to the most recent earlier person of a compatible
gender (unknown gender fits both) outside quotations, in the same paragraph, else the last person
of the previous paragraph. Pronouns inside quotations, "they" and "it" are not resolved.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from redlines.model import Mention
from redlines.nlp.context import DocContext
from redlines.nlp.gazetteer import Gazetteer, Official
from redlines.nlp.rulers import Match

PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
POSSESSIVE = {"'s", "’s", "'", "’"}
TITLE_WORDS = {"mr", "ms", "mrs", "dr", "premier", "chancellor", "gen", "sen", "rep", "prime"}
INDEFINITE = {"a", "an", "another", "former", "ex", "one", "some", "deputy", "acting", "previous"}
# "Pentagon spokesman" is not the White House's; a spokesman resolves only from a government-level actor.
SPOKES_TITLES = {"spokesman", "spokeswoman"}
SPOKES_BLOCKERS = {"Pentagon", "State Department", "Department of Defense", "Ministry of Defence"}
APPOSITIVE_RE = re.compile(
    r"^,\s+(?:who is\s+)?(?:a|an|the)\s+(?P<role>[^,;:.“”\"()]{2,80}?)"
    r"(?:\s+(?P<prep>at|of|in|with|for|from|to)\s+(?:the\s+)?(?P<org>[^,;:“”\"()]{2,100}?))?"
    r"\s*(?=[,;:.)“”\"]|$)"
)
OF_ORG_RE = re.compile(
    r"^\s+(?:of|from|at)\s+(?:the\s+)?(?P<org>[A-Z][^,;:.“”\"()]{2,100}?)"
    r"\s*(?=[,;:.)“”\"]|\s+(?:said|says|told|notes|noted|adds|added|wrote)\b|$)"
)


def person_attrs(o: Official, on: date | None, via: str) -> dict:
    role = o.role_on(on)
    attrs = {"via": via, "gender": o.gender}
    if role:
        attrs.update(role=role.title, state=role.state, org=role.org)
    return {k: v for k, v in attrs.items() if v is not None}


def resolve_people(ctx: DocContext, ents: list[Match], gaz: Gazetteer) -> list[Mention]:
    """PERSON mentions from gazetteer matches, NER (parsed sentences), surnames, roles, pronouns."""
    tok, on = ctx.tok, ctx.published
    out: list[Mention] = []
    seen_full: set[str] = set()
    starts = {m.start: m for m in ents}
    for m in ents:
        if m.kind == "PERSON":
            o = gaz.officials[m.payload[0]]
            seen_full.add(o.name)
            out.append(_mk(ctx, m.start, m.end, o.name, person_attrs(o, on, "name")))
        elif m.kind == "SURNAME":
            o = gaz.officials[m.payload[0]]
            if not (o.surname_alone or o.name in seen_full) or _other_first_name(ctx, m.start, o, gaz):
                continue
            seen_full.add(o.name)
            out.append(_mk(ctx, m.start, m.end, o.name, person_attrs(o, on, "surname")))
        elif m.kind == "ROLE":
            nxt = starts.get(m.end)
            if nxt is not None and nxt.kind in ("PERSON", "SURNAME"):
                continue
            if _title_of_name(tok, m):
                continue  # "President Joe Smith", "President-elect Trump": a title, the name follows
            person = _role_person(ctx, m, ents, out, gaz)
            if person is not None:
                o, via = person
                out.append(_mk(ctx, m.start, m.end, o.name, person_attrs(o, on, via)))
    out.extend(_ner_people(ctx, ents, out, gaz))
    out.sort(key=lambda x: x.start_char)
    out.extend(_pronouns(ctx, out))
    out.sort(key=lambda x: x.start_char)
    return out


def _title_of_name(tok, m: Match) -> bool:
    """A role noun used as a title: a capitalised name or a hyphenated compound follows."""
    if m.end < len(tok) and (tok[m.end].text in ("-", "–") or (tok[m.end].is_title and tok[m.end].is_alpha)):
        return True
    return m.start > 0 and tok[m.start - 1].text in ("-", "–")


def _mk(ctx: DocContext, start: int, end: int, canonical: str, attrs: dict) -> Mention:
    a, b = ctx.tok[start].idx, ctx.tok[end - 1].idx + len(ctx.tok[end - 1])
    return Mention("PERSON", ctx.document.text[a:b], a, b, canonical, attrs)


def _other_first_name(ctx: DocContext, start: int, o: Official, gaz: Gazetteer) -> bool:
    """'Hunter Biden' is not Joe Biden: a different capitalised first name right before the surname."""
    if start == 0:
        return False
    prev = ctx.tok[start - 1]
    if not (prev.is_alpha and prev.is_title) or ctx.sentence_of(prev.idx) != ctx.sentence_of(
        ctx.tok[start].idx
    ):
        return False
    if prev.is_stop or prev.lower_ in {"former", "late", "then"}:
        return False
    firsts = {n.split()[0] for n in [o.name, *o.aliases]}
    return prev.text not in firsts and prev.lower_ not in gaz.role_words | TITLE_WORDS


def _role_person(
    ctx: DocContext, m: Match, ents: list[Match], people: list[Mention], gaz: Gazetteer
) -> tuple[Official, str] | None:
    """The official a role noun refers to, or None when it is indefinite or ambiguous."""
    tok, on, title = ctx.tok, ctx.published, m.payload[0]
    i = m.start - 1
    while i >= 0 and tok[i].lower_ in {"chief", "government", "top", "main", "official"}:
        i -= 1
    if i >= 0 and tok[i].lower_ in INDEFINITE:
        return None
    # "Scholz's spokesman", "his spokesman"
    owner = None
    if i >= 1 and tok[i].text in POSSESSIVE:
        owner = next((p for p in people if p.end_char == tok[i - 1].idx + len(tok[i - 1])), None)
    elif i >= 0 and tok[i].lower_ in ("his", "her"):
        owner = next(
            (p for p in reversed(people) if p.end_char <= tok[i].idx and not ctx.in_quote(p.start_char)), None
        )
        if owner is None:
            return None
    if owner is not None:
        for o in gaz.officials.values():
            if any(r.title == title and r.of == owner.canonical and r.active(on) for r in o.roles):
                return o, "possessive_role"
        return None
    state = None
    by_end = {e.end: e for e in ents if e.kind in ("ACTOR", "ADJ", "METONYM")}
    j = i + 1
    if i >= 0 and tok[i].text in POSSESSIVE:
        j = i
    actor_match = by_end.get(m.start) or by_end.get(j)
    if actor_match is not None:
        if title in SPOKES_TITLES and tok[actor_match.start : actor_match.end].text in SPOKES_BLOCKERS:
            return None
        state = actor_match.payload[0]
    elif m.end + 1 < len(tok) and tok[m.end].lower_ == "of":
        k = m.end + 1 + (tok[m.end + 1].lower_ == "the")
        after = next((e for e in ents if e.start == k and e.kind in ("ACTOR", "METONYM")), None)
        state = after.payload[0] if after else None
    if state is None:
        noun = next((r for r in gaz.role_nouns if r.title == title), None)
        state = noun.default_state if noun else None
    if state is not None:
        found = gaz.officials_with_role(title, state, on)
        return (found[0], "role") if len(found) == 1 else None
    if title in SPOKES_TITLES:
        return None
    for p in reversed(people):  # "the president": the last person named with that role
        if p.attrs.get("role") == title:
            o = gaz.official(p.canonical or "")
            return (o, "role") if o else None
    return None


def _ner_people(ctx: DocContext, ents: list[Match], known: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Unknown people from spaCy NER in parsed sentences, their roles, and their later surnames."""
    taken = [(m.start_char, m.end_char) for m in known]
    taken += [(ctx.tok[e.start].idx, ctx.tok[e.end - 1].idx + len(ctx.tok[e.end - 1])) for e in ents]
    text = ctx.document.text
    found: dict[str, dict] = {}
    out: list[Mention] = []
    for si, parse in sorted(ctx.parses.items()):
        base = ctx.sent_chars[si][0]
        for ent in parse.ents:
            if ent.label_ not in ("PERSON",):
                continue
            span = ent
            while len(span) > 1 and span[-1].text in POSSESSIVE:
                span = span[:-1]
            a, b = base + span.start_char, base + span.end_char
            if any(x < b and a < y for x, y in taken) or len(span) < 2 or not span[0].is_title:
                continue
            name = span.text
            if name not in found:
                title = _title_before(ctx, a, ents, gaz)
                found[name] = {**title, **_appositive(ctx, a, b, gaz, look_before=not title)}
            attrs = {"via": "ner", **found[name]}
            taken.append((a, b))
            out.append(Mention("PERSON", text[a:b], a, b, name, attrs))
    if found:  # later full names and surnames in any sentence, in one pass over the text
        keys: dict[str, tuple[str, str]] = {}
        for name in found:
            keys.setdefault(name, (name, "name"))
            keys.setdefault(name.split()[-1], (name, "surname"))
        alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w-])(?:{alts})(?![\w-])", text):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken):
                continue
            name, via = keys[m.group(0)]
            taken.append((a, b))
            out.append(Mention("PERSON", text[a:b], a, b, name, {**found[name], "via": via}))
    return out


def _title_before(ctx: DocContext, a: int, ents: list[Match], gaz: Gazetteer) -> dict:
    """'Dutch Defence Minister X': the role noun right before a name, and the actor before it."""
    tok = ctx.tok
    role = next((e for e in ents if e.kind == "ROLE" and e.end < len(tok) and tok[e.end].idx == a), None)
    if role is None:
        return {}
    actor = next(
        (e for e in ents if e.kind in ("ACTOR", "ADJ", "METONYM") and e.end in (role.start, role.start - 1)),
        None,
    )
    out = {"role": role.payload[0]}
    if actor is not None:
        out["state"] = actor.payload[0]
    return out


def _appositive(ctx: DocContext, a: int, b: int, gaz: Gazetteer, look_before: bool = True) -> dict:
    """Role, organisation and state from 'X, a colonel in the Ukrainian army' / 'X of the Atlantic Council'
    / 'Ukrainian military analyst X'."""
    text = ctx.document.text
    after = text[b : b + 200]
    attrs: dict = {}
    m = APPOSITIVE_RE.match(after)
    if m and any(w in gaz.role_words for w in re.findall(r"[a-z-]+", m.group("role").lower())):
        role_words = [w for w in m.group("role").split() if not gaz.demonym(w) and not gaz.actor(w)]
        attrs["role"] = " ".join(role_words).lower() or None
        if m.group("org"):
            attrs["org"] = m.group("org").strip()
        attrs["state"] = _state_in(m.group(0), gaz)
    else:
        m2 = OF_ORG_RE.match(after)
        if m2:
            org_text = m2.group("org").strip()
            attrs["org"] = org_text
            known = next(
                (o for o in gaz.organisations.values() if any(n in org_text for n in [o.id, *o.aliases])),
                None,
            )
            if known:
                attrs["org"] = known.id
                attrs["role"] = known.role
                attrs["state"] = known.state
            else:
                attrs["state"] = _state_in(org_text, gaz)
    if "role" not in attrs and look_before:
        before = text[max(0, a - 60) : a].split()
        words: list[str] = []
        for w in reversed(before[-4:]):
            if w.lower() in gaz.role_words or (words and (w.islower() or gaz.demonym(w) or gaz.actor(w))):
                words.insert(0, w)
            else:
                break
        if words and words[-1].lower() in gaz.role_words:
            attrs["role"] = (
                " ".join(w for w in words if not gaz.demonym(w) and not gaz.actor(w)).lower() or None
            )
            attrs["state"] = _state_in(" ".join(words), gaz)
    if attrs.get("org") and not attrs.get("state"):
        org = gaz.organisation(attrs["org"])
        attrs["state"] = org.state if org else None
    return {k: v for k, v in attrs.items() if v}


def _state_in(text: str, gaz: Gazetteer) -> str | None:
    """The first state/bloc named in a phrase ('the Ukrainian army' -> Ukraine)."""
    for org in gaz.organisations.values():
        if org.id in text:
            return org.state
    for w in re.findall(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|[A-Z]\.[A-Z]\.", text):
        for cand in (w, *w.split()):
            actor = gaz.demonym(cand) or gaz.actor(cand) or gaz.actor_for_text(cand)
            if actor and actor.kind in ("state", "bloc"):
                return actor.id
    return None


def _pronouns(ctx: DocContext, people: list[Mention]) -> list[Mention]:
    """he/she/his/her -> the last compatible person (module docstring)."""
    out: list[Mention] = []
    anchors = sorted(
        (p for p in people if not ctx.in_quote(p.start_char, p.end_char)), key=lambda x: x.start_char
    )
    starts = [p.start_char for p in anchors]
    for t in ctx.tok:
        gender = PRONOUNS.get(t.lower_)
        if gender is None or ctx.in_quote(t.idx):
            continue
        para = ctx.paragraph_of(t.idx)
        best = None
        for k in range(bisect.bisect_left(starts, t.idx) - 1, -1, -1):  # most recent first
            p = anchors[k]
            pp = ctx.paragraph_of(p.start_char)
            if pp < para - 1:
                break
            if p.attrs.get("gender", gender) == gender:
                best = p
                break
        if best is None:
            continue
        attrs = {k: v for k, v in best.attrs.items() if k != "via"}
        attrs.update(via="pronoun", antecedent=best.start_char)
        m = Mention("PERSON", t.text, t.idx, t.idx + len(t), best.canonical, attrs)
        out.append(m)
        k = bisect.bisect_left(starts, m.start_char)
        starts.insert(k, m.start_char)
        anchors.insert(k, m)
    return out
