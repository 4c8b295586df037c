"""One issue: its proposition and scale, then every actor's stance on it with the evidence."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive

from tui.app.render.caption import Caption
from tui.app.render.context import conditions_on, issue_dates, issue_spread
from tui.app.render.safe import safe, safe_text
from tui.app.render.stance import aligned, badge, label
from tui.app.views import VIEW_IDS
from tui.app.widgets.document import Block, block
from tui.app.widgets.shared.stance_detail import stance_parts
from tui.app.widgets.subject import SubjectView
from tui.core import stances


class IssueView(SubjectView):
    VIEW_ID = "issue"
    TITLE = "Issue"
    TARGET = "issue"
    PICK_LABEL = "Issue"
    KEY_HELP = [
        ("tab", "move between the issue picker and the text"),
        ("up / down", "scroll; in the picker, choose another issue"),
    ]

    issue_id: reactive[str | None] = reactive(None, init=False)

    def watch_issue_id(self) -> None:
        self.on_subject_changed()

    def subjects(self) -> list[tuple[Text, str]]:
        assert self.dataset is not None
        return [(safe_text(issue.title), issue.id) for issue in self.dataset.issues.values()]

    def is_subject(self, subject_id: str) -> bool:
        return self.dataset is not None and subject_id in self.dataset.issues

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
            block("glance", partial(self._glance, ds, subject_id, self.as_of)),
        ]
        if self._wide:
            # Beside the stances there is room for where the issue sits among the others.
            blocks += [
                block("section-title", "Spread"),
                block("plain", issue_spread(ds, subject_id, self.as_of)),
                block("section-title", "Conditions elsewhere that hang on it"),
                *(
                    block("condition", condition)
                    for condition in conditions_on(ds, self.as_of, issue_id=subject_id)
                    or [Content.styled("None: no stance's condition looks at this issue.", "dim")]
                ),
                block("section-title", "Through time"),
                block("plain", self._through_time(ds, subject_id)),
            ]
        return blocks

    @staticmethod
    def _glance(ds, subject_id: str, as_of) -> Content:
        return aligned(
            [
                (
                    label(
                        record.stance if record else None, bool(record and record.is_conditional)
                    ),
                    safe(actor.name, "bold" if record else "dim"),
                )
                for actor in ds.actors.values()
                for record in [ds.stance_at(actor.id, subject_id, as_of)]
            ]
        )

    def _through_time(self, ds, subject_id: str) -> Content:
        dates = issue_dates(ds, subject_id, self.as_of)
        timeline_key = str(VIEW_IDS.index("timeline") + 1)
        noun = "date" if len(dates) == 1 else "dates"
        return Content.assemble(
            f"Stances from {len(dates)} {noun}: ",
            ", ".join(d.isoformat() for d in dates[-4:])
            if len(dates) <= 4
            else f"{dates[0].isoformat()} … {dates[-1].isoformat()}",
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
        for actor in ds.actors.values():
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
                block(
                    "plain",
                    Content.assemble(
                        safe(", ".join(silent)),
                        Content.styled(
                            ": nothing known from the sources (absent is not neutral)", "dim"
                        ),
                    ),
                ),
            ]
        return blocks

    def caption(self) -> Caption | Content:
        ds, issue_id = self.dataset, self.issue_id
        if ds is None or issue_id is None or issue_id not in ds.issues:
            return self.bare_caption()
        return self.citing_caption(safe(ds.issue_title(issue_id)), issue_id=issue_id)
