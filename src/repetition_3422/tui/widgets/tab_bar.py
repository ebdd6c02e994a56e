"""A light tab bar: one widget drawing a line of labels and the underline of the active one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

BAR = "━"
"""The underline, drawn across the whole bar and brighter under the active label."""

HALF_BARS = ("╸", "╺")
"""The ends of the bright part, in the padding around the label (as ``Tabs`` draws them)."""


class TabBar(Widget, can_focus=True):
    """The labels of a few tabs on one line, the active one underlined.

    A stand-in for the tab bar of ``TabbedContent`` (a ``Tabs`` widget holding a widget per
    tab and an animated underline): one widget is much quicker to mount, and the home screen
    appears sooner. ← and → (when it has the focus) or a click on a label choose a tab and
    post :class:`TabBar.Activated`; setting :attr:`active` by hand posts nothing.
    """

    DEFAULT_CSS = """
    TabBar {
        width: 100%;
        height: 2;
        pointer: pointer;
        & > .tab-bar--tab {
            color: $foreground 50%;
        }
        & > .tab-bar--active {
            color: $foreground;
        }
        & > .tab-bar--bar {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
        &:ansi {
            & > .tab-bar--tab {
                text-style: dim;
            }
            & > .tab-bar--active {
                text-style: not dim bold;
            }
            & > .tab-bar--bar {
                color: $block-cursor-background;
                background: $border-blurred;
            }
        }
        &:focus {
            & > .tab-bar--active {
                text-style: $block-cursor-text-style;
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
            & > .tab-bar--bar {
                background: $foreground 30%;
            }
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-bar--tab", "tab-bar--active", "tab-bar--bar"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "previous", show=False),
        Binding("right", "next", show=False),
    ]

    ALLOW_SELECT = False

    class Activated(Message):
        """A tab was chosen from the bar (``control`` is the bar, for ``@on`` selectors)."""

        ALLOW_SELECTOR_MATCH: ClassVar[set[str]] = {"control"}

        def __init__(self, bar: TabBar, tab: str) -> None:
            super().__init__()
            self.bar = bar
            self.tab = tab
            """The id of the chosen tab."""

        @property
        def control(self) -> TabBar:
            """The bar the tab was chosen from."""
            return self.bar

    def __init__(
        self,
        tabs: Iterable[tuple[str, str]],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A bar of ``tabs`` (id, label), the first one active."""
        super().__init__(id=id, classes=classes)
        self._tabs = list(tabs)
        self._active = self._tabs[0][0] if self._tabs else ""

    @property
    def active(self) -> str:
        """The id of the active tab."""
        return self._active

    @active.setter
    def active(self, tab: str) -> None:
        if tab not in self.tab_ids:
            raise ValueError(f"{tab!r} is not one of the tabs")
        if tab != self._active:
            self._active = tab
            self.refresh()

    @property
    def tab_ids(self) -> list[str]:
        """The ids of the tabs, in order."""
        return [tab for tab, _ in self._tabs]

    def spans(self) -> list[tuple[str, int, int]]:
        """Each tab's id with the first and the last-but-one column of its label (and padding)."""
        spans = []
        start = 0
        for tab, label in self._tabs:
            end = start + cell_len(label) + 2  # a space of padding each side, as a Tab has
            spans.append((tab, start, end))
            start = end
        return spans

    def action_next(self) -> None:
        """Choose the tab after the active one (the first after the last)."""
        self._step(1)

    def action_previous(self) -> None:
        """Choose the tab before the active one (the last before the first)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        ids = self.tab_ids
        if ids:
            self._choose(ids[(ids.index(self._active) + step) % len(ids)])

    def _choose(self, tab: str) -> None:
        self.active = tab
        self.post_message(self.Activated(self, tab))

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        for tab, start, end in self.spans():
            if start <= event.x < end:
                self._choose(tab)
                return

    def render(self) -> Text:
        width = self.content_size.width
        tab_style = self.get_component_rich_style("tab-bar--tab")
        active_style = self.get_component_rich_style("tab-bar--active")
        bar = self.get_component_rich_style("tab-bar--bar")
        text = Text(no_wrap=True, overflow="crop", end="")
        highlight = (0, 0)
        for tab, start, end in self.spans():
            label = next(label for known, label in self._tabs if known == tab)
            active = tab == self._active
            text.append(f" {label} ", active_style if active else tab_style)
            if active:
                highlight = (start, end)
        text.append(" " * max(0, width - text.cell_len))
        text.append("\n")
        dim = bar.from_color(bar.bgcolor)
        bright = bar.from_color(bar.color)
        start, end = highlight
        if end > start:
            text.append(BAR * start + HALF_BARS[0], dim)
            text.append(BAR * (end - start - 2), bright)
            text.append(HALF_BARS[1], dim)
        text.append(BAR * max(0, width - end), dim)
        return text
