"""One issue: its proposition and scale, then every actor's stance on it with the evidence."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive

from tui.app.render.caption import Caption
from tui.app.render.context import (
    condition_text,
    dates_text,
    glance_rows,
    glance_width,
    spread_text,
)
from tui.app.render.safe import safe, safe_text
from tui.app.render.stance import badge
from tui.app.views import VIEW_IDS
from tui.app.widgets.document import Block, block, row_blocks
from tui.app.widgets.shared.stance_detail import stance_parts
from tui.app.widgets.subject import SubjectView
from tui.core import overview, stances
from tui.core.dataset import Dataset

# The actors with no stance are named together, this many at most; the rest are counted.
SILENT_NAMED = 200


class IssueView(SubjectView):
    VIEW_ID = "issue"
    TITLE = "Issue"
    TARGET = "issue"
    PICK_LABEL = "Issue"
    WORK_NOUN = "actors"
    KEY_HELP = [
        ("tab", "move between the issue picker and the text"),
        ("up / down", "scroll; in the picker, choose another issue"),
    ]

    issue_id: reactive[str | None] = reactive(None, init=False)

    def watch_issue_id(self) -> None:
        self.on_subject_changed()

    def subjects(self, ds: Dataset) -> list[tuple[Text, str]]:
        return [(safe_text(issue.title), issue.id) for issue in ds.issues.values()]

    def is_subject(self, subject_id: str) -> bool:
        return self.dataset is not None and subject_id in self.dataset.issues

    def work_size(self, subject_id: str) -> int:
        return len(self.dataset.actors) if self.dataset is not None else 0

    def compose_side(self, subject_id: str) -> list[Block]:
        """The scale in the issue's own words, and every actor's stance at a glance."""
        ds = self.dataset
        assert ds is not None
        issue = ds.issues[subject_id]
        scale = [
            Content.assemble(
                badge(value),
                f" {stances.number(value):>2} ",
                safe(issue.scale[value], "italic")
                if value in issue.scale
                else Content.styled(stances.word(value), "dim"),
            )
            for value in (2, 1, 0, -1, -2)
        ]
        blocks: list[Block] = [
            block("section-title -first", "The scale"),
            block("glance", Content("\n").join(scale)),
            block("section-title", "Stances at a glance"),
        ]
        glance = overview.issue_glance(ds, subject_id, self.as_of)
        width = glance_width([record for _, record in glance])
        named = [(ds.actor_name(actor_id), record) for actor_id, record in glance]
        blocks += row_blocks("glance", named, partial(glance_rows, width=width))
        if self._wide:
            # Beside the stances there is room for where the issue sits among the others.
            found = overview.conditions_on(ds, self.as_of, issue_id=subject_id)
            blocks += [
                block("section-title", "Spread"),
                block("plain", spread_text(ds, overview.issue_spread(ds, subject_id, self.as_of))),
                block("section-title", "Conditions elsewhere that hang on it"),
                *(
                    [
                        block("condition", partial(condition_text, ds, *pair, self.as_of))
                        for pair in found
                    ]
                    or [
                        block(
                            "condition",
                            Content.styled(
                                "None: no stance's condition looks at this issue.", "dim"
                            ),
                        )
                    ]
                ),
                block("section-title", "Through time"),
                block("plain", self._through_time(ds, subject_id)),
            ]
        return blocks

    def _through_time(self, ds, subject_id: str) -> Content:
        dates = overview.issue_dates(ds, subject_id, self.as_of)
        timeline_key = str(VIEW_IDS.index("timeline") + 1)
        noun = "date" if len(dates) == 1 else "dates"
        return Content.assemble(
            f"Stances from {len(dates)} {noun}: ",
            dates_text(dates),
            Content.styled(f" · {timeline_key}: the timeline", "dim"),
        )

    def compose_subject(self, subject_id: str) -> list[Block]:
        ds = self.dataset
        assert ds is not None
        issue = ds.issues[subject_id]
        blocks: list[Block] = [
            block("subject-title", safe(issue.title, "bold")),
            block(
                "detail-proposition",
                Content.assemble(
                    Content.styled("Proposition: ", "bold"), safe(issue.proposition, multiline=True)
                ),
            ),
        ]
        if issue.description:
            blocks.append(block("detail-summary", safe(issue.description, multiline=True)))
        # The stances first, so that the panel opens on what is known; the actors with none
        # are named together after them, not one empty entry each.
        silent = []
        for done, actor in enumerate(ds.actors.values()):
            if done % 100 == 0:
                self.progress(done)
            if ds.stance_at(actor.id, subject_id, self.as_of) is None:
                silent.append(actor.name)
                continue
            blocks.append(block("section-title", partial(safe, actor.name, "bold")))
            blocks.extend(
                stance_parts(
                    ds, self.as_of, subject_id, actor.id, with_title=False, with_proposition=False
                )
            )
        if silent:
            blocks += [
                block("section-title", "No stated position"),
                block("plain", partial(_silent, silent)),
            ]
        return blocks

    def caption(self) -> Caption | Content:
        ds, issue_id = self.dataset, self.issue_id
        if ds is None or issue_id is None or issue_id not in ds.issues:
            return self.bare_caption()
        return self.citing_caption(safe(ds.issue_title(issue_id)), issue_id=issue_id)


def _silent(names: list[str]) -> Content:
    """The actors with no stance, named together (the first SILENT_NAMED; the rest counted)."""
    shown = ", ".join(names[:SILENT_NAMED])
    more = len(names) - SILENT_NAMED
    if more > 0:
        shown += f" and {more:,} more"
    return Content.assemble(
        safe(shown),
        Content.styled(": nothing known from the sources (absent is not neutral)", "dim"),
    )
