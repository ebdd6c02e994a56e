"""The speech service: a worker thread that owns the engine, so that the call never waits on it."""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import itertools
import logging
import shutil
import tempfile
import threading
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.i18n import _
from repetition_3422.speech.backends import (
    Backend,
    Voice,
    french_voice,
    open_backend,
    resolve_voice,
)
from repetition_3422.speech.player import Playback, Player, find_player
from repetition_3422.speech.settings import EngineName, VoiceSettings
from repetition_3422.speech.sounds import SoundChannel
from repetition_3422.speech.speaker import (
    Listener,
    Sound,
    SpeechEvent,
    SpeechFinished,
    SpeechStarted,
    SpeechUnavailable,
    Utterance,
)
from repetition_3422.speech.spoken import split_sentences, spoken

logger = logging.getLogger(__name__)

BackendOpener = Callable[[EngineName], Backend]
"""Starts an engine by name, trying the others when it fails (raises SpeechUnavailableError)."""

PlayerFinder = Callable[[Path], Player | None]
"""Finds a working player, given a scratch folder for its probe sound."""

MAX_FAILURES = 3
"""Sentences in a row the engine may fail before the call goes on in text only."""


def default_cache_dir() -> Path:
    """Where generated hold sounds are kept between runs (no personal data in them)."""
    return platformdirs.user_cache_path("repetition-3422") / "sons"


def _open_with_fallback(name: EngineName) -> Backend:
    return open_backend(name, fallback=True)


@dataclass(frozen=True, slots=True)
class _Job:
    utterance: Utterance
    generation: int


