"""Every internal link, image and anchor of every page resolves on the served site."""

from __future__ import annotations

import pytest
from browsing import Site
from checks import link_problems
from sites import SITES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("campaign", SITES)
def test_internal_links_and_anchors_resolve(sites: dict[str, Site], campaign: str) -> None:
    site = sites[campaign]
    problems = link_problems(site.url, site.build.site_dir, site.aliases)
    assert not problems, "\n".join(problems)
