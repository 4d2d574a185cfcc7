"""A form submitted on GitHub, all the way to the site: the issue body GitHub writes ->
``campaignkit from-issue`` -> the validated campaign -> ``mkdocs build --strict`` -> the new
pages show what was typed, escaped."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support.issue_forms import contribution_repo, option, public, render, submit, template
from support.projects import build_site, make_project

from campaignkit.forms.spec import FORMS

EPOCH = str(int(datetime(2027, 5, 1, 12, tzinfo=UTC).timestamp()))
EVENT_TITLE = "Repair & <script>alert(1)</script>: #1 --- !x"
LABELS = {form.kind: form.label for form in FORMS}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("contribution") / "project")
    contribution_repo(project)
    forms = project / ".github" / "ISSUE_TEMPLATE"
    event, team, news = (template(n, forms) for n in ("activiteit.yml", "ploeg.yml", "nieuws.yml"))
    runs = [
        submit(
            project,
            render(
                event,
                {
                    "campaign": option(event, "campaign", "zonnebeke"),
                    "title": EVENT_TITLE,
                    "start": "2027-05-22 14:00",
                    "end": "17:00",
                    "location_name": "Zaal 't Kasteel",
                    "location_address": "Kasteelstraat 2, 8980 Zonnebeke",
                    "description": "Breng je **kapotte** spullen mee.",
                    "actions": [option(event, "actions", "zonnebeke/geveltuin")],
                    "openbaar": public(event),
                },
            ),
            [LABELS["event"]],
            number=1,
        ),
        submit(
            project,
            render(
                team,
                {
                    "campaign": option(team, "campaign", "zonnebeke"),
                    "name": "Molenstraat",
                    "households": "14",
                    "commitments": [option(team, "commitments", "zonnebeke/geveltuin")],
                    "openbaar": public(team),
                },
            ),
            [LABELS["team"]],
            number=2,
        ),
        submit(
            project,
            render(
                news,
                {
                    "campaign": option(news, "campaign", "zonnebeke"),
                    "title": "De Molenstraat doet mee",
                    "date": "2027-04-21",
                    "summary": "Veertien gezinnen.",
                    "teams": [option(news, "teams", "zonnebeke/kerkstraat")],
                    "body": "Welkom aan de **Molenstraat**!",
                    "openbaar": public(news),
                },
            ),
            [LABELS["news"]],
            number=3,
        ),
    ]
    assert [run.code for run in runs] == [0, 0, 0], [run.comment for run in runs]
    return build_site(project, project / "site", campaign="zonnebeke", epoch=EPOCH)


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_new_event_has_its_page_with_the_typed_values(site: Path) -> None:
    text = page(site, "agenda/repair-script-alert-1-script-1-x/index.html")
    assert "<script>alert(1)</script>" not in text
    assert html.escape(EVENT_TITLE, quote=False) in text
    assert "Zaal &#39;t Kasteel" in text or "Zaal 't Kasteel" in text
    assert "<strong>kapotte</strong>" in text
    assert "14:00" in text
    assert "repair-script-alert-1-script-1-x" in page(site, "agenda/index.html")


def test_the_new_team_and_news_item_have_their_pages(site: Path) -> None:
    assert "Molenstraat" in page(site, "ploegen/molenstraat/index.html")
    news = page(site, "nieuws/de-molenstraat-doet-mee/index.html")
    assert "<strong>Molenstraat</strong>" in news
