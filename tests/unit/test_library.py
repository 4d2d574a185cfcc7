"""The shared library: actions and partners taken over with ``from:``, overridden field by
field, their placeholders filled in per campaign; kit texts as the campaign's defaults."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from support.campaigns import photo, write_campaign
from support.libraries import write_library

from campaignkit.library.sources import image_source
from campaignkit.pages import Site, build_site
from campaignkit.problems import CampaignError
from campaignkit.texts import load_texts
from campaignkit.urls import action_src
from campaignkit.validation import load_campaign, load_campaigns


def _project(root: Path, **library: object) -> Path:
    write_library(root / "library", **library)  # type: ignore[arg-type]
    return root


def test_an_action_from_the_library_takes_its_fields_and_the_overrides(tmp_path: Path) -> None:
    _project(tmp_path)
    folder = write_campaign(
        tmp_path / "campaigns",
        "zonnebeke",
        campaign={"partners": [{"from": "bbl/natuurpunt"}]},
        actions={"dak": {"from": "bbl/dakisolatie", "summary": "Onze eigen samenvatting."}},
    )
    campaign = load_campaign(folder, base=tmp_path)
    action = campaign.action("dak")
    assert action.title == "Samen je dak isoleren in Zonnebeke"
    assert action.summary == "Onze eigen samenvatting."
    assert action.body is not None and "klimaat@zonnebeke.be" in action.body
    assert action.partners == ("natuurpunt",)
    assert action.origin is not None and action.origin.reference == "bbl/dakisolatie"
    assert action.origin.name == "Bond Beter Leefmilieu"
    assert action.image is not None
    folder_, relative = image_source(campaign.folder, campaign.libraries, action.image.src)
    assert (folder_ / relative).is_file() and folder_.name == "bbl"
    partner = campaign.partner("natuurpunt")
    assert partner.role == "Geeft advies over groen in Zonnebeke."
    assert partner.name == "Natuurpunt"


def test_placeholders_are_filled_in_for_each_municipality(tmp_path: Path) -> None:
    _project(tmp_path)
    folders = [
        write_campaign(
            tmp_path / "campaigns",
            slug,
            campaign={"municipality": {"name": name}},
            actions={"dak": {"from": "bbl/dakisolatie"}},
        )
        for slug, name in (("zonnebeke", "Zonnebeke"), ("ieper", "Ieper"))
    ]
    titles = [c.action("dak").title for c in load_campaigns(folders, base=tmp_path)]
    assert titles == ["Samen je dak isoleren in Zonnebeke", "Samen je dak isoleren in Ieper"]


def test_a_partner_may_take_another_id_and_library_actions_follow_it(tmp_path: Path) -> None:
    _project(tmp_path)
    folder = write_campaign(
        tmp_path / "campaigns",
        "zonnebeke",
        campaign={"partners": [{"from": "bbl/natuurpunt", "id": "np", "role": "Eigen rol."}]},
        actions={"dak": {"from": "bbl/dakisolatie"}},
    )
    campaign = load_campaign(folder, base=tmp_path)
    assert campaign.partner("np").role == "Eigen rol."
    assert campaign.action("dak").partners == ("np",)


def test_a_library_partner_the_campaign_does_not_list_is_left_out(tmp_path: Path) -> None:
    _project(tmp_path)
    folder = write_campaign(
        tmp_path / "campaigns", "zonnebeke", actions={"dak": {"from": "bbl/dakisolatie"}}
    )
    assert load_campaign(folder, base=tmp_path).action("dak").partners == ()


def test_library_texts_sit_between_the_defaults_and_the_campaigns_own(tmp_path: Path) -> None:
    text = "---\ntitle: {title}\nchannel: newsletter\n---\nWelkom in {{{{ municipality.name }}}}.\n"
    _project(
        tmp_path,
        texts={
            "nieuwsbrief": text.format(title="Van de bibliotheek"),
            "eigen": text.format(title="Ook van de bibliotheek"),
        },
    )
    folder = write_campaign(
        tmp_path / "campaigns",
        "zonnebeke",
        campaign={"library": ["bbl"]},
        texts={"eigen.md": text.format(title="Van de campagne")},
    )
    campaign = load_campaign(folder, base=tmp_path)
    texts = {t.slug: t for t in load_texts(campaign, base=tmp_path)}
    assert texts["nieuwsbrief"].title == "Van de bibliotheek"
    assert texts["nieuwsbrief"].markdown == "Welkom in Zonnebeke.\n"
    assert texts["nieuwsbrief"].source == "library/bbl/texts/nieuwsbrief.md"
    assert texts["eigen"].title == "Van de campagne"
    without = write_campaign(tmp_path / "campaigns", "ieper")
    defaults = {t.slug: t for t in load_texts(load_campaign(without, base=tmp_path))}
    assert defaults["nieuwsbrief"].default


def test_a_library_problem_is_told_once_naming_every_campaign_that_uses_it(
    tmp_path: Path,
) -> None:
    _project(tmp_path, actions={"dakisolatie": {"title": "Dak in {{ gemeente }}"}})
    folders = [
        write_campaign(tmp_path / "campaigns", slug, actions={"dak": {"from": "bbl/dakisolatie"}})
        for slug in ("ieper", "zonnebeke")
    ]
    with pytest.raises(CampaignError) as caught:
        load_campaigns(folders, base=tmp_path)
    (problem,) = caught.value.problems
    assert problem.file == "library/bbl/actions/dakisolatie.yml"
    assert (problem.line, problem.column) == (1, 15)  # where the placeholder starts
    assert "gemeente" in problem.message
    assert problem.hint.endswith("(Bibliotheekbestand; gebruikt door: ieper, zonnebeke)")


def test_libraries_in_library_dirs_are_found_and_the_same_slug_twice_is_refused(
    tmp_path: Path,
) -> None:
    write_library(tmp_path / "library")
    write_library(tmp_path / "vendor")
    folder = write_campaign(
        tmp_path / "campaigns", "zonnebeke", actions={"dak": {"from": "bbl/dakisolatie"}}
    )
    with pytest.raises(CampaignError) as caught:
        load_campaigns(
            [folder], base=tmp_path, libraries=[tmp_path / "library", tmp_path / "vendor"]
        )
    assert [p.message for p in caught.value.problems] == [
        "Er zijn twee bibliotheken met de naam 'bbl': deze en library/bbl/library.yml."
    ]
    assert caught.value.problems[0].file == "vendor/bbl/library.yml"
    # Building the campaign alone (what a build does) refuses it too, told once.
    write_campaign(
        tmp_path / "campaigns",
        "zonnebeke",
        actions={"dak": {"from": "bbl/dakisolatie"}, "cafe": {"from": "bbl/repair-cafe"}},
    )
    with pytest.raises(CampaignError) as caught:
        load_campaign(folder, base=tmp_path, libraries=[tmp_path / "library", tmp_path / "vendor"])
    assert [(p.file, p.message) for p in caught.value.problems] == [
        (
            "vendor/bbl/library.yml",
            "Er zijn twee bibliotheken met de naam 'bbl': deze en library/bbl/library.yml.",
        )
    ]
    campaign = load_campaign(folder, base=tmp_path, libraries=[tmp_path / "vendor"])
    assert campaign.action("dak").origin is not None


def _site(tmp_path: Path, slug: str, name: str, **kwargs: object) -> Site:
    folder = write_campaign(
        tmp_path / "campaigns",
        slug,
        campaign={"municipality": {"name": name}, "partners": [{"from": "bbl/natuurpunt"}]},
        actions={"dak": {"from": "bbl/dakisolatie", "summary": f"Alleen in {name}."}},
    )
    campaign = load_campaign(folder, base=tmp_path)
    return build_site(campaign, base_url=campaign.site_url, today=date(2027, 4, 1), **kwargs)  # type: ignore[arg-type]


def test_the_action_page_shows_the_overrides_the_filled_in_text_and_its_provenance(
    tmp_path: Path,
) -> None:
    _project(tmp_path)
    pages = {}
    for slug, name in (("zonnebeke", "Zonnebeke"), ("ieper", "Ieper")):
        pages[slug] = _site(tmp_path, slug, name).page(action_src("dak")).html
    for slug, name in (("zonnebeke", "Zonnebeke"), ("ieper", "Ieper")):
        html = pages[slug]
        assert f"Samen je dak isoleren in {name}</h1>" in html
        assert f"Alleen in {name}." in html
        assert "klimaat@zonnebeke.be" in html  # the factory's contact, filled in
        assert (
            '<p class="ck-provenance">Actiefiche: <a href="https://www.bondbeterleefmilieu.be">'
            "Bond Beter Leefmilieu</a></p>"
        ) in html
        assert "Natuurpunt" in html  # the library partner, adopted by the campaign
    site = _site(tmp_path, "zonnebeke", "Zonnebeke")
    assert any(name.startswith("images/bibliotheek-bbl/") for name in site_asset_paths(site))


def test_the_provenance_line_can_be_turned_off(tmp_path: Path) -> None:
    _project(tmp_path)
    html = _site(tmp_path, "zonnebeke", "Zonnebeke", provenance=False).page(action_src("dak")).html
    assert "ck-provenance" not in html and "Actiefiche" not in html


def site_asset_paths(site: Site) -> list[str]:
    return [asset.dest_uri for asset in site.assets]


def test_the_kit_makes_the_library_image_and_names_where_it_comes_from(tmp_path: Path) -> None:
    from campaignkit.kit import build_kit

    _project(tmp_path)
    folder = write_campaign(
        tmp_path / "campaigns", "zonnebeke", actions={"dak": {"from": "bbl/dakisolatie"}}
    )
    campaign = load_campaign(folder, base=tmp_path)
    stamp = datetime(2027, 1, 1, tzinfo=UTC)
    kit = build_kit(campaign, cache_dir=tmp_path / "cache", stamp=stamp)
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert "(bron: library/bbl/images/dak.jpg)" in readme
    assert any(name.startswith("kit/beelden/dak-") for name in kit.files)
    # A note about the image (800 by 600: small for social crops) names its real file.
    small = [w for w in kit.warnings if "800" in w]
    assert small and all("library/bbl/images/dak.jpg" in w for w in small), kit.warnings
    assert not any("bibliotheek:" in w for w in kit.warnings)


def test_the_kit_names_an_image_of_a_library_in_library_dirs_by_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from campaignkit.kit import build_kit

    write_library(tmp_path / "vendor" / "bibliotheken")
    folder = write_campaign(
        tmp_path / "campaigns",
        "zonnebeke",
        campaign={"partners": [{"from": "bbl/natuurpunt"}]},
        actions={"dak": {"from": "bbl/dakisolatie"}},
    )
    dirs = [tmp_path / "vendor" / "bibliotheken"]
    monkeypatch.chdir(tmp_path / "campaigns")  # not where the project is
    campaign = load_campaign(folder, base=tmp_path, libraries=dirs)
    stamp = datetime(2027, 1, 1, tzinfo=UTC)
    kit = build_kit(campaign, cache_dir=tmp_path / "cache", stamp=stamp, base=tmp_path)
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert "(bron: vendor/bibliotheken/bbl/images/dak.jpg)" in readme
    assert "(bron: vendor/bibliotheken/bbl/images/natuurpunt.png)" in readme
    assert "library/" not in readme
    assert any("vendor/bibliotheken/bbl/images/dak.jpg" in w for w in kit.warnings)


def test_a_library_image_outside_the_project_is_named_as_given(tmp_path: Path) -> None:
    from campaignkit.library.sources import library_path, shown_path

    libraries = [("bbl", str(tmp_path / "elders" / "bbl"))]
    campaign = tmp_path / "project" / "campaigns" / "zonnebeke"
    inside = [("bbl", str(tmp_path / "project" / "gedeeld" / "bbl"))]
    src = library_path("bbl", "images/dak.jpg")
    assert shown_path(campaign, inside, src) == "gedeeld/bbl/images/dak.jpg"
    assert (
        shown_path(campaign, libraries, src) == (tmp_path / "elders/bbl/images/dak.jpg").as_posix()
    )
    assert shown_path(campaign, libraries, "images/eigen.jpg") == "images/eigen.jpg"


def test_a_kit_problem_about_a_library_image_names_its_file(tmp_path: Path) -> None:
    from campaignkit.kit.inputs import collect_pictures

    _project(tmp_path)
    folder = write_campaign(
        tmp_path / "campaigns",
        "zonnebeke",
        actions={
            "geveltuin": {"image": {"src": "images/dak.jpg", "alt": "Ons eigen dak"}},
            "dak": {"from": "bbl/dakisolatie"},
        },
        images={"images/dak.jpg": functools.partial(photo, 900, 900)},
    )
    campaign = load_campaign(folder, base=tmp_path)
    with pytest.raises(CampaignError) as caught:
        collect_pictures(campaign, base=tmp_path)
    [problem] = caught.value.problems
    names = {problem.file, problem.message.split("'")[3]}
    assert names == {"campaigns/zonnebeke/images/dak.jpg", "library/bbl/images/dak.jpg"}
