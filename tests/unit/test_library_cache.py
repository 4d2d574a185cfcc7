"""A campaign's cached microsite depends on exactly the library files it uses: editing a
library action changes the keys of the campaigns that take it and no other; adding an
action no campaign uses changes none."""

from __future__ import annotations

from pathlib import Path

from support.campaigns import write_campaign
from support.libraries import write_library

from campaignkit.library.usage import campaign_usage, used_files
from campaignkit.portal.sites import campaign_key

SLUGS = ("aalst", "boom", "dilbeek")


def _project(root: Path) -> list[Path]:
    write_library(root / "library")
    return [
        write_campaign(root / "campaigns", "aalst", actions={"dak": {"from": "bbl/dakisolatie"}}),
        write_campaign(
            root / "campaigns",
            "boom",
            campaign={"partners": [{"from": "bbl/natuurpunt", "id": "np"}]},
            actions={"herstel": {"from": "bbl/repair-cafe", "summary": "Eigen."}},
        ),
        write_campaign(root / "campaigns", "dilbeek"),
    ]


def _keys(root: Path, folders: list[Path]) -> dict[str, str]:
    dirs = [root / "library"]
    return {f.name: campaign_key("env", f, used_files(f, dirs, root)) for f in folders}


def test_editing_a_library_action_changes_only_the_campaigns_that_use_it(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    before = _keys(tmp_path, folders)
    action = tmp_path / "library" / "bbl" / "actions" / "dakisolatie.yml"
    action.write_text(action.read_text() + "status: running\n", encoding="utf-8")
    after = _keys(tmp_path, folders)
    assert [slug for slug in SLUGS if before[slug] != after[slug]] == ["aalst"]


def test_adding_an_action_no_campaign_uses_changes_no_key(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    before = _keys(tmp_path, folders)
    write_library(tmp_path / "library", actions={"nieuw": {"title": "Nieuw", "summary": "x"}})
    assert _keys(tmp_path, folders) == before


def test_a_partner_its_logo_and_the_library_settings_count(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    before = _keys(tmp_path, folders)
    logo = tmp_path / "library" / "bbl" / "images" / "natuurpunt.png"
    logo.write_bytes(logo.read_bytes() + b"\0")
    changed = _keys(tmp_path, folders)
    assert [slug for slug in SLUGS if before[slug] != changed[slug]] == ["boom"]
    settings = tmp_path / "library" / "bbl" / "library.yml"
    settings.write_text("name: Een andere naam\n", encoding="utf-8")
    renamed = _keys(tmp_path, folders)
    assert [slug for slug in SLUGS if changed[slug] != renamed[slug]] == ["aalst", "boom"]


def test_a_missing_item_counts_so_that_adding_it_rebuilds(tmp_path: Path) -> None:
    folders = _project(tmp_path)
    write_campaign(tmp_path / "campaigns", "dilbeek", actions={"x": {"from": "bbl/later"}})
    before = _keys(tmp_path, folders)
    write_library(tmp_path / "library", actions={"later": {"title": "Later", "summary": "x"}})
    after = _keys(tmp_path, folders)
    assert [slug for slug in SLUGS if before[slug] != after[slug]] == ["dilbeek"]


def test_usage_names_items_and_overridden_fields(tmp_path: Path) -> None:
    boom = _project(tmp_path)[1]
    usage = campaign_usage(boom)
    assert usage.actions == {("bbl", "repair-cafe"): ("herstel", ("summary",))}
    assert usage.partners == {("bbl", "natuurpunt"): ("np", ())}
