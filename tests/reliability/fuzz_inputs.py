"""Hypothesis strategies for malformed inputs and the checks every outcome must pass.

Shared by the fast fuzz tests (tests/reliability) and the long ones (tests/stress).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redlines.errors import InputRejected
from redlines.model import Document

# Our own vocabulary: war-news words plus neutral filler.
WORDS = ("Ukraine", "Kyiv", "Russia", "Moscow", "Kharkiv", "Belgorod", "Crimea", "Germany", "France", "Norway",
         "United States", "Washington", "ATACMS", "HIMARS", "Taurus", "F-16", "Storm Shadow", "missiles", "jets",
         "allowed", "banned", "lifted", "restrictions", "strike", "targets", "across", "the", "border", "inside",
         "territory", "said", "on", "Friday", "May", "June", "2024", "last", "week", "minister", "would", "not",
         "may", "use", "weapons", "deep", "occupied", "permission", "to", "fire", "at", "€1.5 billion", "$200m")
RTL = ("אוקראינה ביקשה טילים נוספים", "أوكرانيا تطلب المزيد من الصواريخ", "\u202eUkraine\u202c reversed",
       "\u200fמשפט\u200f mixed with English words")
INVISIBLE = ("\x00", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u061c", "\u00ad",
             "\x0b", "\x1b[31m", "\ufffd", "\r", "\t")
EXTS = (".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".md", "")

word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=1, max_size=25).map(lambda ws: " ".join(ws) + ".")
prose = st.lists(sentence, min_size=0, max_size=12).map(lambda ss: "\n\n".join(ss))
unicode_text = st.text(max_size=400)


@st.composite
def sprinkled(draw, base=prose) -> str:
    """Prose with invisible, control and right-to-left characters inserted at random places."""
    text = draw(base)
    extra = draw(st.lists(st.tuples(st.integers(0, max(0, len(text))),
                                    st.sampled_from(INVISIBLE + RTL)), max_size=12))
    for pos, piece in sorted(extra, reverse=True):
        text = text[:pos] + piece + text[pos:]
    return text


@st.composite
def truncated_html(draw) -> str:
    title = draw(sentence)
    paras = draw(st.lists(sprinkled(sentence), min_size=1, max_size=8))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + title + "</title>"
            "<script>var x = '</p>';</script><style>p{}</style></head><body><nav><a href='/'>Home</a></nav>"
            "<article><h1>" + title + "</h1>" + "".join(f"<p>{p}</p>" for p in paras)
            + "</article><footer>Subscribe now</footer></body></html>")
    return html[: draw(st.integers(0, len(html)))]


@st.composite
def nested_html(draw) -> str:
    depth = draw(st.sampled_from((10, 300, 2_000, 10_000)))
    tag = draw(st.sampled_from(("div", "span", "section", "p", "b")))
    body = draw(sentence)
    closing = ("</" + tag + ">") * depth if draw(st.booleans()) else ""
    return "<html><body>" + ("<" + tag + ">") * depth + body + closing + "</body></html>"


@st.composite
def huge_line(draw) -> str:
    n = draw(st.sampled_from((5_000, 50_000, 200_000)))
    return (draw(sentence).rstrip(".") + " ") * (n // 20)


@st.composite
def mixed_encoding(draw) -> bytes:
    parts = draw(st.lists(st.tuples(sprinkled(sentence), st.sampled_from(
        ("utf-8", "latin-1", "cp1252", "utf-16", "utf-16-le", "koi8-r", "shift_jis"))), min_size=1, max_size=5))
    return b" ".join(text.encode(enc, errors="replace") for text, enc in parts)


@st.composite
def noisy_article(draw) -> str:
    """A real-looking synthetic article, damaged: invisible characters, RTL runs, cut short, maybe in HTML."""
    from redlines.scale.synthetic import generate_article

    _, text = generate_article(draw(st.integers(0, 10**6)), seed=draw(st.integers(0, 50)))
    text = draw(sprinkled(st.just(text)))
    text = text[: draw(st.integers(len(text) * 2 // 3, len(text)))]
    if draw(st.booleans()):
        paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        text = f"<html><head><title>News</title></head><body><div class='ad'>Buy now</div>{paras}</body></html>"
    return text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | unicode_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(("text", "html", "url", "title", "outlet", "published", "x")) | unicode_text,
        inner, max_size=5),
    max_leaves=20,
)


@st.composite
def json_garbage(draw) -> str:
    kind = draw(st.sampled_from(("value", "article", "lines", "truncated")))
    article = st.fixed_dictionaries({}, optional={
        "text": st.one_of(sprinkled(), noisy_article(), st.integers(), st.none(), st.just("")),
        "html": st.one_of(truncated_html(), st.lists(st.integers(), max_size=2)),
        "url": st.one_of(unicode_text, st.integers()),
        "title": unicode_text,
        "outlet": st.one_of(unicode_text, st.booleans()),
        "published": st.one_of(unicode_text, st.integers(), st.sampled_from(
            ("2024-02-30", "yesterday", "9999-99-99", "2024-06-01T25:00", "0001-01-01", "1e309", "June 31, 2024"))),
    })
    if kind == "value":
        return json.dumps(draw(json_values))
    if kind == "article":
        return json.dumps(draw(st.one_of(article, st.lists(article, max_size=4))))
    lines = [json.dumps(draw(st.one_of(article, json_values))) for _ in range(draw(st.integers(1, 5)))]
    text = "\n".join(lines)
    return text[: draw(st.integers(0, len(text)))] if kind == "truncated" else text


def _enc(s: str) -> bytes:
    return s.encode("utf-8", errors="surrogatepass")


# category -> strategy of (file extension, bytes)
MALFORMED_FILES = {
    "random_bytes": st.tuples(st.sampled_from(EXTS), st.binary(max_size=4096)),
    "truncated_html": st.tuples(st.sampled_from((".html", ".htm", ".txt")), truncated_html().map(_enc)),
    "deep_nesting": st.tuples(st.just(".html"), nested_html().map(_enc)),
    "huge_line": st.tuples(st.sampled_from((".txt", ".html")), huge_line().map(_enc)),
    "mixed_encoding": st.tuples(st.sampled_from((".txt", ".html")), mixed_encoding()),
    "rtl_zero_width_nul": st.tuples(st.sampled_from((".txt", ".html")), sprinkled().map(_enc)),
    "json_garbage": st.tuples(st.sampled_from((".json", ".jsonl", ".ndjson")), json_garbage().map(_enc)),
    "unicode_text": st.tuples(st.sampled_from((".txt", ".json")), unicode_text.map(_enc)),
    "noisy_article": st.tuples(st.sampled_from((".txt", ".html")), noisy_article().map(_enc)),
}

# Texts handed straight to the language layer and extraction (bypassing the cleaner's filters).
extraction_texts = st.one_of(prose, sprinkled(), unicode_text, huge_line().map(lambda s: s[:30_000]),
                             st.sampled_from(RTL), st.just(""), st.just(" \n\n "), st.just("." * 500))


class Outcomes:
    """Counts of what happened to fuzz inputs, per category."""

    def __init__(self) -> None:
        self.inputs: Counter[str] = Counter()
        self.documents: list[Document] = []
        self.rejected = 0
        self.tmp = Path(tempfile.mkdtemp(prefix="redlines-fuzz-"))

    def ingest_file(self, category: str, ext: str, data: bytes) -> None:
        """Read and clean one file; every outcome must be a Document or a clear rejection."""
        from redlines import ingest

        self.inputs[category] += 1
        path = self.tmp / (hashlib.sha1(data).hexdigest()[:16] + ext)
        path.write_bytes(data)
        try:
            for item in ingest.read_inputs([str(path)], {}):
                if isinstance(item, ingest.Rejection):
                    assert_reason(item.reason)
                    self.rejected += 1
                    continue
                try:
                    doc = ingest.build_document(item)
                except InputRejected as exc:
                    assert_reason(exc.message)
                    self.rejected += 1
                    continue
                assert_document(doc)
                if len(self.documents) < 400:
                    self.documents.append(doc)
        finally:
            path.unlink(missing_ok=True)


def assert_reason(reason: str) -> None:
    assert isinstance(reason, str) and reason.strip(), "a rejection needs a reason"
    assert "\n" not in reason.strip() and len(reason) < 500, f"reason should be one short line: {reason!r}"
    assert "Traceback" not in reason


def assert_document(doc: Document) -> None:
    assert isinstance(doc, Document) and doc.id and isinstance(doc.text, str)
    assert doc.text.strip(), "an accepted document must have some text"
    for r in doc.removed:
        assert 0 <= r.start <= r.end <= len(doc.raw), f"removed span {r.start}:{r.end} outside raw"


def assert_statements(doc: Document, statements: list) -> None:
    """Extraction output points inside the document and quotes it exactly."""
    for st_ in statements:
        ev = st_.evidence
        assert ev.document_id == doc.id
        assert 0 <= ev.start_char <= ev.end_char <= len(doc.text), (ev.start_char, ev.end_char, len(doc.text))
        if ev.sentence:
            assert doc.text[ev.start_char:ev.end_char] == ev.sentence


def text_document(text: str) -> Document:
    """A Document carrying `text` as is (to fuzz the language layer without the cleaner's filtering)."""
    return Document(id=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16], text=text, raw=text)


