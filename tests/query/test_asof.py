"""As-of answers with specificity, aliases and evidence (redlines.query.asof)."""

from __future__ import annotations

from datetime import date

import pytest

from kb.factory import RU, add, doc, late_may_corpus, st
from redlines import query
from redlines.errors import UsageError
from redlines.kb import Store, update
from redlines.model import Zone

JUNE3, MAY27 = date(2024, 6, 3), date(2024, 5, 27)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """One read-only store for the module's questions."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('asof') / 'kb.sqlite'}")
    update(store, late_may_corpus(store))
    return store


def test_origin_permission_covers_a_system_with_two_outlets(corpus):
    a = query.ask(corpus, "US", "himars", "RU_BORDER", JUNE3)
    assert (a.donor, a.weapon, a.zone, a.status) == ("United States", "HIMARS", "RU_BORDER", "permitted")
    assert a.since == date(2024, 5, 30)
    assert {f.outlet for f in a.facts} == {"Paper B", "Daily C"}
    assert all(f.sentence and f.document_id and f.fact_date for f in a.facts)
    assert a.level == "origin:United States"


def test_system_restriction_beats_origin_permission(corpus):
    for zone in ("RU_BORDER", "RU_DEEP"):
        a = query.ask(corpus, "Washington", "ATACMS", zone, JUNE3)
        assert a.status == "restricted" and a.level == "ATACMS"
    assert query.ask(corpus, "United States", "ATACMS", "UA_OCCUPIED", JUNE3).status == "permitted"


def test_not_yet_in_force_before_the_decision(corpus):
    assert query.ask(corpus, "US", "HIMARS", "RU_BORDER", MAY27).status == "unknown"
    assert query.ask(corpus, "Germany", "origin:Germany", "RU_BORDER", MAY27).status == "unknown"
    g = query.ask(corpus, "Berlin", "origin:Germany", "RU_BORDER", JUNE3)
    assert g.status == "permitted" and g.since == date(2024, 5, 31)


def test_withheld_system_stays_not_supplied_despite_origin_permission(corpus):
    a = query.ask(corpus, "Germany", "Taurus", "RU_BORDER", JUNE3)
    assert a.status == "not_supplied" and len({f.outlet for f in a.facts}) == 3


def test_confinement_to_ukraine(corpus):
    for zone in (Zone.RU_BORDER, Zone.RU_DEEP):
        assert query.ask(corpus, "Belgium", "F-16", zone, JUNE3).status == "restricted"


def test_class_level_beats_origin_level(tmp_store):
    d = doc("Outlet K", date(2024, 7, 1))
    add(tmp_store, d, [
        st(d, "use_permission", "United Kingdom", "United Kingdom", RU, "allow", date(2024, 7, 1), kind="origin"),
        st(d, "use_permission", "United Kingdom", "cruise_missile", RU, "restrict", date(2024, 6, 1), kind="class",
           start=50),
    ])
    update(tmp_store, [d.id])
    a = query.ask(tmp_store, "UK", "Storm Shadow", "RU_DEEP", date(2024, 7, 2))
    assert a.status == "restricted" and a.level == "class:cruise_missile"
    assert query.ask(tmp_store, "Britain", "Challenger 2", "RU_DEEP", date(2024, 7, 2)).status == "permitted"


def test_nothing_known_is_unknown_without_facts(corpus):
    a = query.ask(corpus, "Portugal", "Leopard 2", "UA_HELD", JUNE3)
    assert a.status == "unknown" and a.facts == [] and a.since is None


def test_answer_dict_has_exactly_the_contract_keys(corpus):
    d = query.ask(corpus, "US", "HIMARS", "RU_BORDER", "2024-06-03").to_dict()
    assert list(d) == ["donor", "weapon", "zone", "date", "status", "since", "facts"]
    assert d["date"] == "2024-06-03" and d["since"] == "2024-05-30"
    assert set(d["facts"][0]) == {"outlet", "fact_date", "published", "sentence", "document_id"}


@pytest.mark.parametrize("zone,day", [("MARS", JUNE3), ("", JUNE3), ("RU_DEEP", "2024-13-01"), ("RU_DEEP", "soon")])
def test_bad_zone_or_date_is_a_usage_error(corpus, zone, day):
    with pytest.raises(UsageError):
        query.ask(corpus, "US", "HIMARS", zone, day)


def test_every_donor_of_a_weapon(corpus):
    answers = query.ask_all(corpus, "ATACMS", ["RU_DEEP"], JUNE3)
    assert [(a.donor, a.status) for a in answers] == [("United States", "restricted")]


def test_later_class_decision_replaces_earlier_system_restriction(tmp_store):
    """Named levels compete by time: a November permission for long-range missiles in the border
    region ends a May ATACMS restriction there; a broad (origin) permission would not."""
    may = doc("Outlet M", date(2024, 5, 20))
    nov = doc("Outlet N", date(2024, 11, 18))
    ids = [add(tmp_store, may, [st(may, "use_permission", "United States", "ATACMS", RU, "restrict",
                                   date(2024, 5, 20))]),
           add(tmp_store, nov, [st(nov, "use_permission", "United States", "long_range_missile",
                                   (Zone.RU_BORDER,), "allow", date(2024, 11, 17), kind="class")])]
    update(tmp_store, ids)
    assert query.ask(tmp_store, "US", "ATACMS", "RU_BORDER", date(2024, 6, 1)).status == "restricted"
    late = query.ask(tmp_store, "US", "ATACMS", "RU_BORDER", date(2024, 11, 20))
    assert late.status == "permitted" and late.since == date(2024, 11, 17)
    assert query.ask(tmp_store, "US", "ATACMS", "RU_DEEP", date(2024, 11, 20)).status == "restricted"


def test_later_origin_permission_does_not_replace_a_system_restriction(tmp_store):
    may = doc("Outlet M", date(2024, 5, 20))
    jun = doc("Outlet J", date(2024, 6, 10))
    ids = [add(tmp_store, may, [st(may, "use_permission", "United States", "ATACMS", RU, "restrict",
                                   date(2024, 5, 20))]),
           add(tmp_store, jun, [st(jun, "use_permission", "United States", "United States",
                                   (Zone.RU_BORDER,), "allow", date(2024, 6, 9), kind="origin")])]
    update(tmp_store, ids)
    assert query.ask(tmp_store, "US", "ATACMS", "RU_BORDER", date(2024, 6, 20)).status == "restricted"
    assert query.ask(tmp_store, "US", "HIMARS", "RU_BORDER", date(2024, 6, 20)).status == "permitted"
