"""The line that names a panel: view, subject, as-of date and sources; a screenshot stands alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content

from tui.app.render.safe import safe
from tui.core.citations import cited_sources, evidence_in_view, picture_sources, source_name
from tui.core.dataset import Dataset
from tui.core.knowledge import header_words, question_words

MAX_SOURCES_NAMED = 3
MAX_SUBJECT = 48


def shorten(text: str, limit: int = MAX_SUBJECT) -> str:
    """A long title cut at a word, with an ellipsis, for the one-line caption."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def source_names(ds: Dataset, seed_ids: Iterable[str]) -> Names:
    """ "Benzinga via KCNA, Reuters; Yonhap" in order of first citation; unknown ids as they are."""
    # A dict keeps the order and looks up in constant time.
    names = dict.fromkeys(source_name(ds, seed_id) for seed_id in seed_ids)
    return named_sources(list(names))


def cited_names(
    ds: Dataset,
    as_of: dt.date | None,
    *,
    actor_id: str | None = None,
    issue_id: str | None = None,
    through_time: bool = False,
) -> Names:
    """The sources a view's caption names (see ``tui.core.citations``); safe in a worker thread."""
    if actor_id is None and issue_id is None and not through_time:
        return source_names(ds, picture_sources(ds, as_of))
    evidence = evidence_in_view(
        ds, as_of, actor_id=actor_id, issue_id=issue_id, through_time=through_time
    )
    return source_names(ds, cited_sources(evidence))


def named_sources(names: list[str]) -> Names:
    """Source names, each once, as a caption shows them."""
    # Narrow, a source goes by its outlet alone ("Benzinga via KCNA, Reuters" -> "Benzinga").
    return Names(tuple(names), tuple(name.partition(" via ")[0] for name in names))


@dataclass(frozen=True, eq=False)
class Names:
    """What a caption names (sources, files), each once, with the shorter ways of saying it
    that a narrow header falls back on: short names, the first only, then a count."""

    names: tuple[str, ...]
    short: tuple[str, ...]
    one: str = "source"
    many: str = "sources"
    none: str = "no sources"
    lead: str = ""  # before the names or the count, e.g. "in "
    separator: str = "; "

    def _listed(self, names: tuple[str, ...], limit: int) -> Content:
        shown = self.separator.join(names[:limit])
        more = len(names) - limit
        if more > 0:
            shown += f"{self.separator}+{more} more"
        noun = self.one if len(names) == 1 else self.many
        lead = self.lead or f"{noun}: "
        return Content(lead) + safe(shown)

    def in_full(self) -> Content:
        """Every name, for a slide's line of sources (which wraps rather than shortens)."""
        if not self.names:
            return Content(self.none.capitalize())
        noun = self.one if len(self.names) == 1 else self.many
        lead = self.lead or f"{noun.capitalize()}: "
        return Content(lead) + safe(self.separator.join(self.names))

    def forms(self) -> list[Content]:
        """Longest first."""
        count = len(self.names)
        if not count:
            return [Content(self.none)]
        noun = self.one if count == 1 else self.many
        forms = [
            self._listed(self.names, MAX_SOURCES_NAMED),
            self._listed(self.short, MAX_SOURCES_NAMED),
            self._listed(self.short, 1),
            Content(f"{self.lead}{count} {noun}"),
        ]
        return [
            form for n, form in enumerate(forms) if form.plain not in {f.plain for f in forms[:n]}
        ]


SEPARATOR = Content(" · ")


@dataclass(frozen=True, eq=False)
class Caption:
    """ "Matrix · as of 2025-09-22 · stated by then · source: Benzinga via KCNA, Reuters": in full
    for a screenshot's title, and fitted to one line in the header, where the view, the date and
    the question about it (``known``: known on the date, else stated by it) always stay."""

    view: str
    as_of: dt.date | None
    sources: Names | Content
    subject: Content | None = None
    # The view shows what could be known on the date (sources published by then), not the
    # stances stated by then: see tui.core.knowledge.
    known: bool = False

    def _line(self, subject: Content | None, sources: Content, short: bool = False) -> Content:
        parts = [Content.styled(self.view, "bold")]
        if subject is not None and subject:
            parts.append(subject)
        parts.append(Content(header_words(self.as_of, self.known, short=short)))
        parts.append(sources)
        return SEPARATOR.join(parts)

    def _source_forms(self) -> list[Content]:
        return self.sources.forms() if isinstance(self.sources, Names) else [self.sources]

    @property
    def title(self) -> Content:
        """A slide's title: the view and its subject."""
        parts = [Content.styled(self.view, "bold")]
        if self.subject is not None and self.subject:
            parts.append(self.subject.stylize("bold"))
        return SEPARATOR.join(parts)

    @property
    def question(self) -> str:
        """The date, and which question about it the view answers, in words."""
        return question_words(self.as_of, self.known)

    @property
    def sources_in_full(self) -> Content:
        return self.sources.in_full() if isinstance(self.sources, Names) else self.sources

    @property
    def full(self) -> Content:
        return self._line(self.subject, self._source_forms()[0])

    @property
    def plain(self) -> str:
        return self.full.plain

    def fit(self, width: int) -> Content:
        """The longest form that fits ``width`` cells: the sources said shorter first, then the
        question said by its date alone ("known on 2025-10-24"), then the subject left out
        (never cut: the view shows it whole just below)."""
        forms = self._source_forms()
        for subject in (self.subject, None):
            for short in (False, True):
                for sources in forms:
                    line = self._line(subject, sources, short)
                    if line.cell_length <= width:
                        return line
        return self._line(None, forms[-1], short=True).truncate(width, ellipsis=True)


def caption(
    view: str,
    as_of: dt.date | None,
    sources: Names | Content,
    subject: Content | None = None,
    known: bool = False,
) -> Caption:
    """ "Matrix · as of 2025-09-22 · stated by then · source: Benzinga via KCNA, Reuters"."""
    return Caption(view, as_of, sources, subject, known)


def slide_lines(caption: Caption | Content) -> tuple[Content, Content]:
    """A slide's line under its title (the date and its question) and its line of sources."""
    if not isinstance(caption, Caption):
        return Content(""), Content("")
    question = caption.question
    return Content(question[:1].upper() + question[1:]), caption.sources_in_full
