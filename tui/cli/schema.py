"""`peninsula schema`: write the JSON Schema of each YAML file kind, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from tui.core.schema_export import FileState, plan_schema_files, write_schema_file

EXIT_STALE = 1
EXIT_REFUSED = 2


@click.command("schema")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write issues.schema.json, actor.schema.json and seed.schema.json into "
    "(the repository keeps them in schema/).",
)
@click.option(
    "--force", is_flag=True, help="Overwrite schema files whose contents differ from the models."
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 if any file is missing or differs from the models (for CI).",
)
def schema_command(output: Path, force: bool, check: bool) -> None:
    """Write the JSON Schema of each YAML file kind, rendered from the data models.

    Editors that speak yaml-language-server read them through the modeline at the top of each
    file in positions/, e.g. `# yaml-language-server: $schema=../schema/actor.schema.json`.

    \b
    Examples:
      peninsula schema -o schema            # after changing the models
      peninsula schema -o schema --check    # in CI: is the committed schema current?
    """
    if not check and _inside_data(output):
        click.echo(f"{output}: will not write inside a data tree's positions/ or seeds/", err=True)
        raise SystemExit(EXIT_REFUSED)
    planned = plan_schema_files(output)
    stale = [p for p in planned if p.state is not FileState.UNCHANGED]

    if check:
        for item in stale:
            click.echo(f"{item.path}: {item.state.value}, differs from the models", err=True)
        if stale:
            click.echo("run `peninsula schema -o DIR --force` to update it", err=True)
            raise SystemExit(EXIT_STALE)
        click.echo(f"{output}: schema is current ({len(planned)} files)")
        return

    refused = [p for p in planned if p.state is FileState.CHANGED and not force]
    if refused:
        for item in refused:
            click.echo(f"{item.path}: exists with other contents; not overwritten", err=True)
        click.echo("use --force to overwrite", err=True)
        raise SystemExit(EXIT_REFUSED)

    for item in planned:
        if item.state is not FileState.UNCHANGED:
            write_schema_file(item)
        verb = {FileState.NEW: "wrote", FileState.CHANGED: "updated", FileState.UNCHANGED: "kept"}
        click.echo(f"{verb[item.state]} {item.path}")


def _inside_data(folder: Path) -> bool:
    """Is ``folder`` (symbolic links resolved) a data tree's positions/ or seeds/, or inside one?"""
    from tui.core.writing import data_folder_holding

    return data_folder_holding(folder) is not None
