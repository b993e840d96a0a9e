"""redlines.ingest.language: paragraph language by function words, article language, prose ratio."""

from __future__ import annotations

from redlines.ingest.language import detect_language, english_ratio, paragraph_language

EN = (
    "The minister said the jets would arrive in the summer and that the pilots had finished their training "
    "in Denmark, adding that more aircraft could follow later in the year."
)


def test_paragraph_language():
    assert paragraph_language(EN) == "en"
    assert paragraph_language("¿Por qué ves este mensaje en tu pantalla?") == "es"
    assert paragraph_language("Nous utilisons des cookies pour la mesure de l'audience.") == "fr"
    assert paragraph_language("Підпишіться на наш канал, щоб не пропустити новини.") == "uk"
    assert paragraph_language("F-16 ATACMS HIMARS") is None


def test_article_language_and_ratio():
    assert detect_language(EN * 3) == "en"
    assert (
        detect_language(
            "Die Bundesregierung hat am Freitag erklärt, dass die Ukraine die gelieferten Waffen "
            "auch gegen Ziele in Russland einsetzen darf, wenn sie angegriffen wird."
        )
        == "de"
    )
    assert english_ratio(EN) > 0.3
    assert english_ratio("tank river purple ministry seven glass window orange missile bread") < 0.1
