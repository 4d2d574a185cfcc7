"""One team's data checked on its own: the model, and what it points at in its campaign.

:func:`validate_team` takes a :class:`~campaignkit.loading.Document` (a team file as read,
or any plain dict with positions, such as a row of a sign-up spreadsheet whose positions
are its row and column) and returns the team and every located problem, all at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from campaignkit.explain import explain
from campaignkit.indicators import BUILTIN_IDS
from campaignkit.loading import Document
from campaignkit.model import Campaign, Team
from campaignkit.problems import Problem

#: An action's slug -> the indicator it names (None: it has none), as the team checks need.
ActionIndicators = Mapping[str, str | None]


def did_you_mean(value: str, known: Sequence[str]) -> str:
    """ "Bedoel je 'x'? " for the closest of ``known``, or nothing."""
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"Bedoel je '{close[0]}'? " if close else ""


def validate_team(
    doc: Document, slug: str, actions: ActionIndicators | None = None
) -> tuple[Team | None, list[Problem]]:
    """The team in ``doc`` (its slug given apart, as the file name gives it) and every
    problem in it, located in ``doc``. With ``actions``, each commitment is checked against
    the campaign's actions (``None``: not checked)."""
    problems: list[Problem] = []
    data = doc.data
    if not isinstance(data, dict):
        return None, problems
    team: Team | None = None
    try:
        team = Team.model_validate({**data, "slug": slug})
    except ValidationError as error:
        problems.extend(explain(doc, Team, error))
    if actions is not None:
        problems.extend(_check_commitments(doc, data.get("commitments"), actions))
    return (team if not problems else None), problems


def _check_commitments(doc: Document, commitments: Any, actions: ActionIndicators) -> list[Problem]:
    """References from the raw data, so they are checked even in a file with other problems."""
    if not isinstance(commitments, list):
        return []
    problems = []
    seen: dict[str, int] = {}
    for index, item in enumerate(commitments):
        if not isinstance(item, dict) or not isinstance(item.get("action"), str):
            continue
        action = item["action"]
        loc = ("commitments", index, "action")
        if action not in actions:
            problems.append(
                doc.problem(
                    loc,
                    f"Er is geen actie '{action}'.",
                    did_you_mean(action, list(actions))
                    + f"Er moet een bestand actions/{action}.yml bestaan.",
                )
            )
            continue
        if action in seen:
            line = doc.position(("commitments", seen[action]))[0]
            problems.append(
                doc.problem(
                    loc,
                    f"De actie '{action}' staat twee keer bij deze ploeg (ook op regel {line}).",
                    "Hou één engagement per actie; tel de hoeveelheden samen in 'amount'.",
                )
            )
        seen.setdefault(action, index)
        if item.get("amount") is not None and actions[action] is None:
            problems.append(
                doc.problem(
                    ("commitments", index, "amount"),
                    f"De actie '{action}' telt geen hoeveelheid: ze heeft geen 'indicator'.",
                    f"Verwijder 'amount', of geef actions/{action}.yml een regel "
                    "'indicator: ...' (bv. m2_ontharding).",
                )
            )
    return problems


def action_indicators(action_docs: Mapping[str, Document | None]) -> ActionIndicators:
    """What each action file names as its indicator, read from its raw data (so a file with
    other problems still counts as the action it is)."""
    found: dict[str, str | None] = {}
    for slug, doc in action_docs.items():
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        indicator = data.get("indicator")
        found[slug] = indicator if isinstance(indicator, str) else None
    return found


def indicator_ids(raw_campaign: Any) -> list[str] | None:
    """The ids an action may name as its indicator, from campaign.yml's raw data (None when
    its own indicators cannot be read)."""
    own = raw_campaign.get("indicators", []) if isinstance(raw_campaign, dict) else []
    if not isinstance(own, list) or not all(isinstance(i, dict) for i in own):
        return None
    return [*BUILTIN_IDS, *(str(i.get("id")) for i in own)]


def check_campaign_teams(
    doc: Document, campaign: Campaign, team_slugs: Sequence[str]
) -> list[Problem]:
    """campaign.yml's indicators (no id twice, none a built-in one) and scoreboard winner."""
    problems = []
    seen: dict[str, int] = {}
    for index, own in enumerate(campaign.indicators):
        loc = ("indicators", index, "id")
        if own.id in BUILTIN_IDS:
            problems.append(
                doc.problem(
                    loc,
                    f"'{own.id}' is al een ingebouwde LEKP-indicator.",
                    f"Verwijder dit blok en gebruik 'indicator: {own.id}' bij de acties, of "
                    "geef je eigen indicator een andere id.",
                )
            )
        elif own.id in seen:
            line = doc.position(("indicators", seen[own.id]))[0]
            problems.append(
                doc.problem(
                    loc,
                    f"De indicator-id '{own.id}' komt twee keer voor (ook op regel {line}).",
                    "Geef elke indicator een eigen id.",
                )
            )
        seen.setdefault(own.id, index)
    winner = campaign.scoreboard.winner if campaign.scoreboard else None
    if winner is not None and winner not in team_slugs:
        problems.append(
            doc.problem(
                ("scoreboard", "winner"),
                f"Er is geen ploeg '{winner}'.",
                did_you_mean(winner, team_slugs)
                + f"De winnaar is de bestandsnaam van een ploeg: teams/{winner}.yml moet bestaan.",
            )
        )
    return problems
