"""News, phases and the build date in the pages, without MkDocs: the news list (newest first,
paged), each item's page, the home page's latest news and timeline, the news on action and
event pages, and the same campaign built on two days."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
from support.campaigns import ACTION, EVENT, write_campaign

from campaignkit.model import Campaign, Phase
from campaignkit.pages import Site, build_site
from campaignkit.pages.timeline import timeline
from campaignkit.urls import HOME, NEWS, NEWS_FEED, news_src
from campaignkit.validation import load_campaign

PHASES = [
    {"title": "Inschrijven", "start": "2027-02-01", "end": "2027-03-31"},
    {"title": "Aan de slag", "start": "2027-04-01", "end": "2027-05-31", "summary": "Doen."},
    {"title": "Slotfeest", "start": "2027-06-10", "end": "2027-06-30"},
]
NEWS_ITEMS = {
    "start": {
        "title": "De campagne begint",
        "date": "2027-03-01",
        "summary": "Vanaf vandaag doen de straten mee.",
        "body": "## Zo doe je mee\n\nSchrijf je in. <script>alert(1)</script>\n",
    },
    "geveltuinen": {
        "title": "Tien geveltuinen aangelegd",
        "date": "2027-04-20",
        "updated": "2027-04-22",
        "summary": "Tien straten legden geveltuinen aan.",
        "actions": [ACTION],
        "image": {"src": "images/geveltuin.jpg", "alt": "Een geveltuin", "credit": "Ann"},
    },
    "feest-aangekondigd": {
        "title": "Straatfeest op 15 mei",
        "date": "2027-05-02",
        "summary": "Kom naar het straatfeest.",
        "events": [EVENT],
    },
    "terugblik": {
        "title": "Terugblik op het straatfeest",
        "date": "2027-05-20",
        "summary": "Wat een feest was het.",
        "events": [EVENT],
        "actions": [ACTION],
    },
}


@pytest.fixture
def campaign(campaigns_dir: Path) -> Campaign:
    folder = write_campaign(campaigns_dir, campaign={"phases": PHASES}, news=NEWS_ITEMS)
    return load_campaign(folder, base=campaigns_dir.parent)


def site_on(campaign: Campaign, day: date) -> Site:
    return build_site(campaign, base_url=campaign.site_url, today=day)


def html(site: Site, src: str) -> str:
    return site.page(src).html


def texts(pattern: str, body: str) -> list[str]:
    return [
        " ".join(unescape(re.sub("<[^>]+>", "", m)).split())
        for m in re.findall(pattern, body, re.S)
    ]


def news_titles(body: str) -> list[str]:
    return texts(r'class="ck-news__title">(.*?)</h\d>', body)


# -- the news list and the items ----------------------------------------------------------


def test_the_list_shows_what_is_published_newest_first(campaign: Campaign) -> None:
    site = site_on(campaign, date(2027, 5, 2))
    assert news_titles(html(site, NEWS)) == [
        "Straatfeest op 15 mei",
        "Tien geveltuinen aangelegd",
        "De campagne begint",
    ]
    # An item dated after the build's day has no page yet, and no link points at it.
    sources = [page.src_uri for page in site.pages]
    assert news_src("terugblik") not in sources
    assert all("terugblik" not in page.html for page in site.pages)
    assert [(p.nav_title, p.src_uri) for p in site.pages if p.in_nav][3] == ("Nieuws", NEWS)


def test_before_anything_is_published_the_list_and_feed_are_there_but_not_in_the_menu(
    campaign: Campaign,
) -> None:
    site = site_on(campaign, date(2027, 2, 1))
    assert "Er is nog geen nieuws." in html(site, NEWS)
    assert "Nieuws" not in [p.nav_title for p in site.pages if p.in_nav]
    assert site.asset(NEWS_FEED).content.startswith(b"<?xml")
    assert 'id="nieuws"' not in html(site, HOME)


def test_a_long_list_is_paged_with_links_both_ways(campaigns_dir: Path) -> None:
    items = {
        f"bericht-{n:02}": {
            "title": f"Bericht {n}",
            "date": (date(2027, 3, 1) + timedelta(days=n)).isoformat(),
            "summary": f"Samenvatting {n}.",
        }
        for n in range(1, 24)
    }
    folder = write_campaign(campaigns_dir, news=items)
    site = site_on(load_campaign(folder), date(2027, 6, 1))
    sources = [page.src_uri for page in site.pages]
    assert [s for s in sources if s.startswith("nieuws/pagina/")] == [
        "nieuws/pagina/2.md",
        "nieuws/pagina/3.md",
    ]
    first, second, third = (
        html(site, s) for s in (NEWS, "nieuws/pagina/2.md", "nieuws/pagina/3.md")
    )
    assert news_titles(first) == [f"Bericht {n}" for n in range(23, 13, -1)]
    assert news_titles(third) == ["Bericht 3", "Bericht 2", "Bericht 1"]
    # Page 2 links to the newer page 1 and the older page 3, and says which page it is.
    assert '<a href="../../" rel="prev">' in second
    assert '<a href="../3/" rel="next">' in second
    assert re.search(r'<a href="./" aria-current="page">.*?2</a>', second)
    assert 'rel="prev"' not in first and 'rel="next"' not in third
    assert site.page("nieuws/pagina/2.md").title == "Nieuws, pagina 2 van 3"


def test_an_item_page_has_its_dates_summary_image_body_and_links(campaign: Campaign) -> None:
    site = site_on(campaign, date(2027, 5, 2))
    page = site.page(news_src("geveltuinen"))
    assert (page.title, page.description) == ("Tien geveltuinen aangelegd", page.description)
    assert page.description == "Tien straten legden geveltuinen aan."
    assert '<time datetime="2027-04-20">20 april 2027</time>' in page.html
    assert '<time datetime="2027-04-22">22 april 2027</time>' in page.html  # updated
    assert 'alt="Een geveltuin"' in page.html
    assert f'href="../../acties/{ACTION}/"' in page.html
    assert page.og_image and page.og_image.startswith("https://klimaat.zonnebeke.be/images/")
    body = html(site, news_src("start"))
    assert "<h2>Zo doe je mee</h2>" in body
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_home_shows_the_three_latest_and_actions_and_events_their_news(campaign: Campaign) -> None:
    site = site_on(campaign, date(2027, 6, 1))
    assert news_titles(html(site, HOME)) == [
        "Terugblik op het straatfeest",
        "Straatfeest op 15 mei",
        "Tien geveltuinen aangelegd",
    ]
    assert news_titles(html(site, f"acties/{ACTION}.md")) == [
        "Terugblik op het straatfeest",
        "Tien geveltuinen aangelegd",
    ]
    assert news_titles(html(site, f"agenda/{EVENT}.md")) == [
        "Terugblik op het straatfeest",
        "Straatfeest op 15 mei",
    ]


# -- phases --------------------------------------------------------------------------------


def phases_of(body: str) -> list[tuple[str, bool]]:
    """(title, marked current) of each phase in the timeline."""
    items = re.findall(r'<li class="ck-phase[^"]*"( aria-current="step")?>(.*?)</li>', body, re.S)
    return [(texts(r"<h3[^>]*>(.*?)</h3>", inner)[0], bool(current)) for current, inner in items]


def test_the_timeline_is_an_ordered_list_with_the_current_phase_marked(campaign: Campaign) -> None:
    body = html(site_on(campaign, date(2027, 4, 1)), HOME)
    assert '<ol class="ck-phases">' in body
    assert phases_of(body) == [("Inschrijven", False), ("Aan de slag", True), ("Slotfeest", False)]
    assert "Nu bezig" in body
    assert "Volgende fase: Slotfeest, vanaf 10 juni 2027." in body


@pytest.mark.parametrize(
    ("day", "current", "next_phase"),
    [
        (date(2027, 1, 31), None, "Inschrijven"),  # before the first
        (date(2027, 2, 1), "Inschrijven", "Aan de slag"),  # its first day
        (date(2027, 3, 31), "Inschrijven", "Aan de slag"),  # its last day
        (date(2027, 6, 5), None, "Slotfeest"),  # between two
        (date(2027, 6, 30), "Slotfeest", None),
        (date(2027, 7, 1), None, None),  # after the last
    ],
)
def test_which_phase_is_on_and_which_comes_next(
    campaign: Campaign, day: date, current: str | None, next_phase: str | None
) -> None:
    found = timeline(campaign.phases, day)
    assert found is not None
    assert (found.current.title if found.current else None) == current
    assert (found.next.title if found.next else None) == next_phase


def test_home_says_when_the_last_phase_is_on_or_all_are_over(campaign: Campaign) -> None:
    assert "Dit is de laatste fase." in html(site_on(campaign, date(2027, 6, 20)), HOME)
    assert "Alle fasen zijn voorbij." in html(site_on(campaign, date(2027, 7, 1)), HOME)


def test_without_phases_there_is_no_timeline(campaigns_dir: Path) -> None:
    site = site_on(load_campaign(write_campaign(campaigns_dir)), date(2027, 4, 1))
    assert "ck-phases" not in html(site, HOME)
    assert timeline((), date(2027, 4, 1)) is None
    assert timeline((Phase(title="A", start="2027-01-01", end="2027-01-02"),), date(2027, 4, 1))


# -- the site follows the calendar ---------------------------------------------------------


def test_the_same_campaign_on_two_days_shows_other_events_phase_and_news(
    campaign: Campaign,
) -> None:
    before, after = site_on(campaign, date(2027, 5, 10)), site_on(campaign, date(2027, 5, 20))
    early, late = html(before, HOME), html(after, HOME)
    # The street party on 15 May is coming up on the 10th, and past on the 20th.
    upcoming = r'id="agenda">.*?</section>'
    assert "Klimaatwijkfeestcomité" in re.search(upcoming, early, re.S).group()  # type: ignore[union-attr]
    assert "Klimaatwijkfeestcomité" not in re.search(upcoming, late, re.S).group()  # type: ignore[union-attr]
    # The news of the 20th appears on its day.
    assert "Terugblik op het straatfeest" not in early
    assert news_titles(late)[0] == "Terugblik op het straatfeest"
    # A phase is on on the 10th; on the 20th too, and the feed carries one entry more.
    assert phases_of(early)[1] == ("Aan de slag", True)
    feed_before = before.asset(NEWS_FEED).content
    feed_after = after.asset(NEWS_FEED).content
    assert feed_after.count(b"<entry>") == feed_before.count(b"<entry>") + 1
    june = html(site_on(campaign, date(2027, 6, 15)), HOME)
    assert phases_of(june)[2] == ("Slotfeest", True)


def test_two_builds_on_one_day_are_identical(campaign: Campaign) -> None:
    first, second = site_on(campaign, date(2027, 5, 20)), site_on(campaign, date(2027, 5, 20))
    assert first.pages == second.pages
    assert [(a.dest_uri, a.content) for a in first.assets] == [
        (a.dest_uri, a.content) for a in second.assets
    ]
