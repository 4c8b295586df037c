"""The `peninsula` command. Subcommands are imported only when run, so start-up stays fast."""

from __future__ import annotations

import importlib
import importlib.util

import click

# name -> (module, attribute, one-line help). The module is imported only when the command runs.
_COMMANDS: dict[str, tuple[str, str, str]] = {
    "app": ("tui.cli.app", "app_command", "Open the dashboard (the default)."),
    "validate": ("tui.cli.validate", "validate_command", "Check the data; GCC-style diagnostics."),
    "snapshot": ("tui.cli.snapshot", "snapshot_command", "Render a view headless to an SVG file."),
    "export": ("tui.cli.export", "export_command", "Export a table as CSV, Markdown or JSON."),
    "brief": ("tui.cli.brief", "brief_command", "Write a Markdown briefing."),
    "schema": ("tui.cli.schema", "schema_command", "Write the JSON Schema of each YAML file kind."),
    "add-source": ("tui.cli.add_source", "add_source_command", "Add an article to seeds/."),
    "extract": ("tui.cli.extract", "extract_command", "Draft YAML evidence from an article."),
    "quotes": ("tui.cli.quotes", "quotes_command", "Search the quotes by words, actor, issue."),
    "serve": ("tui.cli.serve", "serve_command", "Serve the dashboard to a web browser."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in _COMMANDS if self._available(name)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS or not self._available(cmd_name):
            return None
        module_name, attribute, _ = _COMMANDS[cmd_name]
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help comes from the table above, so `--help` imports no subcommand.
        rows = [(name, _COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    @staticmethod
    def _available(name: str) -> bool:
        return importlib.util.find_spec(_COMMANDS[name][0]) is not None


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="A tree holding positions/ and seeds/ (default: the current directory if it has them, "
    "else the bundled data).",
)
@click.version_option(package_name="peninsula")
@click.pass_context
def main(ctx: click.Context, data: str | None) -> None:
    """Peninsula: where the actors of the Korean Peninsula stand, side by side, with the verbatim
    quotes behind every claim.

    With no command, opens the dashboard."""
    ctx.ensure_object(dict)
    ctx.obj["data"] = data
    if ctx.invoked_subcommand is None:
        ctx.invoke(main.get_command(ctx, "app") or _missing("app"), data=data)


def _missing(name: str) -> click.Command:
    raise click.UsageError(f"the {name!r} command is not available")
