"""The checkers find what they are for: a copy of a real build, broken on purpose, fails each.

Every break is a small edit of the built files, on its own page, so each check looks at a page
that is wrong in exactly one way it is meant to notice.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browsing import Site, Visits
from checks import (
    PAGE_TYPE,
    axe_violations,
    focus_problems,
    link_problems,
    overflow_problems,
    skip_link_problems,
    vnu_messages,
)
from sites import LONG_WORD, Build, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

BROKEN = "kapot"


def _page_file(site: Path, page_type: str) -> Path:
    path = PAGE_TYPE[page_type].find(site)
    assert path, page_type
    return site / path.strip("/") / "index.html"


def _edit(file: Path, pattern: str, replacement: str, *, everywhere: bool = False) -> None:
    html = file.read_text("utf-8")
    edited, count = re.subn(pattern, replacement, html, count=0 if everywhere else 1, flags=re.S)
    assert count, f"{pattern!r} not found in {file}"
    file.write_text(edited, "utf-8")


def _inject(file: Path, html: str) -> None:
    page = file.read_text("utf-8")
    assert "</head>" in page, file
    file.write_text(page.replace("</head>", html + "</head>", 1), "utf-8")


@pytest.fixture(scope="module")
def broken(builds: dict[str, Build], tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The Asse build, with one break per page type."""
    example = builds["asse"]
    site = tmp_path_factory.mktemp(BROKEN) / "site"
    shutil.copytree(example.site_dir, site)
    # (1) Images without alt text on every action page.
    for action in site.glob("acties/*/index.html"):
        _edit(action, r'(<img\b[^>]*?) alt="[^"]*"', r"\1", everywhere=True)
    # (2) A web font from Google: a request to a third party, as with Material's default font.
    _inject(
        _page_file(site, "home"),
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">',
    )
    # (3) Pale grey text from a style override in the shared stylesheet.
    stylesheet = re.findall(
        r'<link rel="stylesheet" href="([^"]+)"', _page_file(site, "privacy").read_text("utf-8")
    )[-1]
    with (_page_file(site, "privacy").parent / stylesheet).open("a", encoding="utf-8") as css:
        css.write("\n.md-typeset p { color: #b4b4b4 !important; }\n")
    # (4) A link to a page that does not exist and one to an anchor that does not.
    _edit(
        _page_file(site, "agenda"),
        r"(<main\b[^>]*>)",
        r'\1<a href="../acties/bestaat-niet/">weg</a> <a href="#nergens">nergens</a>',
    )
    # (5) Focus styles switched off.
    _inject(
        _page_file(site, "accessibility"),
        "<style>:focus, :focus-visible { outline: none !important; box-shadow: none !important; }"
        "</style>",
    )
    # (6) A long word that may not wrap.
    _edit(
        _page_file(site, "event"),
        r"(<h1\b[^>]*>)",
        rf'<p style="overflow-wrap: normal; word-break: normal">{LONG_WORD}</p>\1',
    )
    # (7) An alert and a console error.
    _inject(
        _page_file(site, "partners"),
        '<script>alert("Hallo"); console.error("kapot");</script>',
    )
    # (8) No skip link on the agenda (its other break is a link, which this does not touch).
    _edit(_page_file(site, "agenda"), r'<a href="#[^"]*" class="md-skip">.*?</a>', "")
    return Build(BROKEN, example.campaign_dir, site)


@pytest.fixture(scope="module")
def broken_visits(browser: Browser, broken: Build) -> Iterator[Visits]:
    with serve(broken.site_dir) as url:
        visits = Visits(browser, {BROKEN: Site(broken, url)})
        yield visits
        visits.close()


def test_axe_finds_an_image_without_alt(broken_visits: Visits) -> None:
    with broken_visits.open(BROKEN, "desktop", "action") as (page, _):
        assert any(line.startswith("image-alt ") for line in axe_violations(page))


def test_nu_checker_finds_an_image_without_alt(broken: Build) -> None:
    file = _page_file(broken.site_dir, "action")
    messages = vnu_messages([file], broken.site_dir)
    assert any("alt" in message for message in messages), messages


def test_network_check_finds_google_fonts(broken_visits: Visits) -> None:
    with broken_visits.open(BROKEN, "phone", "home") as (_, recorder):
        assert any("fonts.googleapis.com" in line for line in recorder.offsite())


def test_axe_finds_text_with_too_little_contrast(broken_visits: Visits) -> None:
    with broken_visits.open(BROKEN, "desktop", "privacy") as (page, _):
        assert any(line.startswith("color-contrast ") for line in axe_violations(page))


def test_link_checker_finds_a_missing_page_and_anchor(broken_visits: Visits) -> None:
    site = broken_visits.sites[BROKEN]
    problems = link_problems(site.url, site.build.site_dir)
    assert any("bestaat-niet" in line and "404" in line for line in problems), problems
    assert any("'nergens'" in line for line in problems), problems


def test_keyboard_check_finds_invisible_focus(broken_visits: Visits) -> None:
    with broken_visits.open(BROKEN, "desktop", "accessibility") as (page, _):
        assert any("no visible focus indicator" in line for line in focus_problems(page))


def test_reflow_check_finds_a_word_that_does_not_wrap(broken_visits: Visits) -> None:
    with broken_visits.open(BROKEN, "narrow", "event") as (page, _):
        assert overflow_problems(page)


def test_skip_link_check_finds_a_missing_skip_link(broken_visits: Visits) -> None:
    with broken_visits.open(BROKEN, "desktop", "agenda") as (page, _):
        assert any("is not a skip link" in line for line in skip_link_problems(page))


def test_dialog_and_console_errors_are_recorded(broken_visits: Visits) -> None:
    with broken_visits.open(BROKEN, "desktop", "partners") as (_, recorder):
        assert recorder.dialogs and any("kapot" in line for line in recorder.console)
