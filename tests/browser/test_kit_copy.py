"""The kit page's copy button answers in the campaign's language (kit.js reads its messages
from the page). The page body of a French kit is served with kit.js alone: no site build."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sites import serve
from support.campaigns import MINIMAL, write_campaign
from support.projects import REPO

from campaignkit import i18n
from campaignkit.kit import build_kit
from campaignkit.validation import load_campaign

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

KIT_JS = REPO / "plugins/campaignkit/assets/kit.js"
CAMPAIGN = {
    "title": "Le climat dans ma rue",
    "intro": "Participez avec vos voisins.",
    "language": "fr",
    "municipality": {"name": "Mouscron"},
    "period": {"start": "2027-03-01", "end": "2027-06-30"},
    "contact": {"email": "climat@mouscron.be"},
    "site_url": "https://climat.mouscron.be",
    "branding": {"primary": "#1b5e20", "accent": "#f9a825"},
}


def test_copy_button_answers_in_french(browser: Browser, tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "campaigns", "mouscron", base=MINIMAL, campaign=CAMPAIGN)
    kit = build_kit(
        load_campaign(folder), cache_dir=tmp_path / "cache", stamp=datetime(2027, 2, 1, 9)
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "kit.js").write_bytes(KIT_JS.read_bytes())
    (site / "index.html").write_text(
        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Kit</title>'
        f'<script src="kit.js" defer></script></head><body>{kit.page_html}</body></html>',
        encoding="utf-8",
    )
    with serve(site) as url:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        try:
            page = context.new_page()
            page.goto(url)
            button = page.locator("button[data-copy-target]").first
            button.click()
            status = button.locator("xpath=following-sibling::*[@role='status']")
            words = i18n.kit_labels("fr")
            status.filter(has_text=words["copied"]).wait_for(timeout=5000)
            assert status.text_content() == words["copied"]
            copied = page.evaluate("navigator.clipboard.readText()")
            target = button.get_attribute("data-copy-target")
            assert copied == page.locator(f"#{target}").text_content()
        finally:
            context.close()
