"""Renderers: what people read (Rich) and what programs read (JSON, CSV, Markdown, YAML)."""
