"""The suite's test campaigns (``tests/support/campaigns.py``) are what they say: the
written folder and the model without files are the same campaign, every value reads back
as the text it was, and each kind of change does what it promises."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.campaigns import (
    ACTION,
    DEFAULT,
    EVENT,
    MINIMAL,
    OMIT,
    SLUG,
    Sample,
    campaign_model,
    event_model,
    read_sample,
    write_campaign,
    write_files,
)
from support.projects import REPO

from campaignkit.loading import parse_document
from campaignkit.validation import load_campaign


@pytest.mark.parametrize("sample", [DEFAULT, MINIMAL], ids=["default", "minimal"])
def test_the_written_folder_loads_as_the_model(tmp_path: Path, sample: Sample) -> None:
    folder = write_campaign(tmp_path, SLUG, base=sample)
    assert load_campaign(folder) == campaign_model(SLUG, base=sample, folder=folder)


@pytest.mark.parametrize(
    "value",
    [
        "~",
        "",
        "null",
        "no",
        "0471123456",
        "18:00",
        "2027-05-15 14:00",
        "#1b5e20",
        "a: b",
        "- x",
        "'",
        '"',
        " rand ",
        "x\x00y",
        "\u202eomgekeerd",
        "twee\n\nalinea's\n",
    ],
)
def test_every_value_reads_back_as_the_text_it_was(tmp_path: Path, value: str) -> None:
    folder = write_campaign(tmp_path, campaign={"tagline": value})
    data = parse_document((folder / "campaign.yml").read_bytes(), "campaign.yml").data
    assert data["tagline"] == value


def test_changes_merge_replace_and_remove(tmp_path: Path) -> None:
    folder = write_campaign(
        tmp_path,
        "demo",
        campaign={"contact": {"phone": OMIT, "name": "Loket"}, "tagline": OMIT},
        actions={ACTION: "title: Tekst\nsummary: Zo geschreven.\ntheme: water\n"},
        events={EVENT: OMIT},
        images={"images/partner.png": OMIT},
        files={"README.md": "# Notities\n"},
    )
    campaign = (folder / "campaign.yml").read_text(encoding="utf-8")
    assert "name: Loket" in campaign and "klimaat@zonnebeke.be" in campaign
    assert "phone" not in campaign and "tagline" not in campaign
    action = (folder / "actions" / f"{ACTION}.yml").read_text(encoding="utf-8")
    assert action == "title: Tekst\nsummary: Zo geschreven.\ntheme: water\n"
    assert not (folder / "events").exists()
    assert not (folder / "images" / "partner.png").exists()
    assert (folder / "images" / "hero.jpg").is_file()
    assert (folder / "README.md").read_text(encoding="utf-8") == "# Notities\n"


def test_a_file_given_as_text_takes_no_fields_and_has_no_model() -> None:
    as_text = DEFAULT.changed(actions={ACTION: "title: x\n"})
    with pytest.raises(TypeError):
        as_text.changed(actions={ACTION: {"title": "y"}})
    with pytest.raises(TypeError):
        as_text.model()


def test_an_event_like_another_under_its_own_slug() -> None:
    event = event_model("slotfeest", like=EVENT, title="Slotfeest", end=None)
    assert (event.slug, event.title, event.end) == ("slotfeest", "Slotfeest", None)
    assert event.location == event_model().location


def test_a_folder_read_as_a_sample_is_written_back_as_it_was(
    campaign_folder: Path, tmp_path: Path
) -> None:
    write_files(
        campaign_folder,
        {"texts/oproep.md": "---\ntitle: T\n---\nTekst\n", "actions/notities.txt": "los\n"},
    )
    again = write_campaign(tmp_path / "again", base=read_sample(campaign_folder))

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}

    assert files(again) == files(campaign_folder)


def test_a_project_has_the_repositorys_configuration_and_no_pages(project: Path) -> None:
    assert (project / "mkdocs.yml").read_bytes() == (REPO / "mkdocs.yml").read_bytes()
    assert (project / "theme_overrides" / "main.html").is_file()
    assert list((project / "docs").iterdir()) == []
