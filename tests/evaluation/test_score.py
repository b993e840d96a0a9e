"""Scoring arithmetic and matching rules on tiny hand-made gold and predictions (no spaCy)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from redlines.evaluation.gold import GoldDoc, GoldStatement, load_gold_file
from redlines.evaluation.score import (
    day_error,
    find_span,
    norm,
    prf,
    score_cleaning,
    score_dates,
    score_entities,
    score_published,
)
from redlines.evaluation.statements import max_matching, score_statements
from redlines.model import (
    DateInterval,
    Document,
    Evidence,
    Mention,
    Modality,
    Money,
    Precision,
    PublishedDate,
    PublishedHow,
    Statement,
    StatementType,
    Timex,
    WeaponRef,
    Zone,
)


def test_prf_arithmetic():
    assert prf(2, 1, 1) == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})
    assert prf(3, 0, 1) == pytest.approx({"precision": 1.0, "recall": 0.75, "f1": 6 / 7})
    assert prf(0, 2, 3) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(0, 0, 0) == {"precision": None, "recall": None, "f1": None}


def test_norm_and_find_span():
    assert norm("  Kyiv\u2019s \u201cred\u201d\nline \u2014 ") == "kyiv's \"red\" line -"
    text = "Berlin said. Later berlin and BERLIN again."
    assert find_span(text, "Berlin", 1) == (0, 6)
    assert find_span(text, "Berlin", 2) == (19, 25)  # falls back to case-insensitive
    assert find_span(text, "Paris") is None


def test_day_error_with_ranges():
    rng = (date(2024, 6, 1), date(2024, 6, 3))
    assert day_error(date(2024, 6, 2), rng) == 0
    assert day_error(date(2024, 5, 29), rng) == 3
    assert day_error(date(2024, 6, 5), rng) == 2
    assert day_error(None, rng) is None


def doc(text: str, published: date | None = None, how=PublishedHow.INFERRED, title=None) -> Document:
    return Document("d1", text, text, outlet="Wire", title=title, published=PublishedDate(published, how))


def test_cleaning_and_published():
    g = GoldDoc(Path("g.yaml"), "g", must_keep=["kept  words", "lost words"], must_remove=["Subscribe now"],
                published=(date(2024, 6, 1), date(2024, 6, 1)), published_how="dateline", outlet="wire")
    kept, removed = score_cleaning(g, doc("Body with KEPT words. Subscribe now!", date(2024, 6, 4)))
    assert (kept.hits, kept.total, removed.hits, removed.total) == (1, 2, 0, 1)
    assert kept.failures[0]["text"] == "lost words"
    p = score_published(g, doc("x", date(2024, 6, 4)))
    assert p.exact.rate == 0 and p.mae_days == 3 and p.how.rate == 0 and p.outlet.rate == 1
    p2 = score_published(g, doc("x", None))
    assert p2.missing == 1 and p2.mae_days is None and p2.exact.total == 1


def test_entities_and_dates(tmp_path):
    y = tmp_path / "e.yaml"
    y.write_text(
        "version: 1\ndocument: {text: x}\n"
        "entities:\n"
        "  - {text: Healey, canonical: John Healey, role: defense secretary}\n"
        "  - {text: London, canonical: United Kingdom, nth: 2}\n"
        "  - {text: Paris, canonical: France}\n"
        "dates:\n"
        "  - {text: on Friday, start: 2024-05-31, end: 2024-05-31, precision: day}\n"
        "  - {text: in May, start: 2024-05-01, end: 2024-05-31, precision: month}\n",
        encoding="utf-8")
    g = load_gold_file(y)
    text = "London said Healey spoke on Friday. London again in May."
    mentions = [
        Mention("PERSON", "Healey", 12, 18, "John Healey", {"role": "Defense Secretary"}),
        Mention("ACTOR", "London", 0, 6, "United Kingdom"),
        Mention("PLACE", "London", 36, 42, "London"),  # second occurrence linked wrongly
    ]
    t = score_entities(g, text, mentions)
    assert (t.hits, t.total) == (1, 3)
    assert {f["problem"] for f in t.failures} == {"wrong", "text not in clean text"}
    timexes = [Timex("on Friday", 26, 35, DateInterval(date(2024, 5, 31), date(2024, 5, 31), Precision.DAY)),
               Timex("May", 52, 55, DateInterval(date(2024, 5, 1), date(2024, 5, 31), Precision.DAY))]
    interval, precision = score_dates(g, text, timexes)
    assert (interval.hits, interval.total) == (2, 2)
    assert (precision.hits, precision.total) == (1, 2)


def st(type_="use_permission", sentence="The US allowed HIMARS strikes near Kharkiv.", **kw) -> Statement:
    return Statement(StatementType(type_), Evidence("d1", 0, 0, len(sentence), sentence), **kw)


def gold_doc(*statements: GoldStatement) -> GoldDoc:
    return GoldDoc(Path("g.yaml"), "g", statements=list(statements),
                   annotated_types=frozenset(s.type for s in statements))


def gs(type_="use_permission", sentence="allowed HIMARS", i=0, **fields) -> GoldStatement:
    return GoldStatement(type_, sentence, fields, i)


def test_statement_matching_rules():
    g = gold_doc(
        gs(actor="United States", weapon=WeaponRef("system", "HIMARS"), zones=frozenset({"RU_BORDER"}),
           valid=(date(2024, 5, 30), date(2024, 5, 31)), modality="confirmed"),
        gs("transfer", "pledged", 1, money=(126_000_000.0, "EUR"), actor="Germany"),
    )
    preds = [
        st(actor="united states", weapon=WeaponRef("system", "HIMARS"), zones=(Zone.RU_BORDER,),
           valid=DateInterval(date(2024, 5, 31), None, Precision.DAY)),
        st("transfer", "Germany  PLEDGED more.", actor="Germany", money=Money(126_500_000, "EUR")),
    ]
    s = score_statements(g, preds)
    assert s.by_type["use_permission"].tp == 1 and s.by_type["transfer"].tp == 1
    assert s.micro == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # money off by more than 1%, zones as sets must be equal, class weapon is not the system
    bad = [st("transfer", "Germany pledged", actor="Germany", money=Money(130_000_000, "EUR")),
           st(actor="United States", weapon=WeaponRef("class", "HIMARS"), zones=(Zone.RU_BORDER,),
              valid=DateInterval(date(2024, 5, 31), date(2024, 5, 31))),
           st(actor="United States", weapon=WeaponRef("system", "HIMARS"), zones=(Zone.RU_BORDER, Zone.RU_DEEP),
              valid=DateInterval(date(2024, 5, 31), date(2024, 5, 31)))]
    s = score_statements(g, bad)
    assert s.micro["recall"] == 0 and len(s.misses) == 2 and len(s.false_alarms) == 3
    wrong = {tuple(m["wrong_fields"]) for m in s.misses}
    assert ("money",) in wrong and any(w in wrong for w in (("weapon",), ("zones",)))


def test_each_prediction_matches_one_gold_and_unannotated_types_ignored():
    g = gold_doc(gs(actor="United States"), gs(actor="United States", i=1))
    preds = [st(actor="United States"), st("quote", speaker="Blinken"), st("attack", actor="Russia")]
    s = score_statements(g, preds)
    c = s.by_type["use_permission"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    assert "quote" not in s.by_type and "attack" not in s.by_type and not s.false_alarms


def test_modality_polarity_and_sentence_required():
    g = gold_doc(gs(modality="denied", polarity=False))
    assert score_statements(g, [st(modality=Modality.DENIED, polarity=False)]).micro["f1"] == 1.0
    assert score_statements(g, [st(modality=Modality.CONFIRMED, polarity=False)]).micro["f1"] == 0.0
    assert score_statements(g, [st(sentence="Other words entirely.", modality=Modality.DENIED,
                                   polarity=False)]).micro["f1"] == 0.0


def test_matching_is_maximal_not_greedy():
    assert max_matching({0: [0, 1], 1: [0]}) == {0: 1, 1: 0}
    g = gold_doc(gs(), gs(actor="United States", i=1))
    preds = [st(actor="United States"), st(actor="Germany")]
    assert score_statements(g, preds).by_type["use_permission"].tp == 2


def test_quote_speaker_accuracy():
    g = gold_doc(gs("quote", "help Putin", speaker="John Healey"),
                 gs("quote", "no such decision", 1, speaker="David Lammy"),
                 gs("quote", "never predicted", 2, speaker="Keir Starmer"))
    preds = [st("quote", '"Doing so would only help Putin," he added.', speaker="John Healey"),
             st("quote", '"There has been no such decision," he said.', speaker="Keir Starmer")]
    s = score_statements(g, preds)
    assert (s.speakers.hits, s.speakers.total) == (1, 2)
    assert s.by_type["quote"].tp == 1 and s.by_type["quote"].fn == 2 and s.by_type["quote"].fp == 1
