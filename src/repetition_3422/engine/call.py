"""A call in progress: the one object both front ends drive.

:class:`Call` is pure: no I/O, no wall clock (time is ``settings.at`` plus the simulated
seconds the call has spent), randomness only from ``random.Random(settings.seed)``. Each
caller action returns the list of :mod:`~repetition_3422.engine.events` it caused.

The simulated clock moves by the time it takes to say each line (about 14 characters a
second), by each caller turn, by ``timeout`` seconds for a silence, and by
:meth:`Call.advance` during holds, so durations in the debrief are plausible and the same
for the same call.
"""

from __future__ import annotations

from typing import Any

from repetition_3422.engine.core import CALLER_HANGUP, CallCore
from repetition_3422.engine.events import CallEvent, SystemNote
from repetition_3422.engine.names import secrets_of
from repetition_3422.engine.responses import fail, respond_to_keys, respond_to_words
from repetition_3422.engine.result import CallResult
from repetition_3422.engine.rubric import evaluate_rubric
from repetition_3422.engine.transcript import build_transcript
from repetition_3422.i18n import _
from repetition_3422.language.model import Persona


class Call(CallCore):
    """One rehearsal call of a script by a caller holding an identity.

    Args:
        script: The scenario.
        identity: The caller's numbers (what the adviser compares with).
        settings: Seed, difficulty, mode and the simulated clock's start.

    Raises:
        UsageError: ``settings.difficulty`` is not one of the script's difficulties.
    """

    # -- what front ends read -------------------------------------------------------

    @property
    def ended(self) -> bool:
        """Whether the call is over."""
        return self._ended

    @property
    def outcome(self) -> str:
        """The outcome id, ``""`` until the call ends."""
        return self.record.outcome

    @property
    def keypad_active(self) -> bool:
        """Whether keypad digits are read now (a voice-menu state)."""
        return not self._ended and self._hold is None and self.state.kind == "menu"

    @property
    def hint(self) -> str | None:
        """The current state's hint, in practice mode only."""
        if self.settings.mode != "practice" or self._ended or not self.state.hint:
            return None
        return self.voice.render(self.state.hint)

    @property
    def suggestions(self) -> tuple[str, ...]:
        """Replies the caller could give now, in practice mode only."""
        if self.settings.mode != "practice" or self._ended:
            return ()
        return tuple(self.voice.render(text) for text in self.state.suggestions)

    @property
    def waiting(self) -> float:
        """Seconds of hold left (0 when not on hold)."""
        return 0.0 if self._hold is None else self._hold.left

    @property
    def elapsed(self) -> float:
        """Simulated seconds since the call started."""
        return self.record.elapsed

    @property
    def speaker(self) -> Persona:
        """Who speaks in the current state."""
        return self.persona(self.persona_for(self.state))

    # -- caller actions ---------------------------------------------------------------

    def start(self) -> list[CallEvent]:
        """Place the call: enter the start state and return what happens until the caller's turn."""
        if self._state is not None:
            raise RuntimeError("Call.start() was already called")
        events: list[CallEvent] = []
        self.go(self.script.start, events)
        return self._flush(events)

    def say(self, text: str) -> list[CallEvent]:
        """The caller says (types) ``text``; an empty text is a silence."""
        if not text.strip():
            return self.silence()
        if not self._accepts_turn():
            return []
        events: list[CallEvent] = []
        self.add_turn("caller", text, timed=True)
        if self._hold is not None:
            events.append(
                SystemNote(_("Vous êtes en attente : personne ne vous entend."), self.state.id)
            )
        else:
            respond_to_words(self, text, events)
        return self._flush(events)

    def press(self, keys: str) -> list[CallEvent]:
        """The caller presses keypad keys (``"1"``, ``"*"``, ``"#"``)."""
        if not self._accepts_turn():
            return []
        events: list[CallEvent] = []
        self.add_turn("caller", keys, timed=False)
        if not self.keypad_active:
            note = _(
                "Les touches ne servent qu'au serveur vocal : ici, parlez (tapez votre réponse)."
            )
            events.append(SystemNote(note, self.state.id))
        else:
            respond_to_keys(self, keys, events)
        return self._flush(events)

    def silence(self) -> list[CallEvent]:
        """The caller says nothing for the state's ``timeout`` (a no-input)."""
        if not self._accepts_turn() or self._hold is not None:
            return []
        events: list[CallEvent] = []
        self.add_turn("caller", "", timed=False)
        self.record.silences += 1
        self.record.elapsed += self.state.reprompts.timeout_s
        fail(self, "no_input", events)
        return self._flush(events)

    def advance(self, seconds: float) -> list[CallEvent]:
        """Let ``seconds`` of simulated time pass: holds progress, announce, and end."""
        if self._ended or seconds <= 0:
            return []
        if self._hold is None:
            self.record.elapsed += seconds
            return []
        events: list[CallEvent] = []
        remaining = float(seconds)
        while remaining > 0 and self._hold is not None and not self._ended:
            hold = self._hold
            step = min(remaining, hold.next_mark - hold.done)
            hold.done += step
            self.record.elapsed += step
            remaining -= step
            if hold.finished:
                self._end_hold(hold, events)
            elif hold.announce_due:
                self.say_lines(
                    hold.hold.announce, self.persona_for(self.state), events, timed=False
                )
                hold.announced()
        return self._flush(events)

    def hang_up(self) -> list[CallEvent]:
        """The caller hangs up (outcome ``raccroche-appelant`` unless already ended)."""
        if self._ended or self._state is None:
            return []
        events: list[CallEvent] = []
        self.end_call(CALLER_HANGUP, "appelant", events)
        return self._flush(events)

    # -- results ----------------------------------------------------------------------

    def result(self) -> CallResult:
        """The debrief: outcome, rubric, score, duration, turns (the rubric read now)."""
        rubric, score = evaluate_rubric(self.script.rubric, self.voice)
        self.voice.faults.clear()  # a broken criterion is the checker's business, not the call's
        outcome = self.script.outcomes.get(self.record.outcome)
        return CallResult(
            scenario=self.script.id,
            outcome=self.record.outcome,
            outcome_label=outcome.label if outcome is not None else self.record.outcome,
            rubric=rubric,
            score=score,
            duration_s=round(self.record.elapsed, 1),
            turns=self.record.caller_turns,
        )

    def transcript(self) -> dict[str, Any]:
        """The transcript contract's dictionary, every number masked."""
        secrets = (*secrets_of(self.identity), *sorted(self.heard_numbers))
        return build_transcript(self.result(), self.settings, self._turns, secrets)

    def _accepts_turn(self) -> bool:
        if self._state is None:
            raise RuntimeError("Call.start() must be called first")
        return not self._ended
