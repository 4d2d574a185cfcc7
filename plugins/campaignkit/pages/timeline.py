"""The campaign's phases on a given day: which are over, which one is on, which comes next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from campaignkit.model import Phase

State = Literal["past", "current", "future"]


@dataclass(frozen=True)
class Step:
    phase: Phase
    state: State


@dataclass(frozen=True)
class Timeline:
    """The phases in order, each with its state on ``today``."""

    steps: tuple[Step, ...]
    #: The phase ``today`` falls in (none before the first, after the last or between two).
    current: Phase | None
    #: The first phase that starts after ``today``.
    next: Phase | None


def state(phase: Phase, today: date) -> State:
    """A phase is on from its first day to its last, both included."""
    if phase.end < today:
        return "past"
    return "future" if phase.start > today else "current"


def timeline(phases: Sequence[Phase], today: date) -> Timeline | None:
    """The timeline of ``phases`` (checked to be in order, not overlapping); ``None``
    for a campaign without phases."""
    if not phases:
        return None
    steps = tuple(Step(phase, state(phase, today)) for phase in phases)
    current = next((s.phase for s in steps if s.state == "current"), None)
    upcoming = next((s.phase for s in steps if s.state == "future"), None)
    return Timeline(steps, current, upcoming)
