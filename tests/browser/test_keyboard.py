"""Keyboard use: the skip link works, and every control is a visibly focused Tab stop."""

from __future__ import annotations

import pytest
from browsing import Visits
from checks import VIEWPORTS, focus_problems, page_cases, skip_link_problems
from sites import CAMPAIGNS, SITES

pytestmark = pytest.mark.browser

PAGES = page_cases(SITES, VIEWPORTS)


@pytest.mark.parametrize(("campaign", "page_type", "viewport"), PAGES)
def test_skip_link_moves_to_the_content(
    visits: Visits, campaign: str, page_type: str, viewport: str
) -> None:
    with visits.open(campaign, viewport, page_type) as (page, _):
        problems = skip_link_problems(page)
        assert not problems, f"{page.url}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("campaign", "page_type", "viewport"), PAGES)
def test_every_control_is_a_visible_tab_stop(
    visits: Visits, campaign: str, page_type: str, viewport: str
) -> None:
    with visits.open(campaign, viewport, page_type) as (page, _):
        problems = focus_problems(page)
        assert not problems, f"{page.url}:\n" + "\n".join(problems)


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_menu_and_search_open_from_the_keyboard(visits: Visits, campaign: str) -> None:
    """On a phone the menu and search are buttons: Tab reaches them, Enter opens what they
    name, Escape closes the menu and gives the focus back."""
    with visits.open(campaign, "phone", "home") as (page, _):
        menu = page.locator('button[data-ck-for="__drawer"]')
        assert menu.get_attribute("aria-label"), "the menu button has no name"
        assert menu.get_attribute("aria-expanded") == "false"
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.ckFor") == "__drawer":
                break
        else:
            pytest.fail("Tab never reaches the menu button")
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__drawer').checked")
        assert menu.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.dataset.ckFor") == "__drawer"

        search = page.locator('button[data-ck-for="__search"]')
        assert search.get_attribute("aria-label"), "the search button has no name"
        search.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__search').checked")
        page.wait_for_function(
            "document.activeElement === document.querySelector('.md-search__input')",
            timeout=2000,
        )
