"""transfer rules on paraphrases: deliveries, pledges, refusals, withholdings, approvals, money."""

from __future__ import annotations

import pytest
from extract_testkit import of_type

from redlines.model import Modality, WeaponRef

SYS = lambda x: WeaponRef("system", x)

# (text, [(actor, weapon, action)])
CASES = [
    ("Berlin is still holding back its Taurus cruise missiles.", [("Germany", SYS("Taurus"), "withhold")]),
    ("Scholz continues to rule out sending Taurus missiles to Kyiv.", [("Germany", SYS("Taurus"), "refuse")]),
    ("Germany still refuses to supply Taurus missiles to Ukraine.", [("Germany", SYS("Taurus"), "refuse")]),
    ("Norway on Monday pledged to deliver six F-16 jets to Ukraine by 2026.", [("Norway", SYS("F-16"), "pledge")]),
    ("Washington sent HIMARS launchers to Ukraine last summer.", [("United States", SYS("HIMARS"), "deliver")]),
    ("The Netherlands has promised to send 24 F-16s to Kyiv.", [("Netherlands", SYS("F-16"), "pledge")]),
    ("Berlin authorised the transfer of Leopard tanks in January 2023.", [("Germany", SYS("Leopard 2"), "approve")]),
    ("Britain will not send Storm Shadow missiles to Ukraine, Cameron said.",
     [("United Kingdom", SYS("Storm Shadow"), "refuse")]),
    ("London refused to send more Storm Shadow missiles but delivered drones.",
     [("United Kingdom", SYS("Storm Shadow"), "refuse"), ("United Kingdom", WeaponRef("class", "drone"), "deliver")]),
    ("Ukraine received F-16s from Denmark and Norway.",
     [("Denmark", SYS("F-16"), "deliver"), ("Norway", SYS("F-16"), "deliver")]),
    ("A Patriot battery donated by Germany arrived in Ukraine.", [("Germany", SYS("Patriot"), "deliver")]),
    ("Germany has no plans to deliver Taurus missiles.", [("Germany", SYS("Taurus"), "refuse")]),
    ("Scholz defended his refusal to supply Taurus missiles.", [("Germany", SYS("Taurus"), "refuse")]),
    ("Rutte said the 24 F-16s his country has promised to deliver would arrive soon.",
     [("Netherlands", SYS("F-16"), "pledge")]),
    ("Biden approved the delivery of ATACMS to Ukraine.", [("United States", SYS("ATACMS"), "approve")]),
    ("Kyiv wants Taurus missiles. Berlin has so far declined to send the weapon.", [("Germany", SYS("Taurus"), "refuse")]),
    ("Scholz had refused for weeks to supply Leopard tanks. Then Berlin approved these tanks in January 2023.",
     [("Germany", SYS("Leopard 2"), "refuse"), ("Germany", SYS("Leopard 2"), "approve")]),
]

NOTHING = [
    "Britain gave Ukraine the green light to use Storm Shadow missiles inside Russia.",
    "Zelensky asked Washington to send more HIMARS.",
    "When we have delivered weapons, they belong to Ukraine.",
    "Germany has delivered many weapons to Ukraine.",
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_transfer_paraphrases(run, text, expected):
    got = of_type(run(text), "transfer")
    rows = {(s.actor, s.weapon, s.action) for s in got}
    for row in expected:
        assert row in rows, rows
    assert len(got) == len(expected), rows


@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_no_transfer(run, text):
    assert of_type(run(text), "transfer") == []


def test_pledge_quantity_and_horizon(run):
    dates = {"On Tuesday": ("2024-05-28", "2024-05-28", "day"), "by 2026": ("2024-05-28", "2026-12-31", "year")}
    st = of_type(run("On Tuesday the Danish government promised to hand over 19 F-16 jets to Kyiv by 2026.", dates),
                 "transfer")[0]
    assert (st.actor, st.weapon, st.action, st.quantity, st.recipient) == ("Denmark", SYS("F-16"), "pledge", 19,
                                                                            "Ukraine")
    assert st.valid.end.isoformat() == "2026-12-31"  # the delivery horizon
    assert st.extra["decided"]["start"] == "2024-05-28"  # the decision date


def test_money_pledge(run):
    st = of_type(run("Lisbon announced it would provide Ukraine with at least €90 million ($98 million) in "
                     "military assistance."), "transfer")[0]
    assert st.actor == "Portugal" and st.action == "pledge" and st.weapon is None
    assert st.money.amount == 90e6 and st.money.currency == "EUR" and st.money.usd == 98e6
    assert st.money.qualifier == "at least"


def test_reported_transfer(run):
    st = of_type(run("Germany delivered Patriot missiles to Kyiv, according to the newspaper."), "transfer")[0]
    assert st.modality == Modality.REPORTED and st.attribution.startswith("according to")


def test_pairs_donors_with_their_own_systems(run):
    got = of_type(run("Britain and France have been supplying Storm Shadow missiles while the US sent ATACMS."),
                  "transfer")
    rows = {(s.actor, s.weapon.id) for s in got}
    assert ("United Kingdom", "Storm Shadow") in rows and ("United States", "ATACMS") in rows


def test_quantity_ignores_the_number_in_a_name(run):
    st = of_type(run("Washington agreed to provide Ukraine with 31 Abrams tanks."), "transfer")[0]
    assert (st.weapon, st.quantity, st.action) == (SYS("Abrams"), 31, "pledge")
    st = of_type(run("Britain sent Challenger 2 tanks to Ukraine."), "transfer")[0]
    assert (st.weapon, st.quantity) == (SYS("Challenger 2"), None)


def test_recipient_other_than_ukraine(run):
    st = of_type(run("Germany sent Leopard tanks to Poland."), "transfer")[0]
    assert (st.actor, st.recipient) == ("Germany", "Poland")
    st = of_type(run("Germany sent Leopard tanks to Kyiv."), "transfer")[0]
    assert st.recipient == "Ukraine"


def test_money_object_and_partitive_quantity(run):
    st = of_type(run("Britain announced an extra 300 million pounds for Ukraine."), "transfer")[0]
    assert (st.actor, st.action, st.money.amount, st.money.currency) == ("United Kingdom", "pledge", 300e6, "GBP")
    out = of_type(run("Denmark said it would send F-16s. Norway has pledged six of the jets."), "transfer")
    st = next(s for s in out if s.actor == "Norway")
    assert (st.weapon, st.quantity, st.action) == (SYS("F-16"), 6, "pledge")


def test_conditional_transfer_is_kept_as_hypothetical(run):
    got = of_type(run("Germany could send Taurus missiles if the war escalated."), "transfer")
    assert [(s.actor, str(s.weapon), s.modality.value) for s in got] == [("Germany", "Taurus", "hypothetical")]
