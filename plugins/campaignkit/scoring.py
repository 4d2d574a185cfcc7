"""Teams' points, the scoreboard and what the teams add up to, as pure functions.

A team's points are the sum of the points of the actions it has done (status ``done``);
per household they are divided by its participating households, exactly (fractions, so
that 2/6 and 1/3 tie). Teams are ranked highest first; equal values share a rank
(1, 2, 2, 4) and are listed by name. From ``hide_from`` on the ranking is not shown and
teams are listed by name (an order by points would still show it); the winner is shown
once it is set. Amounts count towards their action's indicator when the
commitment is ``done`` or ``running`` (a planned amount is a promise, not yet a result).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from campaignkit.model import Campaign, Team

#: Statuses whose amounts count towards the totals.
COUNTED = ("done", "running")


@dataclass(frozen=True)
class Standing:
    """One team on the scoreboard."""

    team: Team
    points: int
    per_household: Fraction
    #: 1 for the first; None when the ranking is not shown.
    rank: int | None


@dataclass(frozen=True)
class Scoreboard:
    """The teams in the order a page lists them, and what of the ranking is shown."""

    standings: tuple[Standing, ...]
    #: Whether ranks are shown (a scoreboard is set and its ``hide_from`` has not come).
    ranked: bool
    rank_by: str | None
    winner: Team | None

    def top(self, count: int = 3) -> tuple[Standing, ...]:
        """The first ``count`` places (more when a tie straddles the last), if ranked."""
        if not self.ranked:
            return ()
        return tuple(s for s in self.standings if s.rank is not None and s.rank <= count)

    def standing(self, slug: str) -> Standing:
        return next(s for s in self.standings if s.team.slug == slug)


def name_key(name: str) -> tuple[str, str]:
    """Sorts names as people read them: accents and case aside (Élise with Elise)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return (plain.casefold(), name)


def team_points(campaign: Campaign, team: Team) -> int:
    """The points of the actions ``team`` has done."""
    return sum(campaign.action(c.action).score for c in team.commitments if c.status == "done")


def scoreboard(campaign: Campaign, today: date) -> Scoreboard:
    """The scoreboard of ``campaign`` on the build date ``today``."""
    settings = campaign.scoreboard
    ranked = settings is not None and (settings.hide_from is None or today < settings.hide_from)
    rows = []
    for team in campaign.teams:
        points = team_points(campaign, team)
        rows.append((team, points, Fraction(points, team.households)))
    rank_by = settings.rank_by if settings else None

    def value(row: tuple[Team, int, Fraction]) -> Fraction:
        return Fraction(row[1]) if rank_by == "total" else row[2]

    if not ranked:  # listed by value, a hidden ranking could still be read off the order
        rows.sort(key=lambda row: name_key(row[0].name))
    else:
        rows.sort(key=lambda row: (-value(row), name_key(row[0].name)))
    standings: list[Standing] = []
    for index, row in enumerate(rows):
        rank: int | None = None
        if ranked:
            tied = index > 0 and value(rows[index - 1]) == value(row)
            rank = standings[index - 1].rank if tied else index + 1
        standings.append(Standing(row[0], row[1], row[2], rank))
    winner_slug = settings.winner if settings else None
    winner = campaign.team(winner_slug) if winner_slug else None
    return Scoreboard(tuple(standings), ranked, rank_by, winner)


@dataclass(frozen=True)
class Contribution:
    team: Team
    amount: float


@dataclass(frozen=True)
class IndicatorTotal:
    """What the teams achieved towards one indicator."""

    indicator: str
    total: float
    #: Each team with an amount counted, most first, then by name.
    contributions: tuple[Contribution, ...]


def indicators_used(campaign: Campaign) -> list[str]:
    """The indicators the campaign's actions name, in the order of the actions."""
    return list(dict.fromkeys(a.indicator for a in campaign.actions if a.indicator))


def indicator_totals(campaign: Campaign) -> list[IndicatorTotal]:
    """Per indicator used: the amounts of counted commitments, summed, and per team."""
    indicator_of = {a.slug: a.indicator for a in campaign.actions}
    result = []
    for indicator in indicators_used(campaign):
        per_team = []
        for team in campaign.teams:
            amount = sum(
                c.amount
                for c in team.commitments
                if c.amount is not None
                and c.status in COUNTED
                and indicator_of.get(c.action) == indicator
            )
            if amount:
                per_team.append(Contribution(team, float(amount)))
        per_team.sort(key=lambda c: (-c.amount, name_key(c.team.name)))
        total = float(sum(c.amount for c in per_team))
        result.append(IndicatorTotal(indicator, total, tuple(per_team)))
    return result


def action_total(campaign: Campaign, action_slug: str) -> tuple[list[Team], float]:
    """The teams that committed to an action (by name), and its counted amounts, summed."""
    teams = [t for t in campaign.teams if any(c.action == action_slug for c in t.commitments)]
    teams.sort(key=lambda t: name_key(t.name))
    total = sum(
        c.amount
        for t in teams
        for c in t.commitments
        if c.action == action_slug and c.amount is not None and c.status in COUNTED
    )
    return teams, float(total)


def share(total: float, target: float | None) -> Fraction | None:
    """``total`` as a share of ``target`` (may exceed 1), or None without a target."""
    if not target:
        return None
    return Fraction(total).limit_denominator(10**6) / Fraction(target).limit_denominator(10**6)


def households(teams: Sequence[Team]) -> int:
    return sum(t.households for t in teams)
