"""redlines.scale stage."""
