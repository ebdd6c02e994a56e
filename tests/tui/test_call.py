"""A whole call played through the app: typing, keypad, suggestions, silence, hang-up."""

from __future__ import annotations

from repetition_3422.domain.identity import Identity
from repetition_3422.speech.speaker import Listener, SilentSpeaker, Speaker, SpeechUnavailable
from repetition_3422.tui.clock import ManualClock
from repetition_3422.tui.screens.call import CallScreen
from repetition_3422.tui.screens.debrief import DebriefScreen
from repetition_3422.tui.widgets.call_status import HoldMeter
from repetition_3422.tui.widgets.caller_input import CallerInput
from repetition_3422.tui.widgets.keypad import Keypad

from .conftest import SIZE, AppMaker, RecordingSpeaker, speaker_factory
from .helpers import call_screen, has_ended, on_hold, say, shown, text_of, transcript_text, wait


async def test_a_whole_call_typed_keyed_and_suggested(
    make: AppMaker, clock: ManualClock, identity: Identity
) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = call_screen(app)
        assert "Ça sonne" in text_of(app, "#call-status")
        await wait(pilot, clock, 4)
        assert "Serveur vocal" in text_of(app, "#call-status")
        assert screen.query_one(Keypad).active
        # Typing « 1 » in the empty answer line is pressing the phone's key 1.
        await pilot.press("1")
        await pilot.pause()
        assert "Vous : touche 1" in transcript_text(app)
        assert on_hold(app)
        assert screen.query_one(HoldMeter).display
        assert "En attente" in text_of(app, "#call-status")
        await wait(pilot, clock, 30)
        assert not on_hold(app)
        assert "Mme Lefèvre" in text_of(app, "#call-status")
        assert not screen.query_one(Keypad).active
        # A suggested reply fills the answer line; Enter sends it.
        await pilot.click("#suggestions", offset=(2, 0))
        await pilot.pause()
        answer = screen.query_one("#answer", CallerInput)
        assert answer.value.startswith("Bonjour, je souhaite m'opposer")
        await pilot.press("enter")
        await pilot.pause()
        await say(pilot, identity.code, key_by_key=True)
        await say(pilot, identity.nir)
        assert "✓ code accepté" in transcript_text(app)
        await say(pilot, "Pouvez-vous m'envoyer un justificatif ?")
        await say(pilot, "au revoir")
        assert has_ended(app)
        assert "Raccroché" in text_of(app, "#call-status")
        assert answer.disabled
        await pilot.press("enter")  # « Voir le bilan » has the focus
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.result.outcome == "opposition-enregistree"


async def test_keypad_buttons_can_be_clicked(make: AppMaker, clock: ManualClock) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.click("#key-2")
        await pilot.pause()
        assert "Vous : touche 2" in transcript_text(app)
        assert "Ce service concerne uniquement Mon espace santé." in transcript_text(app)[-2]
        await pilot.click("#key-1")
        await pilot.pause()
        assert on_hold(app)


async def test_keys_are_ignored_outside_the_voice_menu(make: AppMaker, clock: ManualClock) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.press("1")
        await wait(pilot, clock, 31)
        # With the adviser, digits are typed as words, not pressed.
        await pilot.press("1", "2")
        await pilot.pause()
        assert call_screen(app).query_one("#answer", CallerInput).value == "12"


async def test_skipping_the_wait(make: AppMaker, clock: ManualClock) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.press("1")
        await pilot.pause()
        screen = call_screen(app)
        assert screen.check_action("skip_hold", ()) is True
        await pilot.press("f4")
        await pilot.pause()
        assert not on_hold(app)
        assert screen.session.call.state.id == "accueil"
        assert screen.check_action("skip_hold", ()) is False


async def test_a_silent_caller_is_prompted_then_hung_up_on(
    make: AppMaker, clock: ManualClock
) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.press("1")
        await pilot.press("f4")
        await pilot.pause()
        lines_before = len(transcript_text(app))
        await wait(pilot, clock, 9)
        assert len(transcript_text(app)) == lines_before  # the timeout is 10 s
        await wait(pilot, clock, 1)
        assert "Allô ? Vous êtes toujours là ?" in transcript_text(app)[-1]
        await wait(pilot, clock, 10)
        screen = call_screen(app)
        assert has_ended(app)
        assert screen.session.call.outcome == "raccroche-conseiller"


