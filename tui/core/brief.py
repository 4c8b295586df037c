"""A briefing a reader can send as it is, in Markdown (and as HTML, see ``brief_html``).

It holds, for one date: a bottom line of three to five sentences, the sources, the matrix, the
widest gaps, the blocked conditions, the common ground and the starting points for talks, and
under each claim the evidence behind it, each item with its speaker, the date it was said, the
outlet and the relay chain, and a plain "Reported speech" label where the words are the
article's and not the speaker's. Each passage is quoted once, the first time a claim rests on it,
and referred to by its number after; a caveats section closes it. Every piece of text from the
data goes through ``markdown_escape`` (which cleans it first), so nothing in the data can break
the layout or turn into HTML or a link.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from tui.core.analysis import (
    DEFAULT_QUORUM,
    TOO_FEW_KNOWN,
    Analysis,
    analyse,
    basis_caveat,
    more_pairs_words,
)
from tui.core.basis import BasisFilter, is_inferred
from tui.core.brief_facts import Passages, bottom_line, caveats_section
from tui.core.export import RELAY_SEPARATOR, markdown_escape, markdown_table
from tui.core.knowledge import question_words
from tui.core.stances import CONDITIONAL_MARK, label, number
from tui.core.statements import FRAGMENT_WORD, channels_words, count_evidence, is_fragment

if TYPE_CHECKING:
    from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord

# The distance table is among the actors with the most known stances: every pair of thousands
# would be millions of rows no reader takes in.
DISTANCE_ACTORS = 12
TITLE = "Peninsula brief: where the actors stand on the Korean Peninsula"


def render_brief(
    dataset: Dataset,
    as_of: dt.date | None = None,
    *,
    widest: int = 3,
    basis: BasisFilter = "all",
    quorum: int = DEFAULT_QUORUM,
    known: bool = False,
) -> str:
    """The whole briefing as Markdown text; ``widest`` caps the issues in "Widest gaps".

    ``known``: the dataset holds only what was known on ``as_of`` (``tui.core.knowledge``), and
    the header says that this is the question the brief answers."""
    analysis = analyse(dataset, as_of, basis=basis, quorum=quorum, grid_size=DISTANCE_ACTORS)
    passages = Passages()
    parts = [
        _header(analysis),
        f"This brief answers: {question_words(analysis.date, known)}.\n",
        _bottom_line(analysis),
        _reading(analysis),
        _basis_caveat(analysis),
        _sources(dataset),
        _matrix(analysis),
        _widest_gaps(analysis, widest, passages),
        _blocked(analysis, passages),
        _common_ground(analysis, passages),
        _starting_points(analysis),
        _distances(analysis),
        caveats_section(analysis),
    ]
    return "\n".join(part for part in parts if part).rstrip("\n") + "\n"


def render_brief_html(
    dataset: Dataset, as_of: dt.date | None = None, *, widest: int = 3, **options: Any
) -> str:
    """The same briefing as one self-contained HTML page."""
    from tui.core.brief_html import markdown_to_html

    return markdown_to_html(render_brief(dataset, as_of, widest=widest, **options), TITLE)


# -- pieces ------------------------------------------------------------------------------------


def _bottom_line(a: Analysis) -> str:
    return "## Bottom line\n\n" + "\n".join(f"- {line}" for line in bottom_line(a)) + "\n"


_e = markdown_escape


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _header(a: Analysis) -> str:
    ds = a.dataset
    if a.date is None:
        when = "no stance in the data has a date yet"
    elif a.as_of is None:
        when = f"{a.date.isoformat()} (the latest stance in the data)"
    else:
        when = a.date.isoformat()
    counts = ds.summary()
    lines = [
        f"# {TITLE}",
        "",
        f"**As of {when}.** {counts['actors']} actors, {counts['issues']} issues, "
        f"{_count(counts['sources'], 'source')}, {count_evidence(ds.evidence).describe()} "
        "(a statement carried by several outlets or translations counts once; the same passage "
        "cited twice, once). Written by `peninsula brief` "
        "from the position files; every stance cites its evidence.",
        "",
    ]
    return "\n".join(lines)


def _reading(a: Analysis) -> str:
    """How to read what follows, and what the data's problems leave out."""
    counts = a.dataset.summary()
    lines = [
        "Stances run from -2 (firmly against the issue's proposition) to +2 (firmly for it); "
        "an actor who has said nothing known has *no stated position*, which is not 0. "
        '"Quote" marks the speaker\'s own words; "Reported speech" marks the article\'s words '
        "about what was said.",
        "",
    ]
    if counts["errors"] or counts["warnings"]:
        lines += [
            f"The data has {_count(counts['errors'], 'error')} and "
            f"{_count(counts['warnings'], 'warning')} (`peninsula validate` lists them); "
            "records they make invalid are left out.",
            "",
        ]
    return "\n".join(lines)


