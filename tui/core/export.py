"""Tables for export (matrix, gaps, distances, conditions, quotes, problems) and their writers.

Every frame is built here from a Dataset, with every text cell passed through
``tui.core.sanitize.clean``; the writers render a frame as CSV, Markdown or JSON (and, through
``tui.core.xlsx``, an Excel workbook).

CSV and spreadsheets. A text cell that begins with ``= + - @``, a tab or a carriage return (or a
full-width or small-form variant of those four signs) is one a spreadsheet may run as a formula, so
it is written with a leading apostrophe, which makes the cell plain text. Two exceptions, so that
nothing else changes:

- numeric columns (the stance, counts, distances) are never touched: -2 is written as ``-2``;
- a text cell that is a plain number, a sign then ASCII digits with at most one decimal point
  (``-2``, ``+1``, ``0.5``), is left alone too: a spreadsheet reads it as that number and there is
  nothing in it to run, whereas ``-2+3`` or ``-A1`` would be a formula and gets its apostrophe.

Round trip: ``pd.read_csv(file, dtype=COLUMNS[what], keep_default_na=False, na_values=...)``
(what ``read_csv`` below passes) gives back exactly ``csv_safe(frame)``, the frame as written, in
which only the dangerous text cells differ. ``read_csv`` then undoes the apostrophes
(``csv_restore``), which gives back the frame itself: a cell that already began with apostrophes
before a dangerous sign gets one more on writing, so the undoing is exact.
``keep_default_na=False`` matters: a quote may well be the text "NA" or "null", which pandas would
otherwise read as missing.

Markdown. Cells and text are escaped so that nothing can break a table or a line, or turn into
HTML or a link: backslashes, pipes, backticks, emphasis and heading signs, square brackets, ``$``,
angle brackets (as ``&lt;``/``&gt;``), entity-like ampersands, and line breaks (as ``<br>``).

Files are never overwritten unless asked (``force``), and never written inside a protected folder
such as the data's ``positions/`` and ``seeds/``.

pandas is imported inside functions only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.analysis import (
    CONDITIONS_COLUMNS,
    DEFAULT_QUORUM,
    DISTANCES_COLUMNS,
    GAPS_COLUMNS,
    analyse,
)
from tui.core.basis import BasisFilter, inference_reason, is_inferred, stance_basis
from tui.core.cells import (  # noqa: F401 - neutralise and restore, named here too
    FORMULA_SIGNS,
    is_formula_like,
    is_missing,
    neutralise,
    plain_value,
    restore,
)
from tui.core.freshness import DEFAULT_STALE_DAYS, freshness
from tui.core.history import CHANGES_COLUMNS, changes_frame
from tui.core.sanitize import clean
from tui.core.stances import glyph, word
from tui.core.statements import is_fragment
from tui.core.writing import (  # noqa: F401 - the errors its writers raise, named here too
    OutputExistsError,
    ProtectedOutputError,
    write_atomic,
)

if TYPE_CHECKING:
    import pandas as pd

    from tui.core.dataset import Dataset

FORMATS = ("csv", "md", "json", "xlsx")
# The file name's ending that says each format; anything else is refused, never guessed.
SUFFIX_FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".xlsx": "xlsx",
}

MATRIX_COLUMNS: dict[str, str] = {
    "issue_id": "str",
    "issue": "str",
    "actor_id": "str",
    "actor": "str",
    "stance": "Int64",  # missing when the actor has no stated position: never 0
    "glyph": "str",
    "word": "str",
    "conditional": "bool",
    "conditions": "str",
    "as_of": "str",  # ISO date the stance holds from; "" when there is no record
    "summary": "str",
    "basis": "str",  # own, reported or inferred (see tui.core.basis); "" when no stance
    "inferred": "str",  # why the stance is an inference; "" otherwise
    "last_stated": "str",  # ISO date the stance was last stated; "" when there is no record
    "statements": "int64",  # distinct statements behind the value in force (0: no record)
    "stale": "bool",  # last stated more than --stale-after days before the picture's date
    "disputed": "bool",  # another source gives another value on the same date
}
QUOTES_COLUMNS: dict[str, str] = {
    "actor_id": "str",
    "actor": "str",
    "issue_id": "str",
    "issue": "str",
    "stance": "Int64",
    "stance_as_of": "str",
    "speaker_id": "str",
    "speaker": "str",
    "kind": "str",  # quote: the speaker's words; reported: the article's own sentence
    "text": "str",
    "source": "str",
    "title": "str",
    "outlet": "str",
    "published": "str",
    "said_on": "str",  # ISO date, "" when the source gives none (see said_on_note)
    "said_on_note": "str",
    "via": "str",  # relay chain, first to last, joined with " → "
    "channels": "str",  # separate channels that carried it (not a chain), joined with "; "
    "statement": "str",  # id shared by every rendering of one statement; "" when none
    "fragment": "bool",  # a direct quote of fewer than three words
    "verified": "bool",  # the text was found in its source
}
PROBLEMS_COLUMNS: dict[str, str] = {
    "path": "str",
    "line": "int64",
    "col": "int64",
    "severity": "str",
    "message": "str",
}

# What can be exported, and the column -> dtype schema of each frame.
COLUMNS: dict[str, dict[str, str]] = {
    "matrix": MATRIX_COLUMNS,
    "gaps": GAPS_COLUMNS,
    "distances": DISTANCES_COLUMNS,
    "conditions": CONDITIONS_COLUMNS,
    "quotes": QUOTES_COLUMNS,
    "changes": CHANGES_COLUMNS,
    "problems": PROBLEMS_COLUMNS,
}
WHATS = tuple(COLUMNS)

RELAY_SEPARATOR = " → "


class UnknownFormatError(ValueError):
    """The output's name does not say a format this export can write."""


