"""The team filters on /ploegen/: by kind and by action, with the mouse and the keyboard,
and every team without them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from browsing import Site, Visits, new_context
from checks import VIEWPORTS, cases
from sites import CAMPAIGNS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

_FOLDED = "form[data-ck-filter] details:not([open]) > summary"


def _values(page: Page, group: str) -> list[list[str]]:
    """Each card's values for a filter group (``data-kind``, ``data-action``)."""
    return page.eval_on_selector_all(
        "[data-ck-card]", f"cs => cs.map(c => (c.dataset.{group} || '').split(' ').filter(Boolean))"
    )


def _rarest(page: Page) -> tuple[str, str, int]:
    """The filter choice that leaves the fewest (but some) cards: (group, value, count)."""
    choices = []
    for group in ("kind", "action"):
        offered = page.eval_on_selector_all(
            f'form[data-ck-filter] input[name="{group}"]', "is => is.map(i => i.value)"
        )
        cards = _values(page, group)
        for value in offered:
            count = sum(value in values for values in cards)
            choices.append((count, group, value))
    assert choices, "the team list has no filter"
    count, group, value = min(c for c in choices if c[0])
    assert count < len(_values(page, "kind")), "every choice keeps every team"
    return group, value, count


def _wait_for(page: Page, count: int) -> None:
    page.wait_for_function(
        "n => [...document.querySelectorAll('[data-ck-card]')]"
        ".filter(c => c.checkVisibility()).length === n",
        arg=count,
        timeout=2000,
    )


def _check_only(page: Page, group: str, value: str, count: int) -> None:
    _wait_for(page, count)
    shown = page.eval_on_selector_all(
        "[data-ck-card]",
        f"cs => cs.filter(c => c.checkVisibility()).map(c => c.dataset.{group})",
    )
    assert len(shown) == count and all(value in v.split() for v in shown), shown
    status = page.locator("[data-ck-count]").inner_text().strip()
    form = page.locator("form[data-ck-filter]")
    expected = form.get_attribute("data-count-one" if count == 1 else "data-count-other") or ""
    assert status == expected.replace("{count}", str(count)).strip()


def _tab_to(page: Page, selector: str) -> None:
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reaches {selector}")


@pytest.mark.parametrize(("campaign", "viewport"), cases(CAMPAIGNS, VIEWPORTS))
def test_filter_teams_with_the_mouse(visits: Visits, campaign: str, viewport: str) -> None:
    with visits.open(campaign, viewport, "teams") as (page, _):
        assert page.locator("form[data-ck-filter]").is_visible()
        total = page.locator("[data-ck-card]").count()
        _wait_for(page, total)
        group, value, count = _rarest(page)
        if page.locator(_FOLDED).count():
            page.locator(_FOLDED).click()
        page.locator(f'label:has(> input[name="{group}"][value="{value}"])').click()
        _check_only(page, group, value, count)
        page.locator("form[data-ck-filter] [type=reset]").click()
        _wait_for(page, total)


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_filter_teams_with_the_keyboard(visits: Visits, campaign: str) -> None:
    with visits.open(campaign, "desktop", "teams") as (page, _):
        total = page.locator("[data-ck-card]").count()
        group, value, count = _rarest(page)
        if page.locator(_FOLDED).count():
            _tab_to(page, _FOLDED)
            page.keyboard.press("Enter")
        _tab_to(page, f'input[name="{group}"][value="{value}"]')
        page.keyboard.press("Space")
        _check_only(page, group, value, count)
        _tab_to(page, "form[data-ck-filter] [type=reset]")
        page.keyboard.press("Enter")
        _wait_for(page, total)


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_every_team_is_listed_without_javascript(
    browser: Browser, sites: dict[str, Site], campaign: str
) -> None:
    site = sites[campaign]
    with new_context(browser, "desktop", java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(site.url_for("/ploegen/"))
        visible = page.eval_on_selector_all(
            "[data-ck-card]", "cs => cs.filter(c => c.checkVisibility()).length"
        )
        assert visible == site.build.team_count() > 0
        assert not page.locator("form[data-ck-filter]").is_visible(), (
            "the filter form is shown although it cannot work without JavaScript"
        )
        # The results and every team page are plain links: nothing needs a script.
        assert page.locator('.ck-more a[href="../resultaten/"]').count() == 1
