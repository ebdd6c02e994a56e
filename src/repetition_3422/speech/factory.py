"""Choosing the speaker for a call: a real voice, or silence when asked or when none works."""

from __future__ import annotations

from pathlib import Path

from repetition_3422.speech.settings import VoiceSettings
from repetition_3422.speech.speaker import Listener, SilentSpeaker, Speaker


def make_speaker(
    settings: VoiceSettings | None = None,
    listener: Listener | None = None,
    *,
    enabled: bool = True,
    cache_dir: Path | None = None,
) -> Speaker:
    """The speaker the app should use; returns at once (the engine starts in the background).

    Args:
        settings: Engine, voice, rate and volume (``--voice-engine``, the settings file).
        listener: Receives speech events, possibly from another thread.
        enabled: ``False`` for ``--no-voice``: a silent speaker, without any notice.
        cache_dir: Where hold sounds are cached (tests give a temporary folder).

    Returns:
        A :class:`SilentSpeaker` for ``--no-voice`` or ``--voice-engine silent``, else a
        :class:`~repetition_3422.speech.service.SpeechService`, which falls back to text
        with one French notice when nothing can be heard.
    """
    settings = settings or VoiceSettings()
    if not enabled or settings.engine == "silent":
        return SilentSpeaker(listener)
    from repetition_3422.speech.service import SpeechService

    return SpeechService(listener, settings, cache_dir=cache_dir)