FAST = dict(deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))


def run_ingest_fuzz(n: int) -> Outcomes:
    """Feed `n` malformed files (spread over every category) through read_inputs + build_document."""
    out = Outcomes()
    per = max(1, n // len(MALFORMED_FILES))
    try:
        for category, strategy in MALFORMED_FILES.items():
            _fuzz_category(out, category, strategy, per)
    finally:
        shutil.rmtree(out.tmp, ignore_errors=True)
    return out


def _fuzz_category(out: Outcomes, category: str, strategy, n: int) -> None:
    @settings(max_examples=n, **FAST)
    @given(strategy)
    def one(case):
        out.ingest_file(category, *case)

    one()


def run_extraction_fuzz(n: int, nlp) -> int:
    """Feed `n` hostile texts through annotate + extract; returns how many ran."""
    from redlines import extract
    from redlines import nlp as nlp_stage

    gazetteer = nlp_stage.Gazetteer.load([])
    extractor = extract.RuleExtractor(gazetteer)
    count = [0]

    @settings(max_examples=n, **FAST)
    @given(extraction_texts)
    def one(text):
        count[0] += 1
        doc = text_document(text)
        parsed = list(nlp_stage.annotate([doc], nlp, gazetteer))
        assert len(parsed) == 1 and parsed[0].document.id == doc.id
        for s in parsed[0].sentences:
            assert 0 <= s.start_char <= s.end_char <= len(doc.text)
        for m in parsed[0].mentions:
            assert 0 <= m.start_char <= m.end_char <= len(doc.text)
        assert_statements(doc, extractor.extract(parsed[0]))

    one()
    return count[0]
