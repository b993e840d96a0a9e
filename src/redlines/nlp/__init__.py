"""redlines.nlp stage."""
