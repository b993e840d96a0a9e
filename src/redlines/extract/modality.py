"""How firmly a trigger is asserted: negation, refusal, hedges, conditionals, plans, denials, attribution."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from redlines.extract.args import SentView, governors
from redlines.extract.triggers import cue, lemma
from redlines.model import Modality

BASE_CONFIDENCE = {
    Modality.CONFIRMED: 0.8,
    Modality.REPORTED: 0.65,
    Modality.DENIED: 0.5,
    Modality.PLANNED: 0.45,
    Modality.HYPOTHETICAL: 0.35,
}
FUTURE_IN_PAST = frozenset({"would", "will", "'ll", "wo"})
# "not ready / willing / prepared to allow", "does not want / plan to allow": a refusal
READY = frozenset({"ready", "willing", "prepared", "want", "plan", "intend", "agree", "yet", "able", "inclined"})


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the words around a trigger do to it."""

    modality: Modality
    negated: bool = False  # the trigger itself is negated ("did not approve")
    refused: bool = False  # governed by a refusal ("refused to allow", "not ready to allow")
    standing: bool = False  # a state that continues ("still", "continues to")
    attribution: str | None = None
    question: bool = False  # "asked if ... might allow": nothing is asserted
    hedged: bool = False
    reported: bool = False  # attributed to media, sources or officials

    def unhedged(self) -> Assessment:
        """The same clause read without its modal verb ("must only be used" states a rule, not a wish)."""
        if self.modality != Modality.HYPOTHETICAL or not self.hedged or self.question:
            return self
        from dataclasses import replace

        return replace(self, modality=Modality.REPORTED if self.reported else Modality.CONFIRMED, hedged=False)

    @property
    def confidence(self) -> float:
        """Base confidence of a statement with this modality."""
        return BASE_CONFIDENCE[self.modality]


def _phrase(tok: Any) -> str:
    return " ".join(t.text for t in tok.subtree)


def _attribution(view: SentView, chain: list[Any]) -> tuple[str | None, bool]:
    """Who the sentence attributes the claim to, and whether that is a report (not the actor's own word)."""
    speech, report_verbs, sources = cue("modality", "speech_verbs"), cue("modality", "report_verbs"), \
        cue("modality", "report_sources")
    chain = chain + governors(chain[-1])[1:]  # "a strike [subject] ... had destroyed ..., officials said"
    for below, node in pairwise(chain):
        lem = lemma(node)
        if lem not in speech and lem not in report_verbs or below.dep_ == "xcomp":
            continue
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        who = _phrase(subj) if subj is not None else ""
        is_report = lem in report_verbs or any(lemma(t) in sources for t in (subj.subtree if subj is not None else []))
        return (f"{who} {node.text}".strip(), is_report)
    for tok in view.doc:
        if tok.lower_ == "according" and tok.i + 1 < len(view.doc) and view.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in view.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            return (f"according to {_phrase(obj)}" if obj is not None else "according to", True)
    for tok in view.doc:  # "..., the German newspaper Bild reported on May 28.", "..., two officials said."
        if tok.dep_ in ("ROOT", "parataxis", "ccomp") and tok.i > chain[0].i and (
                lemma(tok) in report_verbs or lemma(tok) in speech):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                is_report = lemma(tok) in report_verbs or any(lemma(t) in sources for t in subj.subtree)
                return (f"{_phrase(subj)} {tok.text}", is_report)
    return None, False


def assess(view: SentView, trig: Any) -> Assessment:
    """Modality, negation, refusal and attribution of the clause a trigger heads."""
    chain = governors(trig)
    speech = cue("modality", "speech_verbs") | cue("modality", "report_verbs")
    # nodes of the claim itself: the trigger up to (not including) the verb of saying
    own: list[Any] = []
    for k, node in enumerate(chain):
        if node.i != trig.i and lemma(node) in speech and chain[k - 1].dep_ != "xcomp":
            break
        own.append(node)
    under_speech = len(own) < len(chain)
    negated = refused = standing = hedged = conditional = planned = hypothetical = denied = question = False
    reported_adv = False
    refusal, planned_l, hypo_l = cue("modality", "refusal"), cue("modality", "planned"), cue("modality", "hypothetical")
    crossed = False
    for k, node in enumerate(own):
        if crossed:  # a coordinated or adverbial clause keeps its own polarity
            break
        crossed = node.dep_ in ("conj", "advcl", "relcl", "acl") and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children)  # "plans to deliver" goes on
        lem = lemma(node)
        kids = list(node.children)
        if node.i != trig.i and node.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in kids):
            refused = True  # "has no plans to deliver", "no intention of allowing"
            continue
        neg = any(c.dep_ == "neg" or c.lower_ in ("never",) for c in kids)
        below = own[k - 1] if k else None
        if node.i == trig.i:
            negated = negated or neg
        elif neg and (f"not {lem}" in refusal or lem in READY or (below is not None and lemma(below) in READY)):
            refused = True
        elif neg and below is not None and (below.dep_ in ("xcomp", "acomp") or (
                below.i == trig.i and trig.pos_ == "NOUN" and below.dep_ in ("dobj", "nsubjpass", "attr", "oprd"))):
            negated = True  # "did not want to allow", "has not given permission"
        if node.i != trig.i and lem in refusal:
            refused = True
        if node.i != trig.i and lem in planned_l:
            planned = True
        if lem in hypo_l and node.i != trig.i:
            hypothetical = True
        if lem in cue("modality", "reluctance"):
            hypothetical = True
        if node.i != trig.i and lem in cue("modality", "standing"):
            standing = True
        for c in kids:
            if c.dep_ == "advmod" and lemma(c) in cue("modality", "standing"):
                standing = True
            if c.dep_ == "advmod" and c.lower_ in cue("modality", "report_adverbs"):
                reported_adv = True
            if c.dep_ == "aux" and c.lower_ in cue("modality", "hedge_modals") and not (
                    under_speech and c.lower_ in FUTURE_IN_PAST):
                hedged = True
            if c.dep_ == "mark" and c.lower_ in cue("modality", "conditional_marks"):
                conditional = True
                if any(lemma(n) == "ask" for n in chain):
                    question = True
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                conditional = True
    for node in chain:
        if node.i != trig.i and lemma(node) in cue("modality", "denial") and any(
                lemma(t) in ("report", "claim", "rumor", "rumour", "suggestion") for t in node.subtree):
            denied = True
    if view.sent.text.rstrip().endswith("?"):
        question = True
    attribution, is_report = _attribution(view, chain)
    is_report = is_report or reported_adv
    kids = list(trig.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and any(c.dep_ == "nsubj" for c in kids) \
            and trig.dep_ not in ("ccomp", "xcomp", "conj", "ROOT"):  # a headline "US to send ..." is a plan told
        hypothetical = True  # "pressure on Biden to approve ...": an infinitive with its own subject
    hedge_only = False
    if denied:
        modality = Modality.DENIED
    elif planned:
        modality = Modality.PLANNED
    elif question or conditional or hypothetical:
        modality = Modality.HYPOTHETICAL
    elif hedged and not refused and not negated:
        modality = Modality.HYPOTHETICAL
        hedge_only = True
    elif is_report:
        modality = Modality.REPORTED
    else:
        modality = Modality.CONFIRMED
    return Assessment(modality, negated, refused, standing, attribution, question, hedge_only, is_report)
