"""redlines.evaluation stage."""
