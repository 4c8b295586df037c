"""`peninsula validate`: check the data tree, print GCC-style diagnostics and a summary."""

from __future__ import annotations

import json

import click

from tui.cli.common import data_dir, data_option, require_data
from tui.core.loader import load_tree
from tui.core.sanitize import clean

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1


def summary_line(summary: dict[str, int]) -> str:
    def count(number: int, singular: str, plural: str | None = None) -> str:
        return f"{number} {singular if number == 1 else (plural or singular + 's')}"

    return ", ".join(
        [
            count(summary["actors"], "actor"),
            count(summary["issues"], "issue"),
            count(summary["stances"], "stance"),
            count(summary["evidence"], "evidence item"),
            f"{summary['verified']} of {summary['evidence']} verified",
            # A passage cited twice is one rendering; renderings of one statement, one statement.
            f"{count(summary['statements'], 'statement')} in "
            f"{count(summary['renderings'], 'distinct passage')}",
            count(summary["sources"], "source"),
            count(summary["errors"], "error"),
            count(summary["warnings"], "warning"),
        ]
    )


@click.command("validate")
@data_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one `path:line:col: severity: message` per line, then a summary; "
    "json: one object with `diagnostics` and `summary`.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def validate_command(data: str | None, output_format: str, strict: bool) -> None:
    """Check every seed and position file: YAML, schema, references, and that each quote is
    verbatim in its source.

    Exit status: 0 when clean, 1 when there are errors (or warnings with --strict) or no data
    at all, 2 on bad usage.
    """
    root = data_dir(data)
    require_data(root)
    dataset = load_tree(root)
    summary = dataset.summary()
    if output_format == "json":
        payload = {
            "diagnostics": [d.to_dict() for d in dataset.diagnostics],
            "summary": summary,
        }
        # ensure_ascii escapes every control and bidi character as \uXXXX.
        click.echo(json.dumps(payload, indent=2, ensure_ascii=True))
    else:
        for diagnostic in dataset.diagnostics:
            click.echo(clean(diagnostic.format()))
        click.echo(summary_line(summary))
    # After the diagnostics, which say why: a tree that gave no stance has no data to check.
    require_data(root, dataset)
    failed = summary["errors"] > 0 or (strict and summary["warnings"] > 0)
    click.get_current_context().exit(EXIT_PROBLEMS if failed else EXIT_CLEAN)
