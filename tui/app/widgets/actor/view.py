"""One actor's whole record: profile, every stance with its conditions and evidence, history."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive

from tui.app.render.caption import Caption
from tui.app.render.context import (
    condition_text,
    distance_rows,
    distance_width,
    glance_rows,
    glance_width,
)
from tui.app.render.safe import join, safe, safe_text
from tui.app.render.stance import record_label
from tui.app.widgets.document import Block, block, row_blocks
from tui.app.widgets.shared.stance_detail import stance_parts
from tui.app.widgets.subject import SubjectView
from tui.core import overview
from tui.core.dataset import Dataset


class ActorView(SubjectView):
    VIEW_ID = "actor"
    TITLE = "Actor"
    NEEDS = ("actors",)
    TARGET = "actor"
    PICK_LABEL = "Actor"
    WORK_NOUN = "actors"
    KEY_HELP = [
        ("tab", "move between the actor picker and the record"),
        ("up / down", "scroll; in the picker, choose another actor"),
    ]

    actor_id: reactive[str | None] = reactive(None, init=False)

    def watch_actor_id(self) -> None:
        self.on_subject_changed()

    def subjects(self, ds: Dataset) -> list[tuple[Text, str]]:
        return [(safe_text(actor.name), actor.id) for actor in ds.actors.values()]

    def is_subject(self, subject_id: str) -> bool:
        return self.dataset is not None and subject_id in self.dataset.actors

    def work_size(self, subject_id: str) -> int:
        # Beside the record, the distance to every other actor.
        return len(self.dataset.actors) if self.dataset is not None else 0

    def compose_side(self, subject_id: str) -> list[Block]:
        """Profile and every stance at a glance."""
        ds = self.dataset
        assert ds is not None
        actor = ds.actors[subject_id]
        blocks: list[Block] = [
            block("subject-title", safe(actor.name, "bold")),
            block("detail-stance", join([safe(actor.role), safe(actor.country)])),
        ]
        if actor.aliases:
            blocks.append(
                block(
                    "detail-proposition",
                    Content.styled("Also called: ", "bold")
                    + join([safe(a) for a in actor.aliases], separator="; "),
                )
            )
        blocks.append(block("section-title", "Positions at a glance"))
        glance = overview.actor_glance(ds, subject_id, self.as_of)
        width = glance_width([record for _, record in glance])
        titled = [(ds.issue_title(issue_id), record) for issue_id, record in glance]
        blocks += row_blocks("glance", titled, partial(glance_rows, width=width))
        if self._wide:
            # Beside the record there is room for where the actor sits among the others.
            distances = overview.distances_from(ds, subject_id, self.as_of)
            self.progress(len(distances))
            if distances:
                blocks.append(block("section-title", "Distance to the others, nearest first"))
                blocks += row_blocks(
                    "glance",
                    distances,
                    partial(distance_rows, ds, width=distance_width(distances)),
                )
                blocks.append(
                    block(
                        "detail-proposition",
                        "The mean gap over the issues both have a stance on: "
                        "0 same, 4 opposite ends.",
                    )
                )
            blocks.append(block("section-title", "Others' conditions on this actor"))
            found = overview.conditions_on(ds, self.as_of, actor_id=subject_id)
            blocks += [
                block("condition", partial(condition_text, ds, *pair, self.as_of)) for pair in found
            ] or [
                block(
                    "condition",
                    Content.styled("None: no other stance's condition looks at this actor.", "dim"),
                )
            ]
        return blocks

    def compose_subject(self, subject_id: str) -> list[Block]:
        ds = self.dataset
        assert ds is not None
        blocks: list[Block] = []
        silent: list[Content | str] = []
        for issue in ds.issues.values():
            record = ds.stance_at(subject_id, issue.id, self.as_of)
            if record is None:
                silent.append(safe(issue.title))
                continue
            blocks.append(block("section-title", partial(safe, issue.title, "bold")))
            blocks.extend(
                stance_parts(
                    ds, self.as_of, issue.id, subject_id, with_title=False, with_proposition=True
                )
            )
            earlier = [r for r in ds.history(subject_id, issue.id) if r.as_of < record.as_of]
            if earlier:
                blocks.append(block("detail-history", partial(_earlier, earlier)))
        if silent:
            blocks.append(block("section-title", "No stated position"))
            blocks.append(block("detail-summary", join(silent, separator="; ")))
        return blocks

    def caption(self) -> Caption | Content:
        ds, actor_id = self.dataset, self.actor_id
        if ds is None or actor_id is None or actor_id not in ds.actors:
            return self.bare_caption()
        return self.citing_caption(safe(ds.actor_name(actor_id)), actor_id=actor_id)


def _earlier(earlier) -> Content:
    steps: list[Content | str] = [
        record_label(r) + Content(f" from {r.as_of.isoformat()}") for r in earlier
    ]
    return Content.styled("Earlier: ", "bold") + join(steps, separator="; ")
