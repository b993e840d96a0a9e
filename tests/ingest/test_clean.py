"""redlines.ingest.clean: chrome in several languages goes, body prose always stays."""

from __future__ import annotations

import pytest

from redlines.ingest.clean import clean_text

BODY = [
    "Ukraine's defence ministry said on Monday that the first jets had arrived at an air base in the west of "
    "the country, where pilots trained abroad will fly them against Russian cruise missiles and drones.",
    "Reporting by Reuters showed that the strikes hit three depots near the border, according to satellite "
    "images reviewed by independent analysts in London.",
    "The ministry declined to read the full list of names at the briefing, saying relatives had to be told "
    "first, and asked people not to share unverified reports on social media.",
]


def _clean(*lines: str):
    return clean_text("\n\n".join(lines))


@pytest.mark.parametrize(
    "junk, reason",
    [
        ("\u00a9 2024 Northern Ledger Media Ltd", "copyright footer"),
        ("--With assistance from Ana Lopez and Piotr Nowak.", "credit line"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "credit line"),
        ("(Updates with minister's comment in fourth paragraph)", "update note"),
        ("We use cookies to improve your experience. Accept all cookies", "cookie banner"),
        ("Nous utilisons des cookies pour mesurer l'audience.", "cookie banner"),
        ("Wir verwenden Cookies, um Inhalte zu personalisieren.", "cookie banner"),
        ("Sign up for our daily newsletter to get the news in your inbox", "newsletter sign-up"),
        ("Suscríbete gratis a nuestro boletín", "newsletter sign-up"),
        ("Abonnez-vous à notre newsletter", "newsletter sign-up"),
        ("Newsletter abonnieren", "newsletter sign-up"),
        ("Iscriviti alla newsletter", "newsletter sign-up"),
        ("Assine a newsletter do jornal", "newsletter sign-up"),
        ("Підпишіться на розсилку", "newsletter sign-up"),
        ("Already a subscriber? Log in to continue reading", "paywall or subscription notice"),
        ("Réservé aux abonnés", "paywall or subscription notice"),
        ("Подписка на издание", "paywall or subscription notice"),
        ("Follow @redlines_news", "social follow prompt"),
        ("Categories / World, Europe", "category tags"),
        ("Archived In", "category tags"),
        ("Loading...", "page navigation"),
        ("Read more", "page navigation"),
        ("Thursday, March 7, 2024 | Back issues", "page date header"),
        ("Home | World | Europe", "navigation"),
        ("https://news.example.org/europe/ukraine", "link"),
        ("Reporters Ann Lee in Kyiv and Tom Berg in Berlin contributed to this report.", "credit line"),
        ("This article was translated from Italian.", "translation note"),
        ("Please turn on JavaScript to use this feature", "page navigation"),
        ("This blog is now closed.", "page navigation"),
        ("Comments are closed for this story.", "page navigation"),
        ("Subscribe for $2 a month", "paywall or subscription notice"),
        ("Anzeige", "page navigation"),
        ("14.05 CET", "page navigation"),
        ("By Olena Petrenko and John F. Smith", "author or source line"),
        ("Source: News agencies", "author or source line"),
        ("Support our journalism with a donation today!", "reader appeal"),
        ("Found a typo? Select it and press Ctrl + Enter.", "reader appeal"),
        ("Read more: Why the jets matter", "page navigation"),
        ("4 min read", "page navigation"),
        ("WhatsApp", "page navigation"),
        ("Image caption, Rescuers at the site", "page navigation"),
        ("___", "page navigation"),
        ("Follow our coverage of the war in Ukraine at https://example.org/hub", "social follow prompt"),
        ("Maria Ivanova contributed reporting.", "credit line"),
        ("Edited by: Rob Smith", "credit line"),
        ("Jane Roe is a reporter for the Harbour Times. She lives in Odesa.", "author or source line"),
        ("Consider supporting our newsroom today.", "reader appeal"),
        ("This story has been updated with the Kremlin's reaction.", "update note"),
        (
            "[2/4] A soldier walks past a destroyed tank near Kupiansk. Purchase Licensing Rights",
            "photo caption",
        ),
    ],
)
def test_chrome_lines(junk, reason):
    c = _clean("Jets arrive in western Ukraine", BODY[0], junk, BODY[1], BODY[2])
    assert junk not in c.text
    assert [r.reason for r in c.removed] == [reason]
    for para in BODY:
        assert para in c.text


