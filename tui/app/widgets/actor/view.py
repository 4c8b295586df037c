"""One actor's whole record: profile, every stance with its conditions and evidence, history."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.app.render.caption import Caption
from tui.app.render.context import conditions_on, distances_from
from tui.app.render.safe import join, safe, safe_text
from tui.app.render.stance import aligned, label, record_label
from tui.app.widgets.detail.stance_detail import stance_blocks
from tui.app.widgets.subject import SubjectView


class ActorView(SubjectView):
    VIEW_ID = "actor"
    TITLE = "Actor"
    NEEDS = ("actors",)
    TARGET = "actor"
    PICK_LABEL = "Actor"
    KEY_HELP = [
        ("tab", "move between the actor picker and the record"),
        ("up / down", "scroll; in the picker, choose another actor"),
    ]

    actor_id: reactive[str | None] = reactive(None, init=False)

    def watch_actor_id(self) -> None:
        self.on_subject_changed()

    def subjects(self) -> list[tuple[Text, str]]:
        assert self.dataset is not None
        return [(safe_text(actor.name), actor.id) for actor in self.dataset.actors.values()]

    def compose_side(self, subject_id: str) -> list[Widget]:
        """Profile and every stance at a glance."""
        ds = self.dataset
        assert ds is not None
        actor = ds.actors[subject_id]
        widgets: list[Widget] = [
            Static(safe(actor.name, "bold"), classes="subject-title"),
            Static(join([safe(actor.role), safe(actor.country)]), classes="detail-stance"),
        ]
        if actor.aliases:
            widgets.append(
                Static(
                    Content.styled("Also called: ", "bold")
                    + join([safe(a) for a in actor.aliases], separator="; "),
                    classes="detail-proposition",
                )
            )
        glance = aligned(
            [
                (
                    label(
                        record.stance if record else None, bool(record and record.is_conditional)
                    ),
                    safe(issue.title, "bold" if record else "dim"),
                )
                for issue in ds.issues.values()
                for record in [ds.stance_at(subject_id, issue.id, self.as_of)]
            ]
        )
        widgets.append(Static("Positions at a glance", classes="section-title"))
        widgets.append(Static(glance, classes="glance"))
        if self._wide:
            # Beside the record there is room for where the actor sits among the others.
            distances = distances_from(ds, subject_id, self.as_of)
            if distances is not None:
                widgets.append(
                    Static("Distance to the others, nearest first", classes="section-title")
                )
                widgets.append(Static(distances, classes="glance"))
                widgets.append(
                    Static(
                        "The mean gap over the issues both have a stance on: "
                        "0 same, 4 opposite ends.",
                        classes="detail-proposition",
                    )
                )
            widgets.append(Static("Others' conditions on this actor", classes="section-title"))
            blocks = conditions_on(ds, self.as_of, actor_id=subject_id) or [
                Content.styled("None: no other stance's condition looks at this actor.", "dim")
            ]
            widgets.extend(Static(block, classes="condition") for block in blocks)
        return widgets

    def compose_subject(self, subject_id: str) -> list[Widget]:
        ds = self.dataset
        assert ds is not None
        widgets: list[Widget] = []
        silent: list[Content | str] = []
        for issue in ds.issues.values():
            record = ds.stance_at(subject_id, issue.id, self.as_of)
            if record is None:
                silent.append(safe(issue.title))
                continue
            widgets.append(Static(safe(issue.title, "bold"), classes="section-title"))
            widgets.extend(
                stance_blocks(
                    ds, self.as_of, issue.id, subject_id, with_title=False, with_proposition=True
                )
            )
            earlier = [r for r in ds.history(subject_id, issue.id) if r.as_of < record.as_of]
            if earlier:
                steps: list[Content | str] = [
                    record_label(r) + Content(f" from {r.as_of.isoformat()}") for r in earlier
                ]
                widgets.append(
                    Static(
                        Content.styled("Earlier: ", "bold") + join(steps, separator="; "),
                        classes="detail-history",
                    )
                )
        if silent:
            widgets.append(Static("No stated position", classes="section-title"))
            widgets.append(Static(join(silent, separator="; "), classes="detail-summary"))
        return widgets

    def caption(self) -> Caption | Content:
        ds, actor_id = self.dataset, self.actor_id
        if ds is None or actor_id is None or actor_id not in ds.actors:
            return self.bare_caption()
        return self.citing_caption(safe(ds.actor_name(actor_id)), actor_id=actor_id)
