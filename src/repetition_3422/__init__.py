"""repetition-3422: rehearse the 3422 phone call that refuses or closes « Mon espace santé »."""

from __future__ import annotations

__all__ = ["__version__", "version"]


def version() -> str:
    """The installed version, read once from the package metadata (the single source)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("repetition-3422")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    # importlib.metadata costs tens of milliseconds: read it only when asked.
    if name == "__version__":
        return version()
    raise AttributeError(name)
