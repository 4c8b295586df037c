"""One article: metadata, the text with every cited passage marked, and who cites each."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive

from tui.app.render.caption import Caption, shorten, source_names
from tui.app.render.records import evidence_text, kind_tag, said_on, verified_short
from tui.app.render.safe import join, safe, safe_text
from tui.app.render.stance import label
from tui.app.widgets.document import Block, Document, block
from tui.app.widgets.source.passages import Citation, blocks, citations
from tui.app.widgets.subject import SubjectView
from tui.core.citations import source_evidence_in_view
from tui.core.dataset import Dataset


class SourceView(SubjectView):
    VIEW_ID = "source"
    TITLE = "Source"
    NEEDS = ("seeds",)
    TARGET = "source"
    PICK_LABEL = "Source"
    SIDE = "right"
    WORK_NOUN = "citations"
    KEY_HELP = [
        ("tab", "move between the source picker and the text"),
        ("up / down", "scroll; in the picker, choose another source"),
    ]

    source_id: reactive[str | None] = reactive(None, init=False)
    evidence_key: reactive[str | None] = reactive(None, init=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # The numbered citations of the source last asked for, and what they were numbered for.
        self._cited: tuple[tuple[object, ...], list[Citation]] | None = None

    def watch_source_id(self) -> None:
        self.on_subject_changed()

    def watch_evidence_key(self) -> None:
        self.on_subject_changed()

    def subjects(self, ds: Dataset) -> list[tuple[Text, str]]:
        return [
            (safe_text(f"{seed.meta.outlet}: {seed.meta.title}"), seed.id)
            for seed in ds.seeds.values()
        ]

    def prepare(self, ds: Dataset) -> None:
        # The index of evidence by source: built once a dataset, over every evidence item.
        ds.evidence_for_seed(self.source_id or "")

    def is_subject(self, subject_id: str) -> bool:
        return self.dataset is not None and subject_id in self.dataset.seeds

    def _wants(self, subject_id: str) -> tuple[object, ...]:
        # The focused citation is drawn in the listing too.
        *rest, subject = super()._wants(subject_id)
        return (*rest, self.evidence_key, subject)

    def work_size(self, subject_id: str) -> int:
        return len(self.cited_records(subject_id))

    def cited_records(self, source_id: str):
        assert self.dataset is not None
        return source_evidence_in_view(self.dataset, source_id, self.as_of)

    def cited(self, source_id: str) -> list[Citation]:
        """Numbered once for the source and date shown (the text, the list beside it and the
        scroll to a passage all ask)."""
        key = (self.dataset, source_id, self.as_of)
        if self._cited is None or self._cited[0] != key:
            self._cited = (key, citations(self.cited_records(source_id)))
        return self._cited[1]

    def compose_subject(self, subject_id: str) -> list[Block]:
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
        result: list[Block] = [
            block("subject-title", safe(meta.title, "bold")),
            block("detail-stance", join(facts)),
        ]
        if meta.url:
            result.append(block("detail-proposition", safe(meta.url)))
        for field_name, reason in meta.inferred.items():
            result.append(
                block(
                    "detail-proposition",
                    Content.styled(f"{field_name} is inferred: ", "bold")
                    + safe(reason, multiline=True),
                )
            )
        cited = self.cited(subject_id)
        result.append(
            block(
                "section-title",
                f"{len(cited):,} cited passage{'s' * (len(cited) != 1)}, "
                "underlined and numbered in the text",
            )
        )
        for passage in blocks(seed.body, cited, self.evidence_key):
            result.append(block("source-paragraph", passage.content, tag=passage.numbers))
        return result

    def compose_side(self, subject_id: str) -> list[Block]:
        """Who cites each numbered passage; and anything cited that the text does not hold."""
        cited = self.cited(subject_id)
        result: list[Block] = [block("section-title -first", "Who cites each passage")]
        result.extend(self._citation(citation) for citation in cited)
        unfound = [e for e in self.cited_records(subject_id) if not e.spans]
        if unfound:
            result.append(block("section-title", "Cited but not found in the text"))
            for record in unfound:
                result.append(block("citation -unfound", partial(self._who, record, None)))
        return result

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

    def _citation(self, citation: Citation) -> Block:
        classes = "citation -focus" if citation.key == self.evidence_key else "citation"
        return block(classes, partial(self._who, citation.record, citation.number), citation.key)

    def after_fill(self, body: Document) -> None:
        if self.evidence_key is None or self.dataset is None or self.source_id is None:
            return
        target = next((c for c in self.cited(self.source_id) if c.key == self.evidence_key), None)
        if target is None:
            return
        side = self.query_one(".subject-side", Document)
        for document in (side, body):
            # The citation (beside the text, or after it when narrow) and its passage at the top.
            index = document.find(lambda item: item.has_class("-focus"))
            if index is not None:
                document.scroll_to_block(index)
        index = body.find(
            lambda item: item.has_class("source-paragraph") and target.number in (item.tag or ())  # type: ignore[operator]
        )
        if index is not None:
            body.scroll_to_block(index)

    def caption(self) -> Caption | Content:
        ds, source_id = self.dataset, self.source_id
        if ds is None or source_id is None or source_id not in ds.seeds:
            return self.bare_caption()
        meta = ds.seeds[source_id].meta
        return self.view_caption(
            source_names(ds, [source_id]),
            Content("“") + safe(shorten(meta.title)) + Content("”"),
        )
