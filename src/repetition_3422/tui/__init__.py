"""The Textual app: `make_app` builds it from loaded objects, `run_app` runs ``play``."""

from repetition_3422.tui.factory import make_app
from repetition_3422.tui.launch import run_app, run_home

__all__ = ["make_app", "run_app", "run_home"]
