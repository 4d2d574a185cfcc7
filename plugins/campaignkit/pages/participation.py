"""What the teams of a campaign do and add up to, as the pages show it on one build date:
the scoreboard, each indicator's total against its target, each action's teams."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from campaignkit import i18n, indicators, scoring
from campaignkit.indicators import IndicatorDefinition
from campaignkit.model import Campaign, Team

#: Indicators counted on the home page.
HOME_INDICATORS = 3


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator: what the teams achieved, against the target when there is one."""

    definition: IndicatorDefinition
    total: float
    share: Fraction | None
    contributions: tuple[scoring.Contribution, ...]

    @property
    def largest(self) -> float:
        """The largest contribution (the full width of a bar chart)."""
        return max((c.amount for c in self.contributions), default=0.0)


@dataclass(frozen=True)
class Participation:
    """The teams of a campaign on one build date."""

    #: What residents call teams: the campaign's ``teams_label`` or the language's word.
    label: str
    board: scoring.Scoreboard
    results: tuple[IndicatorResult, ...]
    #: By action slug: the teams that committed to it (by name) and its counted total.
    teams_of: Mapping[str, tuple[Team, ...]]
    action_totals: Mapping[str, float]
    households: int
    #: By action slug, its title (commitments name actions by slug).
    action_titles: Mapping[str, str]
    #: By action slug, the unit of its indicator's amounts (None: it counts none).
    units: Mapping[str, str | None]
    #: The scoreboard's rule in one sentence (or why there is no ranking).
    rule: str

    @property
    def teams(self) -> tuple[Team, ...]:
        return tuple(s.team for s in self.board.standings)

    @property
    def home_results(self) -> tuple[IndicatorResult, ...]:
        """The indicators counted on the home page: of those with a result, the three most
        teams contribute to (what the most people do together), in the results' order."""
        counted = [r for r in self.results if r.total]
        ranked = sorted(counted, key=lambda r: -len(r.contributions))[:HOME_INDICATORS]
        return tuple(r for r in counted if r in ranked)

    def result(self, indicator_id: str) -> IndicatorResult:
        return next(r for r in self.results if r.definition.id == indicator_id)


def participation(campaign: Campaign, today: date) -> Participation:
    """The teams of ``campaign`` as the pages show them on the build date ``today``."""
    results = tuple(
        IndicatorResult(
            definition=(definition := indicators.definition(campaign, total.indicator)),
            total=total.total,
            share=scoring.share(total.total, definition.target),
            contributions=total.contributions,
        )
        for total in scoring.indicator_totals(campaign)
    )
    teams_of: dict[str, tuple[Team, ...]] = {}
    action_totals: dict[str, float] = {}
    for action in campaign.actions:
        teams, total = scoring.action_total(campaign, action.slug)
        teams_of[action.slug] = tuple(teams)
        action_totals[action.slug] = total
    words = i18n.TEAM_LABELS[campaign.language]
    label = campaign.teams_label or words["teams"]
    board = scoring.scoreboard(campaign, today)
    return Participation(
        label=label,
        board=board,
        results=results,
        teams_of=teams_of,
        action_totals=action_totals,
        households=scoring.households(campaign.teams),
        action_titles={a.slug: a.title for a in campaign.actions},
        units={
            a.slug: indicators.definition(campaign, a.indicator).unit if a.indicator else None
            for a in campaign.actions
        },
        rule=_rule(campaign, board, words),
    )


def _rule(campaign: Campaign, board: scoring.Scoreboard, words: Mapping[str, str]) -> str:
    if campaign.scoreboard is None:
        return words["rule_unranked"]
    if not board.ranked:
        return words["rule_hidden"]
    return words["rule_per_household" if board.rank_by == "per_household" else "rule_total"]
