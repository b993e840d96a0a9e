"""The red-line ledger from policy states (redlines.query.ledger)."""

from __future__ import annotations

from datetime import date

from kb.factory import RU, UA, add, doc, late_may_corpus, st
from redlines import query
from redlines.kb import update
from redlines.model import Zone


def _history(store):
    a = doc("Archive A", date(2023, 1, 30))
    b = doc("Archive B", date(2024, 6, 1))
    add(store, a, [
        st(a, "transfer", "Germany", "Leopard 2", action="refuse", on=date(2022, 9, 15), start=1),
        st(a, "transfer", "Germany", "Leopard 2", action="approve", on=date(2023, 1, 25), start=40),
        st(a, "use_permission", "United States", "United States", (Zone.UA_OCCUPIED,), "restrict",
           date(2022, 6, 1), kind="origin", start=80),
    ])
    add(store, b, [
        st(b, "use_permission", "United States", "United States", (Zone.UA_OCCUPIED,), "allow", date(2022, 8, 20),
           kind="origin", start=1),
        st(b, "use_permission", "United States", "United States", RU, "restrict", date(2024, 3, 1), kind="origin",
           start=40),
        st(b, "use_permission", "United States", "United States", (Zone.RU_BORDER,), "allow", date(2024, 5, 30),
           kind="origin", start=80),
    ])
    update(store, [a.id, b.id])


def test_removed_and_remaining_red_lines(tmp_store):
    _history(tmp_store)
    update(tmp_store, late_may_corpus(tmp_store))
    led = query.ledger(tmp_store, date(2024, 6, 3))
    removed = {(r.topic, r.donor, r.weapon, r.zone): r for r in led.removed}
    remaining = {(r.topic, r.donor, r.weapon, r.zone): r for r in led.remaining}
    leo = removed[("Leopard tanks", "Germany", "Leopard 2", "UA_HELD+UA_OCCUPIED")]
    assert leo.drawn == date(2022, 9, 15) and leo.removed == date(2023, 1, 25) and leo.evidence
    assert removed[("Crimea", "United States", "origin:United States", "UA_OCCUPIED")].removed == date(2022, 8, 20)
    border = removed[("Strikes in Russian border regions", "United States", "origin:United States", "RU_BORDER")]
    assert border.removed == date(2024, 5, 30) and {s.outlet for s in border.evidence} >= {"Daily C", "Archive B"}
    assert ("ATACMS in Russia", "United States", "ATACMS", "RU_BORDER+RU_DEEP") in remaining
    assert ("Taurus", "Germany", "Taurus", "UA_HELD+UA_OCCUPIED+RU_BORDER+RU_DEEP+OTHER") in remaining
    assert ("F-16s", "Belgium", "F-16", "RU_BORDER+RU_DEEP") in remaining
    assert remaining[("Taurus", "Germany", "Taurus", "UA_HELD+UA_OCCUPIED+RU_BORDER+RU_DEEP+OTHER")].status == \
        "not_supplied"


def test_as_of_before_a_removal_it_is_still_remaining(tmp_store):
    _history(tmp_store)
    led = query.ledger(tmp_store, date(2024, 5, 1))
    keys = {(r.topic, r.zone) for r in led.remaining}
    assert ("Strikes in Russia", "RU_BORDER+RU_DEEP") in keys  # same history in both zones: one line
    assert not any(r.topic.startswith("Strikes in Russia") for r in led.removed)
    early = query.ledger(tmp_store, date(2022, 1, 1))
    assert early.removed == [] and early.remaining == []


def test_ledger_to_dict_is_json_ready(tmp_store):
    _history(tmp_store)
    d = query.ledger(tmp_store, None).to_dict()
    assert d["as_of"] is None and isinstance(d["removed"][0]["drawn"], str)


def test_unlisted_topic_gets_a_generated_name(tmp_store):
    d = doc("Outlet Z", date(2024, 2, 1))
    add(tmp_store, d, [st(d, "use_permission", "Canada", "drone", (Zone.OTHER,), "restrict", date(2024, 2, 1),
                          kind="class")])
    update(tmp_store, [d.id])
    assert {r.topic for r in query.ledger(tmp_store).remaining} == {"class:drone in OTHER"}
    assert query.ledger(tmp_store).remaining[0].zone == "OTHER"


def test_confinement_red_line_is_one_entry_for_both_russian_zones(tmp_store):
    d = doc("Outlet Y", date(2024, 2, 1))
    add(tmp_store, d, [st(d, "use_permission", "Norway", "F-16", UA, "restrict", date(2024, 2, 1))])
    update(tmp_store, [d.id])
    lines = query.ledger(tmp_store).remaining
    assert [(r.topic, r.zone) for r in lines] == [("F-16s", "RU_BORDER+RU_DEEP")]


def test_a_later_class_permission_removes_a_system_red_line(tmp_store):
    """The ledger agrees with the as-of answers: a November permission for long-range missiles in the
    border region removes the May ATACMS red line there (and only there)."""
    from datetime import date as _d

    from kb.factory import RU, add, doc, st
    from redlines import query
    from redlines.kb import update
    from redlines.model import Zone

    may, nov = doc("Outlet M", _d(2024, 5, 20)), doc("Outlet N", _d(2024, 11, 18))
    ids = [add(tmp_store, may, [st(may, "use_permission", "United States", "ATACMS", RU, "restrict",
                                   _d(2024, 5, 20))]),
           add(tmp_store, nov, [st(nov, "use_permission", "United States", "long_range_missile",
                                   (Zone.RU_BORDER,), "allow", _d(2024, 11, 17), kind="class")])]
    update(tmp_store, ids)
    led = query.ledger(tmp_store, _d(2024, 12, 1))
    removed = [r for r in led.removed if r.weapon == "ATACMS"]
    assert [(r.zone, r.status, r.removed) for r in removed] == [("RU_BORDER", "permitted", _d(2024, 11, 17))]
    assert {s.outlet for s in removed[0].evidence} == {"Outlet M", "Outlet N"}
    assert any(r.weapon == "ATACMS" and r.zone == "RU_DEEP" for r in led.remaining)
    assert not [r for r in query.ledger(tmp_store, _d(2024, 6, 1)).removed if r.weapon == "ATACMS"]
