"""The portal index and sharding, without MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.campaigns import ACTION, write_campaign
from support.projects import REPO

from campaignkit.mkdocs.member import share_theme_files
from campaignkit.portal.index import build_portal
from campaignkit.portal.shards import parse_shard
from campaignkit.problems import CampaignError
from campaignkit.validation import find_campaigns, load_campaigns


def test_portal_lists_every_campaign_with_link_logo_and_period() -> None:
    campaigns = load_campaigns(find_campaigns(REPO / "campaigns"))
    site = build_portal(campaigns, title="Klimaatcampagnes", description="Alle campagnes")
    html = site.pages[0].html
    for campaign in campaigns:
        assert f'href="{campaign.slug}/"' in html
        assert campaign.municipality.name in html
    assert "van 1 maart tot 31 oktober 2027" in html
    logos = [a.dest_uri for a in site.assets if "/portal/" in a.dest_uri]
    assert len(logos) == sum(1 for c in campaigns if c.branding.logo)
    assert all(f'src="{logo}"' in html for logo in logos)


@pytest.mark.parametrize("total", [1, 2, 3, 7])
def test_shards_partition_the_campaigns(total: int) -> None:
    slugs = [f"c{i:02d}" for i in range(20)]
    parts = [parse_shard(f"{k}/{total}").select(slugs) for k in range(1, total + 1)]
    assert sorted(s for part in parts for s in part) == sorted(slugs)
    assert sum(len(part) for part in parts) == len(slugs)


@pytest.mark.parametrize("spec", ["0/2", "3/2", "a/b", "2"])
def test_bad_shard_is_explained(spec: str) -> None:
    with pytest.raises(ValueError, match="shard"):
        parse_shard(spec)


def test_member_pages_use_the_portal_theme_files() -> None:
    html = (
        '<link rel="stylesheet" href="../assets/stylesheets/main.abc.min.css">'
        '<script src="assets/javascripts/bundle.js"></script>'
        '<link rel="stylesheet" href="../assets/campaignkit/campaignkit.css">'
        '"search": "./assets/javascripts/workers/search.js"'
        '<img src="../images/foto.jpg">'
    )
    shared = share_theme_files(html)
    assert 'href="../../assets/stylesheets/main.abc.min.css"' in shared
    assert 'src="../assets/javascripts/bundle.js"' in shared
    assert 'href="../assets/campaignkit/campaignkit.css"' in shared  # the campaign's own
    assert '"search": "../assets/javascripts/workers/search.js"' in shared
    assert 'src="../images/foto.jpg"' in shared


def test_settings_alone_give_the_same_index_and_check_campaign_yml(
    tmp_path: Path, campaigns_dir: Path
) -> None:
    """The portal reads campaign.yml alone (workers check the rest): same index, and a
    problem in campaign.yml is still located; one in an action is left to the worker."""
    folders = find_campaigns(REPO / "campaigns")
    whole = build_portal(load_campaigns(folders), title="T", description="D")
    light = build_portal(load_campaigns(folders, settings_only=True), title="T", description="D")
    assert light == whole

    misspelt = {ACTION: {"efort": "low"}}
    folder = write_campaign(campaigns_dir, "asse", actions=misspelt)
    (campaign,) = load_campaigns([folder], base=tmp_path, settings_only=True)
    assert campaign.slug == "asse" and campaign.actions == ()
    with pytest.raises(CampaignError, match="efort"):
        load_campaigns([folder], base=tmp_path)

    write_campaign(campaigns_dir, "asse", actions=misspelt, campaign={"titel": "Dubbel"})
    with pytest.raises(CampaignError) as raised:
        load_campaigns([folder], base=tmp_path, settings_only=True)
    assert any(p.file == "campaigns/asse/campaign.yml" for p in raised.value.problems)
