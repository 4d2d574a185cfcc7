"""The example campaigns' teams, built with MkDocs: Asse's scoreboard per household (its
places, ties and totals worked out by hand from its team files), the ranking gone from the
build date ``hide_from`` on, Lier's teams listed without ranking, and every team's flyer."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support.projects import REPO, build_site, make_project

#: Asse's ranking on 1 May 2027, by hand from campaigns/asse/teams/*.yml: points of the done
#: actions (tegels-eruit 2, geveltuinen 1, regenwaterton 1, insectenhotels 1, deelkast 1,
#: gedeelde-moestuin 2, fietsherstel 1, klimaatvriendelijk-straatfeest 1 (its own points),
#: groepsaankoop-dakisolatie 4 (its own points)) per participating household.
ASSE_RANKING = [
    ("1", "Putberg"),  # 4 / 4 = 1
    ("2", "Bosstraat"),  # 3 / 6 = 0.5
    ("2", "Hoogstraat"),  # 4 / 8 = 0.5: a tie, listed by name
    ("4", "Kapellestraat"),  # 2 / 5 = 0.4
    ("5", "Kalkoven"),  # 3 / 9
    ("6", "Lindendries"),  # 3 / 12
    ("7", "Grotenbroek"),  # 4 / 18
    ("8", "Basisschool De Linde"),  # 4 / 120
    ("9", "Nieuwstraat"),  # 0 / 15
]


def _epoch(day: str) -> str:
    return str(int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()))


def _build(project: Path, slug: str, day: str, site: Path) -> Path:
    return build_site(project, site, campaign=slug, epoch=_epoch(day))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("teams") / "project")
    for slug in ("asse", "lier"):
        shutil.copytree(REPO / "campaigns" / slug, root / "campaigns" / slug)
    return root


@pytest.fixture(scope="module")
def asse(project: Path) -> Path:
    return _build(project, "asse", "2027-05-01", project / "site-asse")


def _text(page: str) -> str:
    inline = re.sub(r"</?(a|span|strong|time)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def _ranking(page: str) -> list[tuple[str, str]]:
    cards = re.findall(r'<li class="ck-card ck-team".*?</li>', page, re.S)
    found = []
    for card in cards:
        rank = re.search(r'<span class="ck-rank">(\d+)e plaats</span>', card)
        name = re.search(r'class="ck-card__title"><a [^>]*>([^<]*)</a>', card)
        assert name is not None
        found.append((rank.group(1) if rank else "", html.unescape(name.group(1))))
    return found


def test_asse_ranks_its_streets_per_household(asse: Path) -> None:
    page = (asse / "ploegen" / "index.html").read_text("utf-8")
    assert _ranking(page) == ASSE_RANKING
    assert "<title>Klimaatstraten" in page
    text = _text(page)
    assert "9 in totaal, met samen 197 deelnemende gezinnen." in text  # 18+6+12+4+9+8+15+5+120
    assert "Punten 4 (1 per gezin)" in text  # Putberg
    team = _text((asse / "ploegen" / "hoogstraat" / "index.html").read_text("utf-8"))
    assert "Plaats 2 van 9" in team and "Gezinnen 8 (32% van de 25 gezinnen)" in team


def test_asse_results_against_its_lekp_targets(asse: Path) -> None:
    text = _text((asse / "resultaten" / "index.html").read_text("utf-8"))
    # m²: 42 + 28 + 20 + 85 (Kapellestraat's 15 is only planned); 33,800 inhabitants.
    assert "175 m² samen bereikt" in text
    assert "Klimaatpact: 33.800 m². Dat is 0,5% van het doel." in text
    # renovations: Grotenbroek's 3 under way and Putberg's 2; 0.05 × 14,300 housing units.
    assert "5 renovaties samen bereikt" in text and "715 renovaties. Dat is 0,7%" in text
    # Asse's own indicator and goal.
    assert "1 kasten samen bereikt Het doel van de campagne: 20 kasten. Dat is 5%" in text
    rows = list(
        csv.DictReader(io.StringIO((asse / "resultaten" / "resultaten.csv").read_text("utf-8-sig")))
    )
    onthard = {r["team"]: r["amount"] for r in rows if r["indicator"] == "m2_ontharding"}
    assert onthard == {
        "basisschool-de-linde": "85",
        "grotenbroek": "42",
        "lindendries": "28",
        "hoogstraat": "20",
    }
    home = _text((asse / "index.html").read_text("utf-8"))
    assert "Top drie 1e plaats Putberg: 4 punten (1 per gezin)" in home


def test_every_asse_team_has_its_flyers_in_the_kit(asse: Path) -> None:
    for team in (REPO / "campaigns" / "asse" / "teams").glob("*.yml"):
        for name in ("flyer-a5.pdf", "flyer-a4-2x.pdf", "whatsapp.txt", "brief.docx"):
            assert (asse / "kit" / "ploegen" / team.stem / name).is_file(), (team.stem, name)


def test_from_hide_from_on_the_ranking_is_gone_and_the_totals_stay(project: Path) -> None:
    site = _build(project, "asse", "2027-10-01", project / "site-asse-later")
    for page in ("ploegen/index.html", "index.html", "ploegen/putberg/index.html"):
        text = _text((site / page).read_text("utf-8"))
        assert "e plaats" not in text and "per gezin)" not in text and "Top drie" not in text
    listed = [name for _, name in _ranking((site / "ploegen" / "index.html").read_text("utf-8"))]
    assert listed == sorted(name for _, name in ASSE_RANKING)
    assert "175 m² samen bereikt" in _text((site / "resultaten" / "index.html").read_text("utf-8"))


def test_lier_lists_its_neighbourhoods_without_ranking(project: Path) -> None:
    site = _build(project, "lier", "2027-05-01", project / "site-lier")
    page = (site / "ploegen" / "index.html").read_text("utf-8")
    assert [rank for rank, _ in _ranking(page)] == ["", "", ""]
    assert "alfabetische volgorde" in _text(page)
    results = _text((site / "resultaten" / "index.html").read_text("utf-8"))
    assert "6 renovaties samen bereikt" in results
    assert "Lokaal Energie- en Klimaatpact:" not in results  # Lier gives no inhabitants
    assert (site / "kit" / "ploegen" / "kloosterheide" / "flyer-a5.pdf").is_file()