class SpeechService:
    """A :class:`~repetition_3422.speech.speaker.Speaker` with a real voice.

    One worker thread owns the engine: it starts it, turns each line into sentences, makes
    the WAV of sentence n+1 while sentence n plays, and reports to the listener. Every
    public method only records a wish and returns. Each line given to :meth:`speak` gets
    exactly one :class:`SpeechFinished` (``cancelled`` if it was cut or dropped), preceded
    by :class:`SpeechStarted` unless it was dropped before its first sound.

    When no engine, no French voice or no audio output can be found, one
    :class:`SpeechUnavailable` says so in French and lines are then reported as said at
    once, as :class:`~repetition_3422.speech.speaker.SilentSpeaker` does.
    """

    def __init__(
        self,
        listener: Listener | None = None,
        settings: VoiceSettings | None = None,
        *,
        open_engine: BackendOpener = _open_with_fallback,
        find_audio: PlayerFinder = find_player,
        cache_dir: Path | None = None,
    ) -> None:
        self._listener = listener
        self._settings = settings or VoiceSettings()
        self._open_engine = open_engine
        self._find_audio = find_audio
        self._wake = threading.Condition()
        self._queue: deque[_Job] = deque()
        self._dropped: list[str] = []
        self._generation = 0
        self._closed = False
        self._notified = False
        self._last: Utterance | None = None
        self._playback: Playback | None = None
        self._backend: Backend | None = None
        self._player: Player | None = None
        self._voices: list[Voice] = []
        self._default_voice = Voice("", "", "", "")
        self._failures = 0
        self._names = itertools.count(1)
        self._work_dir: Path | None = None
        self._ready = threading.Event()
        self._sounds = SoundChannel(self._player_when_ready, cache_dir or default_cache_dir())
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        _LIVE.add(self)
        self._thread.start()

    # The app's side: each method returns at once.

    def speak(self, utterance: Utterance) -> None:
        """Queue ``utterance`` after what is already queued (ignored once closed)."""
        with self._wake:
            if self._closed:
                return
            self._last = utterance
            self._queue.append(_Job(utterance, self._generation))
            self._wake.notify()

    def cancel(self) -> None:
        """Stop the current line now and drop the queue (barge-in)."""
        with self._wake:
            self._generation += 1
            self._dropped.extend(job.utterance.line_id for job in self._queue)
            self._queue.clear()
            playback = self._playback
            self._wake.notify()
        if playback is not None:
            playback.stop()

    def replay(self) -> None:
        """Stop what is being said and say the last line again from its start."""
        with self._wake:
            last = self._last
        if last is not None:
            self.cancel()
            self.speak(last)

    def play_sound(self, sound: Sound, seconds: float) -> None:
        """Loop hold music, beeps or the ring tone for ``seconds``, beside the voice."""
        self._sounds.play(sound, seconds)

    def stop_sound(self) -> None:
        """Stop the sound now."""
        self._sounds.stop()

    def set_rate(self, rate: float) -> None:
        """Change the pace (1.0 normal, 0.8 for beginners) from the next sentence on."""
        with self._wake:
            self._settings = dataclasses.replace(self._settings, rate=rate)

    def set_volume(self, volume: float) -> None:
        """Change the loudness (0.0 to 1.0) from the next sentence on."""
        with self._wake:
            self._settings = dataclasses.replace(self._settings, volume=volume)

    def close(self) -> None:
        """Stop everything; the worker then ends the engine and deletes its files."""
        with self._wake:
            self._closed = True
        self.cancel()
        self._sounds.close()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the worker is done after :meth:`close`; ``True`` if it is."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def engine(self) -> str | None:
        """The engine speaking, once known (``None`` while starting or when silent)."""
        backend = self._backend
        return backend.name if backend is not None and self._player is not None else None

    # The worker's side.

    def _emit(self, event: SpeechEvent) -> None:
        if self._listener is None:
            return
        try:
            self._listener(event)
        except Exception:  # the app's bug must not silence the adviser for the whole call
            logger.exception("speech listener failed on %r", event)

    def _notify_unavailable(self, reason: str) -> None:
        with self._wake:
            if self._notified:
                return
            self._notified = True
        self._emit(SpeechUnavailable(reason))

    def _run(self) -> None:
        try:
            self._setup()
            while (job := self._next_job()) is not None:
                self._say(job)
        finally:
            self._teardown()

    def _setup(self) -> None:
        try:
            self._work_dir = Path(tempfile.mkdtemp(prefix="repetition-3422-voix-"))
            self._player = self._find_audio(self._work_dir)
            if self._player is None:
                self._notify_unavailable(no_audio_message())
                return
            self._backend = self._start_engine()
        finally:
            self._ready.set()

    def _start_engine(self) -> Backend | None:
        try:
            backend = self._open_engine(self._settings.engine)
            voices = backend.voices()
        except SpeechUnavailableError as error:
            self._notify_unavailable(str(error))
            return None
        default = french_voice(voices)
        if default is None:
            backend.close()
            self._notify_unavailable(
                _("Aucune voix française n'est installée : l'appel continue en texte.")
            )
            return None
        self._voices, self._default_voice = voices, default
        return backend

    def _teardown(self) -> None:
        self._ready.set()
        with self._wake:
            playback, self._playback = self._playback, None
        if playback is not None:
            playback.stop()
        backend, self._backend = self._backend, None
        if backend is not None:
            backend.close()
        if self._work_dir is not None:
            shutil.rmtree(self._work_dir, ignore_errors=True)

    def _player_when_ready(self, timeout: float) -> Player | None:
        return self._player if self._ready.wait(timeout) else None

    def _next_job(self) -> _Job | None:
        while True:
            with self._wake:
                while not (self._queue or self._dropped or self._closed):
                    self._wake.wait()
                dropped, self._dropped = self._dropped, []
                job = self._queue.popleft() if self._queue and not dropped else None
                closed = self._closed
            for line_id in dropped:
                self._emit(SpeechFinished(line_id, cancelled=True))
            if job is not None:
                return job
            if closed and not dropped:
                return None

    def _stale(self, job: _Job) -> bool:
        with self._wake:
            return job.generation != self._generation or self._closed

    def _audible(self) -> bool:
        return self._backend is not None and self._player is not None

    def _say(self, job: _Job) -> None:
        line_id = job.utterance.line_id
        sentences = split_sentences(spoken(job.utterance.text)) if self._audible() else []
        started = self._play_sentences(job, sentences) if sentences else False
        cancelled = self._stale(job)
        if not started and not cancelled:
            self._emit(SpeechStarted(line_id))  # heard in text only: report it as said
        self._emit(SpeechFinished(line_id, cancelled=cancelled))

    def _play_sentences(self, job: _Job, sentences: list[str]) -> bool:
        """Play each sentence while the next one is made; ``True`` once sound was heard."""
        started = False
        wav = self._synthesize(sentences[0], job)
        for following in [*sentences[1:], None]:
            playback = self._start(wav, job) if wav is not None else None
            if playback is not None and not started:
                self._emit(SpeechStarted(job.utterance.line_id))
                started = True
            upcoming = None
            if following is not None and not self._stale(job):
                upcoming = self._synthesize(following, job)
            if playback is not None:
                self._finish(playback)
            _discard(wav)
            wav = upcoming
            if self._stale(job) or not self._audible():
                break
        _discard(wav)
        return started

    def _synthesize(self, text: str, job: _Job) -> Path | None:
        backend, folder = self._backend, self._work_dir
        if backend is None or folder is None:
            return None
        path = folder / f"phrase-{next(self._names)}.wav"
        settings = self._settings
        voice = resolve_voice(
            job.utterance.voice or settings.voice, self._voices, self._default_voice
        )
        try:
            backend.synthesize(
                text,
                path,
                voice=voice,
                rate=settings.rate * job.utterance.rate,
                volume=settings.volume,
            )
        except SpeechUnavailableError:
            _discard(path)
            self._engine_failed(backend)
            return None
        self._failures = 0
        return path

    def _engine_failed(self, backend: Backend) -> None:
        self._failures += 1
        if self._failures >= MAX_FAILURES:
            self._backend = None
            backend.close()
            self._notify_unavailable(
                _("La voix de synthèse ne répond plus : l'appel continue en texte.")
            )

    def _start(self, wav: Path, job: _Job) -> Playback | None:
        player = self._player
        if player is None or self._stale(job):
            return None
        try:
            playback = player.start(wav)
        except OSError:
            self._lose_audio()
            return None
        with self._wake:
            stale = job.generation != self._generation or self._closed
            if not stale:
                self._playback = playback
        if stale:  # cancelled while the player was starting
            playback.stop()
            playback.wait()
            return None
        return playback

    def _finish(self, playback: Playback) -> None:
        playback.wait()
        with self._wake:
            if self._playback is playback:
                self._playback = None
        if playback.failed:
            self._lose_audio()

    def _lose_audio(self) -> None:
        self._player = None
        self._notify_unavailable(no_audio_message())


def no_audio_message() -> str:
    """The sentence shown when sound cannot be played on this machine."""
    return _("Aucune sortie audio n'a été trouvée sur cet ordinateur : l'appel continue en texte.")


def _discard(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


_LIVE: weakref.WeakSet[SpeechService] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """Close services still open at exit, so that no player or temporary WAV outlives the app."""
    for service in list(_LIVE):
        service.close()
        service.join(2.0)
