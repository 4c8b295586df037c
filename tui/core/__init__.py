"""The core: schema, loading, diagnostics, verification, analysis and export.

Nothing here imports textual or rich (a test checks it), so the CLI and other tools can use the
core without a terminal UI.
"""
