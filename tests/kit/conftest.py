"""Fixtures: the default campaign (``support.campaigns.DEFAULT``), loaded, and its kit, each
made once per test module."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit_readers import STAMP
from support.campaigns import write_campaign

from campaignkit.kit import Kit, build_kit
from campaignkit.model import Campaign
from campaignkit.validation import load_campaign


@pytest.fixture(scope="module")
def campaign_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_campaign(tmp_path_factory.mktemp("campaigns"))


@pytest.fixture(scope="module")
def campaign(campaign_folder: Path) -> Campaign:
    return load_campaign(campaign_folder)


@pytest.fixture(scope="module")
def kit(campaign: Campaign, tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return build_kit(campaign, cache_dir=tmp_path_factory.mktemp("cache"), stamp=STAMP)
