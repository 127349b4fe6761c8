"""The outermost layer: the `gongkai` command line (check, build, serve, report, estimate, urls, schema,
new, city). Nothing imports this package; it calls `generator.pipeline`."""
