"""Chromium pages on the served sites: fresh contexts that never reach other hosts, and each
(campaign, page type, viewport) visited once for the checks that only look."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from checks import PAGE_TYPE, SIZES, Recorder, axe_violations, settle
from sites import Build
from support.projects import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = os.environ.get("CAMPAIGNKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Only the test server resolves: whatever a page asks of another host fails at once, but
    # is still seen (and reported) as a request.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
SCREENSHOTS = Path(__file__).with_name("screenshots")
SHOT_HEIGHT = 12_000
#: Screenshots shown in the README, written there with CAMPAIGNKIT_README_IMAGES=1.
README_SHOTS = {
    ("asse", "home", "phone"): REPO / "docs-images" / "asse-home-phone.png",
    ("asse", "action", "desktop"): REPO / "docs-images" / "asse-action-desktop.png",
}


@dataclass(frozen=True)
class Site:
    """A built campaign served on 127.0.0.1."""

    build: Build
    url: str

    @property
    def name(self) -> str:
        return self.build.name

    @property
    def aliases(self) -> tuple[str, ...]:
        """The public address of the site, which canonical links and og:image use."""
        campaign = self.build.campaign_dir / "campaign.yml"
        if not campaign.is_file():
            return ()
        site_url = yaml.safe_load(campaign.read_text("utf-8")).get("site_url")
        return (site_url.rstrip("/") + "/",) if site_url else ()

    def path(self, page_type: str) -> str:
        """The address of a page type in this site; fails (or skips, if optional) without one."""
        kind = PAGE_TYPE[page_type]
        path = kind.find(self.build.site_dir)
        if path is None:
            if kind.required:
                pytest.fail(f"{self.name}: the build has no '{page_type}' page")
            pytest.skip(f"{self.name}: the build has no '{page_type}' page")
        return path

    def url_for(self, path: str) -> str:
        return self.url + path.lstrip("/")


def new_context(browser: Browser, size: str, **options: Any) -> BrowserContext:
    """A fresh context (no cache, no cookies).

    ``size`` is a key of SIZES; "narrow" is a desktop browser zoomed to 400 %, "phone" a phone.
    """
    width, height = SIZES[size]
    if size == "phone":
        options = {"is_mobile": True, "has_touch": True, **options}
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="nl-BE",
        timezone_id="Europe/Brussels",
        service_workers="block",
        **options,
    )
    return context


def open_page(context: BrowserContext, url: str, *, lazy: bool = False) -> tuple[Page, Recorder]:
    """Load a page, recording what it does; with ``lazy``, also scroll through it and wait
    for its lazy images."""
    page = context.new_page()
    recorder = Recorder()
    recorder.attach(page)
    page.goto(url, wait_until="load")
    if lazy:
        recorder.failed += settle(page)
    return page, recorder


def full_page_shot(page: Page, path: Path) -> None:
    """The whole page as one image, or its first SHOT_HEIGHT pixels: for a page tens of
    thousands of pixels long (the kit's), a phone's full-page screenshot lays the page out
    at its whole height, which takes Chromium longer than the screenshot is worth."""
    height = page.evaluate("document.documentElement.scrollHeight")
    if height <= SHOT_HEIGHT:
        page.screenshot(path=path, full_page=True)
        return
    viewport = page.viewport_size
    assert viewport is not None
    page.set_viewport_size({"width": viewport["width"], "height": SHOT_HEIGHT})
    try:
        page.screenshot(path=path)
    finally:
        page.set_viewport_size(viewport)


@dataclass
class Visit:
    """One page at one size: what it requested and logged, what axe found, its screenshot."""

    url: str
    recorder: Recorder
    violations: list[str]
    screenshot: Path
    viewport_shot: bytes = field(repr=False, default=b"")


class Visits:
    """Each (campaign, page type, viewport) is loaded once and read by several tests."""

    def __init__(self, browser: Browser, sites: dict[str, Site]) -> None:
        self.browser = browser
        self.sites = sites
        self.cache: dict[tuple[str, str, str], Visit] = {}
        self.contexts: dict[tuple[str, str], BrowserContext] = {}

    def __call__(self, campaign: str, page_type: str, viewport: str) -> Visit:
        key = (campaign, page_type, viewport)
        if key not in self.cache:
            site = self.sites[campaign]
            url = site.url_for(site.path(page_type))
            page, recorder = open_page(self.context(campaign, viewport), url, lazy=True)
            try:
                violations = axe_violations(page)
                shot = SCREENSHOTS / campaign / f"{page_type}-{viewport}.png"
                shot.parent.mkdir(parents=True, exist_ok=True)
                full_page_shot(page, shot)
                top = page.screenshot() if key in README_SHOTS else b""
            finally:
                page.close()
            self.cache[key] = Visit(url, recorder, violations, shot, top)
        return self.cache[key]

    def context(self, campaign: str, size: str) -> BrowserContext:
        # One context per site and size: pages share its cache, which is all local.
        if (campaign, size) not in self.contexts:
            self.contexts[campaign, size] = new_context(self.browser, size)
        return self.contexts[campaign, size]

    @contextmanager
    def open(
        self, campaign: str, size: str, page_type: str, *, lazy: bool = False
    ) -> Iterator[tuple[Page, Recorder]]:
        """A fresh page of a page type, for checks that interact with it."""
        site = self.sites[campaign]
        url = site.url_for(site.path(page_type))
        page, recorder = open_page(self.context(campaign, size), url, lazy=lazy)
        try:
            yield page, recorder
        finally:
            page.close()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()
