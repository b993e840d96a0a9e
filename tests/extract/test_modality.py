"""Negation, refusal, hedges, conditionals, plans, denials and attribution around a trigger."""

from __future__ import annotations

import pytest

from redlines.extract.args import SentView
from redlines.extract.modality import assess
from redlines.model import Modality


def _assess(nlp, text: str, trigger: str):
    from extract_testkit import parsed_doc

    pd = parsed_doc(nlp, text)
    view = SentView(pd, pd.sentences[0], pd.sentences[0].parse)
    tok = next(t for t in view.doc if t.lemma_.lower() == trigger)
    return assess(view, tok)


@pytest.mark.parametrize("text,trigger,modality,negated,refused", [
    ("Germany allowed strikes.", "allow", Modality.CONFIRMED, False, False),
    ("Germany did not allow strikes.", "allow", Modality.CONFIRMED, True, False),
    ("Germany refused to allow strikes.", "allow", Modality.CONFIRMED, False, True),
    ("Germany is not ready to allow strikes.", "allow", Modality.CONFIRMED, False, True),
    ("Germany might allow strikes.", "allow", Modality.HYPOTHETICAL, False, False),
    ("Germany said it would allow strikes.", "allow", Modality.CONFIRMED, False, False),
    ("Germany would allow strikes if Russia escalated.", "allow", Modality.HYPOTHETICAL, False, False),
    ("Germany is weighing whether to allow strikes.", "allow", Modality.PLANNED, False, False),
    ("Germany denied reports that it had allowed strikes.", "allow", Modality.DENIED, False, False),
    ("Media reports said Germany allowed strikes.", "allow", Modality.REPORTED, False, False),
    ("Would Germany allow strikes?", "allow", Modality.HYPOTHETICAL, False, False),
])
def test_assess(nlp, text, trigger, modality, negated, refused):
    a = assess_result = _assess(nlp, text, trigger)
    assert (a.modality, a.negated, a.refused) == (modality, negated, refused), assess_result


def test_attribution_text(nlp):
    a = _assess(nlp, "Germany allowed strikes, according to the newspaper Bild.", "allow")
    assert a.attribution.startswith("according to") and a.modality == Modality.REPORTED
    b = _assess(nlp, "Blinken said Washington allowed strikes.", "allow")
    assert b.attribution == "Blinken said" and b.modality == Modality.CONFIRMED


def test_standing(nlp):
    assert _assess(nlp, "Washington still prohibits strikes.", "prohibit").standing
    assert _assess(nlp, "Washington continues to prohibit strikes.", "prohibit").standing
