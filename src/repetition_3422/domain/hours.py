"""When the 3422 answers, and how long the six weeks to oppose still run."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache

import holidays

OPENING = time(8, 30)
"""The line opens at 08:30 (Monday to Friday)."""

CLOSING = time(17, 30)
"""The line closes at 17:30 (one copy of the FAQ says 17:00)."""

OPPOSITION_PERIOD = timedelta(weeks=6)
"""Without opposition, the space opens 6 weeks after the notice was sent (CSP R1111-28)."""

_SEARCH_DAYS = 31
"""Longest stretch searched for the next working day (public holidays never come close)."""


def is_open(at: datetime) -> bool:
    """Whether the line answers at ``at`` (naive local time, Europe/Paris).

    Open Monday to Friday from 08:30 to 17:30, except on French public holidays.
    """
    return is_working_day(at.date()) and OPENING <= at.time() < CLOSING


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a French public holiday."""
    return day.weekday() < 5 and public_holiday_name(day) is None


def public_holiday_name(day: date) -> str | None:
    """The French name of the public holiday on ``day`` (« Lundi de Pâques »), or ``None``."""
    return _holidays(day.year).get(day)


def next_opening(at: datetime) -> datetime:
    """``at`` itself when the line is open, otherwise the next time it opens.

    >>> next_opening(datetime(2025, 5, 28, 18, 0))  # Wednesday evening; Thursday is Ascension
    datetime.datetime(2025, 5, 30, 8, 30)
    """
    if is_open(at):
        return at
    day = at.date() if at.time() < OPENING else at.date() + timedelta(days=1)
    for offset in range(_SEARCH_DAYS):
        candidate = day + timedelta(days=offset)
        if is_working_day(candidate):
            return datetime.combine(candidate, OPENING)
    raise RuntimeError(f"no working day within {_SEARCH_DAYS} days of {day}")  # pragma: no cover


def opposition_deadline(letter_date: date) -> date:
    """The day the space opens unless the person opposes: 6 weeks after the notice was sent.

    Closing the space stays possible at any time after that.
    """
    return letter_date + OPPOSITION_PERIOD


def days_left(letter_date: date, today: date) -> int:
    """Days from ``today`` to :func:`opposition_deadline`: 0 on the day, negative after it."""
    return (opposition_deadline(letter_date) - today).days


@cache
def _holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("FR", years=year, language="fr").items())
