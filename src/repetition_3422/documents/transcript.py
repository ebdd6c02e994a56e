"""Reading a call transcript (the ``--transcript`` contract) and the advice it holds."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from repetition_3422.errors import UsageError
from repetition_3422.files import read_text
from repetition_3422.i18n import _
from repetition_3422.language.transcript import Transcript

_WHERE = re.compile(r" - at `\$\.?(?P<path>[^`]*)`")
_MISSING = re.compile(r"missing required field `(?P<field>[^`]+)`")


def read_transcript(data: object) -> Transcript:
    """Check a transcript given as parsed JSON (the engine's ``Call.transcript()``).

    Raises:
        UsageError: ``data`` breaks the transcript contract (a sentence names the field).
    """
    try:
        return msgspec.convert(data, Transcript)
    except msgspec.ValidationError as error:
        raise _not_a_transcript(error) from error


def read_transcript_file(path: Path) -> Transcript:
    """Read a transcript saved with ``--transcript FILE.json``.

    Raises:
        FileReadError: the file is missing or unreadable.
        UsageError: the file is not JSON, or not a transcript.
    """
    text = read_text(path)
    try:
        return msgspec.json.decode(text, type=Transcript)
    except msgspec.ValidationError as error:
        raise _not_a_transcript(error) from error
    except msgspec.DecodeError as error:
        raise UsageError(
            _("{path} n'est pas un fichier JSON lisible : est-ce bien une transcription ?").format(
                path=path
            )
        ) from error


def advice(transcript: Transcript) -> list[str]:
    """Feedback of the criteria not met, the weightiest first (rubric texts: no number)."""
    missed = sorted(
        (criterion for criterion in transcript.rubric if not criterion.passed),
        key=lambda criterion: -criterion.weight,
    )
    return [criterion.feedback for criterion in missed if criterion.feedback.strip()]


def _not_a_transcript(error: msgspec.ValidationError) -> UsageError:
    """A French sentence from msgspec's message (« Expected `float`, got `str` - at `$.score` »)."""
    message = str(error)
    where = _WHERE.search(message)
    path = where["path"] if where else ""
    missing = _MISSING.search(message)
    if missing:
        field = f"{path}.{missing['field']}" if path else missing["field"]
        detail = _("il manque le champ « {field} »").format(field=field)
    elif path:
        detail = _("le champ « {field} » n'a pas la forme attendue").format(field=path)
    else:
        detail = _("il faut un objet JSON { … } à la racine")
    return UsageError(
        _("Ce n'est pas une transcription d'appel de repetition-3422 : {detail}.").format(
            detail=detail
        )
    )
