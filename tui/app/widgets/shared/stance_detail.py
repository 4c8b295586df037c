"""One stance in full: who, on what, the stance, summary, conditions and every evidence item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tui.app.render.records import (
    condition_block,
    evidence_block,
    freshness_line,
    renderings_block,
    stance_line,
)
from tui.app.render.safe import safe
from tui.app.widgets.document import Block, block
from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord
from tui.core.freshness import DEFAULT_STALE_DAYS
from tui.core.statements import count_evidence, statement_of


def _stance_and_freshness(
    ds: Dataset, record: StanceRecord | None, as_of: dt.date | None, stale_days: int
) -> Content:
    """The stance, and under it when it was last stated, on how much, and who disputes it."""
    line = stance_line(ds, record)
    if record is None:
        return line
    return line + Content("\n") + freshness_line(ds, record, as_of, stale_days).stylize("dim")


def stance_parts(
    ds: Dataset,
    as_of: dt.date | None,
    issue_id: str,
    actor_id: str,
    *,
    with_title: bool = True,
    with_proposition: bool = True,
    stale_days: int = DEFAULT_STALE_DAYS,
) -> Iterator[Block]:
    """The blocks of one actor's stance on one issue, as of a date, for a ``Document``: each
    block's content is built when it is first drawn, since a record may hold hundreds of quotes
    and a view shows a screenful."""
    record = ds.stance_at(actor_id, issue_id, as_of)
    issue = ds.issues.get(issue_id)
    if with_title:
        yield block(
            "detail-title",
            lambda: Content.assemble(
                safe(ds.actor_name(actor_id), "bold"),
                " on ",
                safe(ds.issue_title(issue_id), "bold"),
            ),
        )
    yield block("detail-stance", partial(_stance_and_freshness, ds, record, as_of, stale_days))
    if with_proposition and issue is not None:
        yield block(
            "detail-proposition",
            lambda: Content.assemble(
                Content.styled("Proposition: ", "bold"), safe(issue.proposition)
            ),
        )
    if record is None:
        return
    yield block("detail-summary", partial(safe, record.position.summary))
    if record.conditions:
        yield block("section-title", f"Conditions ({len(record.conditions)})")
        for condition in record.conditions:
            yield block("condition", partial(condition_block, ds, condition, as_of))
    counts = count_evidence(record.evidence)
    title = f"Evidence ({len(record.evidence)})"
    if counts.statements != len(record.evidence):
        title += f": {counts.statements} statement{'s' * (counts.statements != 1)}"
    yield block("section-title", title)
    grouped: dict[str, int] = {}
    for number, evidence in enumerate(record.evidence, start=1):
        statement = statement_of(ds, evidence)
        first = grouped.get(statement.statement_id or "")
        yield block("evidence", partial(_evidence, ds, evidence, number, first), tag=evidence)
        if statement.n_renderings > 1 and first is None:
            # The group once, under its first item here: each outlet's words side by side.
            grouped[statement.statement_id or ""] = number
            yield block("renderings", partial(renderings_block, ds, statement, evidence))


def _evidence(ds: Dataset, evidence: EvidenceRecord, number: int, first: int | None) -> Content:
    """An evidence block; a later rendering of a statement shown above says so."""
    built = evidence_block(ds, evidence, number)
    if first is None:
        return built
    return built + Content.styled(f"\nanother rendering of the statement under {first}", "italic")


def stance_blocks(
    ds: Dataset,
    as_of: dt.date | None,
    issue_id: str,
    actor_id: str,
    *,
    with_title: bool = True,
    with_proposition: bool = True,
    stale_days: int = DEFAULT_STALE_DAYS,
) -> Iterator[Widget]:
    """The same blocks as Statics, for the Matrix's detail (the Gaps and Timeline details are
    Documents of ``stance_parts``)."""
    for item in stance_parts(
        ds,
        as_of,
        issue_id,
        actor_id,
        with_title=with_title,
        with_proposition=with_proposition,
        stale_days=stale_days,
    ):
        classes = " ".join(item.classes)
        if isinstance(item.tag, EvidenceRecord):
            # The kind as a class too, so that a style may tell quotes from reports.
            classes += f" -{item.tag.evidence.kind}"
        yield Static(item.built, classes=classes)


class StanceDetail(VerticalScroll, can_focus=True):
    """Beside (wide) or below (narrow) the matrix; recomposed when the selection changes."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._subject: tuple[Dataset, dt.date | None, str, str] | None = None
        self._empty = "Loading…"

    def show(self, ds: Dataset, as_of: dt.date | None, issue_id: str, actor_id: str) -> None:
        keep_scroll = self._subject is not None and self._subject[1:] == (as_of, issue_id, actor_id)
        self._subject = (ds, as_of, issue_id, actor_id)
        scroll_y = self.scroll_y
        self._refill()
        if keep_scroll:
            # A reload of the same cell keeps the reader's place.
            self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False)
        else:
            self.scroll_home(animate=False)

    def _refill(self) -> None:
        """Put the new blocks into the Statics already shown, adding or removing only the
        difference: mounting and styling a fresh widget for every quote on each cursor move
        costs more than drawing them."""
        current = [child for child in self.children if isinstance(child, Static)]
        if not self.is_mounted or any(type(child) is not Static for child in self.children):
            self.refresh(recompose=True)
            return
        blocks = [widget for widget in self.compose() if isinstance(widget, Static)]
        for shown, fresh in zip(current, blocks):
            if shown.classes != fresh.classes:
                shown.set_classes(fresh.classes)
            shown.update(fresh.content)
        if len(blocks) > len(current):
            self.mount_all(blocks[len(current) :])
        elif len(current) > len(blocks):
            self.remove_children(current[len(blocks) :])

    def show_nothing(self) -> None:
        self._subject = None
        self._empty = "No issues or no actors in the data: see Problems."
        self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        if self._subject is None:
            yield Static(self._empty, classes="detail-empty")
            return
        yield from stance_blocks(
            *self._subject, stale_days=getattr(self.app, "stale_days", DEFAULT_STALE_DAYS)
        )
