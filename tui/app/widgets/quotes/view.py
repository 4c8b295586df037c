"""Every evidence item in one list: filter by words, narrow by actor and issue, enter opens it."""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from tui.app.messages import ShowEvidence
from tui.app.render.caption import Caption, named_sources
from tui.app.render.records import evidence_text, kind_tag, said_on, verified_short
from tui.app.render.safe import join, safe, safe_text
from tui.app.render.stance import badge
from tui.app.widgets.base import PeninsulaView
from tui.core.dataset import Dataset, EvidenceRecord
from tui.core.identity import evidence_key
from tui.core.quotes import QuoteItem, fold, narrows, quote_items, search
from tui.core.statements import channels_words


def quote_prompt(ds: Dataset, record: EvidenceRecord, words: list[str]) -> Content:
    """Two lines: the words (matches marked), then who, on what, when, where, verified."""
    evidence = record.evidence
    stance = ds.stance_at(record.actor_id, record.issue_id, record.as_of)
    seed = ds.seeds.get(evidence.source)
    facts: list[Content | str] = [
        safe(ds.actor_name(record.speaker_id), "bold"),
        badge(stance.stance if stance else None)
        + Content(" ")
        + safe(ds.issue_title(record.issue_id)),
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


# Up to this many matches are listed at once; more start as a screenful and grow by this many
# each time the cursor nears the end: building every item of a tree with tens of thousands of
# quotes would take seconds a keystroke, and a keystroke should show within a frame.
PAGE = 50
CAPTION_AFTER_TYPING = 0.25  # seconds without a key
LINES_PER_ITEM = 3  # two lines and a rule
ACTOR_PICKER_MIN = 24  # "any actor" and its arrow, as wide as the issue picker


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
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", tooltip="type words to narrow the list"),
        Binding("escape", "focus_list", "To the list", tooltip="leave the filter; keys act again"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # The items in the list (not every match: see PAGE), by option id.
        self._records: dict[str, EvidenceRecord] = {}
        self._shown = 0
        self._total = 0
        # Every item on record by the date, built once per load and date.
        self._items: list[QuoteItem] | None = None
        self._matches: list[QuoteItem] = []
        self._last: tuple[tuple[str, ...], object, object] | None = None
        self._words: list[str] = []
        self._caption_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="quotes-filters"):
            yield Input(placeholder="filter by words…", id="quotes-filter", compact=True)
            yield Select([], prompt="any actor", id="quotes-actor", compact=True)
            yield Select([], prompt="any issue", id="quotes-issue", compact=True)
        yield Static("", id="quotes-count")
        yield OptionList(id="quotes-list")

    # -- data ----------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        ds = self.dataset
        if ds is None:
            return
        self._set_options("#quotes-actor", [(safe_text(a.name), a.id) for a in ds.actors.values()])
        # As wide as the longest name and the arrow, within the room the stylesheet allows
        # (max-width): a longer name ends in an ellipsis there, never at its first word alone.
        longest = max((cell_len(safe_text(a.name).plain) for a in ds.actors.values()), default=0)
        self.query_one("#quotes-actor", Select).styles.width = max(ACTOR_PICKER_MIN, longest + 3)
        self._set_options("#quotes-issue", [(safe_text(i.title), i.id) for i in ds.issues.values()])
        self._items = None
        self._last = None
        self._filter()

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

    def _searchable(self) -> list[QuoteItem]:
        if self._items is None:
            assert self.dataset is not None
            self._items = quote_items(self.dataset, self.as_of)
        return self._items

    def _filter(self, typing: bool = False) -> None:
        ds = self.dataset
        if ds is None:
            return
        words = self.words
        folded = fold(words)
        actor = self.query_one("#quotes-actor", Select).value
        issue = self.query_one("#quotes-issue", Select).value
        option_list = self.query_one("#quotes-list", OptionList)
        highlighted = option_list.highlighted_option.id if option_list.highlighted_option else None

        everything = self._searchable()
        last = self._last
        if last is not None and last[1:] == (actor, issue) and narrows(last[0], folded):
            searched = self._matches  # typing on: only the items that matched so far can match
        else:
            searched = everything
        matches = search(
            searched,
            folded,
            actor_id=None if actor == Select.NULL else str(actor),
            issue_id=None if issue == Select.NULL else str(issue),
        )
        self._last = (folded, actor, issue)
        self._matches = matches
        self._words = words

        self._records = {}
        with option_list.prevent(OptionList.OptionHighlighted):
            # A short list is listed whole; a long one a screenful at a time. Set at once, not
            # cleared and refilled: an empty list between would hide and show the scroll bar
            # and lay the screen out for it on every key.
            screenful = option_list.size.height // LINES_PER_ITEM + 2
            option_list.set_options(
                self._next_options(len(matches) if len(matches) <= PAGE else screenful)
            )
            if highlighted in self._records:
                option_list.highlighted = option_list.get_option_index(highlighted)
            elif self._records:
                option_list.highlighted = 0
        self._shown, self._total = len(matches), len(everything)
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

    def _list_more(self, option_list: OptionList, count: int = PAGE) -> None:
        """Add the next ``count`` matches to the list."""
        option_list.add_options(self._next_options(count))

    def _next_options(self, count: int) -> list[Option | None]:
        """The options of the next ``count`` matches not yet listed (noted as listed)."""
        ds = self.dataset
        assert ds is not None
        start = len(self._records)
        options: list[Option | None] = []
        for key, record, _, _ in self._matches[start : start + max(count, 1)]:
            self._records[key] = record
            if options or start:
                options.append(None)  # a rule between items
            options.append(Option(quote_prompt(ds, record, self._words), id=key))
        return options

    def _show_count(self) -> None:
        noun = "item" if self._total == 1 else "items"
        count = f"{self._shown} of {self._total} {noun}"
        hint = " · enter opens the source" if self._matches else " · nothing matches"
        if len(self._records) < self._shown:
            hint += f" · listed so far: {len(self._records)}, more as you go down"
        self.query_one("#quotes-count", Static).update(
            Content.styled(count, "bold") + Content(hint)
        )

    @on(OptionList.OptionHighlighted, "#quotes-list")
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        option_list = event.option_list
        if (
            len(self._records) < len(self._matches)
            and event.option_index >= option_list.option_count - 10
        ):
            self._list_more(option_list)
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
        self.query_one("#quotes-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#quotes-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        record = self._records.get(event.option.id or "")
        if record is not None:
            self.post_message(ShowEvidence(record.evidence.source, evidence_key(record)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Each key shows in the footer only where it does something (False hides it).
        in_filter = self.query_one("#quotes-filter", Input).has_focus
        if action == "focus_filter":
            return not in_filter
        if action == "focus_list":
            return in_filter
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_focus_filter(self) -> None:
        self.query_one("#quotes-filter", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#quotes-list", OptionList).focus()

    def focus_default(self) -> None:
        self.action_focus_list()

    # -- caption -------------------------------------------------------------------------------

    def caption(self) -> Caption | Content:
        ds = self.dataset
        if ds is None:
            return Content(self.TITLE)
        narrowing: list[Content | str] = [f"{self._shown} of {self._total}"]
        if self.words:
            narrowing.append(Content("matching “") + safe(" ".join(self.words)) + Content("”"))
        actor = self.query_one("#quotes-actor", Select).value
        if actor != Select.NULL:
            narrowing.append(Content("by ") + safe(ds.actor_name(str(actor))))
        issue = self.query_one("#quotes-issue", Select).value
        if issue != Select.NULL:
            narrowing.append(Content("on ") + safe(ds.issue_title(str(issue))))
        # Each source once, in order of first citation, over every match (not only those listed).
        sources = named_sources(list(dict.fromkeys([item.source for item in self._matches])))
        return self.view_caption(sources, join(narrowing))
