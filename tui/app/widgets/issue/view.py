"""One issue: its proposition and scale, then every actor's stance on it with the evidence."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.app.render.caption import Caption, caption, source_names
from tui.app.render.safe import safe, safe_text
from tui.app.render.stance import aligned, badge, label
from tui.app.widgets.detail.stance_detail import stance_blocks
from tui.app.widgets.subject import SubjectView
from tui.core import stances


class IssueView(SubjectView):
    VIEW_ID = "issue"
    TITLE = "Issue"
    TARGET = "issue"
    PICK_LABEL = "Issue"
    HELP = [
        ("tab", "move between the issue picker and the text"),
        ("up / down", "scroll; in the picker, choose another issue"),
    ]

    issue_id: reactive[str | None] = reactive(None, init=False)

    def watch_issue_id(self) -> None:
        self.on_subject_changed()

    def subjects(self) -> list[tuple[Text, str]]:
        assert self.dataset is not None
        return [(safe_text(issue.title), issue.id) for issue in self.dataset.issues.values()]

    def compose_side(self, subject_id: str) -> list[Widget]:
        """The scale in the issue's own words, and every actor's stance at a glance."""
        ds = self.dataset
        assert ds is not None
        issue = ds.issues[subject_id]
        scale = [
            Content.assemble(
                badge(value),
                f" {stances.number(value):>2} ",
                safe(issue.scale[value], "italic") if value in issue.scale else Content.styled(stances.word(value), "dim"),
            )
            for value in (2, 1, 0, -1, -2)
        ]
        glance = aligned(
            [
                (
                    label(record.stance if record else None, bool(record and record.is_conditional)),
                    safe(actor.name, "bold" if record else "dim"),
                )
                for actor in ds.actors.values()
                for record in [ds.stance_at(actor.id, subject_id, self.as_of)]
            ]
        )
        return [
            Static("The scale", classes="section-title -first"),
            Static(Content("\n").join(scale), classes="glance"),
            Static("Stances at a glance", classes="section-title"),
            Static(glance, classes="glance"),
        ]

    def compose_subject(self, subject_id: str) -> list[Widget]:
        ds = self.dataset
        assert ds is not None
        issue = ds.issues[subject_id]
        widgets: list[Widget] = [
            Static(safe(issue.title, "bold"), classes="subject-title"),
            Static(
                Content.assemble(Content.styled("Proposition: ", "bold"), safe(issue.proposition, multiline=True)),
                classes="detail-proposition",
            ),
        ]
        if issue.description:
            widgets.append(Static(safe(issue.description, multiline=True), classes="detail-summary"))
        for actor in ds.actors.values():
            widgets.append(Static(safe(actor.name, "bold"), classes="section-title"))
            widgets.extend(
                stance_blocks(ds, self.as_of, subject_id, actor.id, with_title=False, with_proposition=False)
            )
        return widgets

    def caption(self) -> Caption | Content:
        ds = self.dataset
        if ds is None or self.issue_id not in ds.issues:
            return self.bare_caption()
        cited = [
            evidence.evidence.source
            for (_, issue_id), record in ds.as_of(self.as_of).items()
            if issue_id == self.issue_id
            for evidence in record.evidence
        ]
        return caption(
            self.TITLE, self.effective_date, source_names(ds, cited), safe(ds.issue_title(self.issue_id))
        )
