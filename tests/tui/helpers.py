"""Small steps shared by the app's tests: typing, letting time pass, reading the screen."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from repetition_3422.tui.app import RehearsalApp
from repetition_3422.tui.clock import ManualClock
from repetition_3422.tui.screens.call import CallScreen
from repetition_3422.tui.widgets.transcript import TranscriptLine


async def say(pilot: Pilot[None], text: str, *, key_by_key: bool = False) -> None:
    """Write ``text`` in the answer line, then press Enter.

    Only the last character is typed unless ``key_by_key``: the app sees real keystrokes
    (barge-in, silence reset) and long numbers do not make the tests crawl.
    """
    if key_by_key:
        await pilot.press(*text)
    else:
        answer = pilot.app.screen.query_one("#answer", Input)
        answer.value = text[:-1]
        answer.cursor_position = len(answer.value)
        await pilot.press(text[-1])
    await pilot.press("enter")
    await pilot.pause()


async def wait(pilot: Pilot[None], clock: ManualClock, seconds: float) -> None:
    """Let ``seconds`` of real time pass; each tick carries its own time, as in real life."""
    clock.advance(seconds)
    await pilot.pause()


def call_screen(app: RehearsalApp) -> CallScreen:
    """The call screen on top, or fail."""
    screen = app.screen
    assert isinstance(screen, CallScreen), screen
    return screen


def transcript_text(app: RehearsalApp) -> list[str]:
    """The on-screen transcript, one string per line."""
    return [str(line.render()) for line in app.screen.query(TranscriptLine)]


def text_of(app: RehearsalApp, selector: str) -> str:
    """The plain text of a Static."""
    return str(app.screen.query_one(selector, Static).render())


def on_hold(app: RehearsalApp) -> bool:
    """Whether the caller waits on hold now (a call, not an attribute, so checks can flip)."""
    return call_screen(app).session.hold is not None


def has_ended(app: RehearsalApp) -> bool:
    """Whether the call on screen is over."""
    return call_screen(app).session.call.ended


def shown(app: RehearsalApp, selector: str) -> bool:
    """Whether the widget is displayed."""
    return bool(app.screen.query_one(selector).display)
