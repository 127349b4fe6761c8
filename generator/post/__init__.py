"""Stage 6, post-process and check: the rendered HTML in the staging folder -> added files (feed,
redirect pages, search index, inline QR codes) and the site check (no external resource, no broken
link). Post-processors only add files."""
