"""Generated content for tests and benchmarks: districts, projects and text of any size (never
published as official: every item is marked sample)."""
