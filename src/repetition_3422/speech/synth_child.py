"""The pyttsx3 child process: reads JSON requests on stdin, writes WAV files, answers in JSON."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from repetition_3422.speech.settings import NORMAL_WORDS_PER_MINUTE

# pyttsx3 2.99 is used here only for ``save_to_file`` + ``runAndWait``, in a process of its
# own, because on Linux it:
#
# - plays ``say()`` through a hard-coded ``aplay`` (``os.system``);
# - returns from the first ``runAndWait()`` before the file is written (synthesis goes on
#   in espeak's own thread), and that thread may then end the next loop before it starts;
# - keeps writing later ``say()`` calls to the last ``save_to_file`` file;
# - loops forever in a ``runAndWait()`` with no new (or empty) text;
# - cannot be interrupted by ``stop()``;
# - prints "Audio saved to …" on stdout, and its sound library (ALSA) writes on file
#   descriptor 2, which Textual draws on and which cannot be silenced in-process.
#
# - crashes (SIGSEGV) when engines are made afresh in one process: espeak is initialised once
#   per process and its synthesis callback, swapped by each new driver, is still called by
#   espeak's own thread;
# - cancels espeak at the start of every loop, which on a busy machine throws away the rate
#   and volume just set (see :func:`keep_settings`).
#
# So file descriptors 1 and 2 point to the null device for the child's whole life; the
# answers travel on a duplicate of the original stdout. One engine serves the child's whole
# life; after a failed request the child exits, and the parent starts a fresh one (it also
# kills a child whose answer is late: a stuck ``runAndWait``).
#
# Protocol, one JSON object per line:
#     ready (child → parent, once): ``{"ready": true, "driver": "espeak", "voices": [...]}``
#     or ``{"ready": false, "error": "..."}``
#     request: ``{"id": 1, "text": "...", "path": "/tmp/x.wav", "voice": "roa/fr",
#     "rate": 1.0, "volume": 1.0}`` → ``{"id": 1, "ok": true}`` or ``{"id": 1, "ok": false,
#     "error": "..."}``


def claim_stdout() -> IO[str]:
    """Keep the real stdout for answers; send fd 1 and 2 (and ``print``) to the null device."""
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    sys.stdout = sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    return answers


def new_engine(driver: str | None) -> Any:
    """The child's pyttsx3 engine (one per process, see above), ready for requests.

    A new espeak driver is "busy" until its first loop: its first ``runAndWait`` would run
    the queued end-of-loop before starting the synthesis and return early, and the
    synthesis thread could then end the next loop before it starts. An empty first loop
    (which, unlike later ones, ends) settles the driver so that every later
    ``runAndWait`` ends only after espeak's callback is done.
    """
    from pyttsx3.engine import Engine

    engine = Engine(driver)
    if engine.driver_name == "espeak":
        keep_settings(engine)  # before the first loop, which would cancel too
        engine.runAndWait()
    return engine


def keep_settings(engine: Any) -> None:
    """Keep pyttsx3's espeak driver from cancelling espeak: the request's settings survive.

    ``runAndWait`` queues an end-of-loop command after the request's ``setProperty`` and
    ``save_to_file``; the driver runs it just before it starts the synthesis, and it calls
    ``driver.stop()``, which calls ``espeak_Cancel()`` whenever ``espeak_IsPlaying()``. In
    the mode pyttsx3 gives espeak (``AUDIO_OUTPUT_RETRIEVAL``) the rate and the volume are
    not set at once: ``espeak_SetParameter`` only queues them for espeak's own thread, and
    espeak "is playing" until that thread has taken them, which on a busy machine it often
    has not (the voice, set at once, is spared). ``espeak_Cancel()`` stops that thread,
    which drops the setting in its hands unapplied (usually the rate, queued first): the
    sentence is said at the previous request's rate (or volume). The driver also remembers
    the cancel and cancels again in its first poll, which can cut the new synthesis off (a
    loop with no audio, see :data:`ATTEMPTS`).

    The child never interrupts a synthesis (the parent kills a late child), so ``stop``
    does nothing here: the queued settings then reach espeak's thread, in order, before
    the text that follows them.
    """
    driver = getattr(engine.proxy, "_driver", None)
    if driver is not None and hasattr(driver, "stop"):
        driver.stop = _never_cancel


def _never_cancel() -> None:
    """The espeak driver's ``stop``, in the child."""


def voice_list(engine: Any) -> list[dict[str, str]]:
    """The engine's voices as plain dictionaries."""
    voices = []
    for voice in engine.getProperty("voices"):
        languages = [_text(language) for language in (voice.languages or [])]
        voices.append(
            {
                "id": str(voice.id),
                "name": str(voice.name or voice.id),
                "language": languages[0] if languages else "",
            }
        )
    return voices


