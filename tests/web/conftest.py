"""Web fixtures: a small store written here (our own invented articles), an app client, a live server."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from redlines.model import (
    DateInterval,
    Document,
    Evidence,
    Modality,
    Precision,
    PublishedDate,
    PublishedHow,
    RemovedSpan,
    Statement,
    StatementType,
    WeaponRef,
    Zone,
)

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '"><img src=x onerror="window.__xss=2">'
XSS_DONOR = "<img src=x onerror=window.__xss=3>"

# Invented articles (not from any real outlet), each a few plain sentences.
ARTICLES = [
    {
        "outlet": "Test Wire", "title": "Washington keeps limits on US rockets", "published": date(2024, 5, 2),
        "text": (
            "Officials in Washington said on Thursday that Ukraine must not fire American rockets at Russian soil. "
            "The ban covers HIMARS launchers used near the northern front. "
            "Kyiv has asked for the rule to be lifted for weeks."
        ),
        "raw_prefix": "SUBSCRIBE NOW for full access\n",
        "statements": [
            ("The ban covers HIMARS", dict(type=StatementType.USE_PERMISSION, actor="United States",
             weapon=WeaponRef("system", "HIMARS"), zones=(Zone.RU_BORDER, Zone.RU_DEEP), action="restrict",
             valid=DateInterval(date(2024, 5, 2), date(2024, 5, 2), Precision.DAY, "on Thursday"))),
        ],
    },
    {
        "outlet": "Daily Example", "title": "US lets Kyiv hit targets over the border", "published": date(2024, 6, 1),
        "text": (
            "The White House has quietly allowed Ukraine to strike Russian military sites just over the border "
            "near Kharkiv with HIMARS, an official said on Friday. "
            "Long-range ATACMS missiles still may not be fired deep into Russia. "
            "Germany again refused to send its Taurus cruise missiles."
        ),
        "raw_prefix": "Advertisement\nCookie settings\n",
        "statements": [
            ("The White House has quietly allowed", dict(type=StatementType.USE_PERMISSION, actor="United States",
             weapon=WeaponRef("system", "HIMARS"), zones=(Zone.RU_BORDER,), action="allow",
             valid=DateInterval(date(2024, 5, 30), date(2024, 5, 30), Precision.DAY, "on Thursday"))),
            ("Long-range ATACMS missiles still", dict(type=StatementType.USE_PERMISSION, actor="United States",
             weapon=WeaponRef("system", "ATACMS"), zones=(Zone.RU_DEEP,), action="keep",
             valid=DateInterval(date(2024, 5, 31), date(2024, 5, 31), Precision.DAY, ""))),
            ("Germany again refused", dict(type=StatementType.TRANSFER, actor="Germany",
             weapon=WeaponRef("system", "Taurus"), action="refuse",
             valid=DateInterval(date(2024, 5, 31), date(2024, 5, 31), Precision.DAY, ""))),
        ],
    },
    {
        "outlet": "Morning Example", "title": "Berlin ships air defence launchers", "published": date(2024, 5, 21),
        "text": (
            "Germany delivered three IRIS-T launchers to Ukraine on Monday, the defence ministry said. "
            "The systems will protect cities far from the front line."
        ),
        "raw_prefix": "Related stories\n",
        "statements": [
            ("Germany delivered three", dict(type=StatementType.TRANSFER, actor="Germany", recipient="Ukraine",
             weapon=WeaponRef("system", "IRIS-T"), action="deliver", quantity=3,
             valid=DateInterval(date(2024, 5, 20), date(2024, 5, 20), Precision.DAY, "on Monday"))),
        ],
    },
    {
        "outlet": "Evening Example", "title": "More launchers reach Ukraine", "published": date(2024, 5, 22),
        "text": (
            "Four IRIS-T launchers from Germany arrived in Ukraine on Monday, according to officials in Kyiv. "
            "Ukrainian commanders welcomed the delivery."
        ),
        "raw_prefix": "Share this article\n",
        "statements": [
            ("Four IRIS-T launchers", dict(type=StatementType.TRANSFER, actor="Germany", recipient="Ukraine",
             weapon=WeaponRef("system", "IRIS-T"), action="deliver", quantity=4,
             valid=DateInterval(date(2024, 5, 20), date(2024, 5, 20), Precision.DAY, "on Monday"))),
        ],
    },
    {
        "outlet": f"Evil Outlet {XSS_IMG}", "title": f"Hostile headline {XSS_SCRIPT}", "published": date(2024, 6, 2),
        "text": (
            "A reader sent this odd line to the newsroom on Saturday. "
            f"The spokesman said the donors {XSS_SCRIPT} would allow drones near the border {XSS_IMG} soon. "
            "Nobody else confirmed the remark, and the ministry declined to comment on it."
        ),
        "raw_prefix": f"Menu {XSS_SCRIPT}\n",
        "statements": [
            ("The spokesman said the donors", dict(type=StatementType.USE_PERMISSION, actor=XSS_DONOR,
             weapon=WeaponRef("class", "drone"), zones=(Zone.RU_BORDER,), action="allow",
             valid=DateInterval(date(2024, 6, 1), date(2024, 6, 1), Precision.DAY, ""))),
        ],
    },
]


def _sentence_bounds(text: str, words: str) -> tuple[int, int, int]:
    start = text.index(words)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return start, end, text[:start].count(". ")


def make_document(article: dict) -> tuple[Document, list[Statement]]:
    """A Document and its Statements from one invented article of ARTICLES."""
    text, prefix = article["text"], article["raw_prefix"]
    doc_id = hashlib.sha256((text + article["title"]).encode()).hexdigest()
    doc = Document(
        id=doc_id, text=text, raw=prefix + text, outlet=article["outlet"], title=article["title"], language="en",
        published=PublishedDate(article["published"], PublishedHow.GIVEN, 1.0, rule="test"),
        removed=(RemovedSpan(0, len(prefix), "boilerplate", prefix),),
    )
    statements = []
    for words, fields in article["statements"]:
        start, end, index = _sentence_bounds(text, words)
        ev = Evidence(doc_id, index, start, end, text[start:end], doc.outlet, doc.published.value)
        statements.append(Statement(evidence=ev, modality=Modality.CONFIRMED, confidence=0.9, **fields))
    return doc, statements


def build_store(url: str):
    """A store holding ARTICLES, passed through the knowledge base update when it exists."""
    from redlines.kb.store import Store
    from redlines.pipeline import update_kb

    store = Store(url)
    ids = []
    for article in ARTICLES:
        doc, statements = make_document(article)
        with store.session() as s:
            store.add_document(doc, s)
            store.replace_statements(doc.id, statements, s)
        ids.append(doc.id)
    update_kb(store, ids)
    return store


@pytest.fixture(scope="session")
def small_store(tmp_path_factory):
    return build_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'small.sqlite'}")


@pytest.fixture(scope="session")
def client(small_store):
    from fastapi.testclient import TestClient

    from redlines.web.app import create_app

    with TestClient(create_app(store=small_store)) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn in a thread on a loopback port."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (run scripts/install-system-deps.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()
