"""The aide-mémoire: one A4 page to keep in front of you during the real call to the 3422."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, datetime

from repetition_3422.documents.model import (
    Block,
    Callout,
    Columns,
    Document,
    Field,
    FieldRow,
    Heading,
    Item,
    ItemList,
    Paragraph,
    WriteIn,
)
from repetition_3422.documents.typography import clock, date_and_time, long_date, short_date
from repetition_3422.domain.hours import (
    CLOSING,
    OPENING,
    days_left,
    is_open,
    next_opening,
    opposition_deadline,
    public_holiday_name,
)
from repetition_3422.i18n import _, current_language, ngettext

CODE_GROUPS = (4, 4, 4)
"""The 12-character code, written in groups of 4."""

NIR_GROUPS = (1, 2, 2, 2, 3, 3, 2)
"""The NIR as the official form writes it: ``# ## ## ## ### ### ##``."""

SERIAL_GROUPS = (3, 3, 3, 2, 2)
"""Up to 13 digits of a carte Vitale serial, in groups of 3 then 2."""

MAX_ADVICE = 2
"""Most pieces of advice repeated, so that the sheet stays on one page."""

ADVICE_LENGTH = 170
"""Longest piece of advice printed, in characters (longer ones are shortened)."""


def aide_memoire(
    *, at: datetime, letter_date: date | None = None, advice: Sequence[str] = ()
) -> Document:
    """Build the aide-mémoire for the real call.

    Nothing personal is printed: the boxes for the code, the NIR and the serial are left
    empty, to be filled in by hand.

    Args:
        at: When the sheet is made (naive local time): gives the line's state and next
            opening time, and the day the days left are counted from.
        letter_date: When the letter or e-mail was sent: adds the deadline to refuse.
        advice: Advice from the person's last rehearsal debrief (texts only, no numbers),
            most important first; the first :data:`MAX_ADVICE` are kept, shortened to
            :data:`ADVICE_LENGTH` characters.
    """
    blocks: tuple[Block, ...] = (
        _line_callout(at, letter_date),
        *_write_ins(),
        Columns(_what_to_say(), (*_notes(), *_after())),
    )
    kept = [
        textwrap.shorten(text, ADVICE_LENGTH, placeholder=" …") for text in advice if text.strip()
    ][:MAX_ADVICE]
    if kept:
        blocks += (
            Heading(_("Mes conseils de la dernière répétition")),
            ItemList(tuple(Item(text) for text in kept)),
        )
    return Document(
        title=_("Aide-mémoire : mon appel au 3422"),
        subtitle=_("Refuser ou fermer « Mon espace santé » : à garder devant moi pendant l'appel."),
        blocks=blocks,
        footer=_("Préparé avec repetition-3422 le {date} : aucun numéro n'est enregistré.").format(
            date=short_date(at.date())
        ),
        lang=current_language(),
    )


def _line_callout(at: datetime, letter_date: date | None) -> Callout:
    lines = [
        _("Service gratuit + prix d'un appel. Fermé le week-end et les jours fériés."),
        line_status(at),
    ]
    if letter_date is not None:
        lines.append(deadline_sentence(letter_date, at.date()))
    title = _("Le 3422 : du lundi au vendredi, de {opening} à {closing}").format(
        opening=clock(OPENING), closing=clock(CLOSING)
    )
    return Callout(title, tuple(lines))


def line_status(at: datetime) -> str:
    """Whether the line answers at ``at``, and if not, when it opens next.

    For example « Le vendredi 25 décembre 2026 à 10 h (Noël), la ligne est fermée.
    Prochaine ouverture : lundi 28 décembre 2026 à 8 h 30. »
    """
    when = date_and_time(at)
    holiday = public_holiday_name(at.date())
    if holiday:
        when = _("{when} ({holiday})").format(when=when, holiday=holiday)
    if is_open(at):
        return _("Le {when}, la ligne est ouverte jusqu'à {closing}.").format(
            when=when, closing=clock(CLOSING)
        )
    return _("Le {when}, la ligne est fermée. Prochaine ouverture : {opening}.").format(
        when=when, opening=date_and_time(next_opening(at))
    )


