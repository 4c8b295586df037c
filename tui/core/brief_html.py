"""The brief as one self-contained HTML page that a browser shows and prints well.

The page is the Markdown brief rendered by markdown-it-py with raw HTML off: the Markdown already
escapes every text from the data (``markdown_escape``: ``<`` as ``&lt;``, no brackets, so no link),
and markdown-it escapes what it outputs, so nothing from the data becomes markup. No script, no
remote font, style sheet or image: the file stands alone, offline.
"""

from __future__ import annotations

import html

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111;
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
table { border-collapse: collapse; margin: .6em 0; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .2em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
ul ul { font-size: .95em; color: #333; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  table, tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


def markdown_to_html(markdown: str, title: str) -> str:
    """A whole HTML document for ``markdown`` (which must already be escaped Markdown)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    body = parser.render(markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No request leaves the page: not even for a favicon.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        '<link rel="icon" href="data:,">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )
