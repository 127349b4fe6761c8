"""The outermost layer: the `gongkai` command line (check, build, serve, report, estimate, urls, schema,
new, city). Nothing imports this package; it calls `generator.pipeline`."""

EXIT_OK = 0
EXIT_INVALID = 1  # content or build problems; diagnostics printed
EXIT_USAGE = 2  # bad command line
