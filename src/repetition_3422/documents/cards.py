"""Practice cards for a workshop: fictional identities, several per A4 page, to cut out."""

from __future__ import annotations

from collections.abc import Sequence

from repetition_3422.documents.model import Card, CardGrid, Document
from repetition_3422.documents.typography import short_date, together
from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import Identity, Represented
from repetition_3422.domain.nir import format_nir
from repetition_3422.domain.vitale import format_serial
from repetition_3422.i18n import _, current_language

COLUMNS = 2
ROWS = 3
"""Six cards a page; four (two rows) when a card also carries a represented person."""


def practice_cards(identities: Sequence[Identity]) -> Document:
    """Build a sheet of practice cards, one per identity, each labelled FICTIF.

    Args:
        identities: Generated identities (their NIR has the order number 000).
    """
    cards = tuple(_card(identity, number) for number, identity in enumerate(identities, 1))
    rows = ROWS - 1 if any(identity.represented for identity in identities) else ROWS
    return Document(
        title=_("Cartes d'entraînement FICTIVES pour répéter l'appel au 3422"),
        blocks=(CardGrid(cards, columns=COLUMNS, rows=rows),),
        footer=_(
            "Numéros inventés : le numéro de sécurité sociale porte le numéro d'ordre 000, "
            "jamais attribué. Découpez en suivant les pointillés."
        ),
        lang=current_language(),
    )


def _card(identity: Identity, number: int) -> Card:
    lines = [
        (_("Code confidentiel"), together(format_code(identity.code))),
        (_("N° de sécurité sociale"), together(format_nir(identity.nir))),
        (_serial_label(identity), together(format_serial(identity.vitale_serial))),
    ]
    if identity.birth_date is not None:
        lines.append((_born_label(identity.nir), short_date(identity.birth_date)))
    if identity.represented is not None:
        lines.extend(_represented_lines(identity.represented))
    return Card(
        badge=_("FICTIF"),
        title=_full_name(identity.first_name, identity.last_name) or _("Personne fictive"),
        lines=tuple(lines),
        note=_("Carte d'entraînement n° {number} : ces numéros ne sont ceux de personne.").format(
            number=number
        ),
    )


def _serial_label(identity: Identity) -> str:
    if identity.vitale_type == "avec-photo":
        return _("Carte Vitale avec photo : n° de série")
    return _("Carte Vitale sans photo : n° de série")


def _born_label(nir: str) -> str:
    return _("Née le") if nir.startswith("2") else _("Né le")


def _full_name(first_name: str | None, last_name: str | None) -> str:
    return " ".join(part for part in (first_name, last_name) if part)


def _represented_lines(person: Represented) -> list[tuple[str, str]]:
    who = _full_name(person.first_name, person.last_name) or _("sans nom")
    if person.birth_date is not None:
        who = _("{name}, {born} {date}").format(
            name=who,
            born=_born_label(person.nir or "").lower(),
            date=short_date(person.birth_date),
        )
    label = (
        _("J'appelle pour mon enfant")
        if person.kind == "enfant"
        else _("J'appelle pour le majeur que je représente")
    )
    lines = [(label, who), (_("Son code confidentiel"), together(format_code(person.code)))]
    if person.nir is not None:
        lines.append((_("Son n° de sécurité sociale"), together(format_nir(person.nir))))
    return lines
