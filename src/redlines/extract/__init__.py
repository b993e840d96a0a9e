"""redlines.extract: typed statements with provenance from a ParsedDocument (issue #4)."""

from redlines.extract.base import Extractor
from redlines.extract.rules import RuleExtractor, extract

__all__ = ["Extractor", "RuleExtractor", "extract"]
