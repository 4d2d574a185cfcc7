"""Every internal link, image and anchor of every page resolves on the served site."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from browsing import Site
from checks import link_problems
from sites import SITES

pytestmark = pytest.mark.browser


def _pages(site: Site) -> list[str]:
    """Every HTML page of the site (a portal has one 404 page: its own)."""
    root = site.build.site_dir
    return [
        urljoin(site.url, file.relative_to(root).as_posix().removesuffix("index.html"))
        for file in sorted(root.rglob("*.html"))
    ]


@pytest.mark.parametrize("name", SITES)
def test_internal_links_and_anchors_resolve(sites: dict[str, Site], name: str) -> None:
    site = sites[name]
    problems = link_problems(site.url, site.build.site_dir, site.aliases, _pages(site))
    assert not problems, "\n".join(problems)
