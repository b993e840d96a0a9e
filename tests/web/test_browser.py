"""The dashboard in headless Chromium (Debian's /usr/bin/chromium via Playwright), served on loopback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from redlines.web.app import create_app

from .conftest import ARTIFACTS, XSS_IMG, XSS_SCRIPT, LiveServer

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="session")
def small_server(small_store):
    with LiveServer(create_app(store=small_store)) as srv:
        yield srv


@pytest.fixture(scope="session")
def seeds_server(seeds_dir, tmp_path_factory):
    """A store built from ../shared/seeds by the real pipeline, served read-only."""
    from redlines.kb.store import Store
    from redlines.pipeline import run_ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.sqlite'}"
    try:
        report = run_ingest([str(p) for p in sorted(seeds_dir.glob("*.txt"))], Store(url))
    except Exception as exc:  # the pipeline is built by other stages; say why we cannot test on it
        pytest.skip(f"the ingest pipeline cannot build a store from the seeds yet: {type(exc).__name__}: {exc}")
    if len(report.added) < 3:
        pytest.skip(f"the pipeline stored {len(report.added)} of 3 seeds (rejected: {report.rejected})")
    with LiveServer(create_app(url)) as srv:
        yield srv


class Watch:
    """Console errors (CSP violations show up there), page errors and dialogs of one page."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(d) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)


def matrix_statuses(page, donor: str) -> dict[str, str]:
    return page.eval_on_selector_all(
        "#matrix td.cell[data-donor]",
        "(tds, donor) => Object.fromEntries(tds.filter(t => t.dataset.donor === donor)"
        ".map(t => [t.dataset.weapon, t.dataset.status]))",
        donor,
    )


def set_as_of(page, day: str) -> None:
    page.fill("#as-of", day)
    page.dispatch_event("#as-of", "change")
    page.wait_for_selector(f"#matrix[data-as-of='{day}']")
    page.locator("#as-of").blur()


def check_matrix_flow(page, base: str, shots: str, donor: str = "United States") -> str:
    """Open the matrix at 2024-05-27, move to 2024-06-03, follow a US/RU_BORDER cell that became permitted."""
    watch = Watch(page)
    page.goto(f"{base}/?as_of=2024-05-27&zone=RU_BORDER")
    # rendered for that date; it may hold no cell at all when nothing is known yet in the zone
    page.wait_for_selector("#matrix[data-as-of='2024-05-27']", state="attached")
    before = matrix_statuses(page, donor)
    page.screenshot(path=str(ARTIFACTS / f"{shots}-matrix-2024-05-27.png"), full_page=True)
    set_as_of(page, "2024-06-03")
    after = matrix_statuses(page, donor)
    page.screenshot(path=str(ARTIFACTS / f"{shots}-matrix-2024-06-03.png"), full_page=True)
    changed = [w for w, s in after.items() if s == "permitted" and before.get(w, "unknown") != "permitted"]
    assert changed, f"no {donor} RU_BORDER cell became permitted: before={before} after={after}"
    assert page.input_value("#as-of-slider") != "0"
    page.click(f"#matrix td.cell[data-donor='{donor}'][data-weapon='{changed[0]}'] button")
    page.wait_for_selector("#evidence-panel:not([hidden]) .evidence-link")
    assert "permitted" in page.inner_text("#panel-status").lower()
    page.screenshot(path=str(ARTIFACTS / f"{shots}-matrix-panel.png"))
    sentence = page.inner_text("#panel-facts blockquote")
    page.click("#panel-facts .evidence-link")
    page.wait_for_selector("mark")
    marked = page.inner_text("mark")
    assert marked.strip() and (marked.strip() in sentence or sentence.strip() in marked)
    page.screenshot(path=str(ARTIFACTS / f"{shots}-evidence.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / f"{shots}-evidence-top.png"))
    assert not watch.errors and not watch.dialogs, watch.errors + watch.dialogs
    return changed[0]


def test_matrix_date_change_and_evidence_on_small_store(page, small_server):
    assert check_matrix_flow(page, small_server.url, "small") == "HIMARS"


def test_every_page_renders_without_errors(page, small_server):
    watch = Watch(page)
    for path, selector in [("/timeline", "#timeline-chart[data-rendered='true'] svg"), ("/documents", "#documents"),
                           ("/search?q=HIMARS", "#hits li"), ("/?zone=RU_DEEP", "#matrix td.cell")]:
        page.goto(small_server.url + path)
        page.wait_for_selector(selector)
        name = path.strip("/").split("?")[0] or "matrix"
        page.screenshot(path=str(ARTIFACTS / f"small-{name}.png"), full_page=True)
    page.goto(small_server.url + "/timeline?donor=United+States")
    page.wait_for_selector("#timeline-chart[data-rendered='true'] .mark-symbol path")
    page.locator("#timeline-chart .mark-symbol path").first.click()
    page.wait_for_url("**/facts/*")
    assert page.locator("article.source mark").count() >= 1
    page.goto(small_server.url + "/documents")
    page.click("#documents a >> nth=0")
    page.wait_for_selector("#clean-text")
    assert page.locator("#removed-spans del").count() >= 1
    assert not watch.errors, watch.errors


def test_contradiction_side_by_side(page, small_server):
    import httpx

    entries = httpx.get(small_server.url + "/api/timeline", params={"donor": "Germany", "weapon": "IRIS-T"}).json()
    page.goto(f"{small_server.url}/facts/{entries['entries'][0]['fact_id']}")
    sides = page.locator("#contradictions .side")
    assert sides.count() == 2
    assert {sides.nth(i).locator(".value").inner_text() for i in range(2)} == {"3", "4"}
    assert page.inner_text("#corroboration") == "2"
    assert page.locator("article.source mark").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "small-contradiction.png"))
    if os.environ.get("REDLINES_UPDATE_SCREENSHOTS"):  # README picture: invented articles, no seed text
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTIFACTS / "small-contradiction.png", SCREENSHOTS / "evidence.png")