def _sources(ds: Dataset) -> str:
    if not ds.seeds:
        return "## Sources\n\nNo sources.\n"
    rows = [
        (
            n,
            seed.id,
            seed.meta.title,
            seed.meta.outlet,
            seed.meta.published.isoformat(),
            RELAY_SEPARATOR.join(seed.meta.via),
            seed.meta.url or "",
            "excerpt" if seed.meta.excerpt else "whole",
        )
        for n, seed in enumerate(ds.seeds.values(), start=1)
    ]
    table = markdown_table(
        ["no.", "source", "title", "outlet", "published", "relay", "url", "text"], rows
    )
    notes = [
        f"- {_e(seed.id)}: {_e(field)} is inferred: {_e(reason)}"
        for seed in ds.seeds.values()
        for field, reason in seed.meta.inferred.items()
    ]
    return "## Sources\n\n" + table + ("\n" + "\n".join(notes) + "\n" if notes else "")


def _cell(record: StanceRecord | None) -> str:
    if record is None or record.stance is None:
        return label(None)
    text = label(record.stance, is_inferred(record))
    return f"{text} ({CONDITIONAL_MARK})" if record.is_conditional else text


def _matrix(a: Analysis) -> str:
    ds = a.dataset
    picture = ds.as_of(a.as_of)
    header = ["issue"] + [ds.actor_name(actor) for actor in a.actor_ids]
    rows = [
        [ds.issue_title(issue)] + [_cell(picture.get((actor, issue))) for actor in a.actor_ids]
        for issue in a.issue_ids
    ]
    note = (
        f'"({CONDITIONAL_MARK})" marks a conditional stance; its conditions are under '
        "*Blocked conditions* when unmet.\n"
    )
    return "## Where they stand\n\n" + markdown_table(header, rows) + "\n" + note


def _widest_gaps(a: Analysis, limit: int, passages: Passages) -> str:
    ds = a.dataset
    lines = ["## Widest gaps", ""]
    widest = a.widest[:limit]
    if not widest:
        return "\n".join(lines + ["No issue has two actors with a stated position apart.", ""])
    for spread in widest:
        lines.append(
            f"### {_e(ds.issue_title(spread.issue_id))}: spread {spread.spread} "
            f"({number(spread.low)} to {number(spread.high)})"
        )
        lines.append("")
        shown, more = spread.farthest.named()
        pairs = "; ".join(
            [
                f"**{_e(ds.actor_name(lo.actor_id))}** ({number(lo.stance)}) and "
                f"**{_e(ds.actor_name(hi.actor_id))}** ({number(hi.stance)})"
                for lo, hi in shown
            ]
            + ([more_pairs_words(more)] if more else [])
        )
        lines.append(f"Farthest apart: {pairs}. {_known_line(a, spread.n_known, spread.absent)}")
        lines.append("")
        # The claims of the pairs named, in actor order: each stance once.
        in_pairs = {id(r) for pair in shown for r in pair}
        for record in spread.known:
            if id(record) in in_pairs:
                lines += _claim(ds, record, passages)
        lines.append("")
    return "\n".join(lines)


