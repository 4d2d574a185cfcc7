"""The URL contract: page addresses and the one rule for a campaign's public root."""

from __future__ import annotations

from campaignkit.urls import (
    Addresses,
    action_url,
    campaign_root,
    event_url,
    page_url,
    public_root,
    relative_url,
    zip_name,
)


def test_page_addresses_follow_directory_urls() -> None:
    assert page_url("index.md") == ""
    assert page_url("acties/index.md") == "acties/"
    assert page_url("partners.md") == "partners/"
    assert action_url("geveltuin") == "acties/geveltuin/"
    assert event_url("markt") == "agenda/markt/"


def test_relative_urls_climb_out_of_the_page_folder() -> None:
    assert relative_url("acties/geveltuin/", "assets/a.css") == "../../assets/a.css"
    assert relative_url("", "acties/") == "acties/"
    assert relative_url("acties/", "acties/x/") == "x/"


def test_one_rule_for_the_public_root() -> None:
    assert public_root("https://klimaat.asse.be") == "https://klimaat.asse.be/"
    assert public_root("https://klimaat.asse.be///") == "https://klimaat.asse.be/"
    assert public_root(None) is None
    assert campaign_root("https://klimaat.asse.be", "asse", "https://p.be/") == (
        "https://klimaat.asse.be/"
    )
    assert campaign_root(None, "asse", "https://p.be/campagnes") == "https://p.be/campagnes/asse/"
    assert campaign_root(None, "asse") is None


def test_absolute_addresses() -> None:
    site = Addresses("https://p.be/asse/")
    assert site.action("geveltuin") == "https://p.be/asse/acties/geveltuin/"
    assert site.event_calendar("markt") == "https://p.be/asse/agenda/markt.ics"
    assert site.calendar_feed() == "https://p.be/asse/agenda.ics"
    assert site.kit_zip("asse") == "https://p.be/asse/kit/asse-communicatiekit.zip"
    assert zip_name("asse") == "asse-communicatiekit.zip"
    nowhere = Addresses(None)
    assert nowhere.home() is None and nowhere.event("markt") is None