def formats_listing() -> str:
    """Each format with the endings that select it: "csv (.csv), md (.md, .markdown), ..."."""
    parts = []
    for fmt in FORMATS:
        endings = [suffix for suffix, name in SUFFIX_FORMATS.items() if name == fmt]
        parts.append(f"{fmt} ({', '.join(endings)})")
    return ", ".join(parts)


def format_for(output: str, fmt: str | None) -> str:
    """The format to write ``output`` in: ``fmt`` when given and consistent with the file's
    ending, else the ending's format; standard output (``-``) defaults to csv."""
    if output == "-":
        return fmt or "csv"
    suffix = Path(output).suffix.lower()
    named = SUFFIX_FORMATS.get(suffix)
    if fmt is not None and named is not None and named != fmt:
        raise UnknownFormatError(f"{clean(output)} ends in {suffix} but the format asked is {fmt}")
    if fmt is not None and fmt not in FORMATS:
        raise UnknownFormatError(f"unknown format {fmt!r}; the formats are {formats_listing()}")
    if fmt is None and named is None:
        said = (
            f"the ending {clean(suffix)!r} names no format"
            if suffix
            else "no ending names a format"
        )
        raise UnknownFormatError(
            f"{clean(output)}: {said}; the formats are {formats_listing()} (or give --format)"
        )
    return fmt or named  # type: ignore[return-value]


# -- frames ------------------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def matrix_frame(
    dataset: Dataset, as_of: dt.date | None = None, stale_days: int = DEFAULT_STALE_DAYS
) -> pd.DataFrame:
    """Issue x actor in long form, one row per pair, absent pairs included with a missing stance;
    each stance with its freshness (``tui.core.freshness``) by the picture's date."""
    import pandas as pd

    picture = dataset.as_of(as_of)
    day = as_of if as_of is not None else dataset.latest_date
    analysis = analyse(dataset, as_of, grid_size=0)  # the order of issues and actors only
    rows = []
    for issue in analysis.issue_ids:
        for actor in analysis.actor_ids:
            record = picture.get((actor, issue))
            stance = record.stance if record is not None else None
            known = record is not None and stance is not None
            fresh = freshness(dataset, record, day, stale_days) if record is not None else None
            rows.append(
                {
                    "issue_id": issue,
                    "issue": dataset.issue_title(issue),
                    "actor_id": actor,
                    "actor": dataset.actor_name(actor),
                    "stance": stance,
                    "glyph": glyph(stance, known and is_inferred(record)),  # type: ignore[arg-type]
                    "word": word(stance),
                    "conditional": bool(record and record.is_conditional),
                    "conditions": "; ".join(c.text for c in record.conditions) if record else "",
                    "as_of": _iso(record.as_of) if record else "",
                    "summary": record.position.summary if record else "",
                    "basis": stance_basis(record) if known and record else "",
                    "inferred": (inference_reason(record) or "") if known and record else "",
                    "last_stated": _iso(fresh.last_stated) if fresh else "",
                    "statements": fresh.statements if fresh else 0,
                    "stale": bool(fresh and fresh.stale),
                    "disputed": bool(fresh and fresh.disputed),
                }
            )
    return _finish(pd.DataFrame(rows, columns=list(MATRIX_COLUMNS)), MATRIX_COLUMNS)


