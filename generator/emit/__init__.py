"""Stage 4, emit: `Page` values -> Markdown with front matter (strict Jinja, autoescape), written into
the work folder only where it changed; per-page results cached by their inputs."""
