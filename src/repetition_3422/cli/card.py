"""The ``card`` command: fictional practice cards (code, NIR, carte Vitale) to rehearse with."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from pathlib import Path

import click

from repetition_3422.documents.cards import practice_cards
from repetition_3422.documents.render import EXTENSIONS, render
from repetition_3422.domain.identity import Identity, generate_identities, identity_to_dict
from repetition_3422.errors import UsageError
from repetition_3422.files import write_atomic
from repetition_3422.i18n import _, ngettext

Renderer = Callable[[list[Identity]], str | bytes]
"""Turns practice identities into the content of one output format."""

MAX_CARDS = 200
"""Most cards one command makes (a large workshop)."""


def render_json(identities: list[Identity]) -> str:
    """A JSON list of identity dictionaries, each with ``"fictif": true``."""
    cards = [identity_to_dict(identity) for identity in identities]
    return json.dumps(cards, ensure_ascii=False, indent=2) + "\n"


def render_pdf(identities: list[Identity]) -> bytes:
    """Printable practice cards, six (or four) per A4 page, with cut lines."""
    return render(practice_cards(identities), "pdf")


def render_html(identities: list[Identity]) -> str:
    """The same cards as one self-contained web page, to print from a browser."""
    return render(practice_cards(identities), "html").decode("utf-8")


def render_markdown(identities: list[Identity]) -> str:
    """The same cards as plain text (Markdown)."""
    return render(practice_cards(identities), "md").decode("utf-8")


RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "pdf": render_pdf,
    "html": render_html,
    "md": render_markdown,
}
"""Output formats by name (bytes go to ``--out`` only)."""


def output_format_for(chosen: str | None, out: Path | None) -> str:
    """The format asked with ``--format``, else the one ``--out``'s extension names, else JSON.

    Raises:
        UsageError: ``--format`` and the extension of ``--out`` name different formats.
    """
    suffix = "" if out is None else out.suffix.lower()
    named: str | None = "json" if suffix == ".json" else EXTENSIONS.get(suffix)
    if chosen is None:
        return named or "json"
    if named is not None and named != chosen:
        raise UsageError(
            _(
                "--format {chosen} ne va pas avec le fichier {name} : changez l'extension du "
                "fichier ou le format."
            ).format(chosen=chosen, name=out.name if out is not None else "")
        )
    return chosen


@click.command(
    "card",
    help=_(
        "Créer des cartes d'entraînement FICTIVES : code, NIR et carte Vitale. Les numéros "
        "passent les contrôles officiels mais ne sont ceux de personne : le NIR porte le "
        "numéro d'ordre 000, jamais attribué."
    ),
)
@click.option(
    "--count",
    type=click.IntRange(1, MAX_CARDS),
    default=1,
    show_default=True,
    help=_("Nombre de cartes d'entraînement à créer (de 1 à 200)."),
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=None,
    help=_("Graine du tirage : la même graine redonne les mêmes cartes (au hasard sinon)."),
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default=None,
    help=_(
        "Format de sortie : json (par défaut), pdf ou html (cartes à imprimer et découper), "
        "md ; sans cette option, l'extension de --out le choisit."
    ),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=_("Fichier à écrire (remplacé d'un coup) ; sans cette option, la sortie standard."),
)
def card(count: int, seed: int | None, output_format: str | None, out: Path | None) -> None:
    """Write ``count`` fictional identities in ``output_format`` to ``out`` or stdout."""
    output_format = output_format_for(output_format, out)
    chosen_seed = secrets.randbelow(2**32) if seed is None else seed
    content = RENDERERS[output_format](generate_identities(count, chosen_seed))
    if out is None:
        _echo_content(content, output_format)
        return
    write_atomic(out, content)
    message = ngettext(
        "{count} carte écrite dans {path} (graine {seed}).",
        "{count} cartes écrites dans {path} (graine {seed}).",
        count,
    )
    click.echo(message.format(count=count, path=out, seed=chosen_seed))


def _echo_content(content: str | bytes, output_format: str) -> None:
    if isinstance(content, bytes):
        raise UsageError(
            _("Le format {format} s'écrit dans un fichier : ajoutez --out FICHIER.").format(
                format=output_format
            )
        )
    click.echo(content, nl=False)
