"""Turning the model into page HTML: pure Python and Jinja, no mkdocs import.

The mkdocs hooks in hooks/ only decide which pages exist and hand each one to this package, so a
different static-site engine could reuse everything here.
"""
