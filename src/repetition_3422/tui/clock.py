"""Time for the app: a clock on the event loop, and a hand-driven one for tests."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

Callback = Callable[[], None]


class Ticket(Protocol):
    """A scheduled callback that can be called off."""

    def cancel(self) -> None:
        """Do not run the callback (again)."""


class Clock(Protocol):
    """Every timer of the app goes through this, so tests can drive time by hand."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back."""

    def wall(self) -> datetime:
        """The local date and time (dates of attempts in the history)."""

    def call_every(self, seconds: float, callback: Callback) -> Ticket:
        """Run ``callback`` every ``seconds`` until the ticket is cancelled."""


class LoopClock:
    """The real clock: callbacks run on the running asyncio loop (Textual's)."""

    def monotonic(self) -> float:
        """Seconds from :func:`time.monotonic`."""
        return time.monotonic()

    def wall(self) -> datetime:
        """The local date and time, to the second."""
        return datetime.now().replace(microsecond=0)

    def call_every(self, seconds: float, callback: Callback) -> Ticket:
        """Repeat ``callback`` on the running loop."""
        return _LoopTicket(asyncio.get_running_loop(), seconds, callback)


class _LoopTicket:
    def __init__(self, loop: asyncio.AbstractEventLoop, seconds: float, callback: Callback) -> None:
        self._loop = loop
        self._seconds = seconds
        self._callback = callback
        # Deadlines are counted from the start, so a slow callback does not make the timer drift.
        self._next = loop.time() + seconds
        self._handle = loop.call_at(self._next, self._fire)

    def _fire(self) -> None:
        self._next += self._seconds
        self._handle = self._loop.call_at(max(self._next, self._loop.time()), self._fire)
        self._callback()

    def cancel(self) -> None:
        self._handle.cancel()


@dataclass(order=True)
class _Entry:
    due: float
    order: int
    ticket: ManualTicket = field(compare=False)


class ManualTicket:
    """A repeating callback of a :class:`ManualClock`."""

    def __init__(self, seconds: float, callback: Callback) -> None:
        self.seconds = seconds
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        """Stop firing."""
        self.cancelled = True


class ManualClock:
    """A clock that moves only when :meth:`advance` is called (tests, benchmarks).

    Args:
        start: The wall-clock time at which the clock starts.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._now = 0.0
        self._start = start or datetime(2025, 3, 3, 10, 0, 0)
        self._queue: list[_Entry] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        """Seconds advanced so far."""
        return self._now

    def wall(self) -> datetime:
        """The start date and time plus the seconds advanced."""
        return self._start + timedelta(seconds=round(self._now))

    def call_every(self, seconds: float, callback: Callback) -> Ticket:
        """Schedule ``callback`` every ``seconds`` of advanced time."""
        ticket = ManualTicket(seconds, callback)
        heapq.heappush(self._queue, _Entry(self._now + seconds, next(self._order), ticket))
        return ticket

    @property
    def pending(self) -> int:
        """How many live timers there are."""
        return sum(1 for entry in self._queue if not entry.ticket.cancelled)

    def advance(self, seconds: float) -> None:
        """Move time forward, firing every callback that falls due, in order."""
        end = self._now + seconds
        while self._queue and self._queue[0].due <= end:
            entry = heapq.heappop(self._queue)
            if entry.ticket.cancelled:
                continue
            self._now = entry.due
            heapq.heappush(
                self._queue,
                _Entry(entry.due + entry.ticket.seconds, next(self._order), entry.ticket),
            )
            entry.ticket.callback()
        self._now = end
