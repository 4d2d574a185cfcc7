"""Keyboard use: the skip link works, and every control is a visibly focused Tab stop."""

from __future__ import annotations

import pytest
from browsing import Visits
from checks import VIEWPORTS, focus_problems, page_cases, skip_link_problems
from sites import SITES

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
