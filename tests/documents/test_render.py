"""The three renderers: format from the file name, escaping, embedded fonts, atomic writes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from repetition_3422.documents.markdown import escape
from repetition_3422.documents.model import (
    Callout,
    Card,
    CardGrid,
    Columns,
    Document,
    Field,
    FieldRow,
    Heading,
    Item,
    ItemList,
    Paragraph,
    Table,
    WriteIn,
    is_card_sheet,
    map_text,
)
from repetition_3422.documents.render import format_for, render, write_document
from repetition_3422.errors import BAD_INPUT, FileWriteError, UsageError
from tests.documents.helpers import flat, pdf_pages, pdf_text

HOSTILE = "<script>alert('x')</script> & *gras* _penché_ [lien](http://x) | # titre"
"""Text that would be markup in HTML or Markdown if it were not escaped."""

SPECIAL = "œuvre, l’été, 12 €, « guillemets », ✓ ✗ ☐ — Noël"
"""Characters outside Latin-1, which fpdf2's own fonts cannot draw."""

EVERY_BLOCK = Document(
    title="Titre du document",
    subtitle="Un sous-titre",
    blocks=(
        Callout("Encadré", ("Première ligne", SPECIAL)),
        Heading("Une partie"),
        Paragraph(HOSTILE),
        Paragraph("Une note", style="note"),
        Paragraph("En gras", style="strong"),
        ItemList(
            (Item("simple"), Item("avec tête", lead="Tête :"), Item("important", highlight=True))
        ),
        WriteIn("Code", (4, 4, 4), note="Une note sous les cases"),
        FieldRow((Field("Date :"), Field("Promis :", ("oui", "non")))),
        Table(("A", "B"), (("a1", "b1 | pipe"), ("a2", "b2"))),
        Columns((Paragraph("À gauche"),), (Paragraph("À droite"),)),
    ),
    footer="Pied de page",
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("aide.pdf", "pdf"),
        ("AIDE.PDF", "pdf"),
        ("aide.html", "html"),
        ("aide.htm", "html"),
        ("aide.md", "md"),
        ("aide.markdown", "md"),
    ],
)
def test_format_from_extension(name: str, expected: str) -> None:
    assert format_for(Path(name)) == expected


@pytest.mark.parametrize("name", ["aide.docx", "aide", "aide.pdf.txt", ".pdf"])
def test_unknown_extension_is_a_french_sentence(name: str) -> None:
    with pytest.raises(UsageError) as caught:
        format_for(Path(name))
    assert caught.value.exit_code == BAD_INPUT
    assert "terminez le nom du fichier par .pdf" in str(caught.value)


@pytest.mark.parametrize("extension", ["pdf", "html", "md"])
def test_write_document_writes_atomically(tmp_path: Path, extension: str) -> None:
    target = tmp_path / f"doc.{extension}"
    target.write_text("ancien contenu", encoding="utf-8")
    assert write_document(EVERY_BLOCK, target) == extension
    assert target.read_bytes() != b"ancien contenu"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_write_into_a_missing_folder_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="Impossible d'écrire"):
        write_document(EVERY_BLOCK, tmp_path / "absent" / "doc.pdf")


def test_bad_extension_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_document(EVERY_BLOCK, tmp_path / "doc.txt")
    assert list(tmp_path.iterdir()) == []


def test_markdown_escapes_markup_and_keeps_text() -> None:
    text = render(EVERY_BLOCK, "md").decode("utf-8")
    assert "<script>" not in text
    assert r"\<script\>" in text
    assert r"\*gras\*" in text
    assert r"b1 \| pipe" in text
    assert "# Titre du document" in text
    assert "## Une partie" in text
    assert "□□□□  □□□□  □□□□" in text
    assert "☐ oui" in text
    assert SPECIAL.replace(" ", "") in text.replace(" ", "").replace("\u00a0", "")


def test_markdown_escape_of_a_leading_hash() -> None:
    assert escape("# pas un titre") == r"\# pas un titre"
    assert escape("n° 3 # ok") == "n° 3 # ok"


class _Collector(HTMLParser):
    """Collects tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_text_and_is_self_contained() -> None:
    page = render(EVERY_BLOCK, "html").decode("utf-8")
    collector = _Collector()
    collector.feed(page)
    assert "script" not in collector.tags
    assert "<script>" in flat("".join(collector.text))  # shown as text
    assert not re.search(r"\b(?:src|href)=", page)  # nothing loaded from anywhere
    assert "@import" not in page and "url(" not in page
    assert "@page { size: A4" in page
    assert '<html lang="fr">' in page
    assert collector.tags.count("span") >= 12 + 3  # the 12 boxes of the code and their groups


def test_html_columns_and_card_pages() -> None:
    cards = tuple(Card("FICTIF", f"Personne {n}", (("Code", "ABCD"),)) for n in range(7))
    sheet = Document("Cartes", (CardGrid(cards, columns=2, rows=3),))
    page = render(sheet, "html").decode("utf-8")
    assert page.count('class="card-page"') == 2
    assert page.count('class="card"') == 7
    assert "<h1>" not in page  # the title runs above each page of cards instead
    assert "Cartes — page 2 sur 2" in page
    assert '<div class="columns">' in render(EVERY_BLOCK, "html").decode("utf-8")


def test_pdf_embeds_the_unicode_font_and_keeps_every_character(tmp_path: Path) -> None:
    target = tmp_path / "doc.pdf"
    write_document(EVERY_BLOCK, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"DejaVuSans" in data and b"FontFile2" in data  # embedded TrueType subset
    text = pdf_text(target)
    assert flat(SPECIAL) in text
    assert "<script>alert(’x’)</script>" in text or "<script>alert('x')</script>" in text
    for expected in ("Titre du document", "Encadré", "Tête : avec tête", "À gauche", "À droite"):
        assert expected in text
    assert "Pied de page" in text
    assert pdf_pages(target) == 1


def test_card_sheet_detection_and_map_text() -> None:
    grid = Document("t", (CardGrid((Card("FICTIF", "x", ()),)),))
    assert is_card_sheet(grid)
    assert not is_card_sheet(EVERY_BLOCK)
    assert not is_card_sheet(Document("vide", ()))
    upper = map_text(EVERY_BLOCK, str.upper)
    assert upper.title == "TITRE DU DOCUMENT"
    assert upper.lang == "fr"  # not text: kept
    assert isinstance(upper.blocks[-1], Columns)
    assert upper.blocks[-1].right == (Paragraph("À DROITE"),)


def test_fonts_ship_with_their_licence() -> None:
    from repetition_3422.documents.pdf_base import FONT_DIR

    names = {path.name for path in FONT_DIR.iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"} <= names
    licence = (FONT_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence and "Arev" in licence
