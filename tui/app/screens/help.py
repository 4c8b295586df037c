"""`?`: every key of the app, from the bindings and the views' own notes."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.views import VIEWS

# Keys Textual gives every app, listed so the help is complete.
BUILT_IN = [
    (
        "ctrl+p",
        "command palette: jump to any view, issue, issue's timeline, actor or source; change theme",
    ),
    ("tab / shift+tab", "move focus between the parts of a view"),
    ("ctrl+q", "quit"),
]


def key_rows(app_bindings: Iterable[BindingType]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(key, what it does)]): the views, the app's own keys (``app_bindings``, from
    the app that opens the help, which this module does not import), Textual's, each view's."""
    views = [
        (str(number), f"{spec.title}: {spec.description}") for number, spec in enumerate(VIEWS, 1)
    ]
    app_keys = []
    for binding in app_bindings:
        assert isinstance(binding, Binding)
        if binding.action.startswith("show_view"):
            continue
        text = binding.description
        if binding.tooltip and binding.tooltip.casefold() != text.casefold():
            text = f"{text}: {binding.tooltip}"
        app_keys.append((_key_name(binding.key), text))
    sections = [("Views", views), ("Everywhere", app_keys + BUILT_IN)]
    for spec in VIEWS:
        rows = spec.load().KEY_HELP
        if rows:
            sections.append((spec.title, list(rows)))
    return sections


def _key_name(key: str) -> str:
    return {
        "question_mark": "?",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "slash": "/",
    }.get(key, key)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            for section, rows in key_rows(self.app.BINDINGS):
                yield Static(Content.styled(section, "bold underline"), classes="help-section")
                width = max(len(key) for key, _ in rows) + 2
                for key, text in rows:
                    # Two columns, so that a long description wraps under itself, not the keys.
                    with Horizontal(classes="help-row"):
                        key_cell = Static(Content.styled(key, "bold"), classes="help-key")
                        key_cell.styles.width = width
                        yield key_cell
                        yield Static(Content(text), classes="help-text")
            yield Static(
                Content.styled("arrows, page up/down: scroll · escape closes this", "dim"),
                id="help-close",
            )

    def on_mount(self) -> None:
        # The app focuses nothing by itself (AUTO_FOCUS is off), and the box scrolls only with
        # focus: without this, the arrow and page keys would do nothing here.
        self.query_one("#help-box").focus()
