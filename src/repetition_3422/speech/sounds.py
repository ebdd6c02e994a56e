"""The hold-sound channel: ring tone, music or beeps looped for a while, stopped at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from repetition_3422.errors import FileWriteError
from repetition_3422.speech.player import Playback, Player
from repetition_3422.speech.speaker import Sound
from repetition_3422.speech.tones import sound_file

PlayerSource = Callable[[float], Player | None]
"""Gives the player once the speech service knows it, waiting at most the given seconds."""


class SoundChannel:
    """Plays one sound at a time on its own short-lived thread, beside the voice."""

    def __init__(self, player: PlayerSource, cache_dir: Path) -> None:
        self._player = player
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._generation = 0
        self._playback: Playback | None = None
        self._closed = False

    def play(self, sound: Sound, seconds: float) -> None:
        """Replace the current sound by ``sound``, looped for ``seconds``; returns at once."""
        with self._lock:
            if self._closed:
                return
            self._generation += 1
            generation, playback = self._generation, self._playback
        if playback is not None:
            playback.stop()
        deadline = time.monotonic() + seconds
        threading.Thread(
            target=self._loop, args=(generation, sound, deadline), name="hold-sound", daemon=True
        ).start()

    def stop(self) -> None:
        """Silence the current sound now."""
        with self._lock:
            self._generation += 1
            playback = self._playback
        if playback is not None:
            playback.stop()

    def close(self) -> None:
        """Stop, and refuse further sounds."""
        with self._lock:
            self._closed = True
        self.stop()

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation and not self._closed

    def _loop(self, generation: int, sound: Sound, deadline: float) -> None:
        player = self._player(max(0.0, deadline - time.monotonic()))
        if player is None or not self._current(generation):
            return
        try:
            path = sound_file(sound, self._cache_dir)
        except FileWriteError:
            return  # no cache folder: the wait goes on in silence
        while path is not None and self._current(generation):
            left = deadline - time.monotonic()
            if left <= 0 or not self._play_once(player, path, generation, left):
                return

    def _play_once(self, player: Player, path: Path, generation: int, left: float) -> bool:
        """Play ``path`` once, at most ``left`` seconds; ``False`` when the loop must end."""
        try:
            playback = player.start(path)
        except OSError:
            return False
        with self._lock:
            stale = generation != self._generation or self._closed
            if not stale:
                self._playback = playback
        if stale or not playback.wait(left):
            playback.stop()
            playback.wait()
        with self._lock:
            if self._playback is playback:
                self._playback = None
        return not playback.failed and not stale
