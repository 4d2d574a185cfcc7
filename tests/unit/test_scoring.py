"""Points, ranks, ties, the hidden ranking, the winner, indicator totals and LEKP targets,
against numbers worked out by hand."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from support.campaigns import MINIMAL, campaign_model

from campaignkit import indicators, scoring
from campaignkit.model import Campaign

ACTIONS = {
    "licht": {
        "title": "Ledlampen",
        "summary": "Vervang je lampen.",
        "theme": "energie",
        "effort": "low",
    },  # 1 point
    "isoleren": {
        "title": "Dak isoleren",
        "summary": "Isoleer je dak.",
        "theme": "energie",
        "effort": "high",
    },  # 3 points
    "tegels": {
        "title": "Tegels eruit",
        "summary": "Ontharden.",
        "theme": "water",
        "effort": "low",
        "points": "5",
        "indicator": "m2_ontharding",
    },  # 5 points
    "bomen": {
        "title": "Bomen planten",
        "summary": "Plant een boom.",
        "theme": "vergroening",
        "indicator": "bomen",
    },  # no effort: 1 point
}


def _team(name: str, households: int, *commitments: tuple[str, str, str | None]) -> dict[str, Any]:
    return {
        "name": name,
        "households": str(households),
        "joined": "2027-03-12",
        "commitments": [
            {"action": a, "status": s, **({"amount": amount} if amount else {})}
            for a, s, amount in commitments
        ],
    }


TEAMS = {
    # done: licht 1 + isoleren 3 = 4 points; 4 / 2 = 2 per household
    "akkerstraat": _team(
        "Akkerstraat",
        2,
        ("licht", "done", None),
        ("isoleren", "done", None),
        ("bomen", "running", "1"),
    ),
    # done: tegels 5 + isoleren 3 = 8; 8 / 4 = 2
    "beekstraat": _team("Beekstraat", 4, ("tegels", "done", "20"), ("isoleren", "done", None)),
    # done: all four, 3 + 1 + 5 + 1 = 10; 10 / 2 = 5
    "cederlaan": _team(
        "Cederlaan",
        2,
        ("isoleren", "done", None),
        ("licht", "done", None),
        ("tegels", "done", "30"),
        ("bomen", "done", "2"),
    ),
    # done: tegels 5 (isoleren only running); 5 / 3
    "dorpstraat": _team("Dorpstraat", 3, ("tegels", "done", "12.5"), ("isoleren", "running", None)),
    # done: bomen 1 (tegels only planned: its 100 m² is not counted); 1 / 1 = 1
    "elisastraat": _team("Élisastraat", 1, ("bomen", "done", "3"), ("tegels", "planned", "100")),
}


def _campaign(scoreboard: dict[str, Any] | None = None, **campaign: Any) -> Campaign:
    fields: dict[str, Any] = dict(campaign)
    if scoreboard is not None:
        fields["scoreboard"] = scoreboard
    return campaign_model(base=MINIMAL, campaign=fields, actions=ACTIONS, teams=TEAMS)


def _table(board: scoring.Scoreboard) -> list[tuple[int | None, str, int, Fraction]]:
    return [(s.rank, s.team.name, s.points, s.per_household) for s in board.standings]


def test_points_are_the_done_actions_points() -> None:
    campaign = _campaign()
    assert {t.slug: scoring.team_points(campaign, t) for t in campaign.teams} == {
        "akkerstraat": 4,
        "beekstraat": 8,
        "cederlaan": 10,
        "dorpstraat": 5,
        "elisastraat": 1,
    }


def test_per_household_ties_share_a_rank_and_are_listed_by_name() -> None:
    board = scoring.scoreboard(_campaign({"rank_by": "per_household"}), date(2027, 6, 1))
    assert board.ranked
    assert _table(board) == [
        (1, "Cederlaan", 10, Fraction(5)),
        (2, "Akkerstraat", 4, Fraction(2)),
        (2, "Beekstraat", 8, Fraction(2)),
        (4, "Dorpstraat", 5, Fraction(5, 3)),
        (5, "Élisastraat", 1, Fraction(1)),
    ]
    assert [s.team.slug for s in board.top(3)] == ["cederlaan", "akkerstraat", "beekstraat"]


def test_ranked_by_total() -> None:
    board = scoring.scoreboard(_campaign({"rank_by": "total"}), date(2027, 6, 1))
    assert [(s.rank, s.team.name) for s in board.standings] == [
        (1, "Cederlaan"),
        (2, "Beekstraat"),
        (3, "Dorpstraat"),
        (4, "Akkerstraat"),
        (5, "Élisastraat"),
    ]


def test_exact_fractions_tie() -> None:
    # 2 points for 6 households and 1 point for 3 are the same third, not 0.333 and 0.334.
    teams = {
        "zes": _team("Zes", 6, ("licht", "done", None), ("bomen", "done", None)),
        "drie": _team("Drie", 3, ("licht", "done", None)),
        "een": _team("Een", 1),
    }
    campaign = campaign_model(
        base=MINIMAL, campaign={"scoreboard": {}}, actions=ACTIONS, teams=teams
    )
    board = scoring.scoreboard(campaign, date(2027, 6, 1))
    assert [(s.rank, s.team.name) for s in board.standings] == [(1, "Drie"), (1, "Zes"), (3, "Een")]


def test_without_a_scoreboard_teams_are_listed_by_name_unranked() -> None:
    board = scoring.scoreboard(_campaign(), date(2027, 6, 1))
    assert not board.ranked
    assert board.top() == ()
    assert [(s.rank, s.team.name) for s in board.standings] == [
        (None, "Akkerstraat"),
        (None, "Beekstraat"),
        (None, "Cederlaan"),
        (None, "Dorpstraat"),
        (None, "Élisastraat"),
    ]


def test_the_ranking_hides_from_its_date_and_the_winner_shows_once_set() -> None:
    settings = {"hide_from": "2027-10-01", "winner": "dorpstraat"}
    campaign = _campaign(settings)
    before = scoring.scoreboard(campaign, date(2027, 9, 30))
    on_the_day = scoring.scoreboard(campaign, date(2027, 10, 1))
    assert before.ranked and before.standings[0].rank == 1
    assert not on_the_day.ranked
    assert [s.rank for s in on_the_day.standings] == [None] * 5
    # Listed by name, so the order does not give the hidden ranking away.
    assert on_the_day.standings[0].team.name == "Akkerstraat"
    assert before.winner is not None and before.winner.slug == "dorpstraat"
    assert on_the_day.winner is not None and on_the_day.winner.slug == "dorpstraat"
    assert scoring.scoreboard(_campaign({}), date(2027, 6, 1)).winner is None


def test_indicator_totals_count_done_and_running_amounts() -> None:
    totals = {t.indicator: t for t in scoring.indicator_totals(_campaign())}
    assert list(totals) == ["m2_ontharding", "bomen"]  # in the order of the actions
    ontharding = totals["m2_ontharding"]
    assert ontharding.total == 62.5  # 20 + 30 + 12.5; Élisastraat's 100 is only planned
    assert [(c.team.name, c.amount) for c in ontharding.contributions] == [
        ("Cederlaan", 30.0),
        ("Beekstraat", 20.0),
        ("Dorpstraat", 12.5),
    ]
    bomen = totals["bomen"]
    assert bomen.total == 6  # 3 + 2 + 1 (Akkerstraat's is running)
    assert [(c.team.name, c.amount) for c in bomen.contributions] == [
        ("Élisastraat", 3.0),
        ("Cederlaan", 2.0),
        ("Akkerstraat", 1.0),
    ]


def test_an_action_s_teams_and_total() -> None:
    teams, total = scoring.action_total(_campaign(), "tegels")
    assert [t.name for t in teams] == ["Beekstraat", "Cederlaan", "Dorpstraat", "Élisastraat"]
    assert total == 62.5


def test_lekp_targets_for_given_numbers() -> None:
    # 12,345 inhabitants and 5,430 housing units, by hand (halves round up):
    expected = {
        "bomen": 12345,
        "m_haag": 6173,  # 6172.5
        "natuurgroenperken": 12,  # 12.345
        "m2_ontharding": 12345,
        "m3_hemelwater": 12345,
        "m_fietspad": 12345,
        "laadequivalenten": 185,  # 185.175
        "deelpunten": 12,
        "renovaties_collectief": 272,  # 271.5
        "renovaties_fossielvrij": 136,  # 135.75
        "kw_participatief": 889,  # 888.84
        "klimaattafel_uitnodigingen": 272,  # 271.5
    }
    found = {i: indicators.lekp_target(i, 12345, 5430) for i in indicators.BUILTIN_IDS}
    assert found == expected
    # Berlaar publishes 179 charging equivalents for its 11,949 inhabitants.
    assert indicators.lekp_target("laadequivalenten", 11949, None) == 179


def test_a_target_needs_its_number() -> None:
    assert indicators.lekp_target("bomen", None, 5430) is None
    assert indicators.lekp_target("renovaties_collectief", 12345, None) is None
    campaign = _campaign(municipality={"inhabitants": "12345"})
    bomen = indicators.definition(campaign, "bomen")
    assert (bomen.title, bomen.unit, bomen.target) == ("Bomen", "bomen", 12345)
    assert indicators.definition(campaign, "renovaties_collectief").target is None


def test_indicators_in_the_campaign_language_and_its_own() -> None:
    own = [{"id": "deelkasten", "title": "Deelkasten", "unit": "kasten", "goal": "25"}]
    campaign = _campaign(language="fr", indicators=own)
    assert indicators.definition(campaign, "m2_ontharding").title == "Désimperméabilisation"
    kasten = indicators.definition(campaign, "deelkasten")
    assert (kasten.title, kasten.unit, kasten.target, kasten.source) == (
        "Deelkasten",
        "kasten",
        25.0,
        "campaign",
    )


def test_share_of_a_target() -> None:
    assert scoring.share(62.5, 250) == Fraction(1, 4)
    assert scoring.share(300, 250) == Fraction(6, 5)
    assert scoring.share(10, None) is None
