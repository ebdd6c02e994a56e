"""repetition-3422: rehearse the 3422 phone call that refuses or closes « Mon espace santé »."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("repetition-3422")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
