"""Playing WAV files through a player process that stops the instant it is told to."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from repetition_3422.speech.tones import silence, wav_bytes, wav_seconds

PLAYER_COMMANDS: dict[str, tuple[str, ...]] = {
    "pw-play": ("pw-play",),
    "paplay": ("paplay",),
    "aplay": ("aplay", "-q"),
    "afplay": ("afplay",),
}
"""How each known player is called; the WAV path comes last."""

PROBE_TIMEOUT = 3.0
"""Seconds a player gets to play the short probe sound before it is judged broken."""


class Playback(Protocol):
    """One sound playing."""

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the sound is over; ``True`` if it is, ``False`` if ``timeout`` ran out."""

    def stop(self) -> None:
        """Stop at once (safe from any thread, and when already over)."""

    @property
    def failed(self) -> bool:
        """The sound ended on its own with an error (no audio device, say)."""


class Player(Protocol):
    """Something that plays WAV files."""

    name: str

    def start(self, path: Path) -> Playback:
        """Start playing ``path`` and return at once.

        Raises:
            OSError: the player cannot be started.
        """


class ProcessPlayback:
    """A player process; stopping it kills it, which silences it at once."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._stopped = False

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the process to end (see :meth:`Playback.wait`)."""
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        return True

    def stop(self) -> None:
        """Kill the process (see :meth:`Playback.stop`)."""
        self._stopped = True
        if self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self._process.kill()

    @property
    def failed(self) -> bool:
        """The process exited by itself with a non-zero status."""
        code = self._process.returncode
        return code is not None and code != 0 and not self._stopped

    @property
    def pid(self) -> int:
        """The process id (tests check that it is gone)."""
        return self._process.pid


class ProcessPlayer:
    """Plays a WAV file with an external program such as ``aplay -q FILE``."""

    def __init__(self, command: Sequence[str], name: str | None = None) -> None:
        self.command = tuple(command)
        self.name = name or Path(command[0]).name

    def start(self, path: Path) -> ProcessPlayback:
        """Start the program; its output never reaches the terminal (ALSA writes there)."""
        process = subprocess.Popen(
            [*self.command, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in the terminal is the app's, not the player's
        )
        return ProcessPlayback(process)


class TimedPlayback:
    """A sound that plays nothing, for as long as the real one would last."""

    def __init__(self, seconds: float) -> None:
        self._over = threading.Event()
        self._timer = threading.Timer(seconds, self._over.set)
        self._timer.daemon = True
        self._timer.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the time is up or :meth:`stop` is called."""
        return self._over.wait(timeout)

    def stop(self) -> None:
        """End now."""
        self._timer.cancel()
        self._over.set()

    @property
    def failed(self) -> bool:
        """Never fails."""
        return False


class TimedPlayer:
    """A player that keeps time without sound: for benchmarks, tests and ``--real-time`` runs."""

    name = "timed"

    def start(self, path: Path) -> TimedPlayback:
        """Pretend to play ``path`` for its duration."""
        return TimedPlayback(wav_seconds(path))


def installed_players(platform: str = sys.platform) -> list[ProcessPlayer]:
    """The player programs found on this machine, best first.

    On Linux a sound server's own client (PipeWire, PulseAudio) comes before ALSA's
    ``aplay``; on macOS ``afplay`` is always there.
    """
    names = ("afplay",) if platform == "darwin" else ("pw-play", "paplay", "aplay")
    players = []
    for name in names:
        program = shutil.which(name)
        if program is not None:
            players.append(ProcessPlayer((program, *PLAYER_COMMANDS[name][1:]), name))
    return players


def find_player(folder: Path, candidates: Sequence[Player] | None = None) -> Player | None:
    """The first player that can really play a sound here, or ``None`` (no audio output).

    Each candidate plays a twentieth of a second of silence; one that fails (``aplay``
    exits at once when there is no sound card) or hangs is passed over.
    """
    probe = folder / "probe.wav"
    probe.write_bytes(wav_bytes(silence(0.05)))
    try:
        for player in installed_players() if candidates is None else candidates:
            if _plays(player, probe):
                return player
        return None
    finally:
        probe.unlink(missing_ok=True)


def _plays(player: Player, probe: Path) -> bool:
    try:
        playback = player.start(probe)
    except OSError:
        return False
    if not playback.wait(PROBE_TIMEOUT):
        playback.stop()
        playback.wait()
        return False
    return not playback.failed
