"""Every internal link, image and anchor of every page resolves on the served site."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from browsing import Site
from checks import link_problems
from sites import SITES

pytestmark = pytest.mark.browser


def _pages(site: Site) -> list[str]:
    """Every HTML page, except a portal member's 404.html: a microsite writes its 404 page
    with root-absolute links for its own address (its site_url), where a host serves it for
    every missing path; in the portal the portal's own 404.html has that role."""
    root = site.build.site_dir
    pages = []
    for file in sorted(root.rglob("*.html")):
        relative = file.relative_to(root)
        if relative.name == "404.html" and len(relative.parts) > 1:
            continue
        pages.append(urljoin(site.url, relative.as_posix().removesuffix("index.html")))
    return pages


@pytest.mark.parametrize("name", SITES)
def test_internal_links_and_anchors_resolve(sites: dict[str, Site], name: str) -> None:
    site = sites[name]
    problems = link_problems(site.url, site.build.site_dir, site.aliases, _pages(site))
    assert not problems, "\n".join(problems)
