"""Hostile issues: YAML-breaking and script-looking text, a huge body, hidden characters,
a body edited into another structure, an unknown campaign, a race for one file name. Each
gets a clear comment and no file, or a file that validates and keeps the text as typed;
nothing is written outside its campaign folder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.issue_forms import contribution_repo, option, public, render, submit, template

from campaignkit.forms import submission
from campaignkit.forms.spec import FORMS
from campaignkit.loading import load_document
from campaignkit.validation import load_campaign

EVENT = FORMS[0].label


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return contribution_repo(tmp_path)


def files(repo: Path) -> set[str]:
    return {p.relative_to(repo).as_posix() for p in repo.rglob("*") if ".run" not in p.parts}


def event_body(repo: Path, **changes: Any) -> str:
    form = template("activiteit.yml", repo / ".github" / "ISSUE_TEMPLATE")
    answers = {
        "campaign": option(form, "campaign", "zonnebeke"),
        "title": "Infoavond",
        "start": "2027-05-20 19:30",
        "location_name": "Zaal",
        "openbaar": public(form),
        **changes,
    }
    return render(form, answers)


@pytest.mark.parametrize(
    "title",
    [
        "Let op: dit is geen sleutel",
        "#1 van het jaar",
        "---",
        "!!python/object:os.system",
        "!belangrijk",
        "&anker",
        "*ster*",
        "true",
        "null",
        "~",
        "'enkel' en \"dubbel\"",
        "{a: 1}",
        "[lijst]",
        "| pijp",
        "> groter",
        "% procent",
        "@ apenstaart",
        "`rm -rf /`",
        "$(rm -rf /) ${HOME} `id`",
        "<script>alert(1)</script>",
        "0471 12 34 56",
        "2027-05-20",
        "12:30",
        "1e3",
    ],
)
def test_yaml_breaking_and_script_looking_titles_are_kept_exactly(repo: Path, title: str) -> None:
    description = f"{title}\n\n---\n\n{title}\n# {title}\n"
    run = submit(repo, event_body(repo, title=title, description=description), [EVENT])
    assert run.code == 0, run.comment
    path = repo / run.result["file"]
    assert path.parent == repo / "campaigns" / "zonnebeke" / "events"
    assert load_document(path, path.name).data["title"] == title
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["title"] == title
    event = load_campaign(repo / "campaigns" / "zonnebeke").event(path.stem)
    assert event.title == title
    assert event.description == description.strip()


def test_a_huge_body_is_refused(repo: Path) -> None:
    before = files(repo)
    body = event_body(repo, description="x" * 1_000_000)
    run = submit(repo, body, [EVENT])
    assert run.code == 1
    assert "De tekst van het issue is te lang (1.000." in run.comment
    assert files(repo) == before


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\x1b", "U+001B CONTROL CHARACTER"),
        ("\x00", "U+0000 CONTROL CHARACTER"),
    ],
)
def test_control_and_bidi_characters_are_refused_and_named(
    repo: Path, char: str, name: str
) -> None:
    before = files(repo)
    run = submit(repo, event_body(repo, title=f"Info{char}avond"), [EVENT])
    assert run.code == 1
    assert f"**Titel**: Het veld 'Titel' bevat een onzichtbaar teken ({name})" in run.comment
    assert files(repo) == before


def test_a_body_edited_into_another_structure_names_every_field_it_misses(repo: Path) -> None:
    run = submit(repo, "Hallo, ik wil een activiteit toevoegen op 20 mei in de zaal.", [EVENT])
    assert run.code == 1
    for label in ("Campagne", "Titel", "Begin"):
        assert f"- **{label}**: Het veld '{label}' is niet te vinden" in run.comment
    assert "**Openbaar**" in run.comment


@pytest.mark.parametrize("campaign", ["brugge", "..", "../../etc", "zonnebeke/../..", "(../x)"])
def test_a_campaign_that_does_not_exist_is_named(repo: Path, campaign: str) -> None:
    before = files(repo)
    body = event_body(repo).replace("Klimaat in je straat (zonnebeke)", campaign)
    run = submit(repo, body, [EVENT])
    assert run.code == 1
    assert "**Campagne**: Er is geen campagne" in run.comment
    assert "Kies een van de campagnes in de lijst: zonnebeke." in run.comment
    assert files(repo) == before


def test_a_reference_to_another_campaign_or_to_nothing_is_refused(repo: Path) -> None:
    run = submit(
        repo,
        event_body(repo, actions=[]).replace(
            "### Bij welke acties hoort dit?\n\n_No response_",
            "### Bij welke acties hoort dit?\n\nIets (lier/geveltuinen)",
        ),
        [EVENT],
    )
    assert "**Bij welke acties hoort dit?**: 'Iets (lier/geveltuinen)' hoort bij de campagne" in (
        run.comment
    )
    run = submit(
        repo,
        event_body(repo, actions=[]).replace(
            "### Bij welke acties hoort dit?\n\n_No response_",
            "### Bij welke acties hoort dit?\n\nbestaat-niet",
        ),
        [EVENT],
    )
    assert run.code == 1
    assert "**Bij welke acties hoort dit?**:" in run.comment


def test_mentions_links_and_html_in_values_are_shown_as_text(repo: Path) -> None:
    title = "@iedereen [klik](https://x.example) <img src=x onerror=alert(1)> ![b](https://x/p.png)"
    run = submit(repo, event_body(repo, title=title, start="morgen"), [EVENT])
    assert run.code == 1
    run = submit(repo, event_body(repo, title=title), [EVENT], number=9)
    assert run.code == 0
    row = next(line for line in run.comment.splitlines() if line.startswith("| Titel"))
    assert "\\@iedereen \\[klik\\](https://x.example) \\<img src=x onerror=alert(1)\\>" in row
    assert not re.search(r"(?<!\\)[<@\[]", row)


def test_an_unticked_public_box_is_refused(repo: Path) -> None:
    run = submit(repo, event_body(repo, openbaar=[]), [EVENT])
    assert run.code == 1
    assert "**Openbaar**: Het vakje" in run.comment


def test_two_runs_racing_for_one_name_never_overwrite(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = submit(repo, event_body(repo), [EVENT], number=1)
    taken = repo / first.result["file"]
    original = taken.read_bytes()
    answers = iter(["infoavond", "infoavond-2"])
    # The other run made infoavond.yml between the check for a free name and the write.
    monkeypatch.setattr(submission, "free_slug", lambda *args: next(answers))
    second = submit(
        repo, event_body(repo, title="Infoavond", location_name="Andere zaal"), [EVENT], number=2
    )
    assert second.code == 0
    assert second.result["file"].endswith("/infoavond-2.yml")
    assert taken.read_bytes() == original


def test_a_symlinked_folder_out_of_the_campaign_is_not_written_through(
    repo: Path, tmp_path: Path
) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    events = repo / "campaigns" / "zonnebeke" / "events"
    for path in events.iterdir():
        path.unlink()
    events.rmdir()
    events.symlink_to(outside, target_is_directory=True)
    run = submit(repo, event_body(repo), [EVENT])
    assert run.code == 1
    assert "wijst buiten de campagnes" in run.comment
    assert list(outside.iterdir()) == []
