"""The espeak-ng program called directly: ``espeak-ng -v fr-fr -s RATE -a VOL -w out.wav``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from repetition_3422.errors import SpeechUnavailableError
from repetition_3422.i18n import _
from repetition_3422.speech.backends import Voice, language_tag, mbrola_installed
from repetition_3422.speech.settings import words_per_minute

SECONDS_PER_CHARACTER = 0.05
"""Synthesis time allowed per character of text, on top of :data:`BASE_TIMEOUT`."""

BASE_TIMEOUT = 10.0
"""Seconds espeak-ng gets for any sentence before it is judged stuck."""


class EspeakNgBackend:
    """Runs the ``espeak-ng`` program once per sentence (about 50 ms for a short one)."""

    name = "espeak-ng"

    def __init__(self, program: str) -> None:
        self.program = program
        self._voices: list[Voice] | None = None

    @classmethod
    def find(cls) -> EspeakNgBackend:
        """The backend, if ``espeak-ng`` is on the ``PATH``.

        Raises:
            SpeechUnavailableError: espeak-ng is not installed.
        """
        program = shutil.which("espeak-ng")
        if program is None:
            raise SpeechUnavailableError(_("Le programme espeak-ng n'est pas installé."))
        return cls(program)

    def voices(self) -> list[Voice]:
        """The voices of ``espeak-ng --voices`` (MBROLA ones only when MBROLA is installed)."""
        if self._voices is None:
            listing = self._run(["--voices"], timeout=BASE_TIMEOUT)
            self._voices = parse_voices(listing.decode("utf-8", "replace"), mbrola_installed())
        return self._voices

    def synthesize(self, text: str, path: Path, *, voice: str, rate: float, volume: float) -> None:
        """Write ``text`` to ``path`` (see :meth:`Backend.synthesize`)."""
        arguments = [
            *("-v", voice),
            *("-s", str(words_per_minute(rate))),
            *("-a", str(max(0, min(200, round(volume * 100))))),
            *("-b", "1"),  # the text is UTF-8
            *("-w", str(path)),
            "--stdin",  # text on stdin, so that a line starting with "-" is not an option
        ]
        timeout = BASE_TIMEOUT + SECONDS_PER_CHARACTER * len(text)
        self._run(arguments, timeout=timeout, text=text)
        if not path.is_file() or path.stat().st_size <= 44:
            raise SpeechUnavailableError(_("espeak-ng n'a produit aucun son."))

    def close(self) -> None:
        """Nothing stays running between sentences."""

    def _run(self, arguments: list[str], *, timeout: float, text: str = "") -> bytes:
        try:
            done = subprocess.run(
                [self.program, *arguments],
                input=text.encode("utf-8"),
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise SpeechUnavailableError(_("espeak-ng ne répond plus.")) from error
        except OSError as error:
            raise SpeechUnavailableError(
                _("Impossible de lancer espeak-ng : {reason}.").format(
                    reason=error.strerror or error
                )
            ) from error
        if done.returncode != 0:
            raise SpeechUnavailableError(_("espeak-ng a échoué (voix introuvable ?)."))
        return done.stdout


def parse_voices(listing: str, with_mbrola: bool) -> list[Voice]:
    """Read the table printed by ``espeak-ng --voices``.

    >>> parse_voices(" 5  fr-fr  --/M  French_(France)  roa/fr  (fr 5)", False)
    [Voice(engine='espeak-ng', id='roa/fr', language='fr-fr', name='French (France)')]
    """
    voices = []
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) < 5 or not fields[0].isdigit():
            continue  # the header, or a line we cannot read
        language, name, identifier = fields[1], fields[3], fields[4]
        if identifier.startswith("mb/") and not with_mbrola:
            continue
        voices.append(
            Voice("espeak-ng", identifier, language_tag(language), name.replace("_", " "))
        )
    return voices
