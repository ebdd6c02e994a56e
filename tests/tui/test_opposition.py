"""The shipped ``opposition`` scenario played end to end through the app."""

from __future__ import annotations

from repetition_3422.domain.identity import Identity
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path
from repetition_3422.tui.clock import ManualClock
from repetition_3422.tui.screens.debrief import DebriefScreen
from repetition_3422.tui.widgets.caller_input import CallerInput

from .conftest import SIZE, AppMaker
from .helpers import call_screen, has_ended, say, text_of, wait


async def test_opposition_end_to_end(
    make: AppMaker, clock: ManualClock, identity: Identity
) -> None:
    app = make(scripts=[load(scenario_path("opposition"))], start_scenario="opposition")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 10)
        assert call_screen(app).session.call.keypad_active
        await pilot.press("1")  # the phone's key 1
        await pilot.press("f4")  # skip the wait
        await pilot.pause()
        await say(pilot, "Bonjour, je souhaite m'opposer à la création de mon espace santé.")
        await say(pilot, identity.code)
        await say(pilot, identity.nir)
        await say(pilot, "avec photo")
        await say(pilot, identity.vitale_serial)
        # The suggested reply, picked with the keyboard: F6, Enter fills the line, Enter sends.
        await pilot.press("f6", "enter")
        await pilot.pause()
        assert call_screen(app).query_one("#answer", CallerInput).value.startswith("Oui")
        await pilot.press("enter")
        await pilot.pause()
        await say(pilot, "Pouvez-vous m'envoyer un justificatif de mon opposition ?")
        await say(pilot, "Merci, au revoir.")
        assert has_ended(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "Issue : Opposition enregistrée" in text_of(app, "#summary")
        assert "✓ Demander le justificatif" in text_of(app, "#rubric")
