"""redlines.kb stage."""
