"""The teams' pages, the results page and its open data, and the teams on home and action
pages, built without MkDocs from a campaign whose numbers are worked out by hand here."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from support.campaigns import MINIMAL, write_campaign

from campaignkit.pages import Site, build_site
from campaignkit.pages.static import TEAMS_STYLESHEET
from campaignkit.urls import HOME, RESULTS, RESULTS_CSV, RESULTS_JSON, TEAMS, action_src, team_src
from campaignkit.validation import load_campaign

TODAY = date(2027, 6, 1)

ACTIONS = {
    # low effort: 1 point; counts m² towards the LEKP's ontharding
    "tegels": {
        "title": "Tegels eruit",
        "summary": "Ontharden.",
        "theme": "water",
        "effort": "low",
        "indicator": "m2_ontharding",
    },
    # 5 points by its own count; counts trees
    "bomen": {
        "title": "Bomen planten",
        "summary": "Plant een boom.",
        "theme": "vergroening",
        "points": "5",
        "indicator": "bomen",
    },
    # high effort: 3 points; no indicator
    "isoleren": {
        "title": "Dak isoleren",
        "summary": "Samen isoleren.",
        "theme": "energie",
        "effort": "high",
    },
}


def _team(name: str, households: str, *commitments: dict[str, str], **more: Any) -> dict[str, Any]:
    return {
        "name": name,
        "households": households,
        "joined": "2027-03-12",
        "commitments": list(commitments),
        **more,
    }


TEAMS_DATA = {
    # done: tegels 1 + isoleren 3 = 4 points; 4 / 2 = 2 per household
    "akkerstraat": _team(
        "Akkerstraat",
        "2",
        {"action": "tegels", "status": "done", "amount": "1240"},
        {"action": "isoleren", "status": "done"},
        households_total="8",
    ),
    # done: tegels 1 + isoleren 3 = 4; 4 / 2 = 2: ties with Akkerstraat
    "beekstraat": _team(
        "Beekstraat",
        "2",
        {"action": "tegels", "status": "done", "amount": "60.5"},
        {"action": "isoleren", "status": "done"},
    ),
    # done: bomen 5 + tegels 1 = 6; 6 / 1 = 6: first
    "cederlaan": _team(
        "Cederlaan",
        "1",
        {"action": "bomen", "status": "done", "amount": "7"},
        {"action": "tegels", "status": "done", "amount": "2"},
    ),
    # nothing done: 0, its 100 m² only planned (not counted), its tree under way (counted)
    "dorpsplein": _team(
        'Dorpsplein <b>"&"</b>',
        "10",
        {"action": "tegels", "status": "planned", "amount": "100"},
        {"action": "bomen", "status": "running", "amount": "3"},
        kind="wijk",
    ),
    # a name a spreadsheet would read as a formula
    "formule": _team(
        "=HYPERLINK(1)", "5", {"action": "isoleren", "status": "planned"}, kind="school"
    ),
}


def _build(
    tmp_path: Path,
    today: date = TODAY,
    teams: dict[str, Any] | None = None,
    **campaign: Any,
) -> Site:
    fields: dict[str, Any] = {
        "municipality": {"inhabitants": "12345", "housing_units": "5430"},
        "scoreboard": {"rank_by": "per_household"},
        "site_url": "https://klimaat.demo.be/",
        **campaign,
    }
    folder = write_campaign(
        tmp_path,
        "demo",
        base=MINIMAL,
        campaign=fields,
        actions=ACTIONS,
        teams=TEAMS_DATA if teams is None else teams,
    )
    return build_site(load_campaign(folder), base_url="https://klimaat.demo.be/", today=today)


_INLINE = re.compile(r"</?(a|span|strong|em|time|code)\b[^>]*>")


def _text(html: str) -> str:
    """The page's text as a reader gets it: tags gone (a block's as a space), entities read,
    spaces folded (a narrow no-break space too)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", _INLINE.sub("", html))).split())


def _cards(html: str) -> list[str]:
    return [_text(card) for card in re.findall(r'<li class="ck-card ck-team".*?</li>', html, re.S)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("teams"))


def test_the_team_list_is_in_the_navigation_under_its_label(tmp_path: Path, site: Site) -> None:
    page = site.page(TEAMS)
    assert (page.in_nav, page.nav_title, page.url) == (True, "Ploegen", "ploegen/")
    assert TEAMS_STYLESHEET in site.stylesheets
    labelled = _build(tmp_path, teams_label="Klimaatstraten")
    assert labelled.page(TEAMS).nav_title == "Klimaatstraten"
    french = _build(tmp_path / "fr", language="fr")
    assert french.page(TEAMS).nav_title == "Équipes"


