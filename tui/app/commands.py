"""The command palette's provider: jump to any view, issue, issue's timeline, actor or source."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch

from tui.app.messages import ShowView
from tui.app.render.safe import safe
from tui.app.views import VIEWS
from tui.core.sanitize import clean


class PeninsulaCommands(Provider):
    """Every entry's display is built from literal Content: data names are never markup."""

    def _entries(self) -> Iterator[tuple[str, str, str, Callable[[], object]]]:
        """(kind, plain name, help, command) for every jump target."""
        app = self.app
        for spec in VIEWS:
            yield "View", spec.title, spec.description, partial(app.post_message, ShowView(spec.id))
        known = getattr(app, "known_on", False)
        yield (
            "Date",
            "As of the date: stances stated by then"
            if known
            else "Known on the date: sources published by then",
            "switch the question the date asks (key k)",
            partial(app.call_later, app.run_action, "toggle_known_on"),
        )
        ds = getattr(app, "dataset", None)
        if ds is None:
            return
        for issue in ds.issues.values():
            yield (
                "Issue",
                clean(issue.title),
                "every actor's stance on it",
                partial(app.post_message, ShowView("issue", issue.id)),
            )
        for issue in ds.issues.values():
            yield (
                "Timeline",
                clean(issue.title),
                "its stances through time, and what changed",
                partial(app.post_message, ShowView("timeline", issue.id)),
            )
        for actor in ds.actors.values():
            yield (
                "Actor",
                clean(actor.name),
                "the actor's whole record",
                partial(app.post_message, ShowView("actor", actor.id)),
            )
        for seed in ds.seeds.values():
            yield (
                "Source",
                clean(f"{seed.meta.outlet}: {seed.meta.title}"),
                "the article, cited passages marked",
                partial(app.post_message, ShowView("source", seed.id)),
            )

    @staticmethod
    def _display(kind: str, name: str, matched: Content | None = None) -> Content:
        return Content.styled(f"{kind}: ", "dim") + (matched if matched is not None else safe(name))

    async def discover(self) -> Hits:
        for kind, name, help_text, command in self._entries():
            yield DiscoveryHit(
                self._display(kind, name), command, text=f"{kind}: {name}", help=help_text
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        # Matcher.highlight parses its candidate as markup, which a data name must never be:
        # the same fuzzy search, run here, gives the score and the letters to mark.
        search = FuzzySearch(case_sensitive=matcher.case_sensitive)
        for kind, name, help_text, command in self._entries():
            text = f"{kind}: {name}"
            score, offsets = search.match(matcher.query, text)
            if score > 0:
                display = self._display(kind, name)
                for offset in offsets:
                    if offset < len(display.plain) and not text[offset].isspace():
                        display = display.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, display, command, text=text, help=help_text)
