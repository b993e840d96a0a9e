"""redlines.web stage."""
