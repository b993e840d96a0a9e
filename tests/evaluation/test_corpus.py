"""bench/corpus.py: deterministic, varied, realistic-length articles (imported by path)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_deterministic(corpus):
    a, b = corpus.generate(40, seed=3), corpus.generate(40, seed=3)
    assert a == b
    assert corpus.generate(40, seed=4) != a
    assert corpus.generate(10, seed=3) == a[:10]  # an article depends only on (seed, index)


def test_variety_and_length(corpus):
    items = corpus.generate(200, seed=1)
    words = [it["words"] for it in items]
    assert 380 <= min(words) and max(words) <= 1100 and 500 <= sum(words) / len(words) <= 850
    assert len({it["outlet"] for it in items}) >= 10 and len({it["style"] for it in items}) >= 7
    assert 0.1 <= sum("html" in it for it in items) / len(items) <= 0.5
    assert all(("html" in it) != ("text" in it) for it in items)
    assert len({it["title"] for it in items}) >= 100
    # sentences are varied: no single sentence makes up a noticeable share of the corpus
    sentences = Counter(s.strip() for it in items for s in it["plain"].split(". ") if len(s) > 40)
    assert sentences.most_common(1)[0][1] / sum(sentences.values()) < 0.01
    assert len({it["published"] for it in items if it["published"]}) >= 50
    assert any(it["published"] is None for it in items)
    joined = " ".join(it.get("text") or it["html"] for it in items)
    for word in ("ATACMS", "Storm Shadow", "Taurus", "F-16", "Belgorod", "Crimea", "Subscribe", "cookies", "added"):
        assert word in joined, word


def test_cli_writes_files_and_jsonl(corpus, tmp_path):
    assert corpus.main(["5", "--seed", "2", "--out", str(tmp_path / "d")]) == 0
    files = sorted((tmp_path / "d").iterdir())
    assert len(files) == 5 and {f.suffix for f in files} <= {".txt", ".html"}
    assert corpus.main(["3", "--jsonl", str(tmp_path / "a.jsonl")]) == 0
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert len(rows) == 3 and all("outlet" in r and ("text" in r or "html" in r) for r in rows)
