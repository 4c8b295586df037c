"""The footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, which rebuilds its keys (a widget each, restyled on mount) on every
    change of focus or bindings, several times in one switch of views even when the keys shown
    stay the same. This one rebuilds them at most once a refresh, and only when what it would
    show differs from what it shows: a switch of views paid for those rebuilds in every first
    open."""

    _rebuild_pending = False
    _shown: Hashable | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # A key (Textual's FooterKey, not public) starts compact and takes the footer's
            # style once bound to it: each key was restyled twice as it mounted, to add the
            # class and to take it away. Given the footer's style first, it is styled once.
            # The palette's key is not bound: it stays as it starts.
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive) and not widget.has_class("-command-palette"):
                widget.set_reactive(compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        keys = self.keys_shown()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()

    def keys_shown(self) -> Hashable:
        """Everything of the screen's active bindings that ``compose`` draws."""
        return tuple(
            (
                binding.key,
                binding.key_display,
                binding.description,
                binding.action,
                binding.show,
                binding.group,
                enabled,
                tooltip,
            )
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
