"""JSON API and HTML pages through FastAPI's TestClient (no browser): shapes, errors, headers, escaping."""

from __future__ import annotations

import pytest

from redlines.errors import StoreError
from redlines.web.app import CSP, create_app

from .conftest import XSS_IMG, XSS_SCRIPT

STATUSES = {"permitted", "restricted", "not_supplied", "contested", "unknown"}


def cell(matrix: dict, donor: str, weapon: str, zone: str) -> dict | None:
    return next((c for c in matrix["cells"] if (c["donor"], c["weapon"], c["zone"]) == (donor, weapon, zone)), None)


def test_matrix_changes_with_the_as_of_date(client):
    before = client.get("/api/matrix", params={"as_of": "2024-05-27"}).json()
    after = client.get("/api/matrix", params={"as_of": "2024-06-03"}).json()
    assert {c["status"] for c in after["cells"]} <= STATUSES
    assert "United States" in after["donors"] and "HIMARS" in after["weapons"]
    b, a = cell(before, "United States", "HIMARS", "RU_BORDER"), cell(after, "United States", "HIMARS", "RU_BORDER")
    assert b is not None and b["status"] == "restricted"
    assert a is not None and a["status"] == "permitted" and a["since"] == "2024-05-30" and a["fact_ids"]


def test_ask_has_the_ledger_shape_and_fact_ids(client):
    r = client.get("/api/ask", params={"donor": "United States", "weapon": "HIMARS", "zone": "ru_border",
                                       "date": "2024-06-03"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert {"donor", "weapon", "zone", "date", "status", "since", "facts"} <= set(body)
    assert body["status"] == "permitted" and body["zone"] == "RU_BORDER"
    fact = body["facts"][0]
    assert {"outlet", "fact_date", "published", "sentence", "document_id"} <= set(fact)
    assert fact["outlet"] == "Daily Example" and "quietly allowed" in fact["sentence"]


def test_ledger_lists_removed_and_remaining(client):
    body = client.get("/api/ledger", params={"as_of": "2024-06-03"}).json()
    removed = {(r["donor"], r["weapon"], r["zone"]) for r in body["removed"]}
    remaining = {(r["donor"], r["weapon"], r["zone"]) for r in body["remaining"]}
    assert ("United States", "HIMARS", "RU_BORDER") in removed
    assert ("United States", "ATACMS", "RU_DEEP") in remaining
    assert all(r["evidence"] for r in body["removed"] + body["remaining"])


def test_timeline_and_chart_spec(client):
    tl = client.get("/api/timeline", params={"donor": "United States"}).json()
    dates = [e["date"] for e in tl["entries"]]
    assert dates == sorted(dates) and len(dates) >= 3
    assert all(e["actor"] == "United States" for e in tl["entries"])
    assert {"permitted", "restricted"} <= {e["effect"] for e in tl["entries"]}
    spec = client.get("/api/timeline/chart", params={"by": "weapon"}).json()
    assert "vega-lite/v6" in spec["$schema"]
    assert {v["row"] for v in spec["data"]["values"]} >= {"HIMARS", "ATACMS"}


def test_fact_has_sources_and_page_highlights_the_sentence(client):
    m = client.get("/api/matrix", params={"as_of": "2024-06-03"}).json()
    fact_id = cell(m, "United States", "HIMARS", "RU_BORDER")["fact_ids"][0]
    fact = client.get(f"/api/facts/{fact_id}").json()
    assert fact["id"] == fact_id and fact["corroboration"] >= 1
    assert any("quietly allowed" in s["sentence"] for s in fact["evidence"])
    html = client.get(f"/facts/{fact_id}").text
    assert 'title="source sentence">The White House has quietly allowed' in html and html.count("<mark") == 1


def test_contradiction_is_shown_side_by_side(client):
    entries = client.get("/api/timeline", params={"donor": "Germany", "weapon": "IRIS-T"}).json()["entries"]
    fact_id = entries[0]["fact_id"]
    fact = client.get(f"/api/facts/{fact_id}").json()
    assert fact["corroboration"] == 2 and len(fact["evidence"]) == 2
    (c,) = fact["contradictions"]
    assert c["field"] == "quantity" and sorted(c["values"]) == [3, 4]
    assert c["id"] in {x["id"] for x in client.get("/api/contradictions").json()}
    html = client.get(f"/facts/{fact_id}").text
    assert html.count('class="side ') == 2 and "Morning Example" in html and "Evening Example" in html
    assert html.count("<mark") == 2  # each source sentence highlighted in its own article


def test_documents_are_paged(client):
    every = client.get("/api/documents").json()
    two = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert [d["id"] for d in two] == [d["id"] for d in every[1:3]]
    assert "page 1 of 1" not in client.get("/documents").text  # one page: no pager
    assert client.get("/documents", params={"page": 9}).status_code == 200


def test_documents_list_and_detail(client):
    docs = client.get("/api/documents").json()
    assert len(docs) == 5
    assert set(docs[0]) >= {"id", "url", "outlet", "title", "published", "published_how", "published_confidence",
                            "words_kept", "words_removed"}
    first = client.get(f"/api/documents/{docs[0]['id'][:10]}").json()
    assert first["removed"][0]["reason"] == "boilerplate" and first["statements"]
    html = client.get(f"/documents/{docs[0]['id']}").text
    assert "<del>SUBSCRIBE NOW for full access" in html and "boilerplate" in html


def test_search_over_documents_and_statements(client):
    hits = client.get("/api/search", params={"q": "taurus"}).json()["hits"]
    assert {h["kind"] for h in hits} >= {"document"}
    assert all("taurus" in h["snippet"].lower() for h in hits)
    assert client.get("/api/search", params={"q": ""}).json()["hits"] == []
    page = client.get("/search", params={"q": "Taurus"}).text
    assert "<mark" in page and "Taurus</mark>" in page


@pytest.mark.parametrize("url", [
    "/api/matrix?as_of=2024-13-45",
    "/api/matrix?as_of=yesterday",
    "/api/ask?donor=United%20States&weapon=HIMARS&zone=MOON&date=2024-06-01",
    "/api/ask?donor=&weapon=HIMARS&zone=RU_DEEP",
    "/api/ask?weapon=HIMARS",
    "/api/search?q=" + "x" * 300,
    "/api/search?q=a&limit=0",
    "/api/timeline/chart?by=color",
    "/?as_of=31/05/2024",
    "/?zone=ATLANTIS",
    "/documents?page=0",
    "/api/documents?limit=0",
    "/api/documents?offset=-1",
])
def test_bad_parameters_give_422_not_500(client, url):
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert "Traceback" not in r.text


@pytest.mark.parametrize("url", ["/api/facts/no-such-fact", "/api/documents/ffffffffffff", "/facts/zzz",
                                 "/documents/0000000000", "/api/nothing", "/api/facts/" + "9" * 99])
def test_unknown_ids_give_404(client, url):
    r = client.get(url)
    assert r.status_code == 404
    if not url.startswith("/api/"):
        assert "text/html" in r.headers["content-type"] and "404" in r.text


@pytest.mark.parametrize("url", ["/", "/timeline", "/documents", "/search?q=x", "/api/matrix", "/static/app.css"])
def test_security_headers(client, url):
    r = client.get(url)
    assert r.status_code == 200
    h = r.headers
    assert h["content-security-policy"] == CSP
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                      "frame-ancestors 'none'"):
        assert directive in CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "no-referrer"
    if url.startswith("/api/"):
        assert h["content-type"] == "application/json"


def test_read_only_refuses_writes(client):
    assert client.post("/api/documents", json={}).status_code == 405
    assert client.delete("/api/documents/x").status_code == 405


def test_untrusted_strings_are_escaped_in_html(client):
    docs = client.get("/api/documents").json()
    evil = next(d for d in docs if d["title"].startswith("Hostile"))
    for url in ("/documents", f"/documents/{evil['id']}", "/search?q=spokesman", "/timeline"):
        html = client.get(url).text
        assert XSS_SCRIPT not in html and XSS_IMG not in html and "<img src=x" not in html, url
    html = client.get(f"/documents/{evil['id']}").text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    # JSON carries the raw strings (the page code renders them with textContent)
    assert XSS_SCRIPT in client.get(f"/api/documents/{evil['id']}").json()["text"]


def test_openapi_schema_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/matrix", "/api/ask", "/api/ledger", "/api/timeline", "/api/timeline/chart",
                 "/api/facts/{fact_id}", "/api/contradictions", "/api/documents", "/api/documents/{doc_id}",
                 "/api/search"):
        assert path in spec["paths"], path
    assert "Matrix" in spec["components"]["schemas"]


