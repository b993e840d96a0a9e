"""redlines.ingest: raw articles (text, HTML, JSON) -> clean Documents with outlet, title, language and date.

Contract (redlines.pipeline): `read_inputs(paths, overrides)` yields RawArticle or Rejection and never
raises for bad input; `build_document(raw)` is pure and raises InputRejected with a one-line reason.
"""

from redlines.ingest.clean import clean_text
from redlines.ingest.document import build_document, content_id
from redlines.ingest.pubdate import infer_published
from redlines.ingest.readers import RawArticle, Rejection, parse_date, read_inputs

__all__ = [
    "RawArticle",
    "Rejection",
    "build_document",
    "clean_text",
    "content_id",
    "infer_published",
    "parse_date",
    "read_inputs",
]
