"""redlines.ingest.document: clean Documents, and InputRejected with one-line reasons for non-articles."""

from __future__ import annotations

import pytest

from redlines.errors import InputRejected
from redlines.ingest import RawArticle, build_document, content_id

FRENCH = (
    "Les Pays-Bas ont annoncé vendredi que l'Ukraine pourra utiliser les avions F-16 qu'ils livrent "
    "contre des "
    "cibles militaires sur le territoire russe. Le ministre de la Défense a déclaré que le droit "
    "international "
    "était clair sur ce point et que les autres alliés devraient suivre. Kiev a salué cette "
    "décision, tandis que "
    "l'Allemagne refuse toujours de livrer ses missiles Taurus, en raison du risque d'escalade avec "
    "la Russie."
)
SPANISH = (
    "Los Países Bajos anunciaron el viernes que Ucrania podrá usar los cazas F-16 que entregan "
    "contra objetivos "
    "militares en territorio ruso. El ministro de Defensa dijo que el derecho internacional es claro "
    "y que los "
    "demás aliados deberían seguir el mismo camino. Kiev celebró la decisión, mientras que Alemania "
    "sigue sin "
    "enviar sus misiles Taurus por el riesgo de una escalada con Rusia, según fuentes del Gobierno."
)


def _build(text: str, **kw) -> object:
    return build_document(RawArticle(source="test", text=text, **kw))


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "empty"),
        ("Subscribe to our newsletter\n\nLoading...\n\n\u00a92024 Regional Post", "empty after cleaning"),
        ("Kyiv said the jets had arrived. The minister agreed.", "only"),
        ("\n".join(f"https://news.example.org/story/{i}" for i in range(30)), "empty after cleaning"),
        (
            "\n".join(
                f"Read: https://news.example.org/story/{i} and the rest of the news today." for i in range(12)
            ),
            "links",
        ),
        (
            " ".join(
                [
                    "tank",
                    "river",
                    "purple",
                    "ministry",
                    "seven",
                    "glass",
                    "Kharkiv",
                    "window",
                    "quickly",
                    "orange",
                    "missile",
                    "bread",
                    "carpet",
                    "Brussels",
                    "eleven",
                    "yellow",
                ]
                * 6
            )
            + ".",
            "not",
        ),
        (FRENCH, "not English"),
        (SPANISH, "not English"),
    ],
)
def test_rejections(text, reason):
    with pytest.raises(InputRejected) as exc:
        _build(text)
    assert reason in exc.value.message
    assert "\n" not in exc.value.message


def test_html_without_article_is_rejected():
    html = "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputRejected):
        build_document(RawArticle(source="t.html", html=html))


def test_multilingual_chrome_is_removed(body):
    text = "\n\n".join(
        [
            "Nous utilisons des cookies pour améliorer votre expérience. Accepter",
            "Home | World | Europe",
            "Dutch say Ukraine may strike Russia with F-16s",
            body,
            "Photo: Ministry of Defence handout",
            "Newsletter abonnieren",
            "Підпишіться на наш канал",
            "Iscriviti alla newsletter per ricevere le notizie",
            "Assine a newsletter e receba as notícias",
            "Abonnez-vous à notre lettre d'information",
            "Ya eres suscriptor? Inicia sesión para seguir leyendo",
            "Related",
            "Most read",
            "Copyright 2024 Regional Post Ltd. All rights reserved.",
        ]
    )
    doc = _build(text)
    assert doc.text.startswith("Dutch say Ukraine may strike Russia")
    assert doc.title == "Dutch say Ukraine may strike Russia with F-16s"
    for junk in (
        "cookies",
        "Home | World",
        "Photo:",
        "abonnieren",
        "Підпишіться",
        "Iscriviti",
        "Assine",
        "Abonnez",
        "suscriptor",
        "Related",
        "Most read",
        "Copyright",
    ):
        assert junk not in doc.text, junk
    for para in body.split("\n\n"):
        assert para in doc.text
    assert doc.outlet == "Regional Post"
    assert all(doc.raw[r.start : r.end] == r.text for r in doc.removed)


def test_subheads_inside_body_are_kept(body):
    paras = body.split("\n\n")
    text = "\n\n".join(
        ["Headline about the jets", paras[0], paras[1], "A turn in Berlin", paras[2], paras[3]]
    )
    doc = _build(text)
    assert "A turn in Berlin" in doc.text


def test_trailing_foreign_block_dropped(body):
    text = (
        body
        + "\n\n"
        + "Si sigues leyendo aquí, la otra sesión se cerrará de inmediato.\n\n¿Por qué ves este mensaje?"
    )
    doc = _build(text)
    assert "sigues leyendo" not in doc.text and "Por qué" not in doc.text
    assert any(r.reason.startswith("non-English") for r in doc.removed)


def test_id_is_content_hash_and_stable(body):
    a = _build(body)
    b = _build("  " + body.replace("\n\n", "\n\n\n") + "\n\nLoading...\n")
    assert a.id == b.id == content_id(a.text)
    c = _build(body + " One more sentence was added.")
    assert c.id != a.id


def test_metadata_from_url_and_fallback_title(body):
    doc = _build(body, url="https://www.reuters.com/world/europe/x")
    assert doc.outlet == "Reuters"
    assert doc.title.startswith("The Netherlands said on Friday")
    assert doc.language == "en"
    given = _build(body, outlet="My Outlet", title="My title")
    assert (given.outlet, given.title) == ("My Outlet", "My title")


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("(Reuters) - ", "Reuters"),
        ("WASHINGTON (AP) \u2014 ", "Associated Press"),
        ("BRUSSELS/KYIV, Nov 19 (Reuters) - ", "Reuters"),
    ],
)
def test_bylines(body, line, outlet):
    doc = _build(line + body)
    assert doc.outlet == outlet
    assert doc.text.startswith("The Netherlands")


def test_overlong_text_is_refused_with_a_reason(monkeypatch):
    """Nothing longer than REDLINES_MAX_CHARS reaches the language layer (spaCy's limit is 1M chars)."""
    from redlines.errors import InputRejected
    from redlines.ingest import RawArticle, build_document

    monkeypatch.setenv("REDLINES_MAX_CHARS", "2000")
    para = ("Officials in Kyiv said on Monday that the new air defence systems had arrived and that the "
            "government expected more deliveries from its partners before the winter. ")
    for size in (30, 200):  # over the limit after cleaning; over three times the limit before it
        with pytest.raises(InputRejected, match="too long for an article"):
            build_document(RawArticle(source="big.txt", text=para * size))