def test_vendored_charting_scripts_are_served_locally(client):
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "vega-interpreter.js"):
        r = client.get(f"/static/vendor/{name}")
        assert r.status_code == 200 and len(r.content) > 5000, name
        assert "javascript" in r.headers["content-type"]
    html = client.get("/timeline").text
    assert "cdn" not in html.lower() and "http://" not in html and "https://" not in html


def test_missing_or_foreign_store_is_refused(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        create_app(str(tmp_path / "absent.sqlite"))
    with pytest.raises(StoreError, match="no store"):
        create_app(str(tmp_path / "no-dir" / "absent.sqlite"))
    assert not (tmp_path / "no-dir").exists()  # a read-only server creates nothing
    import sqlite3

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a redlines store"):
        create_app(str(other))


ARTICLE = (
    "OSLO, June 12 (Test Wire) - Norway said on Wednesday it would allow Ukraine to use the NASAMS air defence "
    "systems it supplied to shoot down Russian aircraft over the border region of Belgorod. "
    "The Norwegian defence minister told reporters that the decision followed talks with allies. "
    "Ukraine has long asked its partners for more air defence to protect its cities from glide bombs. "
    "The ministry did not say when the first systems would be used in that way."
)


def test_read_write_server_ingests_a_posted_article(tmp_path):
    from fastapi.testclient import TestClient

    with TestClient(create_app(str(tmp_path / "rw.sqlite"), read_only=False)) as rw:
        r = rw.post("/api/documents", json={"text": ARTICLE, "outlet": "Test Wire", "published": "2024-06-12",
                                             "title": "Norway widens air defence use"})
        assert r.status_code == 201, r.text
        (doc_id,) = r.json()["added"]
        assert rw.get(f"/api/documents/{doc_id}").json()["outlet"] == "Test Wire"
        again = rw.post("/api/documents", json={"text": ARTICLE, "outlet": "Test Wire", "published": "2024-06-12",
                                                 "title": "Norway widens air defence use"})
        assert again.status_code == 201 and again.json()["duplicates"] == [doc_id]
        for body in ({"text": "x"}, {}, {"text": "word " * 10, "published": "not a date at all"}):
            bad = rw.post("/api/documents", json=body)
            assert bad.status_code == 422 and "Traceback" not in bad.text, body
        assert rw.post("/api/documents", content=b"{", headers={"content-type": "application/json"}).status_code == 422
        evil = rw.post("/api/documents", json={"text": ARTICLE}, headers={"origin": "http://evil.example"})
        assert evil.status_code == 403
