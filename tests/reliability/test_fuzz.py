"""Fuzz ingest and extraction with malformed inputs: zero crashes, clear rejections, a consistent store.

Fast version for `make test`; tests/stress/test_fuzz_long.py runs the same targets with >= 1,000
inputs each.
"""

from __future__ import annotations

import hashlib
import time

import pytest
from fuzz_inputs import MALFORMED_FILES, assert_document, run_extraction_fuzz, run_ingest_fuzz

from redlines.errors import InputRejected

INGEST_EXAMPLES = 320
EXTRACT_EXAMPLES = 120
BIG_BYTES = 3_000_000


def _needs(*names: str) -> None:
    import importlib

    for dotted in names:
        mod, _, attr = dotted.rpartition(".")
        if not hasattr(importlib.import_module(mod), attr):
            pytest.skip(f"{dotted} is not there yet")


def test_fuzz_ingest_and_store_stay_consistent(tmp_path):
    _needs("redlines.ingest.read_inputs", "redlines.ingest.build_document")
    from redlines.kb.check import check_store
    from redlines.kb.store import Store

    out = run_ingest_fuzz(INGEST_EXAMPLES)
    assert sum(out.inputs.values()) >= INGEST_EXAMPLES * 0.95, out.inputs
    assert set(out.inputs) == set(MALFORMED_FILES), out.inputs
    store = Store(f"sqlite:///{tmp_path / 'fuzz.sqlite'}")
    for doc in out.documents:
        store.add_document(doc)
    report = check_store(store)
    assert report.ok, report.problems[:5]
    assert out.rejected > 0 and out.documents, "the fuzz should produce both rejections and documents"


@pytest.mark.slow
def test_fuzz_extraction_never_crashes(nlp):
    _needs("redlines.nlp.annotate", "redlines.nlp.Gazetteer", "redlines.extract.RuleExtractor")
    assert run_extraction_fuzz(EXTRACT_EXAMPLES, nlp) >= EXTRACT_EXAMPLES * 0.95


def test_multi_megabyte_article_is_handled(tmp_path):
    """3 MB here; tests/stress runs 10 MB through analysis too."""
    _needs("redlines.ingest.read_inputs", "redlines.ingest.build_document")
    from redlines import ingest

    from redlines.scale.synthetic import generate

    body = "\n\n".join(text for _, text in generate(40, seed=7))
    path = tmp_path / "big.txt"
    path.write_text((body * (BIG_BYTES // len(body) + 1))[:BIG_BYTES], encoding="utf-8")
    t0 = time.perf_counter()
    items = list(ingest.read_inputs([str(path)], {}))
    assert len(items) == 1
    if isinstance(items[0], ingest.Rejection):
        assert items[0].reason
    else:
        try:
            assert_document(ingest.build_document(items[0]))
        except InputRejected as exc:
            assert exc.message
    assert time.perf_counter() - t0 < 60


def test_nul_escaped_in_json_never_breaks_postgres(tmp_path, pg_url):
    """JSON can smuggle a NUL (\\u0000) past the byte-level binary check; PostgreSQL text refuses NUL."""
    _needs("redlines.ingest.read_inputs", "redlines.ingest.build_document")
    from redlines import ingest
    from redlines.kb.check import check_store
    from redlines.kb.store import Store

    path = tmp_path / "nul.json"
    path.write_text('{"text": "Norway said on Friday\\u0000 it would send more jets to Ukraine.\\u0000", '
                    '"title": "Jets\\u0000", "outlet": "Wire\\u0000"}', encoding="utf-8")
    store = Store(pg_url)
    for item in ingest.read_inputs([str(path)], {}):
        if isinstance(item, ingest.Rejection):
            continue
        try:
            doc = ingest.build_document(item)
        except InputRejected:
            continue
        store.add_document(doc)  # must not raise: the cleaner drops NULs (or rejects the input)
        assert "\x00" not in doc.text
    assert check_store(store).ok


def test_fuzz_ids_are_deterministic():
    """The same malformed input always gets the same outcome (ids are content hashes)."""
    _needs("redlines.ingest.read_inputs", "redlines.ingest.build_document")
    a, b = run_ingest_fuzz(40), run_ingest_fuzz(40)
    assert [d.id for d in a.documents] == [d.id for d in b.documents]
    assert hashlib.sha1(repr(sorted(a.inputs.items())).encode()).digest() == \
        hashlib.sha1(repr(sorted(b.inputs.items())).encode()).digest()


BAD_URL_IDS = ["bracket", "open_ipv6", "bad_ipv6", "space", "javascript", "slashes", "huge", "bad_port", "rtl"]
BAD_URLS = ["[", "http://[::1", "http://[bad]host/", "https://exa mple.com/a", "javascript:alert(1)", "//",
            "http://" + "a" * 5000 + ".com", "http://example.com:99999/", "\u202ehttp://evil.example/"]


@pytest.mark.parametrize("url", BAD_URLS, ids=BAD_URL_IDS)
def test_malformed_url_metadata_is_no_crash(tmp_path, url):
    """Found by the long fuzz: a JSON article whose url is not a URL must not crash the cleaner."""
    _needs("redlines.ingest.read_inputs", "redlines.ingest.build_document")
    import json

    from redlines import ingest
    from redlines.scale.synthetic import generate_article

    path = tmp_path / "a.json"
    body = generate_article(1, seed=2)[1].split(") - ", 1)[1]  # no byline: the outlet must come from the url
    path.write_text(json.dumps({"url": url, "text": body}), encoding="utf-8")
    for item in ingest.read_inputs([str(path)], {}):
        if isinstance(item, ingest.Rejection):
            assert item.reason
            continue
        try:
            assert_document(ingest.build_document(item))
        except InputRejected as exc:
            assert exc.message