def _text(value: object) -> str:
    if isinstance(value, bytes):  # SAPI5 and older espeak drivers give bytes
        return value.decode("utf-8", "replace").lstrip("\x05")
    return str(value)


Reply = Callable[[dict[str, Any]], None]


def synthesize(request: dict[str, Any], engine: Any, reply: Reply) -> bool:
    """Carry out one request, replying exactly once; ``True`` when a WAV file was written.

    The reply goes out as soon as the engine reports the file written, from its
    "finished-utterance" notice (from espeak's thread), before ``runAndWait`` ends its
    last 10 ms poll. A loop that ends without any synthesis is run again (see
    :data:`ATTEMPTS`).
    """
    text = str(request.get("text") or "").strip()
    path = Path(str(request["path"]))
    if not text:  # runAndWait without new text never returns
        reply({"id": request.get("id"), "ok": False, "error": "empty text"})
        return True  # refused before the engine: it is still sound
    written = threading.Event()
    lock = threading.Lock()

    def finished(**_: object) -> None:
        with lock:
            if not written.is_set() and path.is_file() and path.stat().st_size > 44:
                written.set()
                reply({"id": request.get("id"), "ok": True})

    token = engine.connect("finished-utterance", finished)
    try:
        for _attempt in range(ATTEMPTS):
            _configure(engine, request)
            engine.save_to_file(text, str(path))
            engine.runAndWait()
            if _await_file(engine, written):
                break
            finished()  # drivers that write the file only once the loop ends
            if written.is_set():
                break
    finally:
        engine.disconnect(token)
    if not written.is_set():
        reply({"id": request.get("id"), "ok": False, "error": "no audio written"})
    return written.is_set()


def _configure(engine: Any, request: dict[str, Any]) -> None:
    if request.get("voice"):
        engine.setProperty("voice", str(request["voice"]))
    base = NORMAL_WORDS_PER_MINUTE if engine.driver_name == "espeak" else BASE_RATES[0]
    engine.setProperty("rate", round(float(base) * float(request.get("rate", 1.0))))
    engine.setProperty("volume", min(1.0, max(0.0, float(request.get("volume", 1.0)))))


ATTEMPTS = 3
"""Times a request is tried (its voice, rate and volume set anew each time) when a loop
ends with no audio. Such loops came from the espeak driver's second cancel, and a retry
met the first one again, losing its rate; with :func:`keep_settings` none is expected."""

FINISH_TIMEOUT = 30.0
"""Seconds to wait for a synthesis still going on; the parent gives up sooner on a hang."""


def _await_file(engine: Any, written: threading.Event) -> bool:
    """Wait for the file while a synthesis is going on; ``False`` if none is (a lost loop)."""
    driver = getattr(engine.proxy, "_driver", None)
    deadline = time.monotonic() + FINISH_TIMEOUT
    while not written.wait(0.02):
        if getattr(driver, "_speaking", True) is False or time.monotonic() > deadline:
            return written.is_set()
    return True


BASE_RATES: list[int] = [200]
"""The engine's own normal rate, read at start (SAPI5 and NSSpeech differ from espeak)."""


def main() -> int:
    """Serve requests until stdin closes, or until a request fails (the parent starts anew)."""
    answers = claim_stdout()
    try:
        engine = new_engine(os.environ.get("REPETITION_3422_PYTTSX3_DRIVER") or None)
        BASE_RATES[0] = int(engine.getProperty("rate") or 200)
        ready = {"ready": True, "driver": engine.driver_name, "voices": voice_list(engine)}
    except Exception as error:  # no driver, no espeak library: the parent falls back
        ready = {"ready": False, "error": f"{type(error).__name__}: {error}"}
    _answer(answers, ready)
    if not ready["ready"]:
        return 1
    for line in sys.stdin:
        if not serve(line, engine, lambda message: _answer(answers, message)):
            return 1
    return 0


def serve(line: str, engine: Any, reply: Reply) -> bool:
    """Answer one request line; ``False`` when the engine failed and the child should end."""
    try:
        request = json.loads(line)
        if not isinstance(request, dict):
            raise TypeError("a request is a JSON object")
    except (ValueError, TypeError) as error:
        reply({"ok": False, "error": f"bad request: {error}"})
        return True
    try:
        return synthesize(request, engine, reply)
    except Exception as error:  # reported; the parent replaces this child
        reply({"id": request.get("id"), "ok": False, "error": f"{type(error).__name__}: {error}"})
        return False


def _answer(answers: IO[str], message: dict[str, Any]) -> None:
    answers.write(json.dumps(message) + "\n")
    answers.flush()


if __name__ == "__main__":
    sys.exit(main())
