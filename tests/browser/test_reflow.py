"""WCAG 1.4.10 Reflow: no horizontal scrolling at 320 CSS px; long words and addresses wrap."""

from __future__ import annotations

import pytest
from browsing import Visits
from checks import PAGE_TYPE, overflow_problems, page_cases
from sites import HARD, LONG_URL, LONG_WORD, SITES, Build

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("campaign", "page_type"), page_cases(SITES))
def test_no_horizontal_scrolling_at_320_px(visits: Visits, campaign: str, page_type: str) -> None:
    with visits.open(campaign, "narrow", page_type) as (page, _):
        problems = overflow_problems(page)
        assert not problems, f"{page.url}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page_type", ["home", "action", "event", "partners"])
def test_the_hard_campaign_has_long_words_to_wrap(builds: dict[str, Build], page_type: str) -> None:
    site = builds[HARD].site_dir
    path = PAGE_TYPE[page_type].find(site)
    assert path, page_type
    html = (site / path.strip("/") / "index.html").read_text("utf-8")
    assert LONG_WORD in html
    if page_type != "partners":
        assert LONG_URL in html
