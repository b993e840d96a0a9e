"""Actors, metonyms, the Brussels rule, weapons, places and zone phrases on sentences of our own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, alias, actor",
    [
        ("The Pentagon announced a new package for Ukraine.", "Pentagon", "United States"),
        ("The Biden administration has approved the deliveries.", "Biden administration", "United States"),
        ("Downing Street said the missiles may be used.", "Downing Street", "United Kingdom"),
        ("The Kremlin warned the allies against any escalation.", "Kremlin", "Russia"),
        ("The Chancellery declined to send the cruise missiles.", "Chancellery", "Germany"),
        ("Czechia will deliver more shells.", "Czechia", "Czech Republic"),
        ("The Atlantic Alliance promised air defence.", "Atlantic Alliance", "NATO"),
    ],
)
def test_aliases(run, text, alias, actor, canon):
    assert canon(run(text), alias, "ACTOR") == actor


@pytest.mark.parametrize(
    "text, city, label, canonical",
    [
        ("Washington approved the transfer of the rockets.", "Washington", "ACTOR", "United States"),
        ("Blinken confirmed the decision during a visit to Prague.", "Prague", "PLACE", "Prague"),
        ("Prague has supplied artillery shells to Kyiv.", "Prague", "ACTOR", "Czech Republic"),
        ("The ministers met in Copenhagen to discuss the fighter jets.", "Copenhagen", "PLACE", "Copenhagen"),
        ("Copenhagen pledged more F-16s to Ukraine.", "Copenhagen", "ACTOR", "Denmark"),
        ("The Hague will send more air defence systems.", "The Hague", "ACTOR", "Netherlands"),
        ("Britain sent the missiles to Kyiv last year.", "Kyiv", "ACTOR", "Ukraine"),
        ("Drones struck an oil depot near Moscow overnight.", "Moscow", "PLACE", "Moscow"),
        ("Moscow's warnings did not stop the deliveries.", "Moscow", "ACTOR", "Russia"),
        ("Warsaw has refused to send more tanks.", "Warsaw", "ACTOR", "Poland"),
    ],
)
def test_city_metonym_or_place(run, text, city, label, canonical, mention):
    m = mention(run(text), city)
    assert m is not None and (m.label, m.canonical) == (label, canonical)


def test_place_has_zones(run, mention):
    m = mention(run("Drones struck an oil depot near Moscow overnight."), "Moscow")
    assert m.attrs["zones"] == ["RU_DEEP"] and m.attrs["state"] == "Russia"


def test_brussels_defaults_to_eu(run, canon):
    p = run("Brussels said the new sanctions package would target arms suppliers.")
    assert canon(p, "Brussels") == "European Union"


def test_brussels_is_belgium_when_about_belgian_government(run, canon):
    p = run(
        "Belgium's prime minister signed the pact with Kyiv. Brussels will deliver the first jets this year."
    )
    assert canon(p, "Brussels") == "Belgium"


def test_brussels_eu_body_in_sentence_wins(run, canon):
    p = run(
        "Belgian officials hosted the talks. Brussels and the European Commission agreed to fund more shells."
    )
    assert canon(p, "Brussels") == "European Union"


def test_in_brussels_is_a_place(run, mention):
    m = mention(run("He spoke at a news conference in Brussels on the weapons."), "Brussels")
    assert m.label == "PLACE" and m.attrs["state"] == "Belgium"


def test_adjectives_and_us_forms(run, mention):
    p = run("American officials said the U.S. would send German and Dutch tanks. The US agreed.")
    assert mention(p, "American").attrs["form"] == "adj"
    assert mention(p, "German").canonical == "Germany"
    assert mention(p, "Dutch").canonical == "Netherlands"
    assert mention(p, "U.S.").canonical == "United States"
    assert mention(p, "US").attrs["form"] == "abbr"


def test_alliance_needs_nato_first(run, mention, canon):
    assert canon(run("NATO met on Monday. The alliance agreed to send air defence."), "alliance") == "NATO"
    assert mention(run("The alliance of farmers protested against the arms deliveries."), "alliance") is None


@pytest.mark.parametrize(
    "text, phrase, system",
    [
        ("Kyiv fired Scalp-EG missiles at a bridge.", "Scalp-EG", "Storm Shadow"),
        ("The M142 launchers were used near the border.", "M142", "HIMARS"),
        ("Germany sent Leopard 1 tanks and Gepard guns.", "Leopard 1", "Leopard 1"),
        ("Germany approved the Leopards in January.", "Leopards", "Leopard 2"),
        ("Sweden may send Gripen jets.", "Gripen", "Gripen"),
        ("Norway delivered NASAMS launchers.", "NASAMS", "NASAMS"),
        ("Ukraine asked for Tomahawks to hit airfields.", "Tomahawks", "Tomahawk"),
        ("Russia launched Shahed drones and Kinzhal missiles.", "Kinzhal", "Kinzhal"),
    ],
)
def test_weapon_systems(run, text, phrase, system, mention):
    m = mention(run(text), phrase, "WEAPON")
    assert m is not None and m.canonical == system
    assert {"cls", "maker"} <= set(m.attrs)


@pytest.mark.parametrize(
    "text, phrase, cls",
    [
        ("Allies will send more long-range missiles.", "long-range missiles", "long_range_missile"),
        ("Berlin will not supply cruise missiles.", "cruise missiles", "cruise_missile"),
        ("They need anti-aircraft systems and fighter jets.", "anti-aircraft systems", "air_defence"),
        ("France delivered self-propelled howitzers.", "self-propelled howitzers", "artillery"),
        ("The allies pledged weapons worth billions.", "weapons", "weapons"),
        ("Kyiv wants more air defense assets.", "air defense assets", "air_defence"),
    ],
)
def test_weapon_classes_are_never_systems(run, text, phrase, cls, canon):
    p = run(text)
    assert canon(p, phrase, "WEAPON_CLASS") == cls
    assert not [m for m in p.mentions if m.label == "WEAPON"]


def test_think_tank_is_not_a_tank(run):
    p = run("An analyst at a Washington think tank said the allies would send more shells.")
    assert not [m for m in p.mentions if m.canonical == "tank"]


@pytest.mark.parametrize(
    "text, phrase, origin, cls",
    [
        (
            "Ukraine may now use Western-made missiles against Russia.",
            "Western-made missiles",
            "West",
            "missile",
        ),
        ("Kyiv struck with US-supplied weapons.", "US-supplied weapons", "United States", None),
        (
            "Britain allowed British-made cruise missiles to be fired.",
            "British-made cruise missiles",
            "United Kingdom",
            "cruise_missile",
        ),
        ("The use of NATO weaponry on Russian soil was debated.", "NATO weaponry", "NATO", None),
        (
            "Berlin said German-supplied arms could be used near Kharkiv.",
            "German-supplied arms",
            "Germany",
            None,
        ),
    ],
)
def test_weapon_origin(run, text, phrase, origin, cls, mention):
    m = mention(run(text), phrase, "WEAPON_ORIGIN")
    assert m is not None and m.canonical == origin and m.attrs.get("cls") == cls


def test_its_weapons_is_not_an_origin(run):
    p = run("Germany said it would allow its weapons to be used for self-defence.")
    assert not [m for m in p.mentions if m.label == "WEAPON_ORIGIN"]


@pytest.mark.parametrize(
    "text, phrase, zones",
    [
        (
            "Kyiv may strike targets inside Russia with the rockets.",
            "inside Russia",
            {"RU_BORDER", "RU_DEEP"},
        ),
        (
            "The strikes are limited to targets on Russian soil near the front.",
            "on Russian soil",
            {"RU_BORDER", "RU_DEEP"},
        ),
        (
            "The missiles cannot be fired deep into Russian territory.",
            "deep into Russian territory",
            {"RU_DEEP"},
        ),
        (
            "HIMARS may hit positions across the border from Kharkiv.",
            "across the border from Kharkiv",
            {"RU_BORDER"},
        ),
        ("The permission covers the border region only.", "the border region", {"RU_BORDER"}),
        (
            "The jets can only fly over Ukrainian territory.",
            "Ukrainian territory",
            {"UA_HELD", "UA_OCCUPIED"},
        ),
        ("They may be used in occupied territories.", "occupied territories", {"UA_OCCUPIED"}),
        (
            "Troops massing on the Russian side of the border were hit.",
            "the Russian side of the border",
            {"RU_BORDER"},
        ),
        ("Strikes outside Ukraine remain banned.", "outside Ukraine", {"RU_BORDER", "RU_DEEP", "OTHER"}),
    ],
)
def test_zone_phrases(run, text, phrase, zones, mention):
    m = mention(run(text), phrase, "ZONE_PHRASE")
    assert m is not None and set(m.attrs["zones"]) == zones


@pytest.mark.parametrize(
    "text, place, zones",
    [
        ("Rockets hit the Kursk region again.", "Kursk region", ["RU_BORDER"]),
        ("The ferry was destroyed in the Kerch Strait.", "Kerch Strait", ["UA_OCCUPIED"]),
        ("A missile landed in Belarus near the Polish border.", "Belarus", None),
        ("The fleet left the Black Sea port.", "Black Sea", ["OTHER"]),
        ("Fighting continued in the Zaporizhzhia region.", "Zaporizhzhia region", ["UA_HELD", "UA_OCCUPIED"]),
    ],
)
def test_place_zones(run, text, place, zones, mention):
    m = mention(run(text), place)
    assert m is not None
    if zones is not None:
        assert m.label == "PLACE" and m.attrs["zones"] == zones


def test_dateline_city_is_a_place(run, mention):
    p = run("BRUSSELS (Wire) - Allies agreed to send more air defence to Ukraine.")
    m = mention(p, "BRUSSELS")
    assert m.label == "PLACE" and m.canonical == "Brussels"


def test_same_system_joined_by_and_stays_two_mentions(run):
    p = run("Britain and France have supplied Storm Shadow and SCALP cruise missiles.")
    weapons = [m for m in p.mentions if m.label == "WEAPON"]
    assert [m.text for m in weapons] == ["Storm Shadow", "SCALP cruise missiles"]
    assert {m.canonical for m in weapons} == {"Storm Shadow"}


def test_newspaper_named_after_a_capital_is_an_org(run, mention):
    p = run("The Washington Post reported that the missiles were sent to Kyiv.")
    assert mention(p, "The Washington Post", "ORG").attrs["state"] == "United States"
    assert not [m for m in p.mentions if m.label == "ACTOR" and m.text == "Washington"]


def test_all_caps_headline(run):
    p = run("GERMANY AND BRITAIN LET UKRAINE HIT RUSSIA WITH WESTERN ARMS\n\nThe decision came on Friday.")
    assert {m.canonical for m in p.mentions if m.label == "ACTOR"} >= {
        "Germany",
        "United Kingdom",
        "Ukraine",
        "Russia",
    }


def test_indefinite_alliance_is_not_nato(run, mention):
    p = run("NATO met on Monday. Ukraine formed an alliance with drone makers to build more drones.")
    assert mention(p, "alliance") is None
