"""redlines.ingest.html: full pages with chrome through trafilatura."""

from __future__ import annotations

from datetime import date

from redlines.ingest import RawArticle, build_document
from redlines.model import PublishedHow

PAGE = """<!doctype html><html lang="en"><head>
<title>Dutch F-16s may hit Russia | Northern Ledger</title>
<meta property="og:title" content="Dutch F-16s may hit targets in Russia, minister says">
<meta property="og:site_name" content="Northern Ledger">
<meta property="article:published_time" content="2024-05-31T07:45:00+02:00">
<link rel="canonical" href="https://www.northernledger.example/world/dutch-f16s">
</head><body>
<div id="cookie-banner">We use cookies to personalise content. <button>Accept all cookies</button></div>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/opinion">Opinion</a></nav></header>
<main><article>
<h1>Dutch F-16s may hit targets in Russia, minister says</h1>
<p>The Netherlands will not object if Ukraine uses the F-16 fighter jets it has supplied against military
targets inside Russia, the Dutch defence minister said on Friday.</p>
<p>"Ukraine has the right to defend itself against attacks launched from Russian soil," the minister told
reporters after a meeting with counterparts in Brussels, adding that the jets must be used
within the law of war.</p>
<p>Germany, meanwhile, again refused to send its Taurus cruise missiles. A government spokesman said the
position had not changed and that the risk of escalation was too high.</p>
<p>Denmark and Norway are delivering jets this year, and Belgium has promised thirty aircraft by 2028.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits coast</a></li>
<li><a href="/b">Local elections</a></li></ul></aside>
<footer><p>Subscribe to our newsletter for the morning briefing.</p>
<p>&copy; 2024 Northern Ledger Media</p></footer>
</body></html>"""


def test_html_page_to_document():
    doc = build_document(RawArticle(source="page.html", html=PAGE))
    assert doc.title.startswith("Dutch F-16s may hit")
    assert doc.outlet == "Northern Ledger"
    assert doc.url == "https://www.northernledger.example/world/dutch-f16s"
    assert "the Dutch defence minister said on Friday" in " ".join(doc.text.split())
    assert "Belgium has promised thirty aircraft" in doc.text
    for junk in ("cookies", "Opinion", "Storm hits coast", "Subscribe", "\u00a9"):
        assert junk not in doc.text, junk
    assert doc.published.value == date(2024, 5, 31)
    assert doc.published.how is PublishedHow.DATELINE
    chrome = [r for r in doc.removed if r.reason.startswith("html")]
    assert chrome and "Storm hits coast" in chrome[0].text


def test_given_metadata_beats_html():
    doc = build_document(
        RawArticle(
            source="p.html",
            html=PAGE,
            outlet="Mine",
            published=date(2024, 6, 2),
            given=frozenset({"outlet", "published"}),
        )
    )
    assert doc.outlet == "Mine"
    assert doc.published.how is PublishedHow.GIVEN and doc.published.value == date(2024, 6, 2)
