"""Round-2 additions to the language data: anti-aircraft wording and more ways of naming Russia as a zone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("phrase", ["anti-aircraft systems", "anti-aircraft weapons", "anti-aircraft guns",
                                    "air defence batteries", "surface-to-air missile systems"])
def test_anti_aircraft_wording_is_air_defence(run, phrase):
    parsed = run(f"Kyiv asked Rome for more {phrase} this winter.")
    assert any(m.label == "WEAPON_CLASS" and m.canonical == "air_defence" for m in parsed.mentions)


@pytest.mark.parametrize("text,zone_text", [
    ("Spain forbids strikes on parts of Russia.", "parts of Russia"),
    ("Spain forbids strikes on Russian regions.", "Russian regions"),
    ("Spain forbids strikes into Russia.", "into Russia"),
    ("Spain forbids strikes on Russia itself.", None),
])
def test_more_russian_zone_phrases(run, text, zone_text):
    parsed = run(text)
    zones = [m for m in parsed.mentions if m.label == "ZONE_PHRASE"]
    assert zones and set(zones[0].attrs["zones"]) == {"RU_BORDER", "RU_DEEP"}
    if zone_text:
        assert zones[0].text == zone_text
