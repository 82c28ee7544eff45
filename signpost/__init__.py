"""hsb-signpost content layer: load, validate and model the YAML under services/.

Pure Python: nothing here imports mkdocs, so the renderer can change without touching content
or validation. The one entry point most callers need is :func:`signpost.content.load_site`.
"""