def test_untrusted_text_never_executes(page, small_server):
    watch = Watch(page)
    page.goto(small_server.url + "/documents")
    assert XSS_SCRIPT in page.inner_text("#documents")  # the hostile title shows as text
    page.click("#documents a:has-text('Hostile headline')")
    page.wait_for_selector("#clean-text")
    body = page.inner_text("body")
    assert XSS_SCRIPT in body and XSS_IMG in body
    assert page.locator("main script, main img").count() == 0
    doc_url = page.url
    pages = [doc_url, small_server.url + "/search?q=spokesman", small_server.url + "/search?q=" + XSS_SCRIPT,
             small_server.url + "/timeline", small_server.url + "/?as_of=2024-06-03"]
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__xss") is None, url
        assert page.locator("main img, main script").count() == 0, url
    # the hostile donor is rendered by matrix.js: as text, and its evidence page too
    page.wait_for_selector("#matrix td.cell[data-weapon='class:drone'] button")
    assert "<img src=x onerror=window.__xss=3>" in page.inner_text("#matrix")
    page.click("#matrix td.cell[data-weapon='class:drone'] button")
    page.wait_for_selector("#evidence-panel:not([hidden]) .evidence-link")
    page.click("#panel-facts .evidence-link")
    page.wait_for_selector("mark")
    assert XSS_SCRIPT in page.inner_text("mark") and XSS_IMG in page.inner_text("mark")
    page.screenshot(path=str(ARTIFACTS / "small-xss-evidence.png"), full_page=True)
    assert page.evaluate("window.__xss") is None
    assert not watch.dialogs and not [e for e in watch.errors if "__xss" in e], watch.errors


def test_seed_matrix_flow_in_the_browser(page, seeds_server):
    check_matrix_flow(page, seeds_server.url, "seeds")
    if os.environ.get("REDLINES_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # README picture: statuses only (the evidence panel would show seed sentences)
        shutil.copy(ARTIFACTS / "seeds-matrix-2024-06-03.png", SCREENSHOTS / "matrix.png")


def test_seed_pages_render(page, seeds_server):
    watch = Watch(page)
    for path, selector in [("/timeline", "#timeline-chart[data-rendered='true'] svg"), ("/documents", "#documents")]:
        page.goto(seeds_server.url + path)
        page.wait_for_selector(selector)
        page.screenshot(path=str(ARTIFACTS / f"seeds-{path.strip('/')}.png"), full_page=True)
    assert page.locator("#documents tbody tr").count() == 3
    assert not watch.errors, watch.errors


HOSTILE_ARTICLE = (
    "BRUSSELS, June 20 (Test Wire) - Belgium said on Thursday that Ukraine may fly the F-16 jets it sends only "
    f"over Ukrainian territory, a reader comment quoted as {XSS_SCRIPT} said, while a second line read {XSS_IMG}. "
    "The Belgian defence minister told reporters that the first aircraft would arrive before the end of the year. "
    "Officials in Kyiv have asked allies to drop such limits so pilots can hit launch sites across the border. "
    "The government did not say whether the rule would be reviewed once more jets were delivered."
)


def test_ingested_hostile_article_stays_text(page, tmp_path):
    """The payload goes through the real ingest (POST on a read-write server), then every page shows it inert."""
    import httpx

    app = create_app(str(tmp_path / "rw.sqlite"), read_only=False)
    with LiveServer(app) as srv:
        r = httpx.post(srv.url + "/api/documents", timeout=120, json={
            "text": HOSTILE_ARTICLE, "title": f"Jets and limits {XSS_SCRIPT}", "outlet": "Test Wire",
            "published": "2024-06-20"})
        assert r.status_code == 201, r.text
        (doc_id,) = r.json()["added"]
        watch = Watch(page)
        for path in (f"/documents/{doc_id}", "/documents", "/search?q=reader+comment", "/?as_of=2024-06-21",
                     "/timeline"):
            page.goto(srv.url + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__xss") is None, path
            assert page.locator("main img, main script").count() == 0, path
        page.goto(f"{srv.url}/documents/{doc_id}")
        assert XSS_SCRIPT in page.inner_text("#clean-text")
        facts = {f for e in httpx.get(srv.url + "/api/timeline").json()["entries"] for f in [e["fact_id"]]}
        assert facts, "the hostile article gave no facts to open"
        for fact_id in sorted(facts)[:3]:
            page.goto(f"{srv.url}/facts/{fact_id}")
            page.wait_for_selector("article.source")
            assert page.evaluate("window.__xss") is None
        assert not watch.dialogs
