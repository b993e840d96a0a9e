"""use_permission rules on paraphrases written for these tests (never the seeds' wording)."""

from __future__ import annotations

import pytest
from extract_testkit import of_type

from redlines.model import Modality, WeaponRef, Zone

RU = {Zone.RU_BORDER, Zone.RU_DEEP}
B, D, OCC = {Zone.RU_BORDER}, {Zone.RU_DEEP}, {Zone.UA_OCCUPIED}
UA = {Zone.UA_HELD, Zone.UA_OCCUPIED}
SYS = lambda x: WeaponRef("system", x)
ORIGIN = lambda x: WeaponRef("origin", x)
CONF, HYP, PLAN, DEN, REP = (Modality.CONFIRMED, Modality.HYPOTHETICAL, Modality.PLANNED, Modality.DENIED,
                             Modality.REPORTED)

# (text, [(actor, weapon, zones, action, polarity, modality)])
CASES = [
    ("On Monday, Britain gave Ukraine the green light to fire Storm Shadow missiles at targets on Russian soil.",
     [("United Kingdom", SYS("Storm Shadow"), RU, "allow", True, CONF)]),
    ("France has authorised Kyiv to use SCALP missiles against military sites inside Russia.",
     [("France", SYS("SCALP"), RU, "allow", True, CONF)]),
    ("The Dutch government lifted restrictions on the use of its F-16s inside Russia.",
     [("Netherlands", SYS("F-16"), RU, "allow", True, CONF)]),
    ("Washington has allowed Kyiv to strike Kursk with ATACMS.",
     [("United States", SYS("ATACMS"), B, "allow", True, CONF)]),
    ("Ukraine has been allowed by Washington to use ATACMS against troops in Kursk.",
     [("United States", SYS("ATACMS"), B, "allow", True, CONF)]),
    ("Germany still refuses to allow Ukraine to fire German weapons deep into Russia.",
     [("Germany", ORIGIN("Germany"), D, "restrict", True, CONF)]),
    ("The Pentagon kept the ban on using ATACMS deep inside Russia.",
     [("United States", SYS("ATACMS"), D, "restrict", True, CONF)]),
    ("The US continues to prohibit Ukraine from firing ATACMS into Russia.",
     [("United States", SYS("ATACMS"), RU, "restrict", True, CONF)]),
    ("Britain was not ready to let Ukraine use Storm Shadow missiles inside Russia.",
     [("United Kingdom", SYS("Storm Shadow"), RU, "restrict", True, CONF)]),
    ("Berlin did not approve the use of Taurus missiles on Russian soil.",
     [("Germany", SYS("Taurus"), RU, "allow", False, CONF)]),
    ("Paris would allow Ukraine to strike Russian territory with SCALP missiles if the war escalated.",
     [("France", SYS("SCALP"), RU, "allow", True, HYP)]),
    ("Germany is considering allowing Ukraine to use its Taurus missiles inside Russia.",
     [("Germany", SYS("Taurus"), RU, "allow", True, PLAN)]),
    ("London denied reports that it had authorised strikes with Storm Shadow missiles inside Russia.",
     [("United Kingdom", SYS("Storm Shadow"), RU, "allow", True, DEN)]),
    ("Belgian officials said the F-16s they deliver are meant to be used only on Ukrainian territory.",
     [("Belgium", SYS("F-16"), RU, "restrict", True, REP), ("Belgium", SYS("F-16"), UA, "allow", True, REP)]),
    ("Norway said its weapons must only be used on Ukrainian soil.",
     [("Norway", ORIGIN("Norway"), RU, "restrict", True, CONF), ("Norway", ORIGIN("Norway"), UA, "allow", True, CONF)]),
    ("Rutte said the Netherlands would allow Ukraine to use Dutch F-16s inside Russia.",
     [("Netherlands", SYS("F-16"), RU, "allow", True, CONF)]),
    ("Washington gave Kyiv permission to use HIMARS against military targets across the border.",
     [("United States", SYS("HIMARS"), B, "allow", True, CONF)]),
    ("The United States and Britain approved the use of long-range missiles against targets inside Russia.",
     [("United States", WeaponRef("class", "long_range_missile"), RU, "allow", True, CONF),
      ("United Kingdom", WeaponRef("class", "long_range_missile"), RU, "allow", True, CONF)]),
    ("Sunak lifted the veto on British weapons being used against targets inside Russia.",
     [("United Kingdom", ORIGIN("United Kingdom"), RU, "allow", True, CONF)]),
    ("Biden authorised Ukraine to use ATACMS against Russian troops in Kursk, US officials said.",
     [("United States", SYS("ATACMS"), B, "allow", True, REP)]),
    ("According to the newspaper, Berlin has permitted Ukraine to fire German weapons across the border.",
     [("Germany", ORIGIN("Germany"), B, "allow", True, REP)]),
    ("Scholz refused to allow Taurus missiles to be used against Russian territory.",
     [("Germany", SYS("Taurus"), RU, "restrict", True, CONF)]),
    ("Washington has given Kyiv the go-ahead to use ATACMS in occupied Crimea.",
     [("United States", SYS("ATACMS"), OCC, "allow", True, CONF)]),
    ("Paris gave its approval for SCALP strikes on Russian soil.",
     [("France", SYS("SCALP"), RU, "allow", True, CONF)]),
    (("The Pentagon approved strikes with HIMARS inside Russia. "
      "Those strikes are to be confined to the border region around Kharkiv, officials said."),
     [("United States", SYS("HIMARS"), B, "allow", True, CONF),
      ("United States", ORIGIN("United States"), B, "allow", True, REP),
      ("United States", ORIGIN("United States"), D, "restrict", True, REP)]),
    ("Italian weapons cannot be used on Russian territory, the Italian foreign minister said.",
     [("Italy", ORIGIN("Italy"), RU, "restrict", True, CONF)]),
    ("Norway imposes no restrictions on how Ukraine uses Norwegian weapons against targets in Russia.",
     [("Norway", ORIGIN("Norway"), RU, "allow", True, CONF)]),
    ("Poland has not placed any restrictions on the use of its weapons inside Russia.",
     [("Poland", ORIGIN("Poland"), RU, "allow", True, CONF)]),
    ("Germany does not allow its weapons to be used against targets inside Russia.",
     [("Germany", ORIGIN("Germany"), RU, "restrict", True, CONF)]),
    ("Washington has not given permission for ATACMS to be fired into Russia, a spokesman said.",
     [("United States", SYS("ATACMS"), RU, "restrict", True, CONF)]),
    ("Sunak said Ukraine had the right to use Storm Shadow missiles as it saw fit.",
     [("United Kingdom", SYS("Storm Shadow"), set(), "allow", True, CONF)]),
    ("The Dutch minister said the Netherlands had attached no conditions to the use of its F-16s.",
     [("Netherlands", SYS("F-16"), set(), "allow", True, CONF)]),
    ("Washington has reportedly allowed Kyiv to strike Kursk with ATACMS.",
     [("United States", SYS("ATACMS"), B, "allow", True, REP)]),
    ("Britain is expected to allow Ukraine to use Storm Shadow missiles inside Russia next week.",
     [("United Kingdom", SYS("Storm Shadow"), RU, "allow", True, PLAN)]),
    ("The US may soon allow Ukraine to use ATACMS inside Russia.",
     [("United States", SYS("ATACMS"), RU, "allow", True, HYP)]),
    ("Both Paris and London on Thursday cleared Ukraine to use Western weapons to hit targets inside Russia.",
     [("France", ORIGIN("France"), RU, "allow", True, CONF),
      ("United Kingdom", ORIGIN("United Kingdom"), RU, "allow", True, CONF)]),
]

