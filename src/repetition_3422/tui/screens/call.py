"""The call screen: a phone call with the 3422, in text, with a keypad and the practice card."""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, OptionList

from repetition_3422.engine.events import CallEvent
from repetition_3422.engine.settings import CallSettings
from repetition_3422.i18n import _
from repetition_3422.language.model import Script
from repetition_3422.speech.speaker import SpeechEvent
from repetition_3422.tui.call_session import CallSession, Step
from repetition_3422.tui.clock import Ticket
from repetition_3422.tui.dialogs.confirm import Confirm
from repetition_3422.tui.messages import CallOver
from repetition_3422.tui.narration import Narrated, caller_line, narrate
from repetition_3422.tui.rehearsal import Rehearsal
from repetition_3422.tui.translate import N_, translate_bindings
from repetition_3422.tui.widgets.call_status import CallStatus, HoldMeter
from repetition_3422.tui.widgets.caller_input import CallerInput
from repetition_3422.tui.widgets.coaching import Coaching
from repetition_3422.tui.widgets.footer import Footer
from repetition_3422.tui.widgets.keypad import Keypad
from repetition_3422.tui.widgets.practice_card import CardSummary
from repetition_3422.tui.widgets.transcript import Transcript

KEYPAD_ANSWER = re.compile(r"[0-9*#]+")
"""An answer made only of keypad keys is pressed, not said (as in plain mode)."""

TICK_SECONDS = 1.0
"""How often real time is looked at: the call timer, holds and silences."""

STYLES = Path(__file__).parent.parent / "styles"


