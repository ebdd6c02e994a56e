"""The key bar at the bottom of every screen: Textual's footer, rebuilt only when it changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Footer as TextualFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


class Footer(TextualFooter):
    """Textual's footer, drawn at once and rebuilt only when the keys it shows change.

    Textual's footer starts empty, then rebuilds itself (a widget per key) after every
    change of the active bindings, and a screen brings several in a row as it opens
    (focus given, screen resumed, widgets mounted) that mostly leave the keys shown as
    they were: on the home screen the rebuilds took a third of the time to the first
    usable screen. This one shows the keys from its first composition, and after a burst
    of changes rebuilds once, if what it shows differs.
    """

    _pending = False
    _shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        """The keys of the screen's active bindings, as Textual's footer shows them."""
        self._bindings_ready = True  # Textual's flag: its compose() shows nothing before
        self._shown = self._keys()
        return super().compose()

    def on_mount(self) -> None:
        # Bindings may have changed between composition and subscription (Textual's
        # on_mount subscribes this footer to the screen's changes).
        self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild after the next refresh if the keys shown changed by then."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if self.is_attached and self._keys() != self._shown:  # its screen may have gone
            await self.recompose()

    def _keys(self) -> tuple[object, ...]:
        """What compose() reads: the bindings shown, enabled or not, and their tooltips."""
        bindings = self.screen.active_bindings
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        shown = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in bindings.values()
            if binding.show
        )
        return (*shown, palette and palette[1:], self.show_command_palette)
