"""The key bar at the bottom of every screen: one line of keys, drawn by a single widget."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

if TYPE_CHECKING:
    from textual import events
    from textual.binding import Binding
    from textual.screen import Screen


class _Key(NamedTuple):
    """One key as drawn: its columns, the key to simulate, and what its hover says."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class Footer(Widget, can_focus=False):
    """The screen's active bindings, as Textual's footer shows them, in a single widget.

    Textual's footer is a container with a widget per key, rebuilt whenever the active
    bindings change, and a screen brings several changes in a row as it opens: on the
    home screen its nine widgets took a fifth of the time to the first usable screen.
    This one draws the same line (`` a Appeler  n Carte …``, the same colours), repaints
    when the bindings change, and runs a key when it is clicked, as Textual's does. A
    line too long for the window is cut at its right edge.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer--key",
        "footer--description",
        "footer--hover",
    }

    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        pointer: pointer;
        .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[_Key] = []
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _shown(self) -> list[tuple[Binding, bool, str]]:
        """The bindings shown, the first of each action, as Textual's footer picks them."""
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action.setdefault(binding.action, (binding, enabled, tooltip))
        return list(by_action.values())

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer--key")
        description_style = self.get_component_rich_style("footer--description")
        hover_style = self.get_component_rich_style("footer--hover", partial=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        keys: list[_Key] = []
        for binding, enabled, tooltip in self._shown():
            start = line.cell_len
            line.append(f" {self.app.get_key_display(binding)} ", key_style)
            if binding.description:
                line.append(f"{binding.description} ", description_style)
            end = line.cell_len
            keys.append(_Key(start, end, binding.key, enabled, tooltip))
            if not enabled:
                line.stylize(Style(dim=True), start, end)
            if len(keys) - 1 == self._hover:
                line.stylize(hover_style, start, end)
        self._keys = keys
        line.stylize_before(self.rich_style)
        return line

    def _key_at(self, x: int) -> int | None:
        return next((i for i, key in enumerate(self._keys) if key.start <= x < key.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.tooltip = None if hover is None else (self._keys[hover].tooltip or None)
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        if self._keys[index].enabled:
            self.app.simulate_key(self._keys[index].key)
        else:
            self.app.bell()
