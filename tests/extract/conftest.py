"""Fixtures of the extraction tests: build ParsedDocuments from short texts and run the rule extractor."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from extract_testkit import parsed_doc

from redlines.extract import RuleExtractor


@pytest.fixture(scope="session")
def run(nlp):
    """run(text, dates=None) -> statements of a hand-annotated ParsedDocument of `text`."""
    extractor = RuleExtractor(None)

    def _run(text: str, dates: dict | None = None, **kw):
        return extractor.extract(parsed_doc(nlp, text, dates, **kw))

    return _run