class CallScreen(Screen[None]):
    """One call, from the first ring to « raccroché »."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "call.tcss"]
    """Read when the first call opens: the home screen starts without it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "repeat", N_("Répéter"), id="call.repeat"),
        Binding("f3", "toggle_card", N_("Carte"), id="call.card"),
        Binding(
            "f4", "skip_hold", N_("Passer"), tooltip=N_("Passer l'attente"), id="call.skip-hold"
        ),
        Binding("f6", "suggestions", N_("Réponses"), id="call.suggestions"),
        Binding("escape", "hang_up", N_("Raccrocher"), key_display=N_("Échap"), id="call.hang-up"),
    ]
    """Function keys, because the answer line takes every letter."""

    class Tick(Message):
        """Real time passed (sent by the injected clock)."""

        def __init__(self, now: float) -> None:
            self.now = now
            super().__init__()

    def __init__(
        self,
        rehearsal: Rehearsal,
        script: Script,
        call_settings: CallSettings,
        session: CallSession,
    ) -> None:
        """Build the screen of a call that has not started yet.

        Args:
            rehearsal: The app's objects.
            script: The scenario.
            call_settings: The engine settings the call was built with (kept to rebuild it
                identically when the script is reloaded).
            session: The call, with its voice.
        """
        super().__init__()
        translate_bindings(self)
        self.rehearsal = rehearsal
        self.script = script
        self.call_settings = call_settings
        self.difficulty: str = call_settings.difficulty
        self.session = session
        self.practice = rehearsal.mode == "practice"
        self._ticket: Ticket | None = None
        self._finished = False

    def compose(self) -> ComposeResult:
        yield CallStatus(id="call-status")
        yield HoldMeter(id="hold-meter")
        with Horizontal(id="call-body"):
            with Vertical(id="call-main"):
                yield Transcript(id="transcript")
                yield Coaching(id="coaching")
            with Vertical(id="side-panel"):
                yield CardSummary(self.rehearsal.identity, id="card")
                yield Keypad(id="keypad")
        yield CallerInput(
            placeholder=_("Votre réponse (dites-la à voix haute, puis tapez-la)"), id="answer"
        )
        yield Button(_("Voir le bilan"), id="to-debrief", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#to-debrief", Button).display = False
        self.query_one("#coaching", Coaching).display = False
        self.query_one("#answer", CallerInput).focus()
        self._start_ticking()
        self._show_events(self.session.start(self.rehearsal.clock.monotonic()))

    def on_unmount(self) -> None:
        self._stop_ticking()
        self.session.close()

    def heard(self, event: SpeechEvent) -> None:
        """The voice reported something (forwarded by the app)."""
        self.session.heard(event)

    # ---- the caller -------------------------------------------------------------------

    @on(CallerInput.Submitted, "#answer")
    def _answered(self, event: CallerInput.Submitted) -> None:
        text = event.value.strip()
        if not text or self.session.call.ended:
            return
        event.input.clear()
        if self.session.call.keypad_active and KEYPAD_ANSWER.fullmatch(text):
            self._press(text)
            return
        self._write(caller_line(text))
        self._show_events(self.session.say(text))

    @on(CallerInput.KeypadKey)
    def _typed_key(self, event: CallerInput.KeypadKey) -> None:
        self.query_one("#keypad", Keypad).flash(event.key)
        self._press(event.key)

    @on(Keypad.Pressed)
    def _clicked_key(self, event: Keypad.Pressed) -> None:
        self._press(event.key)
        self.query_one("#answer", CallerInput).focus()

    @on(CallerInput.Typing)
    def _typing(self) -> None:
        self.session.typing()

    @on(Coaching.Chosen)
    def _suggestion_chosen(self, event: Coaching.Chosen) -> None:
        answer = self.query_one("#answer", CallerInput)
        answer.value = event.text
        answer.cursor_position = len(event.text)
        answer.focus()

    @on(Button.Pressed, "#to-debrief")
    def _to_debrief(self) -> None:
        self.post_message(CallOver(self.script.id, self.difficulty, self.session))

    def on_call_screen_tick(self, message: Tick) -> None:
        """Real time passed: holds progress, silences time out, the timer moves."""
        self._show_events(self.session.tick(message.now))

    # ---- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show « passer l'attente » only during a wait, « réponses » only with suggestions."""
        if action == "skip_hold":
            return self.session.hold is not None
        if action == "suggestions":
            return self.practice and bool(self.session.call.suggestions)
        if action == "hang_up":
            return not self.session.call.ended
        return True

    def action_repeat(self) -> None:
        """Hear the adviser's last line again (and see it highlighted)."""
        self.session.speaker.replay()
        self.query_one("#transcript", Transcript).highlight_last("adviser")

    def action_toggle_card(self) -> None:
        """Hide or show the practice card and the keypad."""
        panel = self.query_one("#side-panel")
        panel.display = not panel.display

    def action_skip_hold(self) -> None:
        """Let the wait pass at once."""
        self._show_events(self.session.skip_hold())

    def action_suggestions(self) -> None:
        """Move to the suggested replies, the first one highlighted (Enter picks it)."""
        suggestions = self.query_one("#suggestions", OptionList)
        if suggestions.highlighted is None and suggestions.option_count:
            suggestions.highlighted = 0
        suggestions.focus()

    def action_hang_up(self) -> None:
        """Ask, then hang up."""

        def answered(yes: bool | None) -> None:
            if yes:
                self._show_events(self.session.hang_up())

        self.app.push_screen(
            Confirm(_("Raccrocher maintenant ?"), _("Raccrocher"), _("Continuer l'appel")),
            answered,
        )

    # ---- hot reload -----------------------------------------------------------------

    def reload(self, script: Script) -> str:
        """Rebuild the call on a reloaded ``script`` and go on from the same state.

        The caller's actions are replayed on the new script (the engine is deterministic,
        so variables and given numbers come back); if the new paths lead elsewhere, the
        call jumps to the state it was in, when that state still exists.

        Returns:
            A sentence saying where the call goes on from.
        """
        previous = self.session.call.state.id
        exists = previous in script.states
        old = self.session
        old.close()
        call = self.rehearsal.new_call(script, self.call_settings)
        actions = list(old.actions) if exists else []
        session, steps = CallSession.replayed(call, script, old.speaker, actions, old.started_at)
        session.skipped = old.skipped
        self.script, self.session = script, session
        if self._finished and not call.ended:
            self._reopen()
        self._redraw(steps)
        if not exists:
            return _("L'état « {state} » n'existe plus : l'appel reprend au début.").format(
                state=previous
            )
        if call.state.id != previous and not call.ended:
            self._show_events(session.jump(previous))
        return _("Script rechargé : l'appel reprend à l'état « {state} ».").format(
            state=call.state.id
        )

    # ---- drawing ------------------------------------------------------------------------

    def _press(self, keys: str) -> None:
        if not self.session.call.keypad_active or self.session.call.ended:
            return
        self._write(caller_line(keys, keys=True))
        self._show_events(self.session.press(keys))

    def _write(self, line: Narrated) -> None:
        self.query_one("#transcript", Transcript).add(line.kind, line.text, line.who)

    def _show_events(self, events: list[CallEvent]) -> None:
        for event in events:
            line = narrate(event, self.script, practice=self.practice)
            if line is not None:
                self._write(line)
        self._refresh_widgets()

    def _redraw(self, steps: list[Step]) -> None:
        self.query_one("#transcript", Transcript).remove_children()
        for step in steps:
            action = step.action
            if action is not None and action.kind in ("say", "press"):
                self._write(caller_line(action.text, keys=action.kind == "press"))
            self._show_events(step.events)

    def _refresh_widgets(self) -> None:
        session, call = self.session, self.session.call
        elapsed = session.elapsed(self.rehearsal.clock.monotonic())
        self.query_one("#call-status", CallStatus).show(
            session.status, elapsed, session.adviser_name
        )
        self.query_one("#hold-meter", HoldMeter).show(session.hold)
        coaching = self.query_one("#coaching", Coaching)
        if self.practice and not call.ended:
            coaching.show(call.hint, call.suggestions)
        else:
            coaching.display = False
        keypad_active = call.keypad_active and not call.ended
        self.query_one("#keypad", Keypad).active = keypad_active
        self.query_one("#answer", CallerInput).keypad_active = keypad_active
        if call.ended:
            self._finish()
        self.refresh_bindings()

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._stop_ticking()
        answer = self.query_one("#answer", CallerInput)
        answer.disabled = True
        button = self.query_one("#to-debrief", Button)
        button.display = True
        button.focus()

    def _reopen(self) -> None:
        """The call had ended, but goes on in the reloaded script."""
        self._finished = False
        self.query_one("#to-debrief", Button).display = False
        answer = self.query_one("#answer", CallerInput)
        answer.disabled = False
        answer.focus()
        self._start_ticking()

    def _start_ticking(self) -> None:
        clock = self.rehearsal.clock

        def tick() -> None:
            # A message, not a direct call: the tick is handled in turn with keys and clicks.
            self.post_message(self.Tick(clock.monotonic()))

        self._ticket = clock.call_every(TICK_SECONDS, tick)

    def _stop_ticking(self) -> None:
        if self._ticket is not None:
            self._ticket.cancel()
            self._ticket = None