def _known_line(a: Analysis, n_known: int, absent: tuple[str, ...]) -> str:
    ds = a.dataset
    text = f"Known for {n_known} of {n_known + len(absent)} actors"
    if absent:
        text += "; no stated position: " + ", ".join(_e(ds.actor_name(x)) for x in absent)
    return text + "."


def _blocked(a: Analysis, passages: Passages) -> str:
    ds = a.dataset
    lines = ["## Blocked conditions", ""]
    if not a.unmet:
        lines += ["No condition is unmet.", ""]
    for check in a.unmet:
        lines.append(f"### {_e(check.sentence)}")
        lines.append("")
        lines.append(f"The condition in the data's words: {_e(check.condition.text)}")
        lines.append("")
        for record in check.records:
            lines += _claim(ds, record, passages)
        lines.append("")
    unknown = [c for c in a.conditions if c.status == "unknown"]
    if unknown:
        lines += ["Conditions that cannot be checked yet:", ""]
        lines += [f"- {_e(c.sentence)}" for c in unknown]
        lines.append("")
    return "\n".join(lines)


def _basis_caveat(a: Analysis) -> str:
    """What the figures count, and how many of them rest on an inference."""
    return basis_caveat(a) + "\n"


def _common_ground(a: Analysis, passages: Passages) -> str:
    ds = a.dataset
    lines = ["## Common ground", ""]
    blocked = {check.holder.issue_id for check in a.unmet}
    ground = [c for c in a.common_ground if c.issue_id not in blocked]
    held_back = [c for c in a.common_ground if c.issue_id in blocked]
    if held_back:
        said = ", ".join(_e(ds.issue_title(c.issue_id)) for c in held_back)
        lines += [
            f"Left out because a condition on it is unmet (see *Blocked conditions*): {said}.",
            "",
        ]
    if not ground:
        return "\n".join(
            lines
            + [
                f"No issue on which at least {a.quorum} actors have a stated position and all are "
                "on one side.",
                "",
            ]
        )
    for common in ground:
        names = ", ".join(_e(ds.actor_name(r.actor_id)) for r in common.known)
        lines.append(f"### {_e(ds.issue_title(common.issue_id))}: all {common.side_word}")
        lines.append("")
        issue = ds.issues.get(common.issue_id)
        if issue is not None:
            lines.append(f"Proposition: {_e(issue.proposition)}")
            lines.append("")
        lines.append(
            f"{names} are {common.side_word}. {_known_line(a, len(common.known), common.absent)}"
        )
        if common.conditional:
            who = ", ".join(_e(ds.actor_name(x)) for x in common.conditional)
            lines.append("")
            lines.append(f"With conditions: {who}.")
        lines += ["", f"Why each is {common.side_word}, in their stances' summaries:", ""]
        lines += ["| Actor | Stance | Summary |", "| --- | --- | --- |"]
        for record, (actor_id, summary) in zip(common.known, common.reasons):
            lines.append(
                f"| {_e(ds.actor_name(actor_id))} | {number(record.stance)} | {_e(summary)} |"
            )
        lines.append("")
        for record in common.known:
            lines += _claim(ds, record, passages)
        lines.append("")
    return "\n".join(lines)


def _starting_points(a: Analysis) -> str:
    ds = a.dataset
    rows = []
    for point in a.ranking:
        s = point.spread
        flags = []
        if point.blocked:
            flags.append("blocked by an unmet condition")
        if point.blocking:
            flags.append("blocks a condition")
        if point.common_ground:
            flags.append(f"common ground ({point.common_ground.side_word})")
        if point.too_few_known:
            flags.append(TOO_FEW_KNOWN)
        elif s.spread is None:
            flags.append("fewer than two actors known")
        rows.append(
            (
                point.rank,
                ds.issue_title(s.issue_id),
                "" if s.spread is None else s.spread,
                s.known_words,
                "; ".join(flags),
            )
        )
    return "## Starting points for talks\n\nNarrowest spread first.\n\n" + markdown_table(
        ["rank", "issue", "spread", "actors known", "notes"], rows
    )