def quotes_frame(dataset: Dataset, as_of: dt.date | None = None) -> pd.DataFrame:
    """Every evidence item; with ``as_of``, only those of the stances in force on that date."""
    import pandas as pd

    if as_of is None:
        records = list(dataset.stances)
    else:
        records = list(dataset.as_of(as_of).values())
    issue_rank = {issue: n for n, issue in enumerate(dataset.issues)}
    actor_rank = {actor: n for n, actor in enumerate(dataset.actors)}
    records.sort(
        key=lambda r: (
            issue_rank.get(r.issue_id, len(issue_rank)),
            r.issue_id,
            actor_rank.get(r.actor_id, len(actor_rank)),
            r.actor_id,
            r.as_of,
        )
    )
    rows = []
    for record in records:
        for ev in record.evidence:
            item = ev.evidence
            seed = dataset.seeds.get(item.source)
            rows.append(
                {
                    "actor_id": record.actor_id,
                    "actor": dataset.actor_name(record.actor_id),
                    "issue_id": record.issue_id,
                    "issue": dataset.issue_title(record.issue_id),
                    "stance": record.stance,
                    "stance_as_of": _iso(record.as_of),
                    "speaker_id": ev.speaker_id,
                    "speaker": dataset.actor_name(ev.speaker_id),
                    "kind": item.kind,
                    "text": item.text,
                    "source": item.source,
                    "title": seed.meta.title if seed else "",
                    "outlet": seed.meta.outlet if seed else "",
                    "published": _iso(seed.meta.published) if seed else "",
                    "said_on": _iso(item.said_on),
                    "said_on_note": item.said_on_note or "",
                    "via": RELAY_SEPARATOR.join(item.via),
                    "channels": "; ".join(item.channels),
                    "statement": item.statement or "",
                    "fragment": is_fragment(item),
                    "verified": ev.verified,
                }
            )
    return _finish(pd.DataFrame(rows, columns=list(QUOTES_COLUMNS)), QUOTES_COLUMNS)


def problems_frame(dataset: Dataset) -> pd.DataFrame:
    """Every diagnostic of the load, in the order found."""
    import pandas as pd

    rows = [d.to_dict() for d in dataset.diagnostics]
    return _finish(pd.DataFrame(rows, columns=list(PROBLEMS_COLUMNS)), PROBLEMS_COLUMNS)


def frame_for(
    what: str,
    dataset: Dataset,
    as_of: dt.date | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    basis: BasisFilter = "all",
    quorum: int = DEFAULT_QUORUM,
    stale_days: int = DEFAULT_STALE_DAYS,
) -> pd.DataFrame:
    """The frame ``peninsula export --what WHAT`` writes; ``start`` and ``end`` bound the
    events of ``changes`` (``end`` defaults to ``as_of``); ``stale_days`` is the age past which
    a matrix cell is stale."""
    if what == "changes":
        return _finish(changes_frame(dataset, start, end or as_of), CHANGES_COLUMNS)
    if what == "matrix":
        return matrix_frame(dataset, as_of, stale_days)
    if what == "quotes":
        return quotes_frame(dataset, as_of)
    if what == "problems":
        return problems_frame(dataset)
    if what in ("gaps", "distances", "conditions"):
        # Only the distances table needs the pairs of actors, which grow with their square.
        grid = None if what == "distances" else 0
        analysis = analyse(dataset, as_of, basis=basis, quorum=quorum, grid_size=grid)
        frame = getattr(analysis, f"{what}_frame")()
        return _finish(frame, COLUMNS[what])
    raise ValueError(f"unknown table {what!r}; expected one of {', '.join(WHATS)}")


def _finish(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    """Clean every text cell and give each column its declared dtype."""
    frame = frame.astype(dtypes)
    for column, dtype in dtypes.items():
        if dtype == "str":
            frame[column] = _map_unique(frame[column], clean)
    return frame


def _map_unique(column: pd.Series, func: Any) -> pd.Series:
    # Names, titles and ids repeat down a column: work out each distinct value once.
    mapping = {value: func(value) for value in column.unique() if isinstance(value, str)}
    return column.map(mapping).astype(column.dtype)


# -- CSV ---------------------------------------------------------------------------------------

_RISKY_START = "['" + re.escape(FORMULA_SIGNS) + "]"


def _text_columns(frame: pd.DataFrame) -> list[str]:
    import pandas as pd

    return [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype)]


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as CSV writes it: dangerous text cells get a leading apostrophe, nothing else."""
    return _map_text(frame, neutralise)


def csv_restore(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo ``csv_safe`` exactly."""
    return _map_text(frame, restore)


def _map_text(frame: pd.DataFrame, func: Any) -> pd.DataFrame:
    out = frame.copy()
    for column in _text_columns(out):
        # Only the few cells that start with an apostrophe or a sign can change.
        risky = out[column].str.match(_RISKY_START, na=False)
        if risky.any():
            out.loc[risky, column] = _map_unique(out.loc[risky, column], func)
    return out


