"""RuleExtractor: runs each statement rule over the parsed sentences, then the cross-sentence passes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from redlines.extract.args import SentView, make_view
from redlines.extract.attacks import extract_attacks
from redlines.extract.permissions import apply_narrowing, extract_permissions
from redlines.extract.positions import extract_positions
from redlines.extract.provenance import Context
from redlines.extract.quotes import extract_quotes, link_quotes
from redlines.extract.requests import extract_requests
from redlines.extract.transfers import extract_transfers, resolve_weapon_anaphora
from redlines.model import ParsedDocument, Statement

SentenceRule = Callable[[SentView, Context], list[Statement]]

# Order matters only for ties in output order; each rule is independent.
SENTENCE_RULES: tuple[SentenceRule, ...] = (
    extract_permissions,
    extract_transfers,
    extract_positions,
    extract_requests,
    extract_attacks,
)


class RuleExtractor:
    """Dependency-pattern rules over trigger lemmas (data/triggers.yaml) plus the mention/timex layer."""

    name = "rules"

    def __init__(self, gazetteer: Any = None) -> None:
        self.gazetteer = gazetteer

    def extract(self, parsed: ParsedDocument) -> list[Statement]:
        """Statements of one document: typed claims first (document order), then quotes linked to them."""
        views: dict[int, SentView] = {}
        claims: list[Statement] = []
        prev: SentView | None = None
        for sent in parsed.sentences:
            view = make_view(parsed, sent)
            if view is None:
                continue
            views[sent.index] = view
            ctx = Context(prev=prev)
            for rule in SENTENCE_RULES:
                claims.extend(rule(view, ctx))
            prev = view
        claims = apply_narrowing(claims, views)
        claims = resolve_weapon_anaphora(claims, views)
        claims = [s.with_(extractor=self.name) for s in claims]
        quotes = extract_quotes(parsed, views)
        return link_quotes(claims, quotes)


def extract(parsed: ParsedDocument, gazetteer: Any = None) -> list[Statement]:
    """Statements of a ParsedDocument with the rule extractor."""
    return RuleExtractor(gazetteer).extract(parsed)
