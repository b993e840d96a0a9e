"""redlines.query stage."""
