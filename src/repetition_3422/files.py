"""Reading and writing files safely: atomic writes, readable errors."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from repetition_3422.errors import FileReadError, FileWriteError
from repetition_3422.i18n import _


def write_atomic(path: Path, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` so that a reader sees either the old file or the new one.

    The data go to a temporary file in the same folder, which is flushed, synced and then
    renamed over ``path`` (an atomic step on POSIX and Windows).

    Raises:
        FileWriteError: the folder is missing or not writable, or the disk is full.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path()
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FileWriteError(_write_message(path, error)) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).chmod(_mode_for(path))
        Path(tmp_name).replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise FileWriteError(_write_message(path, error)) from error


def _mode_for(path: Path) -> int:
    """The permissions a plain ``open(path, "w")`` would give (mkstemp makes files private)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_bytes(path: Path) -> bytes:
    """Read a file, turning every failure into a :class:`FileReadError` sentence."""
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise FileReadError(_("Le fichier {path} n'existe pas.").format(path=path)) from error
    except IsADirectoryError as error:
        raise FileReadError(
            _("{path} est un dossier, pas un fichier.").format(path=path)
        ) from error
    except OSError as error:
        raise FileReadError(
            _("Impossible de lire {path} : {reason}.").format(
                path=path, reason=error.strerror or error
            )
        ) from error


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, turning every failure into a :class:`FileReadError` sentence."""
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileReadError(
            _(
                "{path} n'est pas un fichier texte en UTF-8 (octet illisible à la position "
                "{position}). Enregistrez-le en UTF-8 depuis votre éditeur."
            ).format(path=path, position=error.start)
        ) from error


def _write_message(path: Path, error: OSError) -> str:
    return _("Impossible d'écrire {path} : {reason}.").format(
        path=path, reason=error.strerror or error
    )
