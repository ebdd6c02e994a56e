"""Choosing a format from a file name, rendering a document to it and writing it safely."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from repetition_3422.documents.html import render_html
from repetition_3422.documents.markdown import render_markdown
from repetition_3422.documents.model import Document
from repetition_3422.documents.typography import polish
from repetition_3422.errors import UsageError
from repetition_3422.files import write_atomic
from repetition_3422.i18n import _

DocumentFormat = Literal["pdf", "html", "md"]
"""The formats a document can be written in."""

EXTENSIONS: dict[str, DocumentFormat] = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
}
"""File name endings (any case) and the format each one means."""


def format_for(path: Path) -> DocumentFormat:
    """The format a file name asks for, read from its extension.

    Raises:
        UsageError: the extension is none of ``.pdf``, ``.html``, ``.md``.
    """
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise UsageError(
            _(
                "Je ne sais pas quel format écrire pour « {name} » : terminez le nom du "
                "fichier par .pdf (à imprimer), .html (à ouvrir dans un navigateur) ou .md "
                "(texte simple)."
            ).format(name=path.name)
        )
    return found


def render(document: Document, document_format: DocumentFormat) -> bytes:
    """Render ``document`` in ``document_format``, with the typography of its language.

    Returns:
        The file's bytes (UTF-8 for HTML and Markdown).
    """
    polished = polish(document)
    if document_format == "pdf":
        from repetition_3422.documents.pdf import render_pdf  # fpdf2 loads only when needed

        return render_pdf(polished)
    if document_format == "html":
        return render_html(polished).encode("utf-8")
    return render_markdown(polished).encode("utf-8")


def write_document(document: Document, path: Path) -> DocumentFormat:
    """Write ``document`` to ``path`` in the format its extension asks for, atomically.

    Returns:
        The format written.

    Raises:
        UsageError: the extension is not one of the known formats.
        FileWriteError: the file cannot be written.
    """
    document_format = format_for(path)
    write_atomic(path, render(document, document_format))
    return document_format
