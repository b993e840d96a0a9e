"""RuleExtractor: runs each statement rule over the parsed sentences, then the cross-sentence passes.

Conventions every rule follows (the knowledge base relies on them):
- use_permission: action "allow" (a lifted or negated restriction too) or "restrict" (a standing ban, a
  refusal, "not ready to allow"), polarity True; polarity False only when the event itself is negated
  ("did not approve"). A limitation ("only on Ukrainian territory", "limited to border areas") gives an
  allow for the named zones and a restrict for the rest of that family of zones.
- valid: the interval of the time expression attached to the trigger's clause; else (not for standing
  states) one of the previous sentence about the same actor; else the publication date with precision
  "unknown" and confidence lowered by 0.15. "Until now ..." states are dated a week before publication.
  Transfers with a deadline ("by 2028") carry it as `valid` and the decision date in extra["decided"].
- modality: denied > planned > hypothetical (question, condition, hedge) > reported (media, sources,
  officials, "reportedly") > confirmed; "said it would allow" is reported speech of a decision (confirmed).
- Rules read only the ParsedDocument: no store, network or globals (trigger lists are cached data files).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from redlines.extract.args import SentView, make_view
from redlines.extract.anaphora import resolve_weapon_anaphora
from redlines.extract.attacks import extract_attacks
from redlines.extract.implicit import implicit_permissions
from redlines.extract.packages import expand_packages
from redlines.extract.permissions import apply_narrowing, extract_permissions
from redlines.extract.positions import extract_positions
from redlines.extract.provenance import Context
from redlines.extract.quotes import extract_quotes, link_quotes
from redlines.extract.requests import extract_requests
from redlines.extract.transfers import extract_transfers
from redlines.extract.triggers import trigger_words
from redlines.model import ParsedDocument, Sentence, Statement

SentenceRule = Callable[[SentView, Context], list[Statement]]

# Order matters only for ties in output order; each rule is independent.
SENTENCE_RULES: tuple[SentenceRule, ...] = (
    extract_permissions,
    extract_transfers,
    extract_positions,
    extract_requests,
    extract_attacks,
)

# Cross-sentence passes, in order, over (claims, parsed sentences by index).
DOCUMENT_PASSES = (apply_narrowing, resolve_weapon_anaphora, expand_packages, implicit_permissions)


class RuleExtractor:
    """Dependency-pattern rules over trigger lemmas (data/triggers.yaml) plus the mention/timex layer."""

    name = "rules"

    def __init__(self, gazetteer: Any = None, nlp: Any = None) -> None:
        self.gazetteer = gazetteer
        self.nlp = nlp  # optional: parse sentences the language layer skipped when they hold a trigger
        self.errors: list[str] = []  # rule failures of the last document (a broken rule skips, never aborts)

    def extract(self, parsed: ParsedDocument) -> list[Statement]:
        """Statements of one document: typed claims first (document order), then quotes linked to them."""
        self.errors = []
        views: dict[int, SentView] = {}
        claims: list[Statement] = []
        prev: SentView | None = None
        for sent in parsed.sentences:
            if sent.parse is None and self.nlp is not None and worth_parsing(parsed, sent):
                sent = replace(sent, parse=self.nlp(sent.text))
            view = make_view(parsed, sent)
            if view is None:
                continue
            views[sent.index] = view
            ctx = Context(prev=prev)
            for rule in SENTENCE_RULES:
                claims.extend(self._safely(rule, view, ctx))
            prev = view
        for document_pass in DOCUMENT_PASSES:
            try:
                claims = document_pass(claims, views)
            except Exception as exc:  # noqa: BLE001 - a failing pass costs its additions, not the document
                self.errors.append(f"{document_pass.__name__}: {type(exc).__name__}: {exc}")
        claims = [s.with_(extractor=self.name) for s in claims]
        try:
            quotes = extract_quotes(parsed, views)
        except Exception as exc:  # noqa: BLE001 - unbalanced or odd quotation marks must not stop an ingest
            self.errors.append(f"extract_quotes: {type(exc).__name__}: {exc}")
            quotes = []
        return link_quotes(claims, quotes)


    def _safely(self, rule: SentenceRule, view: SentView, ctx: Context) -> list[Statement]:
        """Run one rule on one sentence; an unexpected parse shape costs that sentence, not the document."""
        try:
            return rule(view, ctx)
        except Exception as exc:  # noqa: BLE001 - one odd sentence must not stop an ingest
            self.errors.append(f"{rule.__name__} on sentence {view.sent.index}: {type(exc).__name__}: {exc}")
            return []


def worth_parsing(parsed: ParsedDocument, sent: Sentence) -> bool:
    """An unparsed sentence with a trigger word and an actor or weapon mention."""
    words = {w.strip(".,;:!?\"“”'’()").lower() for w in sent.text.split()}
    has_trigger = bool(words & trigger_words())
    return has_trigger and bool(parsed.mentions_in(sent.start_char, sent.end_char))


def extract(parsed: ParsedDocument, gazetteer: Any = None) -> list[Statement]:
    """Statements of a ParsedDocument with the rule extractor."""
    return RuleExtractor(gazetteer).extract(parsed)
