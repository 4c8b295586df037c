"""Every diagnostic of the data, GCC style, so an editor or a reader can go to the spot."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.render import palette
from tui.app.render.caption import Caption, Names
from tui.app.render.diagnostics import diagnostic_line, shown_path
from tui.app.widgets.base import PeninsulaView
from tui.core.dataset import Dataset

# The list shows this many diagnostics, and says how many more there are and where to read them
# all: a tree of thousands of broken files would otherwise be laid out whole on every open.
LIST_LIMIT = 200


class ProblemsView(PeninsulaView):
    VIEW_ID = "problems"
    TITLE = "Problems"
    NEEDS = ()  # the diagnostics are what it shows, data or none
    KEY_HELP = [("up / down", "move through the problems")]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # The files named in the caption, worked out once per dataset.
        self._files: tuple[Dataset, list[str]] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="problems-summary")
        yield OptionList(id="problems-list")

    def refresh_view(self) -> None:
        ds = self.dataset
        if ds is None:
            return
        option_list = self.query_one("#problems-list", OptionList)
        highlighted = option_list.highlighted
        with option_list.prevent(OptionList.OptionHighlighted):
            option_list.clear_options()
            listed = ds.diagnostics[:LIST_LIMIT]
            option_list.add_options([Option(diagnostic_line(ds, d)) for d in listed])
            if listed:
                option_list.highlighted = min(highlighted or 0, len(listed) - 1)
        errors, warnings = len(ds.errors), len(ds.warnings)
        if not ds.diagnostics:
            summary = Content.styled("✓ No problems", palette.GOOD) + Content(
                ": every file loaded and every quote was found in its source."
            )
        else:
            summary = Content.assemble(
                Content.styled(
                    f"{errors} error{'s' * (errors != 1)}", palette.BAD if errors else "bold"
                ),
                ", ",
                Content.styled(f"{warnings} warning{'s' * (warnings != 1)}", "bold"),
                ". Files with errors keep their good records on screen.",
            )
            more = len(ds.diagnostics) - LIST_LIMIT
            if more > 0:
                summary += Content(
                    f" The first {LIST_LIMIT:,} are listed, {more:,} more after them: "
                    "`peninsula validate` prints every one."
                )
        self.query_one("#problems-summary", Static).update(summary)

    def focus_default(self) -> None:
        self.query_one("#problems-list", OptionList).focus()

    def caption(self) -> Caption | Content:
        ds = self.dataset
        if ds is None:
            return Content(self.TITLE)
        if self._files is None or self._files[0] is not ds:
            paths = {d.path for d in ds.diagnostics}
            self._files = (ds, sorted({shown_path(ds, path) for path in paths}))
        files = self._files[1]
        where = Names(
            tuple(files),
            tuple(file.rpartition("/")[2] for file in files),  # narrow: the file names alone
            one="file",
            many="files",
            none="all files clean",
            lead="in ",
            separator=", ",
        )
        return self.view_caption(where, Content(f"{len(ds.diagnostics)} found"))