def deadline_sentence(letter_date: date, today: date) -> str:
    """The day the space is created unless refused, and how many days are left."""
    deadline = opposition_deadline(letter_date)
    left = days_left(letter_date, today)
    values = {"deadline": long_date(deadline), "sent": long_date(letter_date), "days": left}
    if left < 0:
        text = _(
            "Courrier envoyé le {sent} : les six semaines ont pris fin le {deadline}. Vous "
            "pouvez demander la fermeture de l'espace à tout moment."
        )
    elif left == 0:
        text = _(
            "Courrier envoyé le {sent} : l'espace est créé aujourd'hui, {deadline}. Appelez "
            "au plus vite ; s'il est déjà ouvert, demandez sa fermeture."
        )
    else:
        text = ngettext(
            "Courrier envoyé le {sent} : sans refus, l'espace sera créé le {deadline}. Il "
            "reste {days} jour pour refuser.",
            "Courrier envoyé le {sent} : sans refus, l'espace sera créé le {deadline}. Il "
            "reste {days} jours pour refuser.",
            left,
        )
    return text.format(**values)


def _write_ins() -> list[Block]:
    return [
        Heading(_("Mes numéros, recopiés au stylo avant l'appel")),
        Paragraph(
            _(
                "Le programme ne remplit jamais ces cases : mes numéros restent sur ce papier, "
                "nulle part ailleurs."
            ),
            style="note",
        ),
        WriteIn(
            _("Code confidentiel"),
            CODE_GROUPS,
            note=_(
                "Sur le courrier ou le courriel : 12 lettres et chiffres, un code par personne."
            ),
        ),
        WriteIn(
            _("N° de sécurité sociale"),
            NIR_GROUPS,
            note=_("Sur la carte Vitale ou l'attestation de droits : 15 caractères."),
        ),
        WriteIn(
            _("N° de série Vitale"),
            SERIAL_GROUPS,
            note=_(
                "☐ Carte sans photo : au dos, en haut à gauche, 8 à 13 chiffres. ☐ Carte avec "
                "photo : en haut à droite, les 11 derniers chiffres de la ligne 8025000002…"
            ),
        ),
    ]


def _what_to_say() -> tuple[Block, ...]:
    return (
        Heading(_("Ce que je dis")),
        ItemList(
            (
                Item(
                    _(
                        "« Bonjour, je m'oppose à la création de mon espace santé. » S'il est "
                        "ouvert : « je demande sa fermeture. »"
                    ),
                    lead=_("Pour commencer :"),
                ),
                Item(
                    _("mes numéros, lentement, groupe par groupe."),
                    lead=_("Pour m'identifier :"),
                ),
                Item(
                    _("« J'ai bien réfléchi, merci. Je maintiens ma demande. »"),
                    lead=_("Si l'on me fait hésiter :"),
                ),
                Item(
                    _("« Pouvez-vous m'envoyer un justificatif, par courriel ou par courrier ? »"),
                    lead=_("Avant de raccrocher, j'exige un justificatif :"),
                    highlight=True,
                ),
                Item(
                    _("« Quel est votre nom, et la référence de ma demande ? »"),
                    lead=_("Pour finir :"),
                ),
            )
        ),
    )


def _notes() -> tuple[Block, ...]:
    return (
        Heading(_("Pendant l'appel, je note")),
        FieldRow((Field(_("Date :")), Field(_("Heure :")))),
        FieldRow((Field(_("Nom du conseiller :")),)),
        FieldRow((Field(_("Référence :")),)),
        FieldRow(
            (
                Field(
                    _("Justificatif promis :"),
                    (_("par courriel"), _("par courrier"), _("refusé")),
                ),
            )
        ),
    )


def _after() -> tuple[Block, ...]:
    return (
        Heading(_("Après l'appel")),
        ItemList(
            (
                Item(_("Je vérifie que le justificatif arrive ; sinon, je rappelle.")),
                Item(_("La fermeture reste possible plus tard, à tout moment.")),
                Item(_("Si je change d'avis, un nouvel espace pourra être créé.")),
            )
        ),
    )
