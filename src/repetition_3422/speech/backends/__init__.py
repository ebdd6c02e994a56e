"""Speech engines that turn a sentence into a WAV file: pyttsx3 (in a child process), espeak-ng."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.i18n import _
from repetition_3422.speech.settings import AUTO_ORDER, EngineName


@dataclass(frozen=True, slots=True)
class Voice:
    """A voice an engine offers."""

    engine: str
    id: str
    """What ``--voice`` and a persona's ``voice`` accept (``roa/fr``; ``fr-fr`` works too)."""
    language: str
    """Lower-case language tag with a dash: ``fr-fr``, ``fr-be``, ``en-gb``."""
    name: str


class Backend(Protocol):
    """An engine that writes speech to WAV files. Used from one thread at a time."""

    name: str

    def voices(self) -> list[Voice]:
        """Every usable voice."""

    def synthesize(self, text: str, path: Path, *, voice: str, rate: float, volume: float) -> None:
        """Write ``text`` said by ``voice`` to the WAV file ``path``.

        Args:
            text: One sentence or more, already rewritten for the ear.
            path: The WAV file to write.
            voice: A voice id as given by :meth:`voices`, possibly with ``+variant``.
            rate: Relative pace (1.0 normal).
            volume: 0.0 to 1.0 (up to 2.0 amplifies where the engine can).

        Raises:
            SpeechUnavailableError: the engine failed or took too long.
        """

    def close(self) -> None:
        """Release the engine (a child process, say)."""


def language_tag(raw: str) -> str:
    """``fr_FR`` and ``FR-fr`` become ``fr-fr``."""
    return raw.strip().replace("_", "-").lower()


def mbrola_installed() -> bool:
    """espeak-ng lists MBROLA voices even when MBROLA is missing; they only work with it."""
    return shutil.which("mbrola") is not None


def french_voice(voices: list[Voice]) -> Voice | None:
    """The voice to use when none is asked for: ``fr-fr`` first, then any French one."""
    french = [voice for voice in voices if voice.language.startswith("fr")]
    for voice in french:
        if voice.language == "fr-fr":
            return voice
    return french[0] if french else None


def find_voice(requested: str, voices: list[Voice]) -> str | None:
    """The engine's id for ``requested`` (an id, a name or a language, with an optional
    ``+variant`` such as ``fr-fr+f2``), or ``None`` when no voice matches.
    """
    base, plus, variant = requested.partition("+")
    wanted = base.strip().lower()
    for voice in voices:
        if wanted in (voice.id.lower(), voice.name.lower()):
            return f"{voice.id}{plus}{variant}"
    for voice in voices:
        if voice.language == language_tag(wanted):
            return f"{voice.id}{plus}{variant}"
    return None


def resolve_voice(requested: str | None, voices: list[Voice], default: Voice) -> str:
    """Like :func:`find_voice`, but an unknown or missing voice gives ``default``.

    A script written on another machine then still speaks, in French.
    """
    found = find_voice(requested, voices) if requested else None
    return found or default.id


def open_backend(name: EngineName, *, fallback: bool = False) -> Backend:
    """Start the engine ``name``; ``auto`` takes the first that works (pyttsx3, espeak-ng).

    Args:
        name: An engine name from :data:`~repetition_3422.speech.settings.ENGINE_NAMES`.
        fallback: When ``name`` does not work, try the other engines too (the app does;
            ``say --voice-engine`` does not, it reports the engine asked for).

    Raises:
        SpeechUnavailableError: no engine works (or ``silent`` was asked for).
    """
    if name == "silent":
        raise SpeechUnavailableError(
            _("Le moteur « silent » ne produit aucun son : choisissez pyttsx3 ou espeak-ng.")
        )
    names: tuple[EngineName, ...] = AUTO_ORDER if name == "auto" else (name,)
    if fallback:
        names = (*names, *(other for other in AUTO_ORDER if other not in names))
    errors: list[str] = []
    for candidate in names:
        try:
            return _open_one(candidate)
        except SpeechUnavailableError as error:
            errors.append(str(error))
    if len(names) > 1:
        raise SpeechUnavailableError(no_engine_message())
    raise SpeechUnavailableError(errors[0])


def no_engine_message() -> str:
    """The sentence shown when no engine works."""
    return _(
        "Aucune voix de synthèse n'est disponible (installez espeak-ng) : "
        "l'appel continue en texte."
    )


def _open_one(name: EngineName) -> Backend:
    if name == "pyttsx3":
        from repetition_3422.speech.backends.pyttsx3_engine import Pyttsx3Backend

        return Pyttsx3Backend.start()
    from repetition_3422.speech.backends.espeak_ng import EspeakNgBackend

    return EspeakNgBackend.find()
