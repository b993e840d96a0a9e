"""Merging statements from several outlets into facts (redlines.kb.merge)."""

from __future__ import annotations

from datetime import date

from kb.factory import RU, doc, st
from redlines.kb.merge import merge_statements
from redlines.model import Zone

A = doc("Outlet A", date(2024, 5, 31))
B = doc("Outlet B", date(2024, 6, 1))
C = doc("Outlet C", date(2024, 6, 20))


def _merge(*sts):
    return merge_statements(list(enumerate(sts)))


def test_same_permission_from_two_outlets_is_one_fact_with_two_sources():
    facts = _merge(
        st(A, "use_permission", "United States", "HIMARS", (Zone.RU_BORDER,), "allow", date(2024, 5, 30)),
        st(B, "use_permission", "United States", "HIMARS", RU, "allow", date(2024, 5, 30), start=40),
    )
    assert len(facts) == 1
    f = facts[0]
    assert f.corroboration == 2 and len(f.evidence) == 2
    assert f.zones == ("RU_BORDER",)  # the narrower telling wins
    assert f.date_start == date(2024, 5, 30)


def test_same_outlet_twice_counts_once():
    other = doc("Outlet A", date(2024, 6, 1), "another text")
    facts = _merge(st(A, "transfer", "Norway", "NASAMS", action="deliver", on=date(2024, 5, 2)),
                   st(other, "transfer", "Norway", "NASAMS", action="deliver", on=date(2024, 5, 2)))
    assert len(facts) == 1 and facts[0].corroboration == 1


def test_undated_statements_merge_within_the_week_of_publication_only():
    same_week = _merge(st(A, "transfer", "Germany", "Taurus", action="refuse"),
                       st(B, "transfer", "Germany", "Taurus", action="refuse"))
    assert len(same_week) == 1 and same_week[0].dated_by_publication
    later = _merge(st(A, "transfer", "Germany", "Taurus", action="refuse"),
                   st(C, "transfer", "Germany", "Taurus", action="refuse"))
    assert len(later) == 2


def test_different_polarity_action_zones_or_firmness_stay_apart():
    base = dict(on=date(2024, 5, 30))
    facts = _merge(
        st(A, "use_permission", "France", "Storm Shadow", RU, "allow", **base),
        st(B, "use_permission", "France", "Storm Shadow", RU, "allow", polarity=False, **base),
        st(B, "use_permission", "France", "Storm Shadow", RU, "restrict", start=5, **base),
        st(B, "use_permission", "France", "Storm Shadow", (Zone.UA_OCCUPIED,), "allow", start=9, **base),
        st(B, "use_permission", "France", "Storm Shadow", RU, "allow", modality="planned", start=12, **base),
    )
    assert len(facts) == 5


def test_non_overlapping_dates_stay_apart():
    facts = _merge(st(A, "transfer", "Denmark", "F-16", action="deliver", on=date(2024, 5, 1)),
                   st(B, "transfer", "Denmark", "F-16", action="deliver", on=date(2024, 5, 20)))
    assert len(facts) == 2


def test_month_precision_overlaps_a_day_inside_it():
    facts = _merge(
        st(A, "transfer", "Sweden", "Archer", action="deliver", on=date(2024, 5, 1), precision="month"),
        st(B, "transfer", "Sweden", "Archer", action="deliver", on=date(2024, 5, 1)),
    )
    assert len(facts) == 1 and facts[0].precision == "day"


def test_fact_ids_do_not_depend_on_input_order():
    sts = [st(A, "transfer", "Norway", "NASAMS", action="deliver", on=date(2024, 5, 2)),
           st(B, "transfer", "Norway", "NASAMS", action="deliver", on=date(2024, 5, 2), start=3),
           st(C, "transfer", "Germany", "Taurus", action="refuse")]
    one = sorted((f.id, f.corroboration) for f in merge_statements(list(enumerate(sts))))
    two = sorted((f.id, f.corroboration) for f in merge_statements(list(enumerate(reversed(sts)))))
    assert one == two and len(one) == 2


def test_a_delivery_horizon_acts_on_its_decision_date():
    pledge = st(A, "transfer", "Belgium", "F-16", action="pledge", on=date(2028, 12, 31), precision="year",
                extra={"decided": {"start": "2024-05-28", "end": "2024-05-28", "precision": "day", "text": "Tuesday"}})
    (f,) = _merge(pledge)
    assert f.date_start == date(2024, 5, 28) and f.precision == "day"


def test_statements_without_any_date_merge_without_overflow():
    """Statements with no fact date and no publication date go through merging without an overflow
    (they cannot be placed in time, so each stays its own fact)."""
    from datetime import date as _date

    from redlines.kb.merge import merge_statements
    from redlines.model import DateInterval, Precision

    d = doc("Outlet U", _date(2024, 1, 1))
    undated = d.with_(published=d.published.__class__(None))
    a = st(undated, "transfer", "Germany", "Taurus", (), "refuse").with_(valid=DateInterval(None, None, Precision.UNKNOWN))
    b = a.with_(evidence=a.evidence.__class__(undated.id, 1, 50, 90, "Another sentence.", None, None))
    facts = merge_statements([(1, a), (2, b)])
    assert sorted(len(f.evidence) for f in facts) in ([1, 1], [2])
