"""attack rules: attacker, place, zones, weapon, casualties."""

from __future__ import annotations

from extract_testkit import of_type

from redlines.model import Zone


def test_russian_strike_with_casualties(run):
    st = of_type(run("A Russian missile strike on a market in Kharkiv killed at least 12 people."), "attack")[0]
    assert (st.actor, st.place, st.zones) == ("Russia", "Kharkiv", (Zone.UA_HELD,))
    assert st.casualties == {"killed": 12}


def test_ukrainian_strike_with_donated_system(run):
    st = of_type(run("ATACMS missiles destroyed a ferry near Sevastopol."), "attack")[0]
    assert (st.actor, str(st.weapon), st.zones) == ("Ukraine", "ATACMS", (Zone.UA_OCCUPIED,))


def test_hypothetical_and_gerund_are_not_attacks(run):
    assert of_type(run("Ukraine could strike Belgorod if it had longer-range weapons."), "attack") == []
    assert of_type(run("Stoltenberg spoke about hitting targets in Russia."), "attack") == []


def test_word_numbers(run):
    st = of_type(run("Russia shelled Kharkiv on Sunday, killing seven civilians."), "attack")[0]
    assert st.actor == "Russia" and st.casualties.get("killed") == 7


def test_weapon_of_the_using_verb(run):
    st = of_type(run("Ukraine used ATACMS to strike an arsenal in Belgorod."), "attack")[0]
    assert (st.actor, str(st.weapon), st.place, st.zones) == ("Ukraine", "ATACMS", "Belgorod", (Zone.RU_BORDER,))


def test_the_country_is_the_previous_subject(run):
    st = of_type(run("Ukraine has shelled border towns for months. The country routinely hits Belgorod."), "attack")
    assert ("Ukraine", "Belgorod") in {(s.actor, s.place) for s in st}


def test_fired_missiles_into_russia(run):
    st = of_type(run("Ukraine fired Storm Shadow missiles into Russia on Wednesday."), "attack")[0]
    assert (st.actor, str(st.weapon), set(st.zones)) == ("Ukraine", "Storm Shadow", {Zone.RU_BORDER, Zone.RU_DEEP})


def test_used_against_with_pronoun_and_two_attacks_in_one_sentence(run):
    st = of_type(run("Washington shipped ATACMS in March, and Ukrainian forces used them against an airfield in "
                     "Crimea."), "attack")[0]
    assert (st.actor, str(st.weapon), st.zones) == ("Ukraine", "ATACMS", (Zone.UA_OCCUPIED,))
    got = of_type(run("Ukraine fired Storm Shadow missiles at targets inside Russia, a day after Kyiv used ATACMS "
                      "to strike an arsenal in Belgorod, people familiar with the matter said."), "attack")
    rows = {(str(s.weapon), frozenset(s.zones), s.modality.value) for s in got}
    assert ("Storm Shadow", frozenset({Zone.RU_BORDER, Zone.RU_DEEP}), "reported") in rows
    assert ("ATACMS", frozenset({Zone.RU_BORDER}), "reported") in rows


def test_passive_use_of_the_weapon_named_before_and_located_place(run):
    text = ("Britain, which began supplying Storm Shadow missiles last year, has never placed Crimea off-limits, "
            "and the missile was used against the headquarters of the Black Sea Fleet in Sevastopol.")
    st = of_type(run(text), "attack")[0]
    assert (st.actor, str(st.weapon), st.place, st.zones) == ("Ukraine", "Storm Shadow", "Sevastopol",
                                                              (Zone.UA_OCCUPIED,))
    perm = of_type(run(text), "use_permission")[0]
    assert perm.zones == (Zone.UA_OCCUPIED,)  # the coordinated clause's places are not the permission's


def test_trailing_sources_make_it_reported(run):
    st = of_type(run("Ukraine fired Storm Shadow missiles into Russia, two people familiar with the matter said."),
                 "attack")[0]
    assert st.modality.value == "reported"
