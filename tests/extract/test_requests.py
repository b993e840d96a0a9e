"""request rules: Ukraine asks donors for permissions or weapons."""

from __future__ import annotations

from extract_testkit import of_type


def test_ukraine_asks_allies(run):
    st = of_type(run("Zelensky is asking his allies to allow strikes inside Russia."), "request")[0]
    assert st.actor == "Ukraine" and st.speaker == "Volodymyr Zelensky" and st.addressee == "allies"
    assert {z.value for z in st.zones} == {"RU_BORDER", "RU_DEEP"}


def test_addressee_actor_and_weapon(run):
    st = of_type(run("Kyiv asked Washington for more ATACMS."), "request")[0]
    assert (st.actor, st.addressee, str(st.weapon)) == ("Ukraine", "United States", "ATACMS")


def test_only_ukraine_or_a_donor_pressing_a_donor_requests(run):
    st = of_type(run("Germany asked France to send more artillery."), "request")[0]
    assert (st.actor, st.addressee) == ("Germany", "France")  # a donor pressing another donor
    assert of_type(run("Germany asked France about the weather."), "request") == []
    assert of_type(run("Asked if Kyiv wanted ATACMS, the minister declined to comment."), "request") == []


def test_russian_troops_massing_near_a_ukrainian_city_are_across_the_border(run):
    st = of_type(run("Kyiv has asked its allies for weeks to lift restrictions so that it can hit Russian troops "
                     "massing near Kharkiv."), "request")[0]
    assert {z.value for z in st.zones} == {"RU_BORDER"}
