"""Stage 2, resolve and rules: typed models -> the frozen `Site` (ids unique, references resolved) plus
publishing, compliance, project, freshness and plain-language diagnostics. Pure: no disk, no clock."""