def test_ranks_ties_and_points_per_household(site: Site) -> None:
    cards = _cards(site.page(TEAMS).html)
    # Cederlaan 6; Akkerstraat and Beekstraat 2 each share place 2, by name; then 4 and 5.
    order = [re.search(r"(\d)e plaats (\S+)", card).groups() for card in cards]  # type: ignore[union-attr]
    # Both teams with nothing done share place 4, listed by name ('=' sorts before 'D').
    assert order == [
        ("1", "Cederlaan"),
        ("2", "Akkerstraat"),
        ("2", "Beekstraat"),
        ("4", "=HYPERLINK(1)"),
        ("4", "Dorpsplein"),
    ]
    assert "Punten 6 (6 per gezin)" in cards[0]
    assert "Punten 4 (2 per gezin)" in cards[1]
    assert "Gezinnen 2 (25% van de 8 gezinnen)" in cards[1]
    assert "Gedaan Tegels eruit, Dak isoleren" in cards[1]
    assert "Bezig Bomen planten Gepland Tegels eruit Punten 0 (0 per gezin)" in cards[4]
    rule = _text(site.page(TEAMS).html)
    assert "gedeeld door het aantal deelnemende gezinnen" in rule


def test_every_team_is_in_the_list_without_javascript_with_its_filter_values(site: Site) -> None:
    html = site.page(TEAMS).html
    assert len(_cards(html)) == len(TEAMS_DATA)
    assert re.search(r'<form class="ck-filter" data-ck-filter="ck-teams"[^>]* hidden', html)
    assert 'name="kind" value="straat"' in html and 'name="kind" value="school"' in html
    assert 'name="action" value="bomen"' in html
    assert 'data-kind="wijk" data-action="tegels bomen"' in html


def test_team_text_is_escaped(site: Site) -> None:
    html = site.page(TEAMS).html + site.page(team_src("dorpsplein")).html
    assert "<b>" not in html
    assert "Dorpsplein &lt;b&gt;&#34;&amp;&#34;&lt;/b&gt;" in html


def test_a_team_page_lists_its_commitments_linked_to_their_actions(site: Site) -> None:
    html = site.page(team_src("akkerstraat")).html
    text = _text(html)
    assert '<a href="../../acties/tegels/">Tegels eruit</a>' in html
    assert "Gedaan 1.240 m² 1 punt" in text
    assert "Dak isoleren Gedaan 3 punten" in text
    assert "Punten 4 (2 per gezin)" in text
    assert "Plaats 2 van 5" in text


def test_the_results_page_totals_targets_and_shares(site: Site) -> None:
    text = _text(site.page(RESULTS).html)
    # m²: 1240 + 60.5 + 2 = 1302.5 (Dorpsplein's 100 is only planned); target 12,345.
    assert "1.302,5 m² samen bereikt" in text
    assert "in het Lokaal Energie- en Klimaatpact: 12.345 m². Dat is 11% van het doel." in text
    # trees: 7 done + 3 under way = 10 of 12,345: 0.08 %, written as 0,1 %.
    assert "10 bomen samen bereikt" in text
    assert "12.345 bomen. Dat is 0,1% van het doel." in text
    assert re.search(r"Akkerstraat 1\.240 .*Beekstraat 60,5 .*Cederlaan 2", text)


def test_a_target_needs_the_municipality_s_number(tmp_path: Path) -> None:
    site = _build(tmp_path, municipality={"inhabitants": None})
    text = _text(site.page(RESULTS).html)
    assert "1.302,5 m² samen bereikt" in text
    assert "Lokaal Energie- en Klimaatpact:" not in text


def test_open_data_csv_and_json(site: Site) -> None:
    raw = site.asset(RESULTS_CSV).content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "indicator",
        "indicator_title",
        "unit",
        "source",
        "target",
        "total",
        "share",
        "team",
        "team_name",
        "team_kind",
        "households",
        "amount",
    ]
    onthard = [r for r in rows if r["indicator"] == "m2_ontharding"]
    assert [(r["team"], r["amount"]) for r in onthard] == [
        ("akkerstraat", "1240"),
        ("beekstraat", "60.5"),
        ("cederlaan", "2"),
    ]
    assert {(r["target"], r["total"], r["share"]) for r in onthard} == {
        ("12345", "1302.5", str(round(1302.5 / 12345, 6)))
    }
    data = json.loads(site.asset(RESULTS_JSON).content)
    assert data["municipality"] == {"name": "Demo", "inhabitants": 12345, "housing_units": 5430}
    bomen = next(i for i in data["indicators"] if i["id"] == "bomen")
    assert (bomen["total"], bomen["target"], bomen["source"]) == (10, 12345, "lekp")
    assert [(c["team"], c["amount"]) for c in bomen["contributions"]] == [
        ("cederlaan", 7),
        ("dorpsplein", 3),
    ]


def test_csv_cells_cannot_carry_formulas(tmp_path: Path) -> None:
    teams = {
        slug: _team(name, "1", {"action": "tegels", "status": "done", "amount": "1"})
        for slug, name in {
            "is": "=SUM(A1)",
            "plus": "+32",
            "min": "-2",
            "at": "@cmd",
            "gewoon": "Gewoon",
        }.items()
    }
    site = _build(tmp_path, teams=teams)
    rows = list(csv.DictReader(io.StringIO(site.asset(RESULTS_CSV).content.decode("utf-8-sig"))))
    names = {r["team"]: r["team_name"] for r in rows}
    assert names == {
        "is": "'=SUM(A1)",
        "plus": "'+32",
        "min": "'-2",
        "at": "'@cmd",
        "gewoon": "Gewoon",
    }
    # JSON is not read by spreadsheets: it keeps the names as they are.
    data = json.loads(site.asset(RESULTS_JSON).content)
    onthard = next(i for i in data["indicators"] if i["id"] == "m2_ontharding")
    assert {c["team_name"] for c in onthard["contributions"]} == {
        "=SUM(A1)",
        "+32",
        "-2",
        "@cmd",
        "Gewoon",
    }