# sentences that must yield no use_permission
NOTHING = [
    "Asked whether Washington might let Kyiv use ATACMS inside Russia, Austin declined to answer.",
    "Pressure had been mounting on Scholz to approve allowing strikes inside Russia.",
    "Stoltenberg urged allies to allow Ukraine to use their weapons inside Russia.",
    "Britain approved the transfer of Storm Shadow missiles to Ukraine.",
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_permission_paraphrases(run, text, expected):
    got = of_type(run(text), "use_permission")
    rows = {(s.actor, s.weapon, frozenset(s.zones), s.action, s.polarity, s.modality) for s in got}
    for actor, weapon, zones, action, polarity, modality in expected:
        assert (actor, weapon, frozenset(zones), action, polarity, modality) in rows, rows
    assert len(got) == len(expected), rows


@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_no_permission(run, text):
    assert of_type(run(text), "use_permission") == []


LIMITS = [
    (("Britain supplied Storm Shadow missiles last year. London had let Ukraine fire the missiles only on "
      "Ukrainian territory."), "United Kingdom", SYS("Storm Shadow"), [("allow", UA), ("restrict", RU)]),
    ("Britain sent Storm Shadow missiles. Washington sent ATACMS. London let Ukraine fire the missiles at Crimea.",
     "United Kingdom", SYS("Storm Shadow"), [("allow", OCC)]),
    (("The Netherlands delivered F-16s in June. Rutte said Ukraine was free to use the jets against military "
      "targets inside Russia."), "Netherlands", SYS("F-16"), [("allow", RU)]),
    ("Paris has never placed Crimea off-limits for SCALP missiles.", "France", SYS("SCALP"), [("allow", OCC)]),
    ("Germany did not ban the use of its weapons inside Russia.", "Germany", ORIGIN("Germany"), [("allow", RU)]),
    ("The Dutch government will not impose geographic restrictions on its F-16s.", "Netherlands", SYS("F-16"),
     [("allow", set())]),
    (("Germany allowed Ukraine to use its weapons inside Russia. The permission was limited to the border region "
      "near Kharkiv."), "Germany", ORIGIN("Germany"), [("allow", B), ("restrict", D)]),
    ("Washington backs Kyiv. For now, the ban on HIMARS strikes inside Russia remains in force.", "United States",
     SYS("HIMARS"), [("restrict", RU)]),
]


@pytest.mark.parametrize("text,actor,weapon,expected", LIMITS, ids=[c[0][:40] for c in LIMITS])
def test_limits_anaphora_and_negated_restrictions(run, text, actor, weapon, expected):
    got = {(s.action, frozenset(s.zones)) for s in of_type(run(text), "use_permission")
           if s.actor == actor and s.weapon == weapon}
    assert {(a, frozenset(z)) for a, z in expected} <= got, got


def test_no_attack_in_a_ban(run):
    assert of_type(run("Washington backs Kyiv. For now, the ban on HIMARS strikes inside Russia remains."), "attack") == []


def test_date_and_confidence(run):
    fri = {"on Friday": ("2024-05-31", "2024-05-31", "day")}
    dated = of_type(run("Germany on Friday allowed Ukraine to use its missiles inside Russia.", fri), "use_permission")
    undated = of_type(run("Germany allowed Ukraine to use its missiles inside Russia."), "use_permission")
    assert dated[0].valid.start.isoformat() == "2024-05-31" and dated[0].valid.precision.value == "day"
    assert undated[0].valid.precision.value == "unknown" and undated[0].confidence < dated[0].confidence


def test_target_type_and_recipient(run):
    st = of_type(run("Washington allowed Ukraine to hit ammunition depots and other military targets "
                     "across the border with HIMARS."), "use_permission")[0]
    assert st.target_type == "military" and st.recipient == "Ukraine"
    assert st.evidence.start_char == 0 and st.evidence.sentence.startswith("Washington")


def test_unparsed_sentence_is_parsed_when_an_nlp_is_given(nlp):
    from dataclasses import replace

    from extract_testkit import parsed_doc

    from redlines.extract import RuleExtractor

    pd = parsed_doc(nlp, "Washington allowed Kyiv to strike Kursk with ATACMS.")
    pd.sentences = [replace(s, parse=None, candidate=False) for s in pd.sentences]
    assert RuleExtractor(None).extract(pd) == []
    got = of_type(RuleExtractor(None, nlp=nlp).extract(pd), "use_permission")
    assert got and got[0].actor == "United States"


def test_until_now_states_end_before_the_change(run):
    out = of_type(run("Until this week, Washington had allowed ATACMS to be fired only on Ukrainian territory."),
                  "use_permission")
    assert out and all(s.extra.get("ended") and s.valid.start.isoformat() == "2024-05-25" for s in out)


def test_russian_forces_attacking_a_ukrainian_region_are_across_the_border(run):
    st = of_type(run("Biden approved the use of American weapons against Russian troops attacking the Kharkiv "
                     "region."), "use_permission")[0]
    assert st.zones == (Zone.RU_BORDER,)


def test_date_of_another_clause_is_not_the_fact_date(run):
    dates = {"in September 2023": ("2023-09-01", "2023-09-30", "month")}
    st = of_type(run("Paris has never placed Crimea off-limits for SCALP missiles, and the missile was used in "
                     "September 2023 against a base in Sevastopol.", dates), "use_permission")[0]
    assert st.valid.precision.value == "unknown" and st.zones == (Zone.UA_OCCUPIED,)


def test_hypothetical_widening_and_loosening_keep_the_donor_of_the_previous_sentence(run):
    for text in ("Washington backs Kyiv. Officials said the permission could be widened to other parts of Russia.",
                 "Washington backs Kyiv. The restriction could be loosened if the offensive grows."):
        st = of_type(run(text), "use_permission")
        assert st and st[0].actor == "United States" and st[0].modality == Modality.HYPOTHETICAL, text


def test_denied_report_of_a_permission(run):
    st = of_type(run("Lammy rejected reports that London had already given Kyiv permission to fire Storm Shadow "
                     "missiles into Russia."), "use_permission")[0]
    assert (st.actor, st.modality, st.weapon) == ("United Kingdom", Modality.DENIED, SYS("Storm Shadow"))
