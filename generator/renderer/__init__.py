"""Renderers: outer layers that turn emitted Markdown into HTML. Today only mkdocs-material."""
