"""Gazetteer loading, validation, user extension files and lookups."""

from __future__ import annotations

from datetime import date

import pytest

from redlines.errors import GazetteerError
from redlines.model import Zone
from redlines.nlp import Gazetteer
from redlines.nlp.gazetteer import expand


def test_package_files_load_with_versions(gaz):
    assert len(gaz.files) == 5
    assert gaz.actor("United States").kind == "state"
    assert "Washington" in gaz.actor("United States").metonyms
    assert gaz.actor("nato").id == "NATO"


def test_weapon_lookups(gaz):
    w = gaz.weapon("ATACMS")
    assert (w.cls, w.range_km, w.maker) == ("long_range_missile", 300, "United States")
    assert gaz.weapon("SCALP-EG").id == "Storm Shadow"
    assert gaz.weapon("KEPD 350").id == "Taurus"
    assert gaz.weapon("M142").id == "HIMARS"
    assert gaz.class_ancestors("cruise_missile") == [
        "cruise_missile",
        "long_range_missile",
        "missile",
        "weapons",
    ]


def test_official_roles_follow_tenure(gaz):
    assert gaz.official("Zelensky").name == "Volodymyr Zelenskyy"
    rutte = gaz.official("Mark Rutte")
    assert rutte.role_on(date(2023, 5, 1)).title == "prime minister"
    assert rutte.role_on(date(2024, 11, 1)).org == "NATO"
    assert [
        o.name for o in gaz.officials_with_role("secretary of state", "United States", date(2024, 6, 1))
    ] == ["Antony Blinken"]
    assert [
        o.name for o in gaz.officials_with_role("secretary of state", "United States", date(2025, 3, 1))
    ] == ["Marco Rubio"]


def test_places_and_zone_phrases(gaz):
    assert gaz.place("Kharkov").id == "Kharkiv"
    assert gaz.zones_for_phrase("Belgorod region") == [Zone.RU_BORDER]
    assert gaz.zones_for_phrase("in Moscow") == [Zone.RU_DEEP]
    assert set(gaz.zones_for_phrase("on Russian soil")) == {Zone.RU_BORDER, Zone.RU_DEEP}
    assert gaz.zones_for_phrase("deep inside Russia") == [Zone.RU_DEEP]
    assert set(gaz.zones_for_phrase("Ukrainian territory")) == {Zone.UA_HELD, Zone.UA_OCCUPIED}
    assert gaz.zones_for_phrase("the Russian side of the border") == [Zone.RU_BORDER]
    assert gaz.zones_for_phrase("Crimea") == [Zone.UA_OCCUPIED]
    assert gaz.zones_for_phrase("somewhere unknown") == []


def test_expand():
    assert expand("{deep|far} into russia") == ["deep into russia", "far into russia"]
    assert expand("{|the} border") == ["border", "the border"]


def test_user_file_extends_and_adds(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "version: 1\n"
        "actors:\n  - {id: Germany, aliases: [Bundesregierung]}\n  - {id: Iceland, aliases: [Iceland]}\n"
        "systems:\n"
        "  - {id: Hellfire, aliases: [Hellfire], cls: missile, range_km: 11, maker: United States}\n",
        encoding="utf-8",
    )
    g = Gazetteer.load([str(f)])
    assert "Bundesregierung" in g.actor("Germany").aliases
    assert "Berlin" in g.actor("Germany").metonyms  # kept from the package file
    assert g.actor("Iceland") is not None
    assert g.weapon("Hellfire").cls == "missile"


@pytest.mark.parametrize(
    "content, needle",
    [
        ("actors:\n  - {id: Narnia, kind: state, colour: red}\n", "Narnia"),
        ("places:\n  - {id: Atlantis, state: null, zones: [UNDERWATER]}\n", "Atlantis"),
        ("systems:\n  - {id: Zapper, cls: raygun}\n", "Zapper"),
        ("officials:\n  - {name: Jane Doe, gender: x}\n", "Jane Doe"),
        ("actors: {id: Narnia}\n", "must be a list"),
        ("just a string\n", "must be a mapping"),
        ("actors: [unclosed\n", "not valid YAML"),
        ("weapons: []\n", "unknown section"),
    ],
)
def test_bad_user_file_names_file_and_entry(tmp_path, content, needle):
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load([str(f)])
    assert "bad.yaml" in err.value.message and needle in err.value.message


def test_missing_user_file():
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer.load(["/nonexistent/file.yaml"])
