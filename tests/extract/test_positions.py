"""position rules: support, urge, oppose, warn, one per actor."""

from __future__ import annotations

import pytest
from extract_testkit import of_type

CASES = [
    ("Stoltenberg urged NATO allies to lift restrictions on strikes inside Russia.", [("NATO", "urge")]),
    ("Ministers from Poland and Norway voiced support for the proposal.", [("Poland", "support"), ("Norway", "support")]),
    ("Putin warned of serious consequences if Western missiles hit Russia.", [("Russia", "warn")]),
    ("Macron said he was in favour of letting Ukraine hit military sites in Russia.", [("France", "support")]),
    ("Scholz opposes sending Taurus missiles to Ukraine.", [("Germany", "oppose")]),
    ("The Kremlin threatened retaliation against European targets.", [("Russia", "warn")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_position_paraphrases(run, text, expected):
    got = {(s.actor, s.action) for s in of_type(run(text), "position")}
    assert got == set(expected)


def test_person_is_speaker_and_state_is_actor(run):
    st = of_type(run("Macron said he was in favour of letting Ukraine hit military sites in Russia."), "position")[0]
    assert st.speaker == "Emmanuel Macron" and st.actor == "France" and st.topic


def test_should_allow_is_a_position_not_a_permission(run):
    out = run('"We should allow Ukraine to hit the bases from which the missiles are fired," Macron said.')
    assert of_type(out, "use_permission") == []
    st = of_type(out, "position")[0]
    assert (st.actor, st.action, st.speaker) == ("France", "support", "Emmanuel Macron")


def test_not_a_position(run):
    assert of_type(run("Each green light in favour of Ukraine was followed by threats."), "position") == []
    assert of_type(run("Berlin lets Kyiv hit Russian forces threatening Kharkiv."), "position") == []
    assert of_type(run("Cameron rejected reports that London had changed course."), "position") == []


def test_should_be_able_and_unknown_named_speaker(run):
    st = of_type(run("Macron said last month that Ukraine should be able to hit military bases inside Russia."),
                 "position")
    assert ("France", "support") in {(s.actor, s.action) for s in st}
    st = of_type(run("Opposition lawmaker Anna Kowalska urged Scholz to send Taurus missiles."), "position")
    assert [(s.actor, s.speaker, s.action) for s in st] == [(None, "Anna Kowalska", "urge")]


def test_people_close_to_someone_are_not_that_someone(run):
    assert of_type(run("Some senators close to Biden oppose the plan."), "position") == []
