"""Shared machinery, not a stage: using every core (fan-out to workers) and the build's work cache."""
