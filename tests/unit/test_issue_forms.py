"""The contribution forms: generated from the model and the campaigns, valid issue forms,
and an issue body GitHub writes from each read back into the file it stands for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.issue_forms import (
    TEMPLATES,
    contribution_repo,
    option,
    public,
    render,
    submit,
    template,
)
from support.projects import REPO

from campaignkit.forms.generate import form_files
from campaignkit.forms.spec import FORMS, NOT_IN_FORMS
from campaignkit.loading import load_document
from campaignkit.model import Action, Event, NewsFrontMatter, Team
from campaignkit.validation import find_campaigns, load_campaign, load_campaigns

MODELS = {"event": Event, "action": Action, "team": Team, "news": NewsFrontMatter}
LABELS = {form.kind: form.label for form in FORMS}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return contribution_repo(tmp_path)


def forms_of(repo: Path, name: str) -> dict[str, Any]:
    return template(name, repo / ".github" / "ISSUE_TEMPLATE")


def test_the_committed_forms_are_a_fresh_generation() -> None:
    fresh = form_files(load_campaigns(find_campaigns(REPO / "campaigns")))
    committed = {path.name: path.read_text(encoding="utf-8") for path in TEMPLATES.iterdir()}
    assert committed == fresh, "run `campaignkit forms` and commit .github/ISSUE_TEMPLATE/"


def test_the_forms_pass_githubs_issue_form_schema() -> None:
    tool = str(Path(sys.executable).parent / "check-jsonschema")
    forms = [str(TEMPLATES / form.template) for form in FORMS]
    for schema, files in (("github-issue-forms", forms), ("github-issue-config", ["config.yml"])):
        paths = [str(TEMPLATES / f) if not f.startswith("/") else f for f in files]
        result = subprocess.run(
            [tool, "--builtin-schema", f"vendor.{schema}", *paths], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_chooser_offers_only_the_forms() -> None:
    assert yaml.safe_load((TEMPLATES / "config.yml").read_text("utf-8")) == {
        "blank_issues_enabled": False
    }


def test_every_field_of_the_format_is_in_its_form_or_left_out_for_a_reason() -> None:
    for form in FORMS:
        asked = {f.path.split(".")[0] for f in form.fields}
        for name in MODELS[form.kind].model_fields:
            assert name in asked or (form.kind, name) in NOT_IN_FORMS, (form.kind, name)
        labels = [f.label for f in form.fields]
        assert len(set(labels)) == len(labels)
        assert all(f.help for f in form.fields)


def test_forms_have_their_label_dutch_names_and_dropdowns_of_what_exists() -> None:
    names = {template(f.template)["name"]: template(f.template)["labels"] for f in FORMS}
    assert names == {
        "Nieuwe activiteit": ["bijdrage:activiteit"],
        "Nieuwe actie": ["bijdrage:actie"],
        "Nieuwe ploeg": ["bijdrage:ploeg"],
        "Nieuwsbericht": ["bijdrage:nieuws"],
    }
    event = template("activiteit.yml")
    by_id = {e.get("id"): e for e in event["body"]}
    assert by_id["campaign"]["attributes"]["options"] == [
        "De straat met het beste klimaat (asse)",
        "Klimaatbuurten Lier (lier)",
    ]
    actions = by_id["actions"]["attributes"]
    assert actions["multiple"] is True
    assert "Een geveltuin langs je gevel (asse/geveltuinen)" in actions["options"]
    assert by_id["status"]["attributes"]["options"] == [
        "gaat door (confirmed)",
        "afgelast (cancelled)",
    ]
    assert by_id["start"]["validations"] == {"required": True}
    assert by_id["start"]["attributes"]["label"] == "Begin"
    theme = {e.get("id"): e for e in template("actie.yml")["body"]}["theme"]
    assert "Energie (energie)" in theme["attributes"]["options"]


def answers_event(form: dict[str, Any], **changes: Any) -> dict[str, Any]:
    answers = {
        "campaign": option(form, "campaign", "zonnebeke"),
        "title": "Workshop regenton: plaatsen & aansluiten",
        "start": "2027-05-20 19:30",
        "end": "21:30",
        "location_name": "Zaal 't Kasteel",
        "location_address": "Kasteelstraat 2, 8980 Zonnebeke",
        "description": "Breng je vragen mee.\n\n- een **regenton** van 300 liter\n- koffie",
        "registration_url": "https://www.zonnebeke.be/regenton",
        "actions": [option(form, "actions", "zonnebeke/geveltuin")],
        "status": "gaat door (confirmed)",
        "openbaar": public(form),
    }
    return {**answers, **changes}


def test_an_event_form_becomes_its_file_with_the_values_as_typed(repo: Path) -> None:
    form = forms_of(repo, "activiteit.yml")
    run = submit(repo, render(form, answers_event(form)), [LABELS["event"]])
    assert run.code == 0, run.comment
    path = repo / run.result["file"]
    assert (
        run.result["file"] == "campaigns/zonnebeke/events/workshop-regenton-plaatsen-aansluiten.yml"
    )
    data = load_document(path, path.name).data
    assert data == {
        "title": "Workshop regenton: plaatsen & aansluiten",
        "start": "2027-05-20 19:30",
        "end": "21:30",
        "location": {"name": "Zaal 't Kasteel", "address": "Kasteelstraat 2, 8980 Zonnebeke"},
        "description": "Breng je vragen mee.\n\n- een **regenton** van 300 liter\n- koffie",
        "registration_url": "https://www.zonnebeke.be/regenton",
        "actions": ["geveltuin"],
        "status": "confirmed",
    }
    campaign = load_campaign(repo / "campaigns" / "zonnebeke")
    assert campaign.event(path.stem).location.name == "Zaal 't Kasteel"  # type: ignore[union-attr]
    assert run.comment.startswith("Closes #7\n")
    assert (
        "https://klimaat.zonnebeke.be/agenda/workshop-regenton-plaatsen-aansluiten/" in run.comment
    )
    assert run.result["title"] == "Nieuwe activiteit: Workshop regenton: plaatsen & aansluiten"


def test_empty_optional_fields_are_left_out(repo: Path) -> None:
    form = forms_of(repo, "activiteit.yml")
    answers = answers_event(
        form,
        end=None,
        location_address=None,
        description=None,
        registration_url=None,
        actions=[],
        status=[],
    )
    run = submit(repo, render(form, answers), [LABELS["event"]])
    assert run.code == 0, run.comment
    data = load_document(repo / run.result["file"], "x").data
    assert data == {
        "title": "Workshop regenton: plaatsen & aansluiten",
        "start": "2027-05-20 19:30",
        "location": {"name": "Zaal 't Kasteel"},
    }


def test_an_action_form_becomes_its_file(repo: Path) -> None:
    form = forms_of(repo, "actie.yml")
    answers = {
        "campaign": option(form, "campaign", "zonnebeke"),
        "title": "Regentonnen",
        "summary": "Vang het regenwater op, voor de tuin.",
        "theme": option(form, "theme", "water"),
        "audience": ["inwoners", "gezinnen"],
        "effort": "weinig moeite (low)",
        "status": "bezig (running)",
        "body": "## Zo werkt het\n\nBestel een ton.",
        "partners": [option(form, "partners", "zonnebeke/natuurpunt")],
        "events": [option(form, "events", "zonnebeke/straatfeest")],
        "signup_url": "https://www.zonnebeke.be/regenton",
        "indicator": "m3_hemelwater",
        "points": "2",
        "openbaar": public(form),
    }
    run = submit(repo, render(form, answers), [LABELS["action"]])
    assert run.code == 0, run.comment
    assert run.result["file"] == "campaigns/zonnebeke/actions/regentonnen.yml"
    data = load_document(repo / run.result["file"], "x").data
    assert data == {
        "title": "Regentonnen",
        "summary": "Vang het regenwater op, voor de tuin.",
        "theme": "water",
        "audience": ["inwoners", "gezinnen"],
        "effort": "low",
        "status": "running",
        "body": "## Zo werkt het\n\nBestel een ton.",
        "partners": ["natuurpunt"],
        "events": ["straatfeest"],
        "signup_url": "https://www.zonnebeke.be/regenton",
        "indicator": "m3_hemelwater",
        "points": "2",
    }
    assert load_campaign(repo / "campaigns" / "zonnebeke").action("regentonnen").score == 2


def test_a_team_form_becomes_its_file_joined_on_the_day_of_the_issue(repo: Path) -> None:
    form = forms_of(repo, "ploeg.yml")
    answers = {
        "campaign": option(form, "campaign", "zonnebeke"),
        "name": "Molenstraat",
        "kind": "straat",
        "streets": "Molenstraat\r\n- Molenhoek\r\n",
        "households": "14",
        "households_total": "40",
        "story": "We planten samen geveltuinen.",
        "commitments": [option(form, "commitments", "zonnebeke/geveltuin")],
        "openbaar": public(form),
    }
    run = submit(repo, render(form, answers), [LABELS["team"]])
    assert run.code == 0, run.comment
    data = load_document(repo / run.result["file"], "x").data
    assert data == {
        "name": "Molenstraat",
        "kind": "straat",
        "streets": ["Molenstraat", "Molenhoek"],
        "households": "14",
        "households_total": "40",
        "joined": "2027-04-20",
        "story": "We planten samen geveltuinen.",
        "commitments": [{"action": "geveltuin"}],
    }


def test_a_news_form_becomes_a_markdown_file(repo: Path) -> None:
    form = forms_of(repo, "nieuws.yml")
    body = "Twintig straten doen mee.\n\n---\n\n## Wat nu?\n\n### Meer\n\nKom naar het feest."
    answers = {
        "campaign": option(form, "campaign", "zonnebeke"),
        "title": "Twintig straten: een record",
        "date": "2027-04-21",
        "summary": "Het loopt storm.",
        "events": [option(form, "events", "zonnebeke/straatfeest")],
        "teams": [option(form, "teams", "zonnebeke/kerkstraat")],
        "body": body,
        "openbaar": public(form),
    }
    run = submit(repo, render(form, answers), [LABELS["news"]])
    assert run.code == 0, run.comment
    assert run.result["file"] == "campaigns/zonnebeke/news/twintig-straten-een-record.md"
    item = next(
        n
        for n in load_campaign(repo / "campaigns" / "zonnebeke").news
        if n.slug == "twintig-straten-een-record"
    )
    assert (item.title, str(item.date), item.body.strip()) == (
        "Twintig straten: een record",
        "2027-04-21",
        body,
    )
    assert item.events == ("straatfeest",) and item.teams == ("kerkstraat",)


def test_a_second_submission_of_the_same_title_gets_a_free_name(repo: Path) -> None:
    form = forms_of(repo, "activiteit.yml")
    body = render(form, answers_event(form))
    first = submit(repo, body, [LABELS["event"]], number=7)
    other_pr = "campaigns/zonnebeke/events/workshop-regenton-plaatsen-aansluiten-2.yml"
    second = submit(repo, body, [LABELS["event"]], number=8, taken=[other_pr])
    assert first.result["file"].endswith("aansluiten.yml")
    assert second.result["file"].endswith("aansluiten-3.yml")  # -2 is another open proposal
    assert (repo / first.result["file"]).read_text() == (repo / second.result["file"]).read_text()


def test_an_edited_body_is_read_as_far_as_its_structure_allows(repo: Path) -> None:
    form = forms_of(repo, "activiteit.yml")
    body = render(form, answers_event(form))
    sections = body.split("\n\n### ")
    # Sections moved around, extra blank lines, a heading with other spacing and a colon.
    edited = "### " + "\n\n\n### ".join(reversed([sections[0][4:], *sections[1:]]))
    edited = edited.replace("### Einde\n", "###   einde:\n")
    run = submit(repo, edited, [LABELS["event"]])
    assert run.code == 0, run.comment
    assert load_document(repo / run.result["file"], "x").data["end"] == "21:30"


def test_a_field_that_cannot_be_read_is_named_by_its_label(repo: Path) -> None:
    form = forms_of(repo, "activiteit.yml")
    body = render(form, answers_event(form)).replace("### Begin\n", "### Wanneer\n")
    run = submit(repo, body, [LABELS["event"]])
    assert run.code == 1
    assert "**Begin**: Het veld 'Begin' is niet te vinden" in run.comment
    assert "De kop '\\#\\#\\# Wanneer' is geen veld" in run.comment
    assert not list((repo / "campaigns" / "zonnebeke" / "events").glob("workshop*"))
    assert run.result == {"ok": False, "issue": 7}


def test_problems_the_validation_finds_are_named_by_the_form_label(repo: Path) -> None:
    form = forms_of(repo, "activiteit.yml")
    answers = answers_event(
        form,
        start="2027-13-45 25:00",
        registration_url="www.zonnebeke",
        location_name=None,
        location_address=None,
    )
    run = submit(repo, render(form, answers), [LABELS["event"]])
    assert run.code == 1
    assert "**Begin**:" in run.comment
    assert "**Inschrijven**: Dit is geen geldig webadres." in run.comment
    assert "Oplossing:" in run.comment
    assert not list((repo / "campaigns" / "zonnebeke" / "events").glob("workshop*"))


def test_an_issue_without_a_forms_label_is_no_contribution(repo: Path) -> None:
    run = submit(repo, "### Titel\n\nx", ["bug"])
    assert run.code == 2 and run.comment == ""
