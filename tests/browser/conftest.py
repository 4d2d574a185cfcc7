"""Fixtures of the browser suite: each campaign built once, served on 127.0.0.1, one Chromium.

Chromium, Java and node_modules/ (``npm ci``) must be present: ``scripts/setup.sh --test``
installs them. Without them the suite fails; ``CAMPAIGNKIT_NO_BROWSER=1`` skips it instead,
for quick local runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, Site, Visits
from sites import EXAMPLES, HARD, PORTAL, Build, build_all, serve, write_hard_campaign
from support.projects import REPO, make_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("CAMPAIGNKIT_NO_BROWSER") == "1":
        skip = pytest.mark.skip(reason="CAMPAIGNKIT_NO_BROWSER=1")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """The example campaigns, the hard-colour campaign and the examples' portal, built with
    --strict, in parallel."""
    root = tmp_path_factory.mktemp("builds")
    today = datetime.now(ZoneInfo("Europe/Brussels")).date()
    project = make_project(root / "project")
    hard = write_hard_campaign(project / "campaigns", today)
    jobs = {
        name: (REPO / "mkdocs.yml", REPO / "campaigns" / name, root / f"site-{name}")
        for name in EXAMPLES
    }
    jobs[HARD] = (project / "mkdocs.yml", hard, root / f"site-{HARD}")
    jobs[PORTAL] = (REPO / "mkdocs.yml", REPO / "campaigns", root / f"site-{PORTAL}")
    return build_all(jobs)


@pytest.fixture(scope="session")
def sites(builds: dict[str, Build]) -> Iterator[dict[str, Site]]:
    with ExitStack() as stack:
        yield {
            name: Site(build, stack.enter_context(serve(build.site_dir)))
            for name, build in builds.items()
        }


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def visits(browser: Browser, sites: dict[str, Site]) -> Iterator[Visits]:
    visits = Visits(browser, sites)
    yield visits
    visits.close()