def to_csv(frame: pd.DataFrame) -> str:
    return csv_safe(frame).to_csv(index=False, lineterminator="\n")


def csv_read_options(what: str) -> dict[str, Any]:
    """What ``pd.read_csv`` needs to read an export back with its dtypes (no text read as NaN)."""
    dtypes = COLUMNS[what]
    nullable = [c for c, t in dtypes.items() if t not in ("str", "bool")]
    return {
        "dtype": dtypes,
        "keep_default_na": False,
        "na_values": {c: [""] for c in nullable},
        # A row whose only cell is white space is still a row.
        "skip_blank_lines": False,
    }


def read_csv(source: Any, what: str) -> pd.DataFrame:
    """Read a CSV export back to the frame that was exported."""
    import pandas as pd

    return csv_restore(pd.read_csv(source, **csv_read_options(what)))


# -- Markdown ----------------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#$])")


# What a Markdown renderer (GitHub's above all) turns into a link or a mention by itself, with
# no Markdown syntax: web addresses with a scheme or a leading www., e-mail addresses, @user and
# @org/team mentions, issue references (#12, GH-12). A token stops at white space and at the
# characters a code span or a table cell cannot hold as they are.
_TOKEN = r"[^\s`|<>\\]"
_LINKABLE = re.compile(
    rf"(?i:[a-z][a-z0-9+.\-]{{0,31}}://{_TOKEN}+)"  # https://..., ftp://...
    rf"|(?i:(?:mailto|xmpp|tel|javascript|vbscript|data|file):{_TOKEN}+)"
    rf"|(?i:www\.{_TOKEN}+)"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"  # name@host.tld
    r"|@[\w\-]+(?:/[\w.\-]+)?"  # @user, @org/team (wherever: safer than a renderer's rule)
    r"|#[0-9]+|(?i:GH-[0-9]+)"
)


_TRAILING = ".,;:!?'\""


def markdown_escape(text: str) -> str:
    """Text that shows as itself in Markdown: inside a table cell, a heading or a quote line.

    No data text can make a link or a mention: what a renderer would link by itself is set in a
    code span, where nothing is linked and the text reads as written.
    """
    text = clean(text)
    parts: list[str] = []
    position = 0
    for match in _LINKABLE.finditer(text):
        # Sentence punctuation after an address is the sentence's, as renderers also read it.
        token = match.group().rstrip(_TRAILING)
        if not token:
            continue
        parts.append(_escapeplain_value(text[position : match.start()]))
        parts.append(f"`{token}`")
        position = match.start() + len(token)
    parts.append(_escapeplain_value(text[position:]))
    return "".join(parts)


def _escapeplain_value(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _LINE_BREAKS.sub("<br>", text)


def markdown_cell(value: Any) -> str:
    if value is None or (not isinstance(value, str) and is_missing(value)):
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return markdown_escape(str(value))


def markdown_table(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """A GitHub-flavoured Markdown table with every cell escaped.

    Written by hand because pandas' ``to_markdown`` (tabulate) escapes nothing."""
    head = [markdown_cell(h) for h in header]
    lines = [_row(head), _row(["---"] * len(head))]
    lines += [_row([markdown_cell(v) for v in row]) for row in rows]
    return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def to_markdown(frame: pd.DataFrame) -> str:
    return markdown_table(frame.columns, frame.itertuples(index=False, name=None))


# -- JSON --------------------------------------------------------------------------------------


def to_json(frame: pd.DataFrame) -> str:
    """A list of records; missing values are null. Written with the json module rather than
    ``DataFrame.to_json``, which escapes every '/' and rounds floats to 10 digits."""
    records = [
        {column: plain_value(value) for column, value in zip(frame.columns, row)}
        for row in frame.itertuples(index=False, name=None)
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


# -- writing -----------------------------------------------------------------------------------


def render(frame: pd.DataFrame, fmt: str) -> str | bytes:
    """The frame in ``fmt``: text, except xlsx, which is a workbook's bytes."""
    if fmt == "xlsx":
        from tui.core.xlsx import to_xlsx

        return to_xlsx(frame)
    if fmt == "csv":
        return to_csv(frame)
    if fmt == "md":
        return to_markdown(frame)
    if fmt == "json":
        return to_json(frame)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write_text(
    text: str | bytes, path: str | Path, *, force: bool = False, protected: Iterable[Path] = ()
) -> Path:
    """Write ``text`` (or a binary format's bytes) to ``path``: never over an existing file
    unless ``force``, never into a data tree's positions/ or seeds/ nor a ``protected`` folder,
    never through a link."""
    return write_atomic(text, path, force=force, protected=protected)
