"""French typography and the way dates, times and durations are written in documents."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from repetition_3422.documents.model import Document, map_text
from repetition_3422.i18n import _

NBSP = "\u00a0"
"""No-break space: before « : » and inside « guillemets »."""

NNBSP = "\u202f"
"""Narrow no-break space: before « ; », « ! » and « ? »."""

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]+:")
_BEFORE_NARROW = re.compile(r"(?<=\S)[ \u00a0\u202f]+([;!?])")
_AFTER_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSE_QUOTE = re.compile(r"(?<=\S)[ \u00a0\u202f]*»")


def french(text: str) -> str:
    """Apply French spacing and apostrophes to ``text``.

    A space already written before ``:``, ``;``, ``!``, ``?`` becomes a no-break one, so the
    sign never starts a line; guillemets get their no-break spaces, added if missing; the
    straight apostrophe between letters becomes ’. Nothing is added before a colon that had
    no space (``08:30``, ``https:``).

    >>> french("Bonjour : « oui » ; l'appel ?") == (
    ...     "Bonjour\u00a0: «\u00a0oui\u00a0»\u202f; l’appel\u202f?")
    True
    """
    text = _APOSTROPHE.sub("’", text)
    text = _AFTER_OPEN_QUOTE.sub("«" + NBSP, text)
    text = _BEFORE_CLOSE_QUOTE.sub(NBSP + "»", text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    return _BEFORE_NARROW.sub(lambda match: NNBSP + match.group(1), text)


def polish(document: Document) -> Document:
    """Give every text of ``document`` the typography of its language."""
    if document.lang != "fr":
        return document
    return map_text(document, french)


def together(text: str) -> str:
    """Join the words of ``text`` with no-break spaces (a grouped number, a time)."""
    return text.replace(" ", NBSP)


def _weekday_name(index: int) -> str:
    names = (
        _("lundi"),
        _("mardi"),
        _("mercredi"),
        _("jeudi"),
        _("vendredi"),
        _("samedi"),
        _("dimanche"),
    )
    return names[index]


def _month_name(index: int) -> str:
    names = (
        _("janvier"),
        _("février"),
        _("mars"),
        _("avril"),
        _("mai"),
        _("juin"),
        _("juillet"),
        _("août"),
        _("septembre"),
        _("octobre"),
        _("novembre"),
        _("décembre"),
    )
    return names[index - 1]


def short_date(day: date) -> str:
    """Write a date without its weekday: ``6 janvier 2027``, ``1er mai 2027``."""
    number = _("1er") if day.day == 1 else str(day.day)
    return _("{day} {month} {year}").format(day=number, month=_month_name(day.month), year=day.year)


def long_date(day: date) -> str:
    """Write a date in full: ``mercredi 6 janvier 2027``, ``vendredi 1er janvier 2027``."""
    return _("{weekday} {date}").format(weekday=_weekday_name(day.weekday()), date=short_date(day))


def clock(moment: time | datetime) -> str:
    """Write a time of day the French way: ``8 h 30``, ``10 h``."""
    if moment.minute == 0:
        return together(_("{hour} h").format(hour=moment.hour))
    return together(_("{hour} h {minute:02d}").format(hour=moment.hour, minute=moment.minute))


def date_and_time(moment: datetime) -> str:
    """Write a day and time: ``lundi 28 décembre 2026 à 8 h 30``."""
    return _("{date} à {time}").format(date=long_date(moment.date()), time=clock(moment))


def duration(seconds: float) -> str:
    """Write a call's length: ``45 s``, ``6 min 12 s``, ``1 h 02 min``."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        text = _("{hours} h {minutes:02d} min").format(hours=hours, minutes=minutes)
    elif minutes:
        text = _("{minutes} min {seconds:02d} s").format(minutes=minutes, seconds=secs)
    else:
        text = _("{seconds} s").format(seconds=secs)
    return together(text)
