"""Opening hours of the 3422 (with French public holidays) and the six weeks to oppose."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from repetition_3422.domain.hours import (
    days_left,
    is_open,
    is_working_day,
    next_opening,
    opposition_deadline,
    public_holiday_name,
)


@pytest.mark.parametrize(
    ("at", "open_"),
    [
        (datetime(2025, 3, 12, 10, 0), True),  # a Wednesday morning
        (datetime(2025, 3, 12, 8, 30), True),  # opening minute
        (datetime(2025, 3, 12, 8, 29), False),
        (datetime(2025, 3, 12, 17, 29), True),
        (datetime(2025, 3, 12, 17, 30), False),  # closing minute: closed
        (datetime(2025, 3, 15, 10, 0), False),  # Saturday
        (datetime(2025, 3, 16, 10, 0), False),  # Sunday
        (datetime(2025, 5, 1, 10, 0), False),  # 1er mai, a Thursday
        (datetime(2025, 5, 29, 10, 0), False),  # Ascension
        (datetime(2025, 4, 21, 10, 0), False),  # Lundi de Pâques
        (datetime(2025, 12, 25, 10, 0), False),  # Noël
    ],
)
def test_is_open(at: datetime, open_: bool) -> None:
    assert is_open(at) is open_


@pytest.mark.parametrize(
    ("at", "opening"),
    [
        (datetime(2025, 3, 12, 10, 0), datetime(2025, 3, 12, 10, 0)),  # open: now
        (datetime(2025, 3, 12, 7, 0), datetime(2025, 3, 12, 8, 30)),  # early: same day
        (datetime(2025, 3, 12, 18, 0), datetime(2025, 3, 13, 8, 30)),  # evening: next day
        (datetime(2025, 3, 14, 17, 30), datetime(2025, 3, 17, 8, 30)),  # Friday: Monday
        (datetime(2025, 3, 15, 12, 0), datetime(2025, 3, 17, 8, 30)),  # Saturday
        (datetime(2025, 5, 28, 18, 0), datetime(2025, 5, 30, 8, 30)),  # Ascension skipped
        (datetime(2025, 4, 18, 18, 0), datetime(2025, 4, 22, 8, 30)),  # Easter weekend
        (datetime(2025, 12, 24, 17, 45), datetime(2025, 12, 26, 8, 30)),
        (datetime(2026, 12, 31, 18, 0), datetime(2027, 1, 4, 8, 30)),  # 1 Jan then weekend
    ],
)
def test_next_opening(at: datetime, opening: datetime) -> None:
    assert next_opening(at) == opening


def test_public_holidays_in_french() -> None:
    assert public_holiday_name(date(2025, 4, 21)) == "Lundi de Pâques"
    assert public_holiday_name(date(2025, 4, 22)) is None
    assert not is_working_day(date(2025, 7, 14))
    assert is_working_day(date(2025, 7, 15))


@pytest.mark.parametrize(
    ("letter", "today", "deadline", "left"),
    [
        (date(2025, 3, 3), date(2025, 3, 3), date(2025, 4, 14), 42),
        (date(2025, 3, 3), date(2025, 4, 13), date(2025, 4, 14), 1),
        (date(2025, 3, 3), date(2025, 4, 14), date(2025, 4, 14), 0),  # the last day
        (date(2025, 3, 3), date(2025, 4, 20), date(2025, 4, 14), -6),  # closure still possible
        (date(2024, 12, 30), date(2025, 1, 1), date(2025, 2, 10), 40),  # across a year
    ],
)
def test_opposition_deadline(letter: date, today: date, deadline: date, left: int) -> None:
    assert opposition_deadline(letter) == deadline
    assert days_left(letter, today) == left
