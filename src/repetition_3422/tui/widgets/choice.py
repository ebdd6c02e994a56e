"""A one-line choice among a few values, moved on by a key press or a click."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

ValueT = TypeVar("ValueT")

NEXT = "▸"
"""Drawn after the value: this control moves on to the next value, it opens no list."""


class Choice(Widget, Generic[ValueT], can_focus=True):
    """Shows the chosen value; Enter, Space, → or a click choose the next one, ← the one before.

    A light stand-in for ``Select`` where there are two or three values: no list to open,
    so no overlay to build, and the home screen appears sooner. Setting :attr:`value`, by
    hand or from a key, posts :class:`Choice.Changed`, as ``Select`` does.
    """

    DEFAULT_CSS = """
    Choice {
        width: 16;
        height: 1;
        padding: 0 1 0 0;
        color: $foreground;
        background: $surface;
        pointer: pointer;
        &:focus {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space,right", "next", show=False),
        Binding("left", "previous", show=False),
    ]

    class Changed(Message):
        """The value changed (``control`` is the choice, for ``@on`` selectors)."""

        ALLOW_SELECTOR_MATCH: ClassVar[set[str]] = {"control"}

        def __init__(self, choice: Choice[Any], value: object) -> None:
            super().__init__()
            self.choice = choice
            self.value = value
            """The new value (``None`` when none is chosen)."""

        @property
        def control(self) -> Choice[Any]:
            """The choice that changed."""
            return self.choice

    def __init__(
        self,
        options: Iterable[tuple[str, ValueT]],
        *,
        value: ValueT | None = None,
        blank: str = "—",
        tooltip: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A choice among ``options`` (label, value), showing ``blank`` when none is chosen."""
        super().__init__(id=id, classes=classes)
        self._options = list(options)
        self._blank = blank
        self._value = value if any(value == known for _, known in self._options) else None
        if tooltip:
            self.tooltip = tooltip

    @property
    def value(self) -> ValueT | None:
        """The chosen value, ``None`` when none is."""
        return self._value

    @value.setter
    def value(self, value: ValueT | None) -> None:
        if value is not None and not any(value == known for _, known in self._options):
            raise ValueError(f"{value!r} is not one of the choices")
        if value == self._value and type(value) is type(self._value):
            return
        self._value = value
        self.refresh()
        self.post_message(self.Changed(self, value))

    @property
    def label(self) -> str:
        """What is shown for the value (``blank`` when none is chosen)."""
        return next((text for text, known in self._options if known == self._value), self._blank)

    def set_options(self, options: Iterable[tuple[str, ValueT]]) -> None:
        """Offer other values; none is chosen then (as ``Select.set_options``)."""
        self._options = list(options)
        self.value = None

    def action_next(self) -> None:
        """Choose the value after the current one (the first after the last)."""
        self._step(1)

    def action_previous(self) -> None:
        """Choose the value before the current one (the last before the first)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        values = [known for _, known in self._options]
        if not values:
            return
        if self._value is None:
            self.value = values[0 if step > 0 else -1]
            return
        index = next(i for i, known in enumerate(values) if known == self._value)
        self.value = values[(index + step) % len(values)]

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self._step(-1 if event.shift else 1)

    def render(self) -> Content:
        width = self.content_size.width
        text = self.label
        if width > 2:
            text = text[: width - 2].ljust(width - 2)
        return Content(f"{text} {NEXT}")
