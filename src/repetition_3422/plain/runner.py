"""The plain call loop: read a line, hand it to the engine, print what happens."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TextIO

from repetition_3422.domain.identity import Identity
from repetition_3422.engine.call import Call
from repetition_3422.engine.events import AdviserSaid, CallEvent, ScriptFault
from repetition_3422.engine.result import CallResult
from repetition_3422.engine.settings import CallSettings
from repetition_3422.i18n import _
from repetition_3422.language.model import Script
from repetition_3422.plain.render import card_lines, debrief_lines, event_line, hint_lines
from repetition_3422.plain.voice import PlainVoice

KEYPAD = re.compile(r"[0-9*#]+")
"""A line of only digits, ``*`` or ``#``: keypad input on a voice menu."""

REAL_TIME_STEP = 1.0
"""Seconds between two steps of a hold waited out in real time."""


def run_plain(
    script: Script,
    identity: Identity,
    settings: CallSettings,
    stdin: TextIO,
    stdout: TextIO,
    *,
    show_card: bool,
    real_time: bool = False,
    stderr: TextIO | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_end: Callable[[Call], None] | None = None,
    voice: PlainVoice | None = None,
) -> CallResult:
    """Play one call on text streams, per the plain-mode contract, and print the debrief.

    Args:
        script: The scenario.
        identity: The caller's numbers.
        settings: Seed, difficulty, mode, simulated clock.
        stdin: One caller line per line; an empty line is a silence; end of input hangs up.
        stdout: Everything the caller sees.
        show_card: Print the practice card first (for a generated identity).
        real_time: Wait holds out for real instead of only announcing them.
        stderr: Where script faults go (``None``: nowhere).
        sleep: Waits in real time (tests replace it).
        on_end: Called with the finished call, before the debrief (to save a transcript).
        voice: Speaks the adviser's lines as they are printed (``--voice``).
    """
    session = _Session(Call(script, identity, settings), stdin, stdout, stderr, voice)
    if show_card:
        session.print_lines(card_lines(identity))
    session.show(session.call.start())
    while not session.call.ended:
        if session.call.waiting > 0:
            session.show(_wait(session.call, real_time, sleep))
        else:
            session.hints()
            session.show(session.caller_turn())
    if voice is not None:
        voice.finish(wait=not session.echo)
    if on_end is not None:
        on_end(session.call)
    result = session.call.result()
    session.print_lines(debrief_lines(result))
    return result


class _Session:
    """One call on text streams."""

    def __init__(
        self,
        call: Call,
        stdin: TextIO,
        stdout: TextIO,
        stderr: TextIO | None,
        voice: PlainVoice | None,
    ) -> None:
        self.call = call
        self.voice = voice
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.echo = not stdin.isatty()  # a terminal already shows what was typed
        self.hinted: tuple[str, int] | None = None

    def print_lines(self, lines: list[str]) -> None:
        """Print lines on stdout."""
        for line in lines:
            print(line, file=self.stdout)
        self.stdout.flush()

    def show(self, events: list[CallEvent]) -> None:
        """Print what the caller perceives of ``events``; script faults go to stderr."""
        for event in events:
            if isinstance(event, ScriptFault):
                if self.stderr is not None:
                    message = _("Erreur du scénario : {message}").format(message=event.message)
                    print(message, file=self.stderr)
                continue
            line = event_line(event)
            if line is not None:
                print(line, file=self.stdout)
            if self.voice is not None and isinstance(event, AdviserSaid):
                self.stdout.flush()
                self.voice.say(event)
        self.stdout.flush()

    def hints(self) -> None:
        """Practice mode: the hint once per visit, and again after a turn not understood."""
        state = self.call.state.id
        visit = (state, self.call.record.visited[state])
        if visit != self.hinted or self.call.visit.failures:
            self.print_lines(hint_lines(self.call.hint, self.call.suggestions))
            self.hinted = visit

    def caller_turn(self) -> list[CallEvent]:
        """Read one caller line and hand it to the call (keys, silence, words or hang-up)."""
        if not self.echo:
            print(_("Vous : "), end="", file=self.stdout)
            self.stdout.flush()
        raw = self.stdin.readline()
        if self.voice is not None:
            self.voice.interrupt()
        if not raw:
            return self.call.hang_up()
        text = raw.rstrip("\r\n")
        if self.echo:
            print(_("Vous : {text}").format(text=text or _("(silence)")), file=self.stdout)
        if not text.strip():
            return self.call.silence()
        if self.call.keypad_active and KEYPAD.fullmatch(text.strip()):
            return self.call.press(text.strip())
        return self.call.say(text)


def _wait(call: Call, real_time: bool, sleep: Callable[[float], None]) -> list[CallEvent]:
    if not real_time:
        return call.advance(call.waiting)
    step = min(REAL_TIME_STEP, call.waiting)
    sleep(step)
    return call.advance(step)
