"""The line-by-line text front end (``play SCENARIO --plain``): stdin in, stdout out."""

from repetition_3422.plain.runner import run_plain

__all__ = ["run_plain"]
