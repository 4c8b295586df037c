"""The Peninsula dashboard: tabs of views over one dataset, loaded and reloaded in workers."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive, reactive
from textual.widgets import Input, Static, TabbedContent, TabPane, Tabs
from textual.worker import get_current_worker

from tui.app.messages import (
    CaptionChanged,
    ShowEvidence,
    ShowView,
    StanceHighlighted,
    SubjectSelected,
)
from tui.app.render.caption import slide_lines
from tui.app.views import VIEWS, ViewSpec
from tui.app.watch import watch_data_tree
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.keys_footer import KeysFooter
from tui.app.widgets.panel_header import PanelHeader
from tui.core.dataset import Dataset, load_failure
from tui.core.freshness import DEFAULT_STALE_DAYS
from tui.core.knowledge import DateQuestion, question_dates
from tui.core.last_good import LastGood

_P = ParamSpec("_P")
_R = TypeVar("_R")


def while_running(
    handler: Callable[Concatenate[PeninsulaApp, _P], _R],
) -> Callable[Concatenate[PeninsulaApp, _P], _R | None]:
    """Drop a call that arrives once the app has begun shutting down.

    A message posted just before a quit, or a reload that finishes during it, reaches the app
    while its screen is being taken apart: there is nothing left to update, and looking for the
    views would fail. Every handler that reaches into the screen is wrapped in this.
    """

    @functools.wraps(handler)
    def guarded(app: PeninsulaApp, *args: _P.args, **kwargs: _P.kwargs) -> _R | None:
        if not app.is_running:
            return None
        return handler(app, *args, **kwargs)

    return guarded


if TYPE_CHECKING:
    from tui.core.cache import WarmStart


def _commands() -> type:
    # The palette's provider, imported when the palette first opens, not before the first frame.
    from tui.app.commands import PeninsulaCommands

    return PeninsulaCommands


def _load_tree(root: Path) -> Dataset:
    # Imported here: the loader pulls in pydantic models and YAML, which the first frame of a
    # warm start does not need.
    from tui.core.loader import load_tree

    return load_tree(root)


# A cache entry of up to this size restores in a few milliseconds (the bundled data's is some
# 200 KB and takes 4 ms), so it is restored before the first frame rather than behind a
# placeholder; a larger one (the large tree's 12 MB take 0.4 s) loads in the thread.
QUICK_RESTORE_BYTES = 1 << 20
# What the screen shows besides the view: the header, the tab strip and the footer, a line each.
CHROME_LINES = 3

# The app's selection, which views follow: a view binds those of these it declares as reactives.
SELECTION = ("issue_id", "actor_id", "source_id", "evidence_key")


class PeninsulaApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "Peninsula"
    COMMANDS = App.COMMANDS | {_commands}
    ENABLE_COMMAND_PALETTE = True
    # No automatic focus: it would land in the first tab's table and switch to that tab. The
    # shown view takes focus once its data is there.
    AUTO_FOCUS = None

    BINDINGS = [
        *[
            Binding(str(number), f"show_view('{spec.id}')", spec.title, show=False)
            for number, spec in enumerate(VIEWS, start=1)
        ],
        Binding("question_mark", "help", "Keys", tooltip="every key, by view"),
        Binding(
            "left_square_bracket",
            "step_date(-1)",
            "Earlier",
            tooltip="the picture as of the previous date with data (every view follows)",
        ),
        Binding(
            "right_square_bracket",
            "step_date(1)",
            "Later",
            tooltip="the next date with data; after the last, the latest again",
        ),
        Binding(
            "k",
            "toggle_known_on",
            "Known on",
            show=False,
            tooltip="the date's other question: known on it (only sources published by then) "
            "or as of it (stances stated by then, whenever reported)",
        ),
        Binding(
            "ctrl+s",
            "save_screenshot",
            "Screenshot",
            priority=True,
            tooltip="save the screen as SVG in ./screenshots/, numbered, never overwriting",
        ),
        Binding(
            "S",
            "toggle_slide",
            "Slide",
            show=False,
            tooltip="slide mode: the panel alone with its title, date and question, sources "
            "and the data's commit; S again to leave it",
        ),
        Binding("r", "reload", "Reload", show=False, tooltip="read the data again now"),
        Binding("q", "quit", "Quit"),
    ]

    dataset: Reactive[Dataset | None] = reactive(None, always_update=True, init=False)
    as_of: Reactive[dt.date | None] = reactive(None, init=False)
    # The question the date asks (tui.core.knowledge): known on it, else as of it.
    known_on: Reactive[bool] = reactive(False, init=False)
    # The selection draws nothing itself (views follow it), so changing it must not repaint the
    # whole screen, as a reactive does by default.
    issue_id: Reactive[str | None] = reactive(None, init=False, repaint=False)
    actor_id: Reactive[str | None] = reactive(None, init=False, repaint=False)
    source_id: Reactive[str | None] = reactive(None, init=False, repaint=False)
    evidence_key: Reactive[str | None] = reactive(None, init=False, repaint=False)

    def __init__(
        self,
        data_dir: Path,
        *,
        view: str = "matrix",
        target: str | None = None,
        as_of: dt.date | None = None,
        known_on: bool = False,
        watch: bool = True,
        screenshots_dir: Path | None = None,
        blink: bool = True,
        stale_days: int = DEFAULT_STALE_DAYS,
    ) -> None:
        super().__init__()
        self.stale_days = stale_days
        """A stance last stated longer than this before the date is marked stale."""
        self._initial_known_on = known_on
        # Every file's records as loaded; ``dataset`` is what of it is in view (DateQuestion).
        self.loaded_dataset: Dataset | None = None
        self._blink = blink
        self.data_dir = Path(data_dir)
        self._initial_view = view
        self._initial_target = target
        self._initial_as_of = as_of
        self._watch = watch
        self.screenshots_dir = screenshots_dir or Path("screenshots")
        self.loaded = asyncio.Event()
        """Set once the first load has been shown (tests and the snapshot command wait on it)."""
        self.load_count = 0
        self._last_good = LastGood()
        self._warm_start: WarmStart | None = None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield PanelHeader(id="panel-header")
        # Slide mode's lines (see set_slide): the date's question under the title, and the
        # sources in full under the panel.
        yield Static(Content(""), id="slide-question", markup=False)
        with TabbedContent(id="views", initial=self._initial_view):
            for spec in VIEWS:
                with TabPane(spec.title, id=spec.id):
                    # Only the view shown is built before the first data frame; the others
                    # follow it (see _after_first_data), as nothing before it may wait on them.
                    if spec.id == self._initial_view:
                        yield self._build_view(spec)
        yield Static(Content(""), id="slide-sources", markup=False)
        yield Static(Content(""), id="slide-footer", markup=False)
        yield KeysFooter()

    def _build_view(self, spec: ViewSpec) -> PeninsulaView:
        view_class = spec.load()
        view: PeninsulaView = view_class(id=f"view-{spec.id}")
        app_class = type(self)
        bound = {
            name: getattr(app_class, name)
            for name in SELECTION
            if isinstance(getattr(view_class, name, None), Reactive)
        }
        return view.data_bind(app_class.dataset, app_class.as_of, app_class.known_on, **bound)

    def on_mount(self) -> None:
        # Number keys switch views; the tab strip need not take focus (and arrow keys) from the
        # view.
        self.tabs.query_one(Tabs).can_focus = False
        self.as_of = self._initial_as_of
        self.known_on = self._initial_known_on
        # Data first: a warm start with a small entry restores it now, before the first frame,
        # so that frame has the data; any other start draws the placeholder and loads in a
        # thread. The views the data does not show wait for the first data frame either way.
        restored = self._restore_before_first_frame()
        if restored is not None:
            self._show_dataset(restored)
        else:
            self.header.show_loading()
            self.load_data()

    def _restore_before_first_frame(self) -> Dataset | None:
        from tui.core.cache import WarmStart

        self._warm_start = WarmStart(self.data_dir)
        try:
            return self._warm_start.restore(QUICK_RESTORE_BYTES)
        except Exception:  # noqa: BLE001 - whatever it is, the load in the thread says it
            return None

    async def _after_first_data(self) -> None:
        if not self.is_running:
            return  # a quit before the first data frame: see while_running
        for spec in VIEWS:
            pane = self.tabs.get_pane(spec.id)
            if not pane.query(PeninsulaView):
                await pane.mount(self._build_view(spec))
        if not self._blink:
            # Screenshots and snapshot tests: the same picture every time.
            for text_input in self.query(Input):
                text_input.cursor_blink = False
        # What the start left behind (its first layouts, the views' first state) is collected
        # now, with the data already set aside and the screen idle after its first data frame,
        # and what lives on is set aside in its turn: left to the collector, a full pass over it
        # came in the middle of the first view opened, a tenth of its time and more.
        gc.collect()
        gc.freeze()
        if self._watch:
            self.watch_data()
        # Tests and the snapshot command wait on this: every view exists by then.
        self.loaded.set()

    def view_size(self) -> Size:
        """The size of a view's pane; before the first layout, what it will be (a view given
        its data before then draws it in the first frame rather than after it)."""
        pane = self.tabs.active_pane
        if pane is not None and pane.size:
            return pane.size
        return Size(self.size.width, max(0, self.size.height - CHROME_LINES))

    @property
    def header(self) -> PanelHeader:
        return self.query_one(PanelHeader)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#views", TabbedContent)

    @property
    def active_view(self) -> PeninsulaView | None:
        pane = self.tabs.active_pane
        if pane is None:
            return None
        # None for the moment between the first frame and the mounting of the other views.
        return next(iter(pane.query(PeninsulaView)), None)

    # -- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_data(self) -> None:
        from tui.core.cache import WarmStart

        if self._warm_start is None:
            self._warm_start = WarmStart(self.data_dir)

        # The dataset on screen was set aside from the cyclic collector (see _show_dataset);
        # hand it back, so whatever it leaves behind once replaced can be collected. The
        # collector then stays paused until the new dataset is set aside in its turn: a load
        # makes hundreds of thousands of objects and no cycles, which it would only rescan.
        gc.disable()
        if gc.get_freeze_count():
            gc.unfreeze()
            # What the last reload left behind (the widgets it replaced: Textual's widget tree
            # is cyclic) can only go in a full collection, and the collector is paused from here
            # until the new dataset is frozen in its turn: without this collection that garbage
            # would be frozen with the live data, some 2,400 objects a reload, never freed.
            # One full collection a reload, not at start-up, where nothing is frozen yet.
            gc.collect()
        try:
            dataset = self._warm_start.load(_load_tree)
        except Exception as error:  # noqa: BLE001 - whatever it is, the screen must say it
            # The loader reports every problem of the data as a diagnostic; this is for what
            # it did not foresee, so that the app says what went wrong instead of loading
            # forever (and the snapshot command, which waits for a load, ends).
            dataset = load_failure(self.data_dir, error)
        except BaseException:
            gc.enable()
            raise
        if get_current_worker().is_cancelled:
            gc.enable()
            return
        try:
            self.call_from_thread(self._show_dataset, dataset)
        except BaseException:
            # The app stopped before it could take the dataset (a quit during the load).
            gc.enable()
            raise
        # Once the data is on screen: the next start with nothing changed restores it.
        self._warm_start.save()

    @work(exclusive=True, group="watch", exit_on_error=False)
    async def watch_data(self) -> None:
        async for _ in watch_data_tree(self.data_dir):
            self.load_data()

    def _show_dataset(self, loaded: Dataset) -> None:
        if not self.is_running:
            # A load that finished during a quit: nothing to show it on (see while_running),
            # but the collector that the load paused runs again.
            gc.enable()
            return
        self.load_count += 1
        first = self.dataset is None
        self.loaded_dataset = self._last_good.merge(loaded)
        self.dataset = self.question.in_view(self.loaded_dataset)
        if first:
            self._apply_initial_target()
            view = self.active_view
            if view is not None:
                view.focus_default()
            self.call_after_refresh(self._after_first_data)
        # Everything now alive stays until the next load: a large dataset is hundreds of
        # thousands of objects, and the full collections that rescan them would stall the
        # screen for most of a second each, while the user moves and types.
        gc.freeze()
        gc.enable()
        if not first:
            self.loaded.set()

    def _apply_initial_target(self) -> None:
        spec = next((s for s in VIEWS if s.id == self._initial_view), None)
        if spec is not None and spec.target and self._initial_target:
            self.post_message(SubjectSelected(spec.target, self._initial_target))

    @property
    def question(self) -> DateQuestion:
        """Which question about which date the views answer."""
        return DateQuestion(self.as_of, self.known_on)

    def _show_what_is_known(self) -> None:
        """The data in view again, for a new date or question (see DateQuestion.in_view)."""
        loaded = self.loaded_dataset
        if loaded is None:
            return
        in_view = self.question.in_view(loaded)
        if in_view is not self.dataset:
            self.dataset = in_view

    @while_running
    def watch_as_of(self) -> None:
        self._show_what_is_known()

    @while_running
    def watch_known_on(self) -> None:
        self._show_what_is_known()

    @while_running
    def watch_dataset(self, dataset: Dataset | None) -> None:
        if dataset is None:
            return
        self.header.show_problems(dataset)
        problems = len(dataset.diagnostics)
        label = "Problems" if not problems else f"Problems {problems}"
        self.tabs.get_tab("problems").label = Content(label)
        self._default_selection(dataset)

    def _default_selection(self, ds: Dataset) -> None:
        """Point the selection somewhere valid: first issue, actor, source when unset or gone."""
        if self.issue_id not in ds.issues:
            self.issue_id = next(iter(ds.issues), None)
        if self.actor_id not in ds.actors:
            self.actor_id = next(iter(ds.actors), None)
        if self.source_id not in ds.seeds:
            self.source_id = next(iter(ds.seeds), None)

    # -- messages from views -------------------------------------------------------------------

    @on(StanceHighlighted)
    @while_running
    def _stance_highlighted(self, message: StanceHighlighted) -> None:
        self.issue_id = message.issue_id
        self.actor_id = message.actor_id

    @on(SubjectSelected)
    @while_running
    def _subject_selected(self, message: SubjectSelected) -> None:
        setattr(self, f"{message.kind}_id", message.subject_id)
        if message.kind == "source":
            self.evidence_key = None

    @on(ShowView)
    @while_running
    def _show_view_message(self, message: ShowView) -> None:
        self.show_view(message.view_id, message.target)

    @on(ShowEvidence)
    @while_running
    def _show_evidence(self, message: ShowEvidence) -> None:
        self.source_id = message.source_id
        self.evidence_key = message.evidence_key
        self.show_view("source")

    @on(CaptionChanged)
    @while_running
    def _caption_changed(self, message: CaptionChanged) -> None:
        if message.view is self.active_view:
            self._show_caption(message.view)

    @on(TabbedContent.TabActivated, "#views")
    @while_running
    def _tab_activated(self) -> None:
        view = self.active_view
        if view is not None:
            self._show_caption(view)

    def _show_caption(self, view: PeninsulaView) -> None:
        caption = view.caption()
        slide = self.slide
        self.header.show_caption(caption, slide=slide)
        if slide:
            question, sources = slide_lines(caption)
            self.query_one("#slide-question", Static).update(question)
            self.query_one("#slide-sources", Static).update(sources)

    def show_view(self, view_id: str, target: str | None = None) -> None:
        spec = next((s for s in VIEWS if s.id == view_id), None)
        if spec is None:
            return
        if target is not None and spec.target is not None:
            setattr(self, f"{spec.target}_id", target)
            if spec.target == "source":
                self.evidence_key = None
        self.tabs.active = view_id
        view = self.active_view
        if view is not None:
            view.focus_default()

    # -- actions -------------------------------------------------------------------------------

    def action_show_view(self, view_id: str) -> None:
        self.show_view(view_id)

    def action_reload(self) -> None:
        self.load_data()

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_step_date(self, step: int) -> None:
        ds = self.loaded_dataset
        if ds is None:
            return
        dates = question_dates(ds, self.known_on)
        if not dates:
            return
        current = self.as_of or dates[-1]
        earlier = [d for d in dates if d < current]
        later = [d for d in dates if d > current]
        if step < 0 and earlier:
            self.as_of = earlier[-1]
        elif step > 0 and later:
            # The latest date means "follow the data": new dates from a reload show at once.
            self.as_of = None if later[0] == dates[-1] else later[0]
        else:
            self.notify("No earlier date with data." if step < 0 else "Already at the latest date.")

    def action_toggle_known_on(self) -> None:
        self.known_on = not self.known_on
        if self.known_on:
            self.notify("Known on the date: only sources published by then.", title="Date")
        else:
            self.notify("As of the date: stances stated by then, whenever reported.", title="Date")

    @property
    def slide(self) -> bool:
        return self.screen.has_class("-slide")

    def set_slide(self, on: bool) -> None:
        """Slide mode: the panel alone, for a slide (no tab bar, key footer, focus or cursor)."""
        from textual.widgets import DataTable

        from tui.core.stamp import data_stamp

        screen = self.screen
        screen.set_class(on, "-slide")
        if on:
            self.query_one("#slide-footer", Static).update(
                Content(f"Peninsula · {data_stamp(self.data_dir)}")
            )
            screen.set_focus(None)
        for table in screen.query(DataTable):
            table.show_cursor = not on
        view = self.active_view
        if view is not None:
            self._show_caption(view)

    def action_toggle_slide(self) -> None:
        self.set_slide(not self.slide)

    def action_save_screenshot(self) -> None:
        # Imported when first used: the writer's module is no part of the first frame.
        from tui.app.screenshots import save_numbered_svg

        view = self.active_view
        view_id = view.VIEW_ID if view is not None else "screen"
        title = view.caption().plain if view is not None else self.title
        try:
            path = save_numbered_svg(
                self.export_screenshot(title=title),
                self.screenshots_dir,
                stem=f"peninsula-{view_id}",
                forbidden=[self.data_dir / "positions", self.data_dir / "seeds"],
            )
        except OSError as error:
            self.notify(f"Screenshot not saved: {error}", severity="error", markup=False)
            return
        self.notify(f"Screenshot saved to {path}", title="Screenshot", markup=False)


def create_app(
    data_dir: Path | str | None = None,
    *,
    view: str = "matrix",
    target: str | None = None,
    as_of: dt.date | None = None,
    known_on: bool = False,
    watch: bool = True,
    blink: bool = True,
    screenshots_dir: Path | None = None,
    stale_days: int = DEFAULT_STALE_DAYS,
) -> PeninsulaApp:
    """The app on a data tree (``resolve_data_dir`` rules when None): the CLI and tests use this."""
    from tui.core.paths import resolve_data_dir

    return PeninsulaApp(
        resolve_data_dir(data_dir),
        view=view,
        target=target,
        as_of=as_of,
        known_on=known_on,
        watch=watch,
        blink=blink,
        screenshots_dir=screenshots_dir,
        stale_days=stale_days,
    )
