"""Policy timelines per (donor, weapon level, zone) (redlines.kb.policy)."""

from __future__ import annotations

from datetime import date

from kb.factory import RU, UA, doc, st
from redlines.kb.merge import merge_statements
from redlines.kb.policy import donor_timelines
from redlines.model import Zone

A = doc("Outlet A", date(2024, 1, 10))
B = doc("Outlet B", date(2024, 5, 31))
C = doc("Outlet C", date(2024, 6, 2))


def _states(donor, *sts):
    facts = merge_statements(list(enumerate(sts)))
    states, conflicts = donor_timelines(donor, facts)
    return {(s.weapon_id, s.zone, s.valid_from): s for s in states}, conflicts


def _at(states, weapon, zone, day):
    found = [s for (w, z, _), s in states.items() if w == weapon and z == zone and s.valid_from <= day
             and (s.valid_to is None or s.valid_to > day)]
    return found[0].status if found else "unknown"


def test_a_later_fact_replaces_an_earlier_one():
    states, _ = _states("Netherlands",
                        st(A, "use_permission", "Netherlands", "F-16", RU, "restrict", date(2024, 1, 10)),
                        st(B, "use_permission", "Netherlands", "F-16", RU, "allow", date(2024, 5, 30)))
    assert _at(states, "F-16", "RU_DEEP", date(2024, 3, 1)) == "restricted"
    assert _at(states, "F-16", "RU_DEEP", date(2024, 6, 1)) == "permitted"
    assert _at(states, "F-16", "RU_DEEP", date(2023, 12, 1)) == "unknown"


def test_planned_hypothetical_and_denied_facts_do_not_change_state():
    states, _ = _states("Italy",
                        st(A, "use_permission", "Italy", "Storm Shadow", RU, "restrict", date(2024, 1, 10)),
                        st(B, "use_permission", "Italy", "Storm Shadow", RU, "allow", date(2024, 5, 30),
                           modality="planned"),
                        st(B, "use_permission", "Italy", "Storm Shadow", RU, "allow", date(2024, 5, 30),
                           modality="hypothetical", start=20),
                        st(C, "use_permission", "Italy", "Storm Shadow", RU, "allow", date(2024, 6, 1),
                           modality="denied"))
    assert _at(states, "Storm Shadow", "RU_BORDER", date(2024, 6, 5)) == "restricted"


def test_reported_fact_changes_state():
    states, _ = _states("Italy", st(B, "use_permission", "Italy", "Storm Shadow", RU, "allow", date(2024, 5, 30),
                                    modality="reported"))
    assert _at(states, "Storm Shadow", "RU_BORDER", date(2024, 6, 5)) == "permitted"


def test_at_the_same_date_the_narrower_zone_statement_wins_for_its_zone():
    states, conflicts = _states(
        "United States",
        st(B, "use_permission", "United States", "HIMARS", (Zone.RU_BORDER,), "allow", date(2024, 5, 30)),
        st(C, "use_permission", "United States", "HIMARS", RU, "restrict", date(2024, 5, 30)))
    assert _at(states, "HIMARS", "RU_BORDER", date(2024, 6, 1)) == "permitted"
    assert _at(states, "HIMARS", "RU_DEEP", date(2024, 6, 1)) == "restricted"
    assert not conflicts


def test_equally_specific_disagreement_is_contested_until_a_later_fact():
    states, conflicts = _states(
        "France",
        st(B, "use_permission", "France", "Caesar", RU, "allow", date(2024, 5, 30)),
        st(C, "use_permission", "France", "Caesar", RU, "restrict", date(2024, 5, 30)),
        st(C, "use_permission", "France", "Caesar", RU, "allow", date(2024, 6, 10), start=50))
    assert _at(states, "Caesar", "RU_BORDER", date(2024, 6, 1)) == "contested"
    assert _at(states, "Caesar", "RU_BORDER", date(2024, 6, 11)) == "permitted"
    assert conflicts and set(conflicts[0].statuses) == {"permitted", "restricted"}


def test_delivery_implies_permission_in_ukraine_only():
    states, _ = _states("Poland", st(A, "transfer", "Poland", "Krab", action="deliver", on=date(2024, 1, 10)))
    assert _at(states, "Krab", "UA_HELD", date(2024, 2, 1)) == "permitted"
    assert _at(states, "Krab", "UA_OCCUPIED", date(2024, 2, 1)) == "permitted"
    assert _at(states, "Krab", "RU_BORDER", date(2024, 2, 1)) == "unknown"


def test_explicit_restriction_beats_a_later_delivery():
    states, _ = _states("United States",
                        st(A, "use_permission", "United States", "ATACMS", (Zone.UA_OCCUPIED,), "restrict",
                           date(2024, 1, 10)),
                        st(B, "transfer", "United States", "ATACMS", action="deliver", on=date(2024, 4, 1)))
    assert _at(states, "ATACMS", "UA_OCCUPIED", date(2024, 5, 1)) == "restricted"
    assert _at(states, "ATACMS", "UA_HELD", date(2024, 5, 1)) == "permitted"


def test_refusal_is_not_supplied_everywhere_until_delivered():
    states, _ = _states("Germany",
                        st(A, "transfer", "Germany", "Taurus", action="refuse", on=date(2024, 1, 10)),
                        st(C, "transfer", "Germany", "Taurus", action="deliver", on=date(2024, 6, 1)))
    for z in ("UA_HELD", "RU_DEEP", "OTHER"):
        assert _at(states, "Taurus", z, date(2024, 3, 1)) == "not_supplied"
    assert _at(states, "Taurus", "UA_HELD", date(2024, 6, 2)) == "permitted"
    assert _at(states, "Taurus", "RU_DEEP", date(2024, 6, 2)) == "unknown"


def test_restriction_to_ukrainian_territory_bars_russia():
    states, _ = _states("Belgium", st(A, "use_permission", "Belgium", "F-16", UA, "restrict", date(2024, 1, 10)))
    assert _at(states, "F-16", "RU_BORDER", date(2024, 2, 1)) == "restricted"
    assert _at(states, "F-16", "RU_DEEP", date(2024, 2, 1)) == "restricted"
    assert _at(states, "F-16", "UA_HELD", date(2024, 2, 1)) == "permitted"


def test_only_the_donors_own_facts_and_ukraine_as_recipient_count():
    states, _ = _states("United States",
                        st(A, "use_permission", "Germany", "HIMARS", RU, "allow", date(2024, 1, 10)),
                        st(A, "transfer", "United States", "HIMARS", action="deliver", on=date(2024, 1, 10),
                           recipient="Taiwan", start=9))
    assert states == {}


def test_equal_statuses_extend_the_interval_and_collect_support():
    states, _ = _states("United States",
                        st(B, "use_permission", "United States", "HIMARS", (Zone.RU_BORDER,), "allow", date(2024, 5, 30)),
                        st(C, "use_permission", "United States", "HIMARS", (Zone.RU_BORDER,), "allow", date(2024, 6, 2)))
    border = [s for s in states.values() if s.zone == "RU_BORDER"]
    assert len(border) == 1 and border[0].valid_from == date(2024, 5, 30) and len(border[0].support_ids) == 2
