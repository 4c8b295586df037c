"""A small data tree whose every text field carries markup, escapes and a bidi override.

Test data, labelled so in each file; written only under a temporary directory.
"""

from __future__ import annotations

from pathlib import Path

NOTICE = "# Test fixture: hostile input, not real data."
PAYLOAD = "[bold]b[/bold] [@click=app.quit]q[/] [link=http://evil]l[/link] \x1b[31mred \u202eevil"
# What a reader must see: markup literally, the escape and the override as visible marks.
SHOWN = "[bold]b[/bold] [@click=app.quit]q[/] [link=http://evil]l[/link] ␛[31mred ⟨U+202E⟩evil"

FIELDS = (
    "NAME",
    "ROLE",
    "COUNTRY",
    "ALIAS",
    "TITLE",
    "PROP",
    "DESC",
    "SCALELOW",
    "SCALEHIGH",
    "SUMMARY",
    "CONDITION",
    "QUOTE",
    "NOTE",
    "VIA",
    "SEEDTITLE",
    "OUTLET",
    "SEEDVIA",
    "URL",
    "INFERRED",
    "BODY",
)
BAD_FILE = "[reverse]bad [@click=app.quit]x.yaml"
BAD_KEY = "[@click=app.quit]KEY[/]"


def raw(field: str) -> str:
    return f"{field}-{PAYLOAD}"


def shown(field: str) -> str:
    return f"{field}-{SHOWN}"


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\x1b", "\\e").replace("\u202e", "\\u202E") + '"'


def write_hostile_tree(root: Path) -> Path:
    (root / "positions").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "positions" / "issues.yaml").write_text(
        "\n".join(
            [
                NOTICE,
                "issues:",
                "  - id: hostile-issue",
                f"    title: {q(raw('TITLE'))}",
                f"    proposition: {q(raw('PROP'))}",
                f"    description: {q(raw('DESC'))}",
                "    scale:",
                f"      -2: {q(raw('SCALELOW'))}",
                f"      2: {q(raw('SCALEHIGH'))}",
                "",
            ]
        ),
        encoding="utf-8",
    )
    (root / "positions" / "hostile-actor.yaml").write_text(
        "\n".join(
            [
                NOTICE,
                "id: hostile-actor",
                f"name: {q(raw('NAME'))}",
                f"role: {q(raw('ROLE'))}",
                f"country: {q(raw('COUNTRY'))}",
                f"aliases: [{q(raw('ALIAS'))}]",
                "positions:",
                "  - issue: hostile-issue",
                "    stance: 2",
                "    as_of: 2025-09-22",
                f"    summary: {q(raw('SUMMARY'))}",
                "    conditions:",
                "      - actor: hostile-actor",
                "        issue: hostile-issue",
                "        min: 1",
                f"        text: {q(raw('CONDITION'))}",
                "    evidence:",
                "      - kind: quote",
                f"        text: {q(raw('QUOTE'))}",
                "        source: hostile-seed",
                f"        said_on_note: {q(raw('NOTE'))}",
                f"        via: [{q(raw('VIA'))}]",
                "",
            ]
        ),
        encoding="utf-8",
    )
    (root / "positions" / BAD_FILE).write_text(f"{NOTICE}\nid: [\n", encoding="utf-8")
    (root / "positions" / "bad-keys.yaml").write_text(
        "\n".join(
            [
                NOTICE,
                "id: bad-keys",
                "name: Bad keys",
                "role: Test fixture",
                "country: Nowhere",
                f"{q(BAD_KEY)}: 1",
                "",
            ]
        ),
        encoding="utf-8",
    )
    (root / "seeds" / "hostile-seed.txt").write_text(
        "\n".join(
            [
                "---",
                NOTICE,
                "id: hostile-seed",
                f"title: {q(raw('SEEDTITLE'))}",
                f"outlet: {q(raw('OUTLET'))}",
                "published: 2025-09-22",
                f"via: [{q(raw('SEEDVIA'))}]",
                f"url: {q(raw('URL'))}",
                "inferred:",
                f"  outlet: {q(raw('INFERRED'))}",
                "---",
                raw("BODY"),
                f"It said {raw('QUOTE')} and more.",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return root
