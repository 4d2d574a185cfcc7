"""The action filters on /acties/: by mouse and by keyboard, and every action without them."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest
from browsing import Site, Visits, new_context
from checks import VIEWPORTS, cases
from sites import CAMPAIGNS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

#: The summary of the filters when they are folded away (on small screens).
_FOLDED = "form[data-ck-filter] details:not([open]) > summary"
_SHOWN = "cards => cards.filter(c => c.checkVisibility()).map(c => c.dataset.theme)"


def _rarest_theme(page: Page) -> str:
    themes = Counter(
        page.eval_on_selector_all("[data-ck-card]", "cs => cs.map(c => c.dataset.theme)")
    )
    assert len(themes) > 1, f"all actions share one theme: {themes}"
    return min(themes, key=lambda theme: (themes[theme], theme))


def _expected_count(page: Page, count: int) -> str:
    form = page.locator("form[data-ck-filter]")
    if count == 0:
        return form.get_attribute("data-count-zero") or ""
    if count == 1:
        return form.get_attribute("data-count-one") or ""
    return (form.get_attribute("data-count-other") or "").replace("{count}", str(count))


def _wait_for(page: Page, count: int) -> None:
    """The filter updates on its own time (a reset is handled after the form has reset)."""
    page.wait_for_function(
        "n => [...document.querySelectorAll('[data-ck-card]')]"
        ".filter(c => c.checkVisibility()).length === n",
        arg=count,
        timeout=2000,
    )


def _check_only(page: Page, theme: str, total: Counter[str]) -> None:
    _wait_for(page, total[theme])
    shown = page.eval_on_selector_all("[data-ck-card]", _SHOWN)
    assert shown and set(shown) == {theme}, f"theme {theme} chosen, cards shown: {shown}"
    assert len(shown) == total[theme]
    status = page.locator("[data-ck-count]").inner_text().strip()
    assert status == _expected_count(page, len(shown)).strip()


def _check_all(page: Page, total: Counter[str]) -> None:
    _wait_for(page, total.total())
    shown = page.eval_on_selector_all("[data-ck-card]", _SHOWN)
    assert Counter(shown) == total
    status = page.locator("[data-ck-count]").inner_text().strip()
    assert status == _expected_count(page, len(shown)).strip()


def _tab_to(page: Page, selector: str) -> None:
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reaches {selector}")


@pytest.mark.parametrize(("campaign", "viewport"), cases(CAMPAIGNS, VIEWPORTS))
def test_filter_by_theme_with_the_mouse(visits: Visits, campaign: str, viewport: str) -> None:
    with visits.open(campaign, viewport, "actions") as (page, _):
        assert page.locator("form[data-ck-filter]").is_visible()
        total = Counter(page.eval_on_selector_all("[data-ck-card]", _SHOWN))
        _check_all(page, total)
        theme = _rarest_theme(page)
        if page.locator(_FOLDED).count():
            page.locator(_FOLDED).click()
        page.locator(f'label:has(> input[name="theme"][value="{theme}"])').click()
        _check_only(page, theme, total)
        page.locator("form[data-ck-filter] [type=reset]").click()
        _check_all(page, total)


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_filter_by_theme_with_the_keyboard(visits: Visits, campaign: str) -> None:
    with visits.open(campaign, "desktop", "actions") as (page, _):
        total = Counter(page.eval_on_selector_all("[data-ck-card]", _SHOWN))
        theme = _rarest_theme(page)
        if page.locator(_FOLDED).count():
            _tab_to(page, _FOLDED)
            page.keyboard.press("Enter")
        _tab_to(page, f'input[name="theme"][value="{theme}"]')
        page.keyboard.press("Space")
        _check_only(page, theme, total)
        _tab_to(page, "form[data-ck-filter] [type=reset]")
        page.keyboard.press("Enter")
        _check_all(page, total)


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_every_action_is_listed_without_javascript(
    browser: Browser, sites: dict[str, Site], campaign: str
) -> None:
    site = sites[campaign]
    with new_context(browser, "desktop", java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(site.url_for("/acties/"))
        shown = page.eval_on_selector_all("[data-ck-card]", _SHOWN)
        assert len(shown) == site.build.action_count()
        assert not page.locator("form[data-ck-filter]").is_visible(), (
            "the filter form is shown although it cannot work without JavaScript"
        )
