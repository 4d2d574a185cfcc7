"""Events that repeat: every week, every two weeks or every month, until a day.

The dates follow RFC 5545 (the calendar files carry the same rule as an ``RRULE``), computed
with dateutil's ``rrule``: a monthly event on the 31st skips the months without a 31st, as
calendars do. Each date keeps the start's wall-clock time in Brussels across clock changes,
and lasts as long as the first one (the same end time, or as many days later).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from itertools import islice
from typing import Any, Literal, Protocol, Self, TypeVar

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from pydantic import BaseModel, ConfigDict, Field

from campaignkit.fields import Day, clock_gap_at
from campaignkit.loading import Document
from campaignkit.problems import Problem

__all__ = [
    "MAX_OCCURRENCES",
    "Every",
    "Repeat",
    "occurrences",
    "repeat_problems",
    "rule_starts",
]

Every = Literal["week", "two-weeks", "month"]
#: The most dates one event may have: a rule beyond it is refused.
MAX_OCCURRENCES = 500

_RULES: dict[str, tuple[Literal[1, 2], int]] = {
    "week": (WEEKLY, 1),
    "two-weeks": (WEEKLY, 2),
    "month": (MONTHLY, 1),
}


class Repeat(BaseModel):
    """How an event repeats: from its start, every week, two weeks or month, up to and
    including 'until', without the dates in 'except'."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True
    )

    every: Every
    until: Day
    #: ``except`` in the file (a Python keyword, so not the field's own name).
    skip: tuple[Day, ...] = Field(default=(), alias="except")


class _Repeating(Protocol):
    """What :func:`occurrences` reads of an event (the model's ``Event``)."""

    @property
    def start(self) -> datetime | date: ...
    @property
    def end(self) -> datetime | time | None: ...
    @property
    def repeat(self) -> Repeat | None: ...

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Self: ...


E = TypeVar("E", bound=_Repeating)


def rule_starts(
    start: datetime | date, repeat: Repeat, limit: int = MAX_OCCURRENCES + 1
) -> list[datetime | date]:
    """The starts the rule makes from ``start`` up to ``until``, exceptions included; at most
    ``limit`` of them. Wall-clock times, as the coach wrote the first."""
    freq, interval = _RULES[repeat.every]
    timed = isinstance(start, datetime)
    first = start if isinstance(start, datetime) else datetime.combine(start, time())
    last = datetime.combine(repeat.until, time.max)
    found = islice(rrule(freq, interval=interval, dtstart=first, until=last), limit)
    return [moment if timed else moment.date() for moment in found]


def _day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def occurrences(event: E) -> tuple[E, ...]:
    """Every date of ``event`` as an event of its own, in time order: the event itself when it
    does not repeat. Each copy keeps the rule (so it can say it repeats) and its slug."""
    repeat = event.repeat
    if repeat is None:
        return (event,)
    skipped = set(repeat.skip)
    found = []
    for start in rule_starts(event.start, repeat, MAX_OCCURRENCES):
        if _day(start) in skipped:
            continue
        update: dict[str, Any] = {"start": start}
        if isinstance(event.end, datetime):  # a full end: as many days after the start
            update["end"] = event.end + (_day(start) - _day(event.start))
        found.append(event.model_copy(update=update))
    return tuple(found)


def repeat_problems(doc: Document, start: datetime | date, repeat: Repeat) -> list[Problem]:
    """What is wrong with an event's ``repeat`` given its ``start``, every problem at once."""
    at = ("repeat",)
    if repeat.until < _day(start):
        return [
            doc.problem(
                (*at, "until"),
                f"De herhaling stopt ('until': {repeat.until.isoformat()}) voor de activiteit "
                f"begint ('start': {_day(start).isoformat()}).",
                "Zet 'until' op de laatste dag waarop de activiteit nog plaatsvindt, op of na "
                "'start'.",
            )
        ]
    starts = rule_starts(start, repeat)
    problems = []
    if len(starts) > MAX_OCCURRENCES:
        last = _day(starts[MAX_OCCURRENCES - 1])
        problems.append(
            doc.problem(
                (*at, "until"),
                f"Deze herhaling geeft meer dan {MAX_OCCURRENCES} data.",
                f"Laat ze vroeger stoppen (hooguit 'until: {last.isoformat()}'), of maak er "
                "meerdere activiteiten van.",
            )
        )
    days = [_day(moment) for moment in starts]
    for index, skipped in enumerate(repeat.skip):
        if skipped not in days:
            problems.append(
                doc.problem(
                    (*at, "except", index),
                    f"Op {skipped.isoformat()} valt geen datum van deze activiteit, dus die "
                    "kan niet wegvallen.",
                    _nearest_hint(skipped, days),
                )
            )
    if days and set(days) <= set(repeat.skip):
        problems.append(
            doc.problem(
                (*at, "except"),
                "Alle data van deze activiteit staan bij 'except': er blijft geen over.",
                "Haal minstens één datum weg uit 'except', of verwijder de activiteit.",
            )
        )
    for moment in starts:
        if isinstance(moment, datetime) and (gap := clock_gap_at(moment)):
            problems.append(
                doc.problem(
                    ("start",),
                    f"Op {moment:%Y-%m-%d} bestaat {moment:%H:%M} niet: die nacht springt de "
                    f"klok van {gap[0]} naar {gap[1]}.",
                    "Kies een ander uur, of zet die dag bij 'except' onder 'repeat'.",
                )
            )
    return problems


def _nearest_hint(day: date, days: Sequence[date]) -> str:
    """The dates just before and after ``day``, as examples of dates that can be left out."""
    before = [d for d in days if d < day][-1:]
    after = [d for d in days if d > day][:1]
    near = [d.isoformat() for d in (*before, *after)]
    if not near:
        return "Zet bij 'except' alleen data waarop de activiteit anders zou plaatsvinden."
    return (
        "Zet bij 'except' alleen data waarop de activiteit anders zou plaatsvinden, bv. "
        + " of ".join(near)
        + "."
    )
