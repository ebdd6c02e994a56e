"""Practice cards: FICTIF in big letters, numbers grouped, order number 000, cut lines."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from repetition_3422.cli.card import card, output_format_for
from repetition_3422.documents.cards import practice_cards
from repetition_3422.documents.model import CardGrid
from repetition_3422.documents.render import render, write_document
from repetition_3422.domain.identity import Identity, Represented, generate_identities
from repetition_3422.errors import UsageError
from tests.documents.helpers import flat, order_numbers, pdf_pages, pdf_text

SIMPLE = Identity(
    code="K7B2XM4P9QRT",
    nir="284057511200028",  # order number 000: never given to anyone
    vitale_type="avec-photo",
    vitale_serial="12345678901",
    first_name="Camille",
    last_name="Martin",
    birth_date=date(1984, 5, 12),
    fictional=True,
)
PARENT = dataclasses.replace(
    SIMPLE,
    vitale_type="sans-photo",
    vitale_serial="98765432",
    represented=Represented(
        kind="enfant",
        code="ABCD2345EFGH",
        first_name="Léa",
        last_name="Martin",
        birth_date=date(2015, 4, 3),
        nir="215047511200017",
    ),
)


def grid_of(identities: list[Identity]) -> CardGrid:
    block = practice_cards(identities).blocks[0]
    assert isinstance(block, CardGrid)
    return block


def test_a_card_shows_grouped_numbers_and_where_the_serial_is() -> None:
    text = flat(render(practice_cards([SIMPLE, PARENT]), "md").decode("utf-8"))
    for expected in (
        "### FICTIF — Camille Martin",
        "Code confidentiel : **K7B2 XM4P 9QRT**",
        "N° de sécurité sociale : **2 84 05 75 112 000 28**",
        "Carte Vitale avec photo : n° de série : **123 456 789 01**",
        "Carte Vitale sans photo : n° de série : **987 654 32**",
        "Née le : **12 mai 1984**",
        "J’appelle pour mon enfant : **Léa Martin, née le 3 avril 2015**",
        "Son code confidentiel : **ABCD 2345 EFGH**",
        "Son n° de sécurité sociale : **2 15 04 75 112 000 17**",
        "Carte d’entraînement n° 2",
    ):
        assert expected in text, expected


def test_protected_adult_and_missing_names() -> None:
    assert PARENT.represented is not None
    guardian = dataclasses.replace(
        SIMPLE,
        first_name=None,
        last_name=None,
        represented=dataclasses.replace(PARENT.represented, kind="majeur-protege", nir=None),
    )
    text = flat(render(practice_cards([guardian]), "md").decode("utf-8"))
    assert "FICTIF — Personne fictive" in text
    assert "J’appelle pour le majeur que je représente" in text
    assert "Son n° de sécurité sociale" not in text


def test_six_cards_a_page_or_four_with_a_represented_person() -> None:
    assert grid_of([SIMPLE] * 7).per_page == 6
    assert grid_of([SIMPLE, PARENT]).per_page == 4


@pytest.mark.parametrize(("count", "pages"), [(1, 1), (6, 1), (7, 2), (13, 3)])
def test_pdf_pages_of_cards(tmp_path: Path, count: int, pages: int) -> None:
    target = tmp_path / "cartes.pdf"
    write_document(practice_cards([SIMPLE] * count), target)
    assert pdf_pages(target) == pages
    text = pdf_text(target)
    assert text.count("FICTIF") >= count  # the badge (the slanted watermark reads as letters)
    assert text.count("2 84 05 75 112 000 28") == count
    assert "Cartes d’entraînement FICTIVES" in text  # the running title on every page
    assert "✂" in text


def test_generated_cards_only_carry_order_number_000(tmp_path: Path) -> None:
    identities = generate_identities(24, seed=3422)
    target = tmp_path / "cartes.pdf"
    write_document(practice_cards(identities), target)
    text = pdf_text(target)
    expected = sum(1 + (identity.represented is not None) for identity in identities)
    assert order_numbers(text) == ["000"] * expected
    markdown = render(practice_cards(identities), "md").decode("utf-8")
    assert order_numbers(markdown) == ["000"] * expected


def test_html_escapes_a_hostile_name() -> None:
    hostile = dataclasses.replace(SIMPLE, first_name="<script>alert(1)</script>")
    page = render(practice_cards([hostile]), "html").decode("utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Martin" in page


def test_card_command_writes_pdf_and_html_the_same_for_the_same_seed(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for name in ("a.html", "b.html", "c.pdf"):
        result = runner.invoke(card, ["--count", "5", "--seed", "7", "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert "5 cartes écrites" in result.output
        outputs.append(tmp_path / name)
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    assert "FICTIF" in pdf_text(outputs[2])
    result = runner.invoke(card, ["--count", "2", "--seed", "7", "--format", "html"])
    assert result.exit_code == 0
    assert result.output.startswith("<!DOCTYPE html>")


def test_card_command_refuses_a_format_that_contradicts_the_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(card, ["--format", "pdf", "--out", str(tmp_path / "x.html")])
    assert isinstance(result.exception, UsageError)
    assert "ne va pas avec le fichier x.html" in str(result.exception)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("chosen", "name", "expected"),
    [
        (None, None, "json"),
        (None, "cartes.json", "json"),
        (None, "cartes.pdf", "pdf"),
        (None, "cartes.HTML", "html"),
        (None, "cartes.txt", "json"),  # unknown extension: JSON, as before
        ("pdf", "cartes.pdf", "pdf"),
        ("md", None, "md"),
    ],
)
def test_card_format_from_option_or_extension(
    chosen: str | None, name: str | None, expected: str
) -> None:
    assert output_format_for(chosen, None if name is None else Path(name)) == expected
