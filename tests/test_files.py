"""Atomic writes and readable file errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from repetition_3422.errors import FileReadError, FileWriteError
from repetition_3422.files import read_text, write_atomic


def test_write_atomic_replaces_the_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sortie.txt"
    target.write_text("ancien contenu bien plus long")
    write_atomic(target, "nouveau")
    assert target.read_text() == "nouveau"
    assert [p.name for p in tmp_path.iterdir()] == ["sortie.txt"]


def test_write_atomic_into_a_missing_folder_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="Impossible d'écrire"):
        write_atomic(tmp_path / "absent" / "x.txt", b"data")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "n'existe pas"),
        (b"\xff\xfe\x00bad", "n'est pas un fichier texte en UTF-8"),
    ],
)
def test_read_text_errors_are_sentences(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "script.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(FileReadError, match=message):
        read_text(path)


def test_read_text_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="est un dossier"):
        read_text(tmp_path)


def test_read_text_drops_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffid: x".encode())
    assert read_text(path) == "id: x"


def test_write_atomic_gives_ordinary_permissions(tmp_path: Path) -> None:
    # mkstemp creates 0600 files; a printed aide-mémoire should be like any other file.
    target = tmp_path / "aide.md"
    write_atomic(target, "x")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_current_umask()
    target.chmod(0o640)
    write_atomic(target, "y")
    assert target.stat().st_mode & 0o777 == 0o640


def _current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
