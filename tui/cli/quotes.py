"""`peninsula quotes`: the Quotes view's search, on the command line."""

from __future__ import annotations

import datetime as dt
import json

import click

from tui.cli.common import as_of_option, data_dir, data_option
from tui.core.sanitize import clean

EXIT_FOUND = 0
EXIT_NONE = 1


@click.command("quotes")
@click.option(
    "--grep",
    "words",
    default="",
    metavar="WORDS",
    help="Words that must all match (any case): in the quote, the speaker, the issue, the "
    "relay or the outlet. Default: every quote.",
)
@click.option("--actor", "actor_id", default=None, metavar="ID", help="Said or held by this actor.")
@click.option("--issue", "issue_id", default=None, metavar="ID", help="On this issue.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: two lines a quote; json: a list of objects.",
)
@data_option
@as_of_option
def quotes_command(
    words: str,
    actor_id: str | None,
    issue_id: str | None,
    output_format: str,
    data: str | None,
    as_of: dt.date | None,
) -> None:
    """Print every evidence item on record by the date that matches, as the Quotes view lists
    it: where it stands in its file, then who, on what, when, the source and whether it was
    found verbatim.

    Exit status: 0 when something matches, 1 when nothing does, 2 on bad usage.

    \b
    Examples:
      peninsula quotes --grep "nuclear weapons"
      peninsula quotes --actor kim-jong-un --issue denuclearisation --as-of 2025-09-21
    """
    from tui.core.loader import load_tree
    from tui.core.quotes import quotes_on_record

    dataset = load_tree(data_dir(data))
    if actor_id is not None and actor_id not in dataset.actors:
        raise click.BadParameter(f"no actor {clean(actor_id)!r}", param_hint="--actor")
    if issue_id is not None and issue_id not in dataset.issues:
        raise click.BadParameter(f"no issue {clean(issue_id)!r}", param_hint="--issue")
    quotes = quotes_on_record(dataset, as_of)
    found = quotes.search(words.split(), actor_id=actor_id, issue_id=issue_id)
    matches = [quotes.records[index] for index in found]
    if output_format == "json":
        payload = [
            {
                "location": record.location.format(),
                "speaker": record.speaker_id,
                "actor": record.actor_id,
                "issue": record.issue_id,
                "as_of": record.as_of.isoformat(),
                "said_on": _said_on(record.evidence.said_on),
                "kind": record.evidence.kind,
                "text": record.evidence.text,
                "source": record.evidence.source,
                "via": list(record.evidence.via),
                "verified": record.verified,
            }
            for record in matches
        ]
        # ensure_ascii escapes every control and bidi character as \uXXXX.
        click.echo(json.dumps(payload, indent=2, ensure_ascii=True))
    else:
        for record in matches:
            evidence = record.evidence
            said = _said_on(evidence.said_on) or f"stance from {record.as_of.isoformat()}"
            facts = [
                dataset.actor_name(record.speaker_id),
                dataset.issue_title(record.issue_id),
                said,
                quotes.source_name(evidence.source),
                "verified" if record.verified else "NOT VERIFIED",
            ]
            kind = "quote" if evidence.kind == "quote" else "reported"
            click.echo(clean(f"{record.location.format()}: {kind}: {evidence.text}"))
            click.echo(clean("    " + " · ".join(facts)))
        noun = "quote" if len(matches) == 1 else "quotes"
        click.echo(f"{len(matches)} {noun} of {len(quotes)}")
    click.get_current_context().exit(EXIT_FOUND if matches else EXIT_NONE)


def _said_on(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None
