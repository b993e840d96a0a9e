"""Plain-text questions to AskQuery (redlines.query.question)."""

from __future__ import annotations

from datetime import date

import pytest

from kb.factory import late_may_corpus
from redlines import query
from redlines.errors import UsageError
from redlines.kb import update

TODAY = date(2024, 7, 15)


@pytest.mark.parametrize("text,weapon,zones,day,donor", [
    ("Can Ukraine use ATACMS inside Russia as of June 2024?", "ATACMS", ["RU_BORDER", "RU_DEEP"],
     date(2024, 6, 30), None),
    ("May Kyiv fire American HIMARS into Belgorod on 2024-06-03?", "HIMARS", ["RU_BORDER"], date(2024, 6, 3),
     "United States"),
    ("Is Germany letting Ukraine use Taurus deep inside Russia on 3 June 2024?", "Taurus", ["RU_DEEP"],
     date(2024, 6, 3), "Germany"),
    ("Could Ukraine hit Crimea with Storm Shadow missiles from Britain?", "Storm Shadow", ["UA_OCCUPIED"], TODAY,
     "United Kingdom"),
    ("Can Ukraine use US weapons in Russian border regions as of May 27, 2024?", "origin:United States",
     ["RU_BORDER"], date(2024, 5, 27), "United States"),
    ("Are Belgian F-16s allowed over Russia in 2024?", "F-16", ["RU_BORDER", "RU_DEEP"], date(2024, 12, 31),
     "Belgium"),
])
def test_parse_question(text, weapon, zones, day, donor):
    q = query.parse_question(text, today=TODAY)
    assert (q.weapon, q.zones, q.date, q.donor) == (weapon, zones, day, donor)


def test_pronoun_us_is_not_a_donor():
    q = query.parse_question("Tell us whether ATACMS may strike deep inside Russia", today=TODAY)
    assert q.donor is None and q.weapon == "ATACMS" and q.zones == ["RU_DEEP"]
    assert query.parse_question("Can the US let Kyiv use ATACMS in Crimea?", today=TODAY).donor == "United States"


def test_question_without_weapon_or_donor_is_a_usage_error():
    with pytest.raises(UsageError):
        query.parse_question("Is it allowed?", today=TODAY)
    with pytest.raises(UsageError):
        query.parse_question("   ")


def test_answer_question_without_donor_answers_for_every_donor(tmp_store):
    update(tmp_store, late_may_corpus(tmp_store))
    answers = query.answer_question(tmp_store, "Can Ukraine use ATACMS inside Russia as of 3 June 2024?")
    assert {(a.donor, a.zone, a.status) for a in answers} == {
        ("United States", "RU_BORDER", "restricted"), ("United States", "RU_DEEP", "restricted")}
