"""A portal build split over several machines: shard ``k/N`` builds every N-th campaign."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SHARD = re.compile(r"(\d+)/(\d+)")


@dataclass(frozen=True)
class Shard:
    """Part ``index`` of ``total`` (1-based)."""

    index: int
    total: int

    def select(self, slugs: Iterable[str]) -> list[str]:
        """This part's campaigns: sorted by slug and dealt round-robin, so the parts of one
        portal are about equally large and together hold every campaign once."""
        ordered = sorted(slugs)
        return [
            slug for position, slug in enumerate(ordered) if position % self.total == self.index - 1
        ]

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


def parse_shard(spec: str) -> Shard:
    """The shard ``k/N`` (1 ≤ k ≤ N) that ``spec`` names; a :class:`ValueError` that says
    in Dutch what is wrong when it names none."""
    match = _SHARD.fullmatch(spec.strip())
    if not match:
        raise ValueError(f"'{spec}' is geen shard: schrijf deel/aantal, bv. 2/8 (deel 2 van 8).")
    index, total = int(match[1]), int(match[2])
    if total < 1:
        raise ValueError(f"'{spec}' is geen shard: het aantal delen moet minstens 1 zijn.")
    if not 1 <= index <= total:
        raise ValueError(f"'{spec}' is geen shard: het deel moet tussen 1 en {total} liggen.")
    return Shard(index, total)