def _distances(a: Analysis) -> str:
    ds = a.dataset
    rows = [
        (
            ds.actor_name(d.actor_a),
            ds.actor_name(d.actor_b),
            "" if d.distance is None else f"{d.distance:.2f}",
            d.basis,
            "; ".join(f"{ds.issue_title(g.issue_id)} {g.gap}" for g in d.gaps),
        )
        for d in sorted(a.distances, key=lambda d: (-d.shared, d.distance or 0))
    ]
    left_out = (
        f" Among the {len(a.grid_actor_ids)} actors with the most known stances; "
        f"{a.grid_left_out} more are left out."
        if a.grid_left_out
        else ""
    )
    return (
        "## Distance between actors\n\n"
        "Mean gap (0 to 4) over the issues both have a stance on; a distance over few issues is "
        f"thin evidence.{left_out}\n\n"
        + markdown_table(["actor", "actor", "distance", "basis", "gaps"], rows)
    )


# -- claims and their evidence -----------------------------------------------------------------


def _claim(ds: Dataset, record: StanceRecord, passages: Passages) -> list[str]:
    """A bullet for one stance, with its evidence items nested under it: each passage quoted in
    full the first time, referred to by its number after."""
    name = _e(ds.actor_name(record.actor_id))
    issue = _e(ds.issue_title(record.issue_id))
    stance = _e(_cell(record))
    lines = [
        f"- **{name}** on {issue}: {stance}, from {record.as_of.isoformat()}. "
        f"{_e(record.position.summary)}"
    ]
    for condition in record.conditions:
        lines.append(
            f"  - Condition: {_e(ds.actor_name(condition.actor))} on "
            f"{_e(ds.issue_title(condition.issue))} {_e(condition.needs())}: {_e(condition.text)}"
        )
    again = []
    for evidence in record.evidence:
        first = passages.first(evidence)
        if first is None:
            again.append(passages.number(evidence))
        else:
            lines.append(f"  - Passage {first}. " + _evidence_line(ds, evidence))
    if again:
        shown = sorted(set(again))
        plural = "s" if len(shown) > 1 else ""
        numbers = ", ".join(str(n) for n in shown)
        lines.append(f"  - Also resting on passage{plural} {numbers}, quoted above.")
    return lines


def _evidence_line(ds: Dataset, record: EvidenceRecord) -> str:
    item = record.evidence
    speaker = _e(ds.actor_name(record.speaker_id))
    kind = "Quote" if item.kind == "quote" else "Reported speech (the article's words, not a quote)"
    if item.said_on is not None:
        said = f"said {item.said_on.isoformat()}"
    else:
        said = "date not given"
        if item.said_on_note:
            said += f" ({_e(item.said_on_note)})"
    seed = ds.seeds.get(item.source)
    chain = list(item.via)
    if seed is not None:
        number_of = list(ds.seeds).index(item.source) + 1
        excerpt = ", excerpt" if seed.meta.excerpt else ""
        outlet = (
            f"{_e(seed.meta.outlet)} (source {number_of}, published "
            f"{seed.meta.published.isoformat()}{excerpt})"
        )
        chain.append(seed.meta.outlet)
    else:
        outlet = f"unknown source {_e(item.source)}"
    if item.via:
        relay = RELAY_SEPARATOR.join(_e(link) for link in chain)
    elif seed is not None:
        relay = f"reported directly by {_e(seed.meta.outlet)}"
    else:
        relay = "none recorded"
    if item.channels:
        relay += f"; {_e(channels_words(item.channels))}"
    fragment = f" ({FRAGMENT_WORD})" if is_fragment(item) else ""
    found = "found in the source" if record.verified else "NOT found in the source"
    who = speaker if item.kind == "quote" else f"about {speaker}"
    where = f"outlet: {outlet}; relay: {relay}; {found}"
    return f"{kind}{fragment}: “{_e(item.text)}” — {who}, {said}; {where}."
