"""Every evidence item in one list: filter by words, narrow by actor and issue, enter opens it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Select, Static
from textual.worker import get_current_worker

from tui.app.messages import ShowEvidence
from tui.app.render.caption import Caption, named_sources
from tui.app.render.records import evidence_text, kind_tag, said_on, verified_short
from tui.app.render.safe import join, safe, safe_text
from tui.app.render.stance import badge
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.quotes.quote_list import QuoteList
from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord
from tui.core.identity import evidence_key
from tui.core.quotes import Quotes, fold, narrows, quotes_on_record
from tui.core.statements import channels_words


def quote_prompt(
    ds: Dataset, record: EvidenceRecord, stance: StanceRecord, words: list[str]
) -> Content:
    """Two lines: the words (matches marked), then who, on what (with the stance the words are
    evidence of), when, where, verified."""
    evidence = record.evidence
    seed = ds.seeds.get(evidence.source)
    facts: list[Content | str] = [
        safe(ds.actor_name(record.speaker_id), "bold"),
        badge(stance.stance) + Content(" ") + safe(ds.issue_title(record.issue_id)),
        said_on(record, with_note=False),
        safe(seed.meta.outlet if seed else evidence.source),
    ]
    if evidence.via:
        facts.append(Content("relayed by ") + safe(" → ".join(evidence.via)))
    if evidence.channels:
        facts.append(safe(channels_words(evidence.channels)))
    facts.append(verified_short(record))
    return Content.assemble(
        kind_tag(record), " ", evidence_text(record, words), "\n", join(facts, style="")
    )


def find_quotes(
    ds: Dataset,
    as_of,
    words: tuple[str, ...],
    actor_id: str | None,
    issue_id: str | None,
    within: Sequence[int] | None,
) -> tuple[Quotes, Sequence[int]]:
    """The quotes on record by ``as_of`` and the positions of those that match: what the view
    works out in a worker thread on a large tree (looked up when it runs, so that a test can
    hold it back: see tests/scale)."""
    quotes = quotes_on_record(ds, as_of)
    return quotes, quotes.search(words, actor_id=actor_id, issue_id=issue_id, within=within)


class Pickers(NamedTuple):
    """What the actor and issue pickers offer, worked out with the quotes (on a crowd of
    thousands of actors, their names are that many sanitised texts)."""

    dataset: Dataset
    actors: list[tuple[Text, str]]
    longest_actor: int  # cells
    issues: list[tuple[Text, str]]


def picker_options(ds: Dataset) -> Pickers:
    actors = [(safe_text(actor.name), actor.id) for actor in ds.actors.values()]
    longest = max((cell_len(name.plain) for name, _ in actors), default=0)
    issues = [(safe_text(issue.title), issue.id) for issue in ds.issues.values()]
    return Pickers(ds, actors, longest, issues)


# Up to this many matches are listed at once; more start as a screenful and grow by this many
# each time the cursor nears the end: building every item of a tree with tens of thousands of
# quotes would take seconds a keystroke, and a keystroke should show within a frame.
PAGE = 50
CAPTION_AFTER_TYPING = 0.25  # seconds without a key
LINES_PER_ITEM = 3  # two lines and a rule
ACTOR_PICKER_MIN = 24  # "any actor" and its arrow, as wide as the issue picker
# A search runs at once, on the event loop, on a tree of up to INLINE_QUOTES evidence items, or
# once the quotes and what words may match are built, when it looks among at most INLINE_SCAN
# items (a few ms); else in a worker thread, the screen answering keys meanwhile: the first
# look at a large tree, the first word looked for, a search over a huge one.
INLINE_QUOTES = 5_000
INLINE_SCAN = 60_000


class QuotesView(PeninsulaView):
    VIEW_ID = "quotes"
    TITLE = "Quotes"
    NEEDS = ("evidence",)
    KEY_HELP = [
        (
            "/",
            "into the filter: type words; all must match the quote, speaker, issue, relay "
            "or outlet",
        ),
        ("escape", "from the filter back to the list (and the number and [ ] keys)"),
        ("tab / shift+tab", "move between the filter, actor, issue and the list"),
        ("enter", "open the quote in its source"),
    ]
    # The list has the keys on arrival, so that the footer's keys act; typing starts with /.
    # Priority: the app acts on them as it takes each key, before it hands on the next (a fast
    # typist's terminal sends / and the words at once), and the focus moves at once (see
    # action_focus_filter): every key after / reaches the filter, and after escape the list.
    # Where they do nothing (/ in the filter), check_action turns them down and the key goes on.
    BINDINGS = [
        Binding(
            "slash",
            "focus_filter",
            "Filter",
            tooltip="type words to narrow the list",
            priority=True,
        ),
        Binding(
            "escape",
            "focus_list",
            "To the list",
            tooltip="leave the filter; keys act again",
            priority=True,
        ),
    ]

    class Found(Message):
        """The matches worked out in the worker for ``wanted``."""

        def __init__(
            self,
            wanted: tuple,
            quotes: Quotes,
            matches: Sequence[int],
            typing: bool,
            pickers: Pickers | None,
        ) -> None:
            super().__init__()
            self.wanted = wanted
            self.quotes = quotes
            self.matches = matches
            self.typing = typing
            self.pickers = pickers

    # True while the matches asked for last are still worked out in the worker.
    working = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # The records in the list (not every match: see PAGE), in its order.
        self._records: list[EvidenceRecord] = []
        self._quotes: Quotes | None = None
        self._matches: Sequence[int] = ()
        # What the matches on screen were found for: (quotes, folded words, actor, issue).
        self._last: tuple | None = None
        # What was asked for last: (dataset, as_of, folded words, actor, issue).
        self._wanted: tuple | None = None
        self._words: list[str] = []
        self._sources: tuple[Sequence[int], list[str]] | None = None
        # The dataset whose actors and issues the pickers offer.
        self._pickers_for: Dataset | None = None
        self._caption_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="quotes-filters"):
            yield Input(placeholder="filter by words…", id="quotes-filter", compact=True)
            yield Select([], prompt="any actor", id="quotes-actor", compact=True)
            yield Select([], prompt="any issue", id="quotes-issue", compact=True)
        yield Static("", id="quotes-count")
        yield QuoteList(id="quotes-list")

    # -- data ----------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.dataset is None:
            return
        self._last = None
        self._filter()

    def _fill_pickers(self, pickers: Pickers) -> None:
        """The pickers' options; a chosen actor or issue the data no longer has is let go, and
        the list found again without it."""
        chosen = self._chosen()
        self._set_options("#quotes-actor", pickers.actors)
        # As wide as the longest name and the arrow, within the room the stylesheet allows
        # (max-width): a longer name ends in an ellipsis there, never at its first word alone.
        width = max(ACTOR_PICKER_MIN, pickers.longest_actor + 3)
        self.query_one("#quotes-actor", Select).styles.width = width
        self._set_options("#quotes-issue", pickers.issues)
        self._pickers_for = pickers.dataset
        if self._chosen() != chosen:
            self._filter()

    def _chosen(self) -> tuple[str | None, str | None]:
        """The actor and the issue chosen in the pickers (None for any)."""
        actor = self.query_one("#quotes-actor", Select).value
        issue = self.query_one("#quotes-issue", Select).value
        return (
            None if actor == Select.NULL else str(actor),
            None if issue == Select.NULL else str(issue),
        )

    def _set_options(self, selector: str, options: list) -> None:
        select: Select = self.query_one(selector, Select)
        value = select.value
        with select.prevent(Select.Changed):
            select.set_options(options)
            if value in {v for _, v in options}:
                select.value = value

    @property
    def words(self) -> list[str]:
        return self.query_one("#quotes-filter", Input).value.split()

    def _filter(self, typing: bool = False) -> None:
        ds = self.dataset
        if ds is None:
            return
        words = self.words
        folded = fold(words)
        actor_id, issue_id = self._chosen()
        as_of = self.as_of
        within: Sequence[int] | None = None
        last = self._last
        if (
            last is not None
            and last[0].dataset is ds
            and last[0].as_of == as_of
            and last[2:] == (actor_id, issue_id)
            and narrows(last[1], folded)
        ):
            within = self._matches  # typing on: only the items that matched so far can match
        wanted = (ds, as_of, folded, actor_id, issue_id)
        self._wanted = wanted
        pickers_wanted = self._pickers_for is not ds
        if self._inline(ds, as_of, folded, within):
            self.working = False
            if pickers_wanted:
                self._fill_pickers(picker_options(ds))
                if self._wanted is not wanted:
                    return  # a chosen actor or issue was let go, and the list found again
            quotes, matches = find_quotes(ds, as_of, folded, actor_id, issue_id, within)
            self._show_matches(quotes, matches, words, typing)
            return
        if not self.working and self._quotes is None:
            self.query_one("#quotes-count", Static).update(
                Content(f"Finding the quotes among {len(ds.evidence):,} items…")
            )
        self.working = True
        self._find_in_thread(wanted, within, typing, pickers_wanted)

    def _inline(self, ds: Dataset, as_of, folded: tuple[str, ...], within) -> bool:
        """Whether the search is small enough to run on the event loop (see INLINE_SCAN)."""
        if len(ds.evidence) <= INLINE_QUOTES:
            return True
        quotes = self._quotes
        if quotes is None or quotes.dataset is not ds or quotes.as_of != as_of:
            return False
        if folded and not quotes.searchable:
            return False
        return len(quotes if within is None else within) <= INLINE_SCAN

    @work(
        thread=True,
        exclusive=True,
        group="quotes",
        exit_on_error=False,
        # Named, or Textual describes the worker with the repr of its arguments: the dataset.
        description="the quotes that match",
    )
    def _find_in_thread(
        self, wanted: tuple, within: Sequence[int] | None, typing: bool, pickers_wanted: bool
    ) -> None:
        ds, as_of, folded, actor_id, issue_id = wanted
        quotes, matches = find_quotes(ds, as_of, folded, actor_id, issue_id, within)
        pickers = picker_options(ds) if pickers_wanted else None
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(wanted, quotes, matches, typing, pickers))

    @on(Found)
    def _found(self, message: Found) -> None:
        message.stop()
        if not self.is_attached or message.wanted is not self._wanted:
            return  # found for a filter that is no longer asked for
        self.working = False
        if message.pickers is not None:
            self._fill_pickers(message.pickers)
            if self._wanted is not message.wanted:
                return  # a chosen actor or issue was let go, and the list found again
        self._show_matches(message.quotes, message.matches, self.words, message.typing)

    def _show_matches(
        self, quotes: Quotes, matches: Sequence[int], words: list[str], typing: bool
    ) -> None:
        wanted = self._wanted
        assert wanted is not None
        quote_list = self.query_one("#quotes-list", QuoteList)
        highlighted = quote_list.highlighted
        kept = (
            evidence_key(self._records[highlighted])
            if highlighted is not None and highlighted < len(self._records)
            else None
        )
        self._quotes, self._matches = quotes, matches
        self._last = (quotes, *wanted[2:])
        self._words = words
        self._records = []
        # A short list is listed whole; a long one a screenful at a time.
        screenful = quote_list.size.height // LINES_PER_ITEM + 2
        prompts = self._next_prompts(len(matches) if len(matches) <= PAGE else screenful)
        keys = [evidence_key(record) for record in self._records] if kept is not None else []
        quote_list.set_items(prompts, keys.index(kept) if kept in keys else 0, len(matches))
        self._show_count()
        if self._caption_timer is not None:
            self._caption_timer.stop()
            self._caption_timer = None
        if typing:
            # The header names the sources of every match: redrawing it on each key would cost
            # that search and a repaint from the header down; the count beside the filter is
            # exact at once, and the header follows as soon as typing pauses.
            self._caption_timer = self.set_timer(CAPTION_AFTER_TYPING, self._caption_after_typing)
        else:
            self.announce_caption()

    def _caption_after_typing(self) -> None:
        self._caption_timer = None
        self.announce_caption()

    def _next_prompts(self, count: int) -> list[Callable[[], Content]]:
        """The prompts of the next ``count`` matches not yet listed (noted as listed), each
        built when the list first draws it."""
        ds, quotes = self.dataset, self._quotes
        assert ds is not None and quotes is not None
        start = len(self._records)
        listed = self._matches[start : start + count]
        self._records.extend(quotes.records[index] for index in listed)
        return [
            partial(quote_prompt, ds, quotes.records[index], quotes.stances[index], self._words)
            for index in listed
        ]

    def _show_count(self) -> None:
        total = len(self._quotes) if self._quotes is not None else 0
        noun = "item" if total == 1 else "items"
        count = f"{len(self._matches)} of {total} {noun}"
        hint = " · enter opens the source" if self._matches else " · nothing matches"
        if len(self._records) < len(self._matches):
            # Short enough for one line at 80 columns, beside six-digit counts.
            hint += " · listed as you go down"
        self.query_one("#quotes-count", Static).update(
            Content.styled(count, "bold") + Content(hint)
        )

    @on(QuoteList.Highlighted, "#quotes-list")
    def _near_the_end(self, event: QuoteList.Highlighted) -> None:
        event.stop()
        quote_list = event.quote_list
        if len(self._records) < len(self._matches) and event.index >= quote_list.item_count - 10:
            quote_list.add_items(self._next_prompts(PAGE))
            self._show_count()

    # -- events --------------------------------------------------------------------------------

    @on(Input.Changed, "#quotes-filter")
    @on(Select.Changed, "#quotes-actor")
    @on(Select.Changed, "#quotes-issue")
    def _criteria_changed(self, event) -> None:
        event.stop()
        self._filter(typing=isinstance(event, Input.Changed))

    @on(Input.Submitted, "#quotes-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_focus_list()

    @on(QuoteList.Selected, "#quotes-list")
    def _open(self, event: QuoteList.Selected) -> None:
        event.stop()
        if event.index < len(self._records):
            record = self._records[event.index]
            self.post_message(ShowEvidence(record.evidence.source, evidence_key(record)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Each key shows in the footer only where it does something (False hides it).
        # Not has_focus, which follows a focus move only once the widget has handled it.
        in_filter = self.screen.focused is self.query_one("#quotes-filter", Input)
        if action == "focus_filter":
            return not in_filter
        if action == "focus_list":
            return in_filter
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    # The focus moves at once, not as Widget.focus moves it (on the app's next step, after the
    # keys already queued behind / or escape).
    def action_focus_filter(self) -> None:
        self.screen.set_focus(self.query_one("#quotes-filter", Input))

    def action_focus_list(self) -> None:
        self.screen.set_focus(self.query_one("#quotes-list", QuoteList))

    def focus_default(self) -> None:
        self.action_focus_list()

    # -- caption -------------------------------------------------------------------------------

    def caption(self) -> Caption | Content:
        ds = self.dataset
        if ds is None:
            return Content(self.TITLE)
        if self._quotes is None or self._last is None:
            return self.bare_caption()
        total = len(self._quotes)
        narrowing: list[Content | str] = [f"{len(self._matches)} of {total}"]
        words, actor_id, issue_id = self._words, self._last[2], self._last[3]
        if words:
            narrowing.append(Content("matching “") + safe(" ".join(words)) + Content("”"))
        if actor_id is not None:
            narrowing.append(Content("by ") + safe(ds.actor_name(actor_id)))
        if issue_id is not None:
            narrowing.append(Content("on ") + safe(ds.issue_title(issue_id)))
        return self.view_caption(named_sources(self._cited()), join(narrowing))

    def _cited(self) -> list[str]:
        """Each source once, in order of first citation, over every match (not only those
        listed); kept for the matches on screen, as the caption is asked for more than once."""
        kept = self._sources
        if kept is None or kept[0] is not self._matches:
            assert self._quotes is not None
            kept = self._sources = (self._matches, self._quotes.sources(self._matches))
        return kept[1]
