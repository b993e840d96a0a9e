"""redlines.nlp: the language layer (spaCy loader, gazetteers, entity resolution, annotate)."""

from __future__ import annotations

from redlines.errors import GazetteerError
from redlines.nlp.annotate import annotate
from redlines.nlp.gazetteer import Gazetteer
from redlines.nlp.pipeline import load_pipeline

__all__ = ["Gazetteer", "GazetteerError", "annotate", "load_pipeline"]
