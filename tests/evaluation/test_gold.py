"""Gold loader: valid files load; malformed ones raise UsageError naming the file and the key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from redlines.errors import UsageError
from redlines.evaluation.gold import load_gold_dir, load_gold_file
from redlines.model import WeaponRef

GOLD2 = Path(__file__).resolve().parents[1] / "gold2"

GOOD = """
version: 1
document:
  text: "Some article text about HIMARS."
  published: [2024-06-01, 2024-06-03]
  published_how: inferred
cleaning: {must_keep: ["article text"], must_remove: ["Subscribe"]}
entities:
  - {text: HIMARS, canonical: HIMARS}
dates:
  - {text: "on Friday", start: 2024-05-31}
statements:
  - type: use_permission
    sentence: "about HIMARS"
    actor: United States
    weapon: {kind: origin, id: United States}
    zones: [RU_BORDER]
    valid: {start: 2024-05-30}
    money: {amount: 5, currency: eur}
"""


def write(tmp_path: Path, text: str, name: str = "a.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_good_file_loads(tmp_path):
    g = load_gold_file(write(tmp_path, GOOD))
    assert g.published == (date(2024, 6, 1), date(2024, 6, 3))
    assert g.published_how == "inferred"
    st = g.statements[0]
    assert st.fields["weapon"] == WeaponRef("origin", "United States")
    assert st.fields["zones"] == frozenset({"RU_BORDER"})
    assert st.fields["valid"] == (date(2024, 5, 30), None)
    assert st.fields["money"] == (5.0, "EUR")
    assert g.annotated_types == frozenset({"use_permission"})
    assert g.dates[0].end is None and g.entities[0].nth == 1


@pytest.mark.parametrize(
    ("replace", "by", "key"),
    [
        ("zones: [RU_BORDER]", "zones: [RUSSIA]", "statements[0].zones"),
        ("type: use_permission", "type: permission", "statements[0].type"),
        ("actor: United States", "actr: United States", "statements[0].actr"),
        ("published: [2024-06-01, 2024-06-03]", "published: 2024-13-01", "document.published"),
        ("published_how: inferred", "published_how: guessed", "document.published_how"),
        ("money: {amount: 5, currency: eur}", "money: {amount: five, currency: eur}", "statements[0].money.amount"),
        ("valid: {start: 2024-05-30}", "valid: {}", "statements[0].valid"),
        ("- {text: HIMARS, canonical: HIMARS}", "- {canonical: HIMARS}", "entities[0].text"),
        ("version: 1", "version: 7", "version"),
    ],
)
def test_malformed_names_file_and_key(tmp_path, replace, by, key):
    assert replace in GOOD
    p = write(tmp_path, GOOD.replace(replace, by))
    with pytest.raises(UsageError) as exc:
        load_gold_file(p)
    assert str(p) in exc.value.message and key in exc.value.message


def test_bad_yaml_and_missing_source(tmp_path):
    with pytest.raises(UsageError, match="not valid YAML"):
        load_gold_file(write(tmp_path, "version: 1\ndocument: [unclosed\n"))
    with pytest.raises(UsageError, match="exactly one of file, text, html"):
        load_gold_file(write(tmp_path, "version: 1\ndocument: {published: 2024-01-01}\n", "b.yaml"))
    with pytest.raises(UsageError, match="no such file"):
        load_gold_file(write(tmp_path, "version: 1\ndocument: {file: nothere.txt}\n", "c.yaml"))


def test_dir_errors(tmp_path):
    with pytest.raises(UsageError, match="not found"):
        load_gold_dir(tmp_path / "missing")
    with pytest.raises(UsageError, match="no gold"):
        load_gold_dir(tmp_path)
    write(tmp_path, GOOD)
    write(tmp_path, "version: 1\nquestions:\n  - {donor: Germany, weapon: Taurus, zone: RU_DEEP, "
                    "date: 2024-06-01, status: maybe}\n", "asof.yaml")
    with pytest.raises(UsageError, match=r"questions\[0\]\.status"):
        load_gold_dir(tmp_path)


def test_second_gold_set_is_valid_and_large_enough():
    gold = load_gold_dir(GOLD2)
    assert len(gold.docs) >= 8 and len(gold.questions) >= 10
    for d in gold.docs:
        body = d.text or d.html or ""
        assert 250 <= len(body.split()) <= 600, d.name
        assert d.statements and d.entities and d.dates and d.must_keep, d.name
        text = body.casefold()
        for s in d.must_keep + [st.sentence for st in d.statements if st.sentence]:
            assert " ".join(s.split()).casefold() in " ".join(text.split()), (d.name, s)
    assert sum(1 for d in gold.docs if d.must_remove) >= 3
    assert {d.published_how for d in gold.docs} >= {"given", "dateline", "inferred"}
