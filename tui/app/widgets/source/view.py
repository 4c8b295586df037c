"""One article: metadata, the text with every cited passage marked, and who cites each."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.app.render.caption import Caption, caption, shorten, source_names
from tui.app.render.records import evidence_text, kind_tag, said_on, verified_short
from tui.app.render.safe import join, safe, safe_text
from tui.app.render.stance import label
from tui.app.widgets.source.passages import Citation, blocks, citations, paragraphs
from tui.app.widgets.subject import SubjectView


class SourceView(SubjectView):
    VIEW_ID = "source"
    TITLE = "Source"
    NEEDS = ("seeds",)
    TARGET = "source"
    PICK_LABEL = "Source"
    SIDE = "right"
    KEY_HELP = [
        ("tab", "move between the source picker and the text"),
        ("up / down", "scroll; in the picker, choose another source"),
    ]

    source_id: reactive[str | None] = reactive(None, init=False)
    evidence_key: reactive[str | None] = reactive(None, init=False)

    def watch_source_id(self) -> None:
        self.on_subject_changed()

    def watch_evidence_key(self) -> None:
        self.on_subject_changed()

    def subjects(self) -> list[tuple[Text, str]]:
        assert self.dataset is not None
        return [
            (safe_text(f"{seed.meta.outlet}: {seed.meta.title}"), seed.id)
            for seed in self.dataset.seeds.values()
        ]

    def cited(self, source_id: str) -> list[Citation]:
        return citations([e for e in self.visible_evidence() if e.evidence.source == source_id])

    def compose_subject(self, subject_id: str) -> list[Widget]:
        ds = self.dataset
        assert ds is not None
        seed = ds.seeds[subject_id]
        meta = seed.meta
        facts: list[Content | str] = [
            safe(meta.outlet, "bold"),
            f"published {meta.published.isoformat()}",
        ]
        if meta.via:
            facts.append(Content("relaying ") + safe(", ".join(meta.via)))
        if meta.excerpt:
            facts.append("excerpt: the opening of the article as stored")
        widgets: list[Widget] = [
            Static(safe(meta.title, "bold"), classes="subject-title"),
            Static(join(facts), classes="detail-stance"),
        ]
        if meta.url:
            widgets.append(Static(safe(meta.url), classes="detail-proposition"))
        for field_name, reason in meta.inferred.items():
            widgets.append(
                Static(
                    Content.styled(f"{field_name} is inferred: ", "bold")
                    + safe(reason, multiline=True),
                    classes="detail-proposition",
                )
            )
        cited = self.cited(subject_id)
        widgets.append(
            Static(
                f"{len(cited)} cited passage{'s' * (len(cited) != 1)}, "
                "underlined and numbered in the text",
                classes="section-title",
            )
        )
        for content, numbers in blocks(paragraphs(seed.body, cited, self.evidence_key)):
            widget = Static(content, classes="source-paragraph")
            widget.passage_numbers = numbers  # type: ignore[attr-defined]
            widgets.append(widget)
        return widgets

    def compose_side(self, subject_id: str) -> list[Widget]:
        """Who cites each numbered passage; and anything cited that the text does not hold."""
        cited = self.cited(subject_id)
        widgets: list[Widget] = [Static("Who cites each passage", classes="section-title -first")]
        widgets.extend(self._citation(citation) for citation in cited)
        unfound = [
            e for e in self.visible_evidence() if e.evidence.source == subject_id and not e.spans
        ]
        if unfound:
            widgets.append(Static("Cited but not found in the text", classes="section-title"))
            for record in unfound:
                widgets.append(Static(self._who(record, None), classes="citation -unfound"))
        return widgets

    def _who(self, record, number: int | None) -> Content:
        ds = self.dataset
        assert ds is not None
        stance = ds.stance_at(record.actor_id, record.issue_id, record.as_of)
        head = Content.styled(f"[{number}]", "bold reverse") + Content(" ") if number else Content()
        facts: list[Content | str] = [
            safe(ds.actor_name(record.speaker_id), "bold"),
            Content("on ") + safe(ds.issue_title(record.issue_id)),
            label(stance.stance if stance else None, bool(stance and stance.is_conditional)),
            said_on(record),
            verified_short(record),
        ]
        return Content.assemble(
            head, kind_tag(record), " ", evidence_text(record), "\n", join(facts)
        )

    def _citation(self, citation: Citation) -> Widget:
        classes = "citation"
        if citation.key == self.evidence_key:
            classes += " -focus"
        widget = Static(self._who(citation.record, citation.number), classes=classes)
        return widget

    def after_fill(self, body: VerticalScroll) -> None:
        if self.evidence_key is None or self.dataset is None or self.source_id is None:
            return
        target = next((c for c in self.cited(self.source_id) if c.key == self.evidence_key), None)
        if target is None:
            return

        def scroll() -> None:
            for citation in self.query(".citation.-focus"):
                citation.scroll_visible(animate=False, top=True)
            for widget in body.query(".source-paragraph"):
                if target.number in getattr(widget, "passage_numbers", []):
                    body.scroll_to_widget(widget, animate=False, top=True)
                    return

        body.call_after_refresh(scroll)

    def caption(self) -> Caption | Content:
        ds, source_id = self.dataset, self.source_id
        if ds is None or source_id is None or source_id not in ds.seeds:
            return self.bare_caption()
        meta = ds.seeds[source_id].meta
        return caption(
            self.TITLE,
            self.effective_date,
            source_names(ds, [source_id]),
            Content("“") + safe(shorten(meta.title)) + Content("”"),
        )
