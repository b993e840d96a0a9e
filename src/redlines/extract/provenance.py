"""Provenance of a statement: its evidence sentence, the fact's date, and a confidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from redlines.extract.args import SentView, fact_date
from redlines.extract.modality import Assessment
from redlines.extract.triggers import cue, has_phrase
from redlines.model import DateInterval, Evidence, Precision, Sentence, Statement, StatementType


@dataclass(slots=True)
class Context:
    """What a sentence rule may look at besides its own sentence: the previous parsed sentence."""

    prev: SentView | None = None


def _ended(view: SentView) -> bool:
    """The sentence describes a state that has just ended ("until now", "until this week")."""
    return has_phrase(view.doc, cue("args", "ended_cues"))


def evidence(parsed: Any, sent: Sentence, start: int | None = None, end: int | None = None) -> Evidence:
    """Evidence pointing at a sentence (or a quote inside it) by document offsets."""
    doc = parsed.document
    return Evidence(
        document_id=doc.id,
        sentence_index=sent.index,
        start_char=sent.start_char if start is None else start,
        end_char=sent.end_char if end is None else end,
        sentence=sent.text,
        outlet=doc.outlet,
        published=doc.published.value,
    )


def build(view: SentView, type_: StatementType, trig: Any, assessment: Assessment, ctx: Context,
          actor: str | None, **fields: Any) -> Statement:
    """A Statement for a trigger: evidence, the fact's date (timex, else publication date), confidence."""
    valid, horizon, penalty = fact_date(view, trig, ctx.prev, actor, assessment.standing)
    if _ended(view) and valid.precision.value == "unknown" and valid.start is not None:
        # "until now X had allowed ...": the state held before this week's change, not on the publication day
        day = valid.start - timedelta(days=7)
        valid = DateInterval(day, day, Precision.UNKNOWN, "before the change (until now)")
        fields.setdefault("extra", {})["ended"] = True
    extra = dict(fields.pop("extra", {}) or {})
    extra.setdefault("trigger", trig.text)
    if assessment.standing:
        extra["standing"] = True
    if horizon is not None:
        extra["horizon"] = horizon.to_dict()
    return Statement(
        type=type_,
        evidence=evidence(view.parsed, view.sent),
        actor=actor,
        modality=assessment.modality,
        valid=valid,
        attribution=assessment.attribution,
        confidence=round(max(0.05, assessment.confidence - penalty), 2),
        extra=extra,
        **fields,
    )