async def test_typing_holds_off_the_silence_timeout(make: AppMaker, clock: ManualClock) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.press("1", "f4")
        await pilot.pause()
        await wait(pilot, clock, 8)
        await pilot.press("b", "o")
        await wait(pilot, clock, 8)
        assert call_screen(app).session.call.record.silences == 0  # type: ignore[attr-defined]


async def test_typing_cancels_the_adviser_speech(make: AppMaker, clock: ManualClock) -> None:
    speaker = RecordingSpeaker()
    app = make(start_scenario="petit-appel", speaker=speaker_factory(speaker))
    app.rehearsal.settings = app.rehearsal.settings.__class__(speech=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        assert speaker.said == [
            "Assurance Maladie. Pour Mon espace santé, tapez 1. Pour un autre sujet, tapez 2."
        ]
        assert speaker.sounds == ["ringing"]
        # The recording speaker never reports a line finished: it is still speaking.
        await pilot.press("l")
        await pilot.pause()
        assert speaker.cancelled == 1


async def test_hanging_up_asks_first(make: AppMaker, clock: ManualClock) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # the focused answer is « Continuer l'appel »
        await pilot.pause()
        screen = call_screen(app)
        assert not has_ended(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert has_ended(app)
        assert screen.session.call.outcome == "raccroche-appelant"
        assert screen.check_action("hang_up", ()) is False


async def test_the_card_panel_can_be_hidden(make: AppMaker, clock: ManualClock) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "#side-panel")
        await pilot.press("f3")
        assert not shown(app, "#side-panel")
        await pilot.press("f3")
        assert shown(app, "#side-panel")


async def test_real_mode_shows_no_help(make: AppMaker, clock: ManualClock) -> None:
    from repetition_3422.settings import Settings

    app = make(start_scenario="petit-appel", settings=Settings(mode="real"))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        screen = call_screen(app)
        assert not screen.query_one("#coaching").display
        await pilot.press("1", "f4")
        await pilot.pause()
        assert not screen.query_one("#coaching").display
        assert screen.check_action("suggestions", ()) is False


async def test_the_call_starts_from_the_home_screen(make: AppMaker, clock: ManualClock) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert app.screen.script.id == "petit-appel"


async def test_no_voice_on_this_machine_is_said_once_and_the_call_goes_on(
    make: AppMaker, clock: ManualClock
) -> None:
    def unavailable(listener: Listener) -> Speaker:
        speaker = SilentSpeaker(listener)
        listener(SpeechUnavailable("Aucune sortie audio n'a été trouvée sur cet ordinateur."))
        return speaker

    app = make(start_scenario="petit-appel", speaker=unavailable)
    app.rehearsal.settings = app.rehearsal.settings.__class__(speech=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        notices = [n.message for n in app._notifications]
        assert notices.count("Aucune sortie audio n'a été trouvée sur cet ordinateur.") == 1
        await pilot.press("1")
        await pilot.pause()
        assert not has_ended(app)


async def test_a_finished_call_is_handed_to_the_recorder(
    make: AppMaker, clock: ManualClock
) -> None:
    from repetition_3422.authoring.model import HangUp, Press, Say
    from repetition_3422.tui.outputs import CallOutputs

    recorded: list[tuple[object, list[object]]] = []
    outputs = CallOutputs(record=lambda call, steps: recorded.append((call, list(steps))))
    app = make(start_scenario="petit-appel", outputs=outputs)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.press("1")
        await pilot.pause()
        await say(pilot, "bonjour")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert has_ended(app)
        await pilot.press("enter")  # « Voir le bilan »
        await pilot.pause()
    assert len(recorded) == 1
    _call, steps = recorded[0]
    kinds = [type(step) for step in steps]
    assert Press("1") in steps and Say("bonjour") in steps
    assert kinds[-1] is HangUp
