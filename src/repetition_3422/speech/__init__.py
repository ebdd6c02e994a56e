"""Speech: the adviser's voice, hold music and tones, behind the :class:`Speaker` interface."""
