"""redlines.extract stage."""
