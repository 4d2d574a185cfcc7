"""Every page type of every campaign, on a phone and a desktop: WCAG 2.1 AA by axe-core, no
request that leaves the site, no console errors or dialogs, and a screenshot to look at."""

from __future__ import annotations

import io
import os

import pytest
from browsing import README_SHOTS, Visits
from checks import SIZES, VIEWPORTS, page_cases
from PIL import Image
from sites import SITES

pytestmark = pytest.mark.browser

PAGES = page_cases(SITES, VIEWPORTS)


@pytest.mark.parametrize(("campaign", "page_type", "viewport"), PAGES)
def test_axe_finds_no_wcag_violations(
    visits: Visits, campaign: str, page_type: str, viewport: str
) -> None:
    visit = visits(campaign, page_type, viewport)
    assert not visit.violations, f"axe-core on {visit.url}:\n" + "\n".join(visit.violations)


@pytest.mark.parametrize(("campaign", "page_type", "viewport"), PAGES)
def test_no_request_leaves_the_site(
    visits: Visits, campaign: str, page_type: str, viewport: str
) -> None:
    visit = visits(campaign, page_type, viewport)
    problems = visit.recorder.offsite() + visit.recorder.failed
    assert not problems, f"{visit.url}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("campaign", "page_type", "viewport"), PAGES)
def test_no_console_errors_or_dialogs(
    visits: Visits, campaign: str, page_type: str, viewport: str
) -> None:
    visit = visits(campaign, page_type, viewport)
    problems = visit.recorder.console + visit.recorder.dialogs
    assert not problems, f"{visit.url}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("campaign", "page_type", "viewport"), PAGES)
def test_screenshot(visits: Visits, campaign: str, page_type: str, viewport: str) -> None:
    visit = visits(campaign, page_type, viewport)
    with Image.open(visit.screenshot) as image:
        assert image.width == SIZES[viewport][0]
        # A blank page is a single colour.
        assert any(low != high for low, high in image.convert("RGB").getextrema())
    target = README_SHOTS.get((campaign, page_type, viewport))
    if target and os.environ.get("CAMPAIGNKIT_README_IMAGES") == "1":
        target.parent.mkdir(exist_ok=True)
        with Image.open(io.BytesIO(visit.viewport_shot)) as image:
            small = image.convert("RGB")
            if small.width > 1000:
                small = small.resize((1000, round(small.height * 1000 / small.width)))
            small.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
