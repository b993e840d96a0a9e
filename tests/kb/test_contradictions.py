"""Source disagreements are flagged with both sides (redlines.kb.contradictions)."""

from __future__ import annotations

from datetime import date

from kb.factory import RU, add, doc, st
from redlines import query
from redlines.kb import update

A = doc("Outlet A", date(2024, 5, 31))
B = doc("Outlet B", date(2024, 6, 2))


def _warning(d, on, start=0, words="threatened harsh retaliation if Western missiles hit Russian cities"):
    return st(d, "position", "Russia", None, (), "warn", on, speaker="Vladimir Putin", start=start,
              sentence=f"Putin {words}")


def test_same_speech_dated_differently_by_two_outlets_is_a_contradiction(tmp_store):
    ids = [add(tmp_store, A, [_warning(A, date(2024, 5, 28))]),
           add(tmp_store, B, [_warning(B, date(2024, 5, 29), words="said Western missiles hitting Russian cities "
                                                                  "would bring harsh retaliation")])]
    update(tmp_store, ids)
    found = query.contradictions(tmp_store)
    assert [c.field for c in found] == ["date"]
    c = found[0]
    assert sorted(c.values) == ["2024-05-28", "2024-05-29"]
    assert {s.outlet for s in c.sources} == {"Outlet A", "Outlet B"}
    assert {s.fact_date for s in c.sources} == {date(2024, 5, 28), date(2024, 5, 29)}
    # shown on the fact too, never silently resolved: both facts remain
    assert len(query.fact(tmp_store, c.fact_ids[0]).contradictions) == 1
    assert len(query.facts(tmp_store)) == 2


def test_change_over_time_is_not_a_contradiction(tmp_store):
    ids = [add(tmp_store, A, [
        st(A, "position", "United States", None, (), "oppose", date(2024, 5, 28), topic="strikes in Russia",
           sentence="Washington remained wary of strikes in Russia"),
        st(A, "use_permission", "United States", "United States", RU, "restrict", date(2024, 5, 28), kind="origin",
           start=50),
    ]), add(tmp_store, B, [
        st(B, "position", "United States", None, (), "support", date(2024, 5, 31), topic="strikes in Russia",
           sentence="Washington now backs strikes in Russia"),
        st(B, "use_permission", "United States", "United States", RU, "allow", date(2024, 5, 31), kind="origin",
           start=50),
    ])]
    update(tmp_store, ids)
    assert query.contradictions(tmp_store) == []


def test_unrelated_statements_by_the_same_speaker_on_nearby_days_are_not_flagged(tmp_store):
    ids = [add(tmp_store, A, [_warning(A, date(2024, 5, 28))]),
           add(tmp_store, B, [st(B, "position", "Russia", None, (), "warn", date(2024, 5, 30),
                                 speaker="Vladimir Putin", sentence="Putin spoke about grain exports and farm prices")])]
    update(tmp_store, ids)
    assert query.contradictions(tmp_store) == []


def test_quantity_and_money_disagreements_are_flagged(tmp_store):
    ids = [add(tmp_store, A, [st(A, "transfer", "Belgium", "F-16", action="pledge", on=date(2024, 5, 28),
                                 quantity=30)]),
           add(tmp_store, B, [st(B, "transfer", "Belgium", "F-16", action="pledge", on=date(2024, 5, 28),
                                 quantity=32)])]
    update(tmp_store, ids)
    found = query.contradictions(tmp_store)
    assert [(c.field, sorted(c.values)) for c in found] == [("quantity", [30, 32])]


def test_same_date_status_disagreement_is_flagged(tmp_store):
    ids = [add(tmp_store, A, [st(A, "use_permission", "France", "Caesar", RU, "allow", date(2024, 5, 30))]),
           add(tmp_store, B, [st(B, "use_permission", "France", "Caesar", RU, "restrict", date(2024, 5, 30))])]
    update(tmp_store, ids)
    fields = [c.field for c in query.contradictions(tmp_store)]
    assert fields == ["status"]
    assert query.ask(tmp_store, "France", "Caesar", "RU_DEEP", "2024-06-01").status == "contested"