@pytest.mark.parametrize(
    "line",
    [
        "By the time Russia launched its offensive, Kyiv had already asked its allies for help.",
        "By Friday the ministry said it had received enough shells for the winter.",
        "Source: a senior official said the talks had stalled over the range of the missiles.",
    ],
)
def test_body_lines_that_look_like_chrome_are_kept(line):
    c = _clean("Jets arrive in western Ukraine", BODY[0], line, BODY[1], BODY[2])
    assert line in c.text


def test_keywords_inside_long_body_prose_do_not_drop_it():
    prose = (
        "Officials said the cookie factory in Kharkiv, which had a newsletter for its workers and sold "
        "subscriptions for weekly deliveries, was hit by a guided bomb on Sunday, killing two people and "
        "wounding eleven, and that rescuers worked through the night to reach those trapped under the "
        "rubble of the main hall while the air raid alert was still in force across the region."
    )
    c = _clean(BODY[0], prose, BODY[1])
    assert prose in c.text and not c.removed


def test_caption_with_location_line():
    c = _clean(
        "Headline about the front",
        "Pokrovsk, Donetsk region",
        "A soldier fires a mortar near the town.Jane Doe (AP)",
        *BODY,
    )
    assert [r.reason for r in c.removed] == ["photo caption", "photo caption"]
    assert c.headline == "Headline about the front"


def test_masthead_and_headline():
    c = _clean("The Daily Ledger", "Dutch jets may strike military targets inside Russia", *BODY)
    assert c.headline == "Dutch jets may strike military targets inside Russia"
    assert [r.reason for r in c.removed] == ["masthead"]


def test_offsets_and_byline():
    raw = "  \n" + "KYIV (Reuters) - " + BODY[0] + "\n\n" + BODY[1] + "\n\nLoading..."
    c = clean_text(raw)
    assert c.byline == "Reuters"
    assert c.text.startswith("Ukraine's defence ministry")
    for r in c.removed:
        assert raw[r.start : r.end] == r.text


def test_signup_box_lines_go_together():
    c = _clean(
        "Jets arrive in western Ukraine",
        BODY[0],
        "Sign up to Morning Brief",
        "Our daily email explains the news in five minutes",
        "Privacy Notice: we never share your address.",
        BODY[1],
        BODY[2],
    )
    assert [r.reason for r in c.removed] == ["newsletter sign-up"] * 3
    assert c.published_line is None


def test_standalone_date_line_is_the_publication_line():
    c = _clean("Jets arrive in western Ukraine", "Published 3 June 2024, 09:15 BST", *BODY)
    assert c.published_line == "Published 3 June 2024, 09:15 BST"
    c = _clean("Jets arrive in western Ukraine", "Wed 13 Nov 2024 18.02 GMT", *BODY)
    assert c.published_line == "Wed 13 Nov 2024 18.02 GMT" and "18.02" not in c.text


def test_dateline_on_its_own_line_and_dates_inside_the_body():
    c = _clean(
        "Jets arrive in western Ukraine",
        "KYIV, Ukraine (AP) \u2014",
        BODY[0],
        "May 29, 2024",
        BODY[1],
        BODY[2],
    )
    assert c.byline == "AP" and c.headline == "Jets arrive in western Ukraine"
    assert "KYIV" not in c.text
    assert "May 29, 2024" in c.text  # a date heading inside the body is not the publication line
    assert c.published_line is None


def test_short_headline_before_a_standfirst_is_not_a_masthead():
    c = _clean(
        "Taurus: Berlin says no", "The chancellor again rejected calls from allies and the opposition", *BODY
    )
    assert c.headline == "Taurus: Berlin says no" and not c.removed


def test_wire_and_web_timestamp_formats():
    for stamp in (
        "November 20, 2024 10:35 AM GMTUpdated 2 hours ago",
        "Updated 11:03 PM GMT+1, November 17, 2024",
        "November 18, 2024 5:32 PM 2 min read",
        "Published On 18 Nov 2024",
    ):
        c = _clean("Jets arrive in western Ukraine", stamp, *BODY)
        assert c.published_line == stamp, stamp