def test_home_counts_and_top_three(site: Site) -> None:
    text = _text(site.page(HOME).html)
    # 5 teams, 2 + 2 + 1 + 10 + 5 = 20 households, and the indicators' totals.
    assert "5 Ploegen 20 deelnemende gezinnen" in text
    assert "1.302,5 m² Ontharding" in text and "10 bomen Bomen" in text
    assert re.search(
        r"Top drie 1e plaats Cederlaan: 6 punten \(6 per gezin\) "
        r"2e plaats Akkerstraat: 4 punten \(2 per gezin\) "
        r"2e plaats Beekstraat: 4 punten \(2 per gezin\)",
        text,
    )


def test_an_action_page_shows_its_teams_and_total(site: Site) -> None:
    text = _text(site.page(action_src("tegels")).html)
    assert "Ploegen die meedoen 1.302,5 m² samen bereikt" in text
    assert "Akkerstraat Gedaan 1.240 m² Beekstraat Gedaan 60,5 m²" in text
    assert 'Dorpsplein <b>"&"</b> Gepland 100 m²' in text


def test_the_ranking_hides_from_its_date_and_the_winner_shows(tmp_path: Path) -> None:
    board = {"rank_by": "per_household", "hide_from": "2027-10-01", "winner": "beekstraat"}
    before = _build(tmp_path / "before", date(2027, 9, 30), scoreboard=board)
    after = _build(tmp_path / "after", date(2027, 10, 1), scoreboard=board)
    assert "1e plaats" in before.page(TEAMS).html
    for page in (TEAMS, HOME, team_src("akkerstraat")):
        text = _text(after.page(page).html)
        assert "e plaats" not in text and "Punten" not in text and "per gezin" not in text
        assert "Top drie" not in text
    listed = re.findall(r'class="ck-card__title"><a [^>]*>([^<]*)<', after.page(TEAMS).html)
    # By name, not in the hidden order.
    assert listed == [
        "=HYPERLINK(1)",
        "Akkerstraat",
        "Beekstraat",
        "Cederlaan",
        "Dorpsplein &lt;b&gt;&#34;&amp;&#34;&lt;/b&gt;",
    ]
    assert "de winnaar wordt binnenkort bekendgemaakt" in _text(after.page(TEAMS).html)
    for site in (before, after):
        for page in (HOME, TEAMS):
            assert "Winnaar: Beekstraat" in _text(site.page(page).html)
    # The totals stay.
    assert "1.302,5 m² samen bereikt" in _text(after.page(RESULTS).html)


def test_without_a_scoreboard_teams_are_listed_not_ranked(tmp_path: Path) -> None:
    site = _build(tmp_path, scoreboard=None)
    html = site.page(TEAMS).html
    assert "e plaats" not in html and "Punten" not in html
    assert "alfabetische volgorde" in _text(html)
    assert "Top drie" not in site.page(HOME).html


def test_numbers_as_french_and_english_write_them(tmp_path: Path) -> None:
    french = _build(tmp_path / "fr", language="fr").page(RESULTS).html
    assert "1\u202f302,5 m²</strong> réalisés ensemble" in french
    english = _text(_build(tmp_path / "en", language="en").page(RESULTS).html)
    assert "1,302.5 m² achieved together" in english


def test_a_campaign_without_teams_has_none_of_it(tmp_path: Path) -> None:
    site = _build(tmp_path, teams={}, scoreboard=None)
    sources = {p.src_uri for p in site.pages}
    assert TEAMS not in sources and RESULTS not in sources
    assert TEAMS_STYLESHEET not in site.stylesheets
    assert "ck-participation" not in site.page(HOME).html


def test_a_team_page_lists_the_news_that_names_it(tmp_path: Path) -> None:
    folder = write_campaign(
        tmp_path,
        "demo",
        base=MINIMAL,
        campaign={"site_url": "https://klimaat.demo.be/"},
        actions=ACTIONS,
        teams=TEAMS_DATA,
        news={
            "tegels-weg": {
                "title": "De Akkerstraat haalde de tegels weg",
                "date": TODAY.isoformat(),
                "summary": "Een halve straat onthard.",
                "teams": ["akkerstraat"],
            },
        },
    )
    site = build_site(load_campaign(folder), base_url="https://klimaat.demo.be/", today=TODAY)
    named = _text(site.page(team_src("akkerstraat")).html)
    assert "Nieuws over deze ploeg 1 juni 2027 De Akkerstraat haalde de tegels weg" in named
    assert "De Akkerstraat haalde de tegels weg" not in _text(
        site.page(team_src("beekstraat")).html
    )
