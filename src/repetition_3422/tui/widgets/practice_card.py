"""The practice card: the numbers to give, and where each is found on the letter and the card."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import Identity
from repetition_3422.domain.nir import format_nir
from repetition_3422.domain.problems import InvalidValue
from repetition_3422.domain.vitale import VITALE_TYPE_LABELS, VitaleType, format_serial
from repetition_3422.i18n import _
from repetition_3422.tui.translate import N_

WHERE_CODE = N_(
    "Dans le courrier ou le courriel de l'Assurance Maladie qui annonce Mon espace santé : "
    "le code provisoire, 12 lettres et chiffres."
)
WHERE_NIR = N_("Au recto de la carte Vitale, sous votre nom : 15 caractères, clé comprise.")
WHERE_SERIAL: dict[VitaleType, str] = {
    "sans-photo": N_("Carte sans photo : au verso, en haut à gauche, de 8 à 13 chiffres."),
    "avec-photo": N_(
        "Carte avec photo : en haut à droite, une longue ligne qui commence par 8025000002 ; "
        "donnez seulement les 11 derniers chiffres."
    ),
}
"""Where each number is printed (DOMAIN.md, confidence H); French source strings."""


def card_lines(identity: Identity) -> list[tuple[str, str]]:
    """The card's rows as (label, value), numbers grouped as they are read aloud."""
    return [
        (_("Code"), _safe(format_code, identity.code)),
        (_("NIR"), _safe(format_nir, identity.nir)),
        (_("Carte"), _(VITALE_TYPE_LABELS[identity.vitale_type])),
        (_("N° de série"), _safe(format_serial, identity.vitale_serial)),
    ]


def card_title(identity: Identity) -> str:
    """``FICTIF`` for a generated identity; a plain title for the person's own file."""
    if identity.fictional:
        return _("Carte d'entraînement — FICTIF")
    return _("Vos numéros (fichier d'identité)")


class CardSummary(Static):
    """The card in a few lines, for the side panel of a call."""

    def __init__(self, identity: Identity, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show(identity)

    def show(self, identity: Identity) -> None:
        """Display ``identity``."""
        parts: list[Content | str] = [Content.styled(card_title(identity), "bold")]
        for label, value in card_lines(identity):
            parts += ["\n", Content.styled(label, "dim"), "\n ", value]
        self.update(Content.assemble(*parts))


class CardDetails(Vertical):
    """The card with where each number is found, on the letter and on each card type."""

    def __init__(self, identity: Identity, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.identity = identity

    def compose(self) -> ComposeResult:
        yield Static(id="card-numbers")
        yield Static(id="card-where")

    def on_mount(self) -> None:
        self.show(self.identity)

    def show(self, identity: Identity) -> None:
        """Display ``identity`` and the places to find each number."""
        self.identity = identity
        numbers: list[Content | str] = [Content.styled(card_title(identity), "bold")]
        for label, value in card_lines(identity):
            numbers += ["\n", Content.styled(f"{label:<12}", "dim"), value]
        self.query_one("#card-numbers", Static).update(Content.assemble(*numbers))
        where: list[Content | str] = [Content.styled(_("Où trouver chaque numéro"), "bold")]
        for label, text in (
            (_("Code"), _(WHERE_CODE)),
            (_("NIR"), _(WHERE_NIR)),
            (_("N° de série"), _(WHERE_SERIAL["sans-photo"])),
            ("", _(WHERE_SERIAL["avec-photo"])),
        ):
            where += ["\n• ", Content.styled(f"{label} : " if label else "", "bold"), text]
        self.query_one("#card-where", Static).update(Content.assemble(*where))


def _safe(formatter: Callable[[str], str], value: str) -> str:
    # An identity file checked by the domain is always formattable; a half-written test
    # double may not be, and showing the raw value beats crashing the screen.
    try:
        return formatter(value)
    except InvalidValue:
        return value
