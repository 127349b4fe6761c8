"""Stage 1, load and validate: `content/*.yml` and `site_config.yml` bytes -> positioned node trees ->
typed models (`generator.model`), with located Chinese diagnostics. Nothing is coerced by YAML; every
file's result is cached by its SHA-256."""
