"""What the environment asks of a build, and which mode the plugin builds it in."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from support.campaigns import MINIMAL, write_campaign

from campaignkit.mkdocs.config import CampaignkitConfig
from campaignkit.mkdocs.modes import MemberSite, PortalSite, SingleSite, choose_mode
from campaignkit.request import (
    CAMPAIGN_ENV,
    DATE_ENV,
    MEMBER_ENV,
    PORTAL_URL_ENV,
    SHARD_ENV,
    BuildRequest,
    member_environment,
)
from campaignkit.validation import load_campaign

PORTAL = "https://portaal.example.org/klimaat"


def test_the_request_reads_each_variable_and_empty_ones_count_as_not_set() -> None:
    assert BuildRequest.read({}) == BuildRequest()
    assert BuildRequest.read(
        {
            CAMPAIGN_ENV: "asse",
            MEMBER_ENV: "1",
            PORTAL_URL_ENV: PORTAL,
            SHARD_ENV: "2/8",
            DATE_ENV: "1800000000",
        }
    ) == BuildRequest("asse", True, PORTAL, "2/8", "1800000000")
    empty = {name: "" for name in (CAMPAIGN_ENV, PORTAL_URL_ENV, SHARD_ENV, DATE_ENV)}
    assert BuildRequest.read({**empty, MEMBER_ENV: "0"}) == BuildRequest()


def test_a_worker_is_asked_for_its_member_as_the_portal_says() -> None:
    assert BuildRequest.read(member_environment("lier", PORTAL)) == BuildRequest(
        campaign="lier", member=True, portal_url=PORTAL
    )
    assert PORTAL_URL_ENV not in member_environment("lier", None)


def _project(tmp_path: Path, *slugs: str, options: str = "") -> tuple[MkDocsConfig, Path]:
    for slug in slugs:  # campaigns without a site_url of their own
        campaign = {"municipality": {"name": slug.capitalize()}}
        write_campaign(tmp_path / "campaigns", slug, base=MINIMAL, campaign=campaign)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: []\n", "utf-8")
    return load_config(str(tmp_path / "mkdocs.yml")), tmp_path / "campaigns"


def _options(**values: object) -> CampaignkitConfig:
    options = CampaignkitConfig()
    options.load_dict(values)
    failed, warnings = options.validate()
    assert not failed and not warnings
    return options


def test_the_mode_follows_the_request_and_the_campaigns(tmp_path: Path) -> None:
    config, campaigns = _project(tmp_path, "ath", "zemst")
    portal = choose_mode(BuildRequest(), _options(), config, "build")
    assert isinstance(portal, PortalSite)
    assert portal.folders == [campaigns / "ath", campaigns / "zemst"]

    single = choose_mode(BuildRequest(campaign="zemst"), _options(), config, "serve")
    assert type(single) is SingleSite and single.folder == campaigns / "zemst"
    assert not single.project.publishes  # serve shows the site, never publishes it
    chosen = choose_mode(BuildRequest(), _options(campaign="ath"), config, "build")
    assert type(chosen) is SingleSite and chosen.folder == campaigns / "ath"
    assert chosen.project.publishes
    member = choose_mode(BuildRequest(campaign="ath", member=True), _options(), config, "build")
    assert type(member) is MemberSite and member.folder == campaigns / "ath"


def test_the_only_campaign_is_built_without_being_named(tmp_path: Path) -> None:
    config, campaigns = _project(tmp_path, "zemst")
    mode = choose_mode(BuildRequest(), _options(), config, "build")
    assert type(mode) is SingleSite and mode.folder == campaigns / "zemst"


def test_a_missing_campaign_is_explained_in_dutch(tmp_path: Path) -> None:
    config, _ = _project(tmp_path, "ath", "zemst")
    with pytest.raises(PluginError, match=r"Campagne 'lier' niet gevonden .* Kies uit: ath, zemst"):
        choose_mode(BuildRequest(campaign="lier"), _options(), config, "build")
    (tmp_path / "campaigns").rename(tmp_path / "elders")
    with pytest.raises(PluginError, match=r"Geen campagnes gevonden .* 'campaignkit new'"):
        choose_mode(BuildRequest(), _options(), config, "build")


def test_a_member_without_site_url_is_published_at_its_place_in_the_portal(
    tmp_path: Path,
) -> None:
    config, campaigns = _project(tmp_path, "zemst")
    campaign = load_campaign(campaigns / "zemst")
    assert campaign.site_url is None
    request = BuildRequest(campaign="zemst", member=True, portal_url=PORTAL)
    member = choose_mode(request, _options(), config, "build")
    assert isinstance(member, MemberSite)
    assert member.public_root(campaign) == f"{PORTAL}/zemst/"
    alone = choose_mode(BuildRequest(campaign="zemst"), _options(), config, "build")
    assert isinstance(alone, SingleSite)
    assert alone.public_root(campaign) is None  # nothing printed can link to the site

    own = campaign.model_copy(update={"site_url": "https://klimaat.zemst.be"})
    assert member.public_root(own) == alone.public_root(own) == "https://klimaat.zemst.be/"
