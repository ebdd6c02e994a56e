"""Snapshots of the key screens at 80×24 (update with ``pytest --snapshot-update``).

Stable from run to run: the clock is driven by hand, speech is silent, the seed and the
practice card are fixed, and the answer line's cursor does not blink.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from repetition_3422.domain.identity import Identity
from repetition_3422.history import Attempt, load_history
from repetition_3422.tui.clock import ManualClock

from .conftest import SIZE, AppMaker
from .helpers import say, wait

Snap = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def _still(pilot: Pilot[Any]) -> None:
    for answer in pilot.app.screen.query(Input):
        answer.cursor_blink = False
    await pilot.pause(0.3)  # past the keypad's flash of a typed key


def steps(*actions: Steps) -> Steps:
    """Run ``actions`` in order, then freeze what moves."""

    async def run(pilot: Pilot[Any]) -> None:
        for action in actions:
            await action(pilot)
        await _still(pilot)

    return run


class TestHome:
    def test_home(self, snap_compare: Snap, make: AppMaker) -> None:
        history = load_history()
        history.add(
            Attempt(
                "petit-appel",
                "2025-03-01T14:05:00",
                "facile",
                "practice",
                "opposition-enregistree",
                75,
                ("justificatif-demande",),
            )
        )
        assert snap_compare(make(history=history), terminal_size=SIZE, run_before=steps())

    def test_practice_card(self, snap_compare: Snap, make: AppMaker) -> None:
        async def card_tab(pilot: Pilot[Any]) -> None:
            # « Carte d'entraînement » follows « Scénarios » (11 cells with its padding).
            await pilot.click("#home-tab-bar", offset=(13, 0))

        assert snap_compare(make(), terminal_size=SIZE, run_before=steps(card_tab))


class TestCall:
    def test_voice_menu(self, snap_compare: Snap, make: AppMaker, clock: ManualClock) -> None:
        async def ring(pilot: Pilot[Any]) -> None:
            await wait(pilot, clock, 4)

        app = make(start_scenario="petit-appel")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(ring))

    def test_hold(self, snap_compare: Snap, make: AppMaker, clock: ManualClock) -> None:
        async def on_hold(pilot: Pilot[Any]) -> None:
            await wait(pilot, clock, 4)
            await pilot.press("1")
            await wait(pilot, clock, 12)

        app = make(start_scenario="petit-appel")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(on_hold))

    def test_adviser(
        self, snap_compare: Snap, make: AppMaker, clock: ManualClock, identity: Identity
    ) -> None:
        async def adviser(pilot: Pilot[Any]) -> None:
            await wait(pilot, clock, 4)
            await pilot.press("1", "f4")
            await say(pilot, "Bonjour, je veux m'opposer à mon espace santé")
            await wait(pilot, clock, 3)

        app = make(start_scenario="petit-appel")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(adviser))


class TestDebrief:
    def test_debrief(
        self, snap_compare: Snap, make: AppMaker, clock: ManualClock, identity: Identity
    ) -> None:
        async def whole_call(pilot: Pilot[Any]) -> None:
            await wait(pilot, clock, 4)
            await pilot.press("1", "f4")
            for text in ("je veux m'opposer", identity.code, identity.nir, "au revoir"):
                await say(pilot, text)
            await pilot.press("enter")
            await pilot.pause()

        app = make(start_scenario="petit-appel")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(whole_call))
