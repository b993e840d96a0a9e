"""End to end on an article written for this test (fixtures/wire_sample.txt): unseen wording, real NLP layer."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_testkit import load_article, of_type

from redlines.model import Modality, Zone

SAMPLE = Path(__file__).parent / "fixtures" / "wire_sample.txt"


@pytest.fixture(scope="module")
def statements(nlp):
    from redlines.extract import RuleExtractor
    from redlines.nlp import Gazetteer, annotate

    doc = load_article(SAMPLE, "2024-09-19", "Test Wire")
    gaz = Gazetteer.load([])
    extractor = RuleExtractor(gaz)
    out = extractor.extract(next(iter(annotate([doc], nlp, gaz))))
    assert extractor.errors == []
    return out


def _rows(statements, type_):
    return {(s.actor, s.weapon.id if s.weapon else None, s.action) for s in of_type(statements, type_)}


def test_permissions(statements):
    perms = {s.actor: s for s in of_type(statements, "use_permission")}
    uk = perms["United Kingdom"]
    assert (uk.action, uk.modality, set(uk.zones), uk.target_type) == ("allow", Modality.REPORTED,
                                                                      {Zone.RU_BORDER, Zone.RU_DEEP}, "military")
    assert perms["France"].action == "allow"
    us = perms["United States"]
    assert (us.action, us.weapon.id, set(us.zones)) == ("restrict", "ATACMS", {Zone.RU_DEEP})


def test_transfers(statements):
    rows = _rows(statements, "transfer")
    assert ("Germany", "Taurus", "refuse") in rows and ("Sweden", None, "pledge") in rows
    sweden = next(s for s in of_type(statements, "transfer") if s.money is not None)
    assert sweden.money.currency == "SEK" and sweden.money.usd == 240e6


def test_warning_attack_and_quotes(statements):
    assert ("Russia", None, "warn") in _rows(statements, "position")
    attack = of_type(statements, "attack")[0]
    assert (attack.actor, attack.place, attack.casualties) == ("Russia", "Odesa", {"killed": 4, "wounded": 12})
    speakers = [q.speaker for q in of_type(statements, "quote")]
    assert speakers == ["Sabrina Singh", "Olaf Scholz", "Olaf Scholz"]
