"""Campaign to page specs, without MkDocs: URLs, escaping, links, dates, images, languages."""

from __future__ import annotations

import posixpath
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support.campaigns import Sample, event_model, picture

from campaignkit import branding
from campaignkit.i18n import LABELS
from campaignkit.model import Campaign, Location
from campaignkit.pages import Heading, Site, build_site
from campaignkit.pages.render import headings
from campaignkit.pages.static import BRANDING_STYLESHEET, SCRIPT, STYLESHEET, branding_css
from campaignkit.problems import CampaignError
from campaignkit.urls import (
    ACCESSIBILITY,
    ACTIONS,
    AGENDA,
    CAMPAIGN_ICS,
    HOME,
    NEWS,
    NEWS_FEED,
    PARTNERS,
    PRIVACY,
    page_url,
    relative_url,
)

HOSTILE = '"><script>alert(1)</script>'
TODAY = date(2027, 5, 1)


#: A small campaign with two actions, three events and two partners.
DEMO = Sample(
    campaign={
        "title": "Klimaatstraten",
        "tagline": "Samen voor het klimaat",
        "intro": "Doe mee met **je straat**.",
        "language": "nl",
        "municipality": {"name": "Asse", "website": "https://www.asse.be"},
        "period": {"start": "2027-03-01", "end": "2027-10-31"},
        "contact": {"name": "Klimaatloket", "email": "klimaat@asse.be", "phone": "0471 12 34 56"},
        "signup_url": "https://forms.example.org/inschrijven",
        "site_url": "https://klimaat.example.be/",
        "branding": {"primary": "#1b5e20", "accent": "#f9a825", "logo": "images/logo.png"},
        "hero": {"image": "images/hero.jpg", "alt": "Een straat vol groen", "credit": "Foto: Ann"},
        "partners": [
            {
                "id": "coop",
                "name": "Zonnige coöperatie",
                "url": "https://coop.example.org",
                "logo": "images/partners/coop.png",
                "role": "Helpt met isoleren",
            },
            {"id": "buurt", "name": "Buurtwerk"},
        ],
    },
    actions={
        "fietsherstel": {
            "title": "Fietsherstel",
            "summary": "Leer je fiets zelf herstellen.",
            "theme": "mobiliteit",
            "audience": ["inwoners", "jongeren"],
            "effort": "low",
            "status": "planned",
            "image": {"src": "images/acties/fiets.jpg", "alt": "Een fiets", "credit": "Jan"},
            "body": "## Zo werkt het\n\nKom langs met je fiets.",
            "partners": ["coop"],
            "events": ["workshop"],
        },
        "dakisolatie": {
            "title": "Dakisolatie",
            "summary": "Isoleer je dak met de buren.",
            "theme": "energie",
            "audience": ["gezinnen"],
            "status": "running",
        },
    },
    events={
        "workshop": {
            "title": "Workshop fietsherstel",
            "start": "2027-05-15 18:00",
            "end": "20:00",
            "location": {"name": "Fietsatelier", "address": "Stationsplein 3, 1730 Asse"},
            "registration_url": "https://forms.example.org/workshop",
        },
        "infoavond": {
            "title": "Infoavond",
            "start": "2027-04-10 19:30",
            "end": "21:00",
            "online_url": "https://meet.example.org/infoavond",
            "actions": ["dakisolatie"],
        },
        "markt": {
            "title": "Klimaatmarkt",
            "start": "2027-06-12",
            "location": {"name": "Gemeenteplein"},
            "status": "cancelled",
            "registration_url": "https://forms.example.org/markt",
        },
    },
    images={
        "images/hero.jpg": picture(1800, 900, kind="JPEG"),
        "images/acties/fiets.jpg": picture(1200, 800, kind="JPEG"),
        "images/logo.png": picture(300, 300),
        "images/partners/coop.png": picture(400, 200),
    },
)


def make_campaign(root: Path, **changes: object) -> Campaign:
    """:data:`DEMO` with ``changes`` to campaign.yml, written into ``root/demo`` (the pages
    read its images) and made into its model there, actions and events in the order above."""
    sample = DEMO.changed(campaign=changes)
    return sample.model("demo", sample.write(root / "demo"))


@pytest.fixture
def campaign(tmp_path: Path) -> Campaign:
    return make_campaign(tmp_path)


@pytest.fixture
def site(campaign: Campaign) -> Site:
    return build_site(campaign, base_url=campaign.site_url, today=TODAY)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src"):
            if found.get(name):
                self.links.append((tag, found[name] or "", found))
        for part in (found.get("srcset") or "").split(","):
            if part.strip():
                self.links.append((tag, part.split()[0], found))


def links(html: str) -> list[tuple[str, str, dict[str, str | None]]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


# -- the URL contract ---------------------------------------------------------------------


def test_every_page_and_file_of_the_url_contract(site: Site) -> None:
    assert [page.src_uri for page in site.pages] == [
        HOME,
        ACTIONS,
        "acties/fietsherstel.md",
        "acties/dakisolatie.md",
        AGENDA,
        "agenda/infoavond.md",
        "agenda/workshop.md",
        "agenda/markt.md",
        NEWS,  # there before the first item: so are the feed and its address
        PARTNERS,
        ACCESSIBILITY,
        PRIVACY,
    ]
    assert [page.url for page in site.pages][:3] == ["", "acties/", "acties/fietsherstel/"]
    assets = {asset.dest_uri for asset in site.assets}
    assert {
        "agenda/workshop.ics",
        "agenda/infoavond.ics",
        "agenda/markt.ics",
        CAMPAIGN_ICS,
        NEWS_FEED,
        STYLESHEET,
        BRANDING_STYLESHEET,
        SCRIPT,
    } <= assets
    assert site.stylesheets == (STYLESHEET, BRANDING_STYLESHEET)
    assert site.scripts == (SCRIPT,)
    assert [(p.nav_title, p.src_uri) for p in site.pages if p.in_nav] == [
        ("Start", HOME),
        ("Acties", ACTIONS),
        ("Agenda", AGENDA),
        ("Partners", PARTNERS),
    ]


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", ""),
        ("acties/index.md", "acties/"),
        ("acties/geveltuin.md", "acties/geveltuin/"),
        ("toegankelijkheid.md", "toegankelijkheid/"),
    ],
)
def test_page_urls_are_directory_urls(src_uri: str, url: str) -> None:
    assert page_url(src_uri) == url


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [
        ("", "", "./"),
        ("", "acties/", "acties/"),
        ("", "images/hero-640.jpg", "images/hero-640.jpg"),
        ("acties/", "", "../"),
        ("acties/", "acties/fiets/", "fiets/"),
        ("acties/fiets/", "acties/", "../"),
        ("acties/fiets/", "agenda/markt/", "../../agenda/markt/"),
        ("agenda/markt/", "agenda/markt.ics", "../markt.ics"),
        ("partners/", "images/partners/coop-320.png", "../images/partners/coop-320.png"),
    ],
)
def test_relative_urls(here: str, target: str, expected: str) -> None:
    assert relative_url(here, target) == expected


def test_every_internal_link_resolves_and_none_is_rooted(site: Site) -> None:
    targets = {page.url for page in site.pages} | {asset.dest_uri for asset in site.assets}
    for page in site.pages:
        for tag, link, _ in links(page.html):
            parts = urlsplit(link)
            if parts.scheme:
                assert parts.scheme in ("https", "mailto", "tel"), (page.src_uri, link)
                continue
            assert not link.startswith("/"), (page.src_uri, link)
            if not parts.path:
                continue  # an anchor on the same page
            resolved = posixpath.normpath(posixpath.join(page.url or ".", unquote(parts.path)))
            resolved = "" if resolved == "." else resolved
            if link.endswith("/") and resolved:
                resolved += "/"
            assert resolved in targets, (page.src_uri, tag, link)


# -- escaping -------------------------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    base = make_campaign(tmp_path)
    action = base.actions[0].model_copy(
        update={"title": f"Tom & Jerry {HOSTILE}", "summary": f"Samenvatting {HOSTILE}"}
    )
    event = base.events[0].model_copy(
        update={
            "title": f"Feest {HOSTILE}",
            "location": Location(name=f"Zaal {HOSTILE}", address=f"Straat 1 {HOSTILE}"),
        }
    )
    campaign = base.model_copy(
        update={
            "title": f"Tom & Jerry {HOSTILE}",
            "tagline": f"Tag {HOSTILE}",
            "intro": f"Intro <script>alert(2)</script> [klik](javascript:alert(3)) {HOSTILE}",
            "actions": (action, *base.actions[1:]),
            "events": (event, *base.events[1:]),
            "partners": (base.partners[0].model_copy(update={"name": f"P {HOSTILE}"}),),
        }
    )
    site = build_site(campaign, base_url=None, today=TODAY)
    for page in site.pages:
        assert "<script" not in page.html, page.src_uri
        assert "javascript:" not in page.html, page.src_uri
    home = site.page(HOME).html
    assert "Tom &amp; Jerry &#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in home
    # Titles and descriptions stay plain text: the MkDocs adapter escapes them once.
    assert site.title == f"Tom & Jerry {HOSTILE}"
    assert site.page("acties/fietsherstel.md").title == f"Tom & Jerry {HOSTILE}"
    assert site.page("acties/fietsherstel.md").description == f"Samenvatting {HOSTILE}"


def test_markdown_body_is_rendered_and_sanitised(site: Site) -> None:
    html = site.page("acties/fietsherstel.md").html
    assert "<h2>Zo werkt het</h2>" in html  # "##" under the h1 becomes h2, no gap
    assert "<strong>je straat</strong>" in site.page(HOME).html


# -- content --------------------------------------------------------------------------------


def test_home_has_hero_call_to_action_actions_events_partners_and_contact(site: Site) -> None:
    html = site.page(HOME).html
    assert '<h1 id="ck-title">Klimaatstraten</h1>' in html
    assert 'href="https://forms.example.org/inschrijven"' in html
    assert 'class="md-button md-button--primary"' in html
    assert "van 1 maart tot 31 oktober 2027" in html
    assert "Foto: Ann" in html  # a credit that names itself is not prefixed again
    # Running actions come first.
    assert html.index("Dakisolatie") < html.index("Fietsherstel</a>")
    # Upcoming events only: the April event is over on 1 May.
    assert "Workshop fietsherstel" in html
    assert "Infoavond</a>" not in html
    assert "Zonnige coöperatie" in html
    assert "0471 12 34 56" in html
    assert 'href="tel:0471123456"' in html
    assert 'href="mailto:klimaat@asse.be"' in html


def test_images_have_sizes_alt_and_loading(site: Site) -> None:
    html = site.page(HOME).html
    images = [attrs for tag, _, attrs in links(html) if tag == "img"]
    hero = next(a for a in images if a["alt"] == "Een straat vol groen")
    assert hero.get("loading") is None and hero["fetchpriority"] == "high"
    assert hero["width"] == "1600" and hero["height"] == "800"
    assert "images/hero-640.jpg 640w" in (hero["srcset"] or "")
    for attrs in images:
        assert attrs["decoding"] == "async"
        assert attrs["width"] and attrs["height"]
        if attrs is not hero:
            assert attrs["loading"] == "lazy"
    card = next(a for a in images if a["alt"] == "Een fiets")
    assert card["src"] == "images/acties/fiets-960.jpg"
    assets = {asset.dest_uri: asset.data for asset in site.assets}
    assert assets["images/acties/fiets-960.jpg"][:2] == b"\xff\xd8"
    assert site.logo == "images/logo-192.png" and site.favicon == "images/logo-64.png"
    assert assets["images/logo-192.png"][:4] == b"\x89PNG"


def test_actions_page_lists_every_card_without_javascript(site: Site) -> None:
    html = site.page(ACTIONS).html
    cards = re.findall(r'<li class="ck-card"[^>]*>', html)
    assert len(cards) == 2
    assert all("hidden" not in card for card in cards)
    assert 'data-theme="mobiliteit"' in html and 'data-audience="inwoners jongeren"' in html
    form = re.search(r"<form[^>]*>", html)
    assert form is not None and " hidden" in form.group()
    assert '<label class="ck-chip"><input type="checkbox" name="theme" value="energie">' in html
    assert 'aria-live="polite"' in html
    assert '<button type="reset"' in html


def test_action_page(site: Site) -> None:
    html = site.page("acties/fietsherstel.md").html
    for text in (
        "Mobiliteit",
        "Inwoners, Jongeren",
        "Kleine moeite",
        "Binnenkort",
        "Zonnige coöperatie",
        "Workshop fietsherstel",
        "Beeld: Jan",
    ):
        assert text in html, text
    assert 'href="../../agenda/workshop/"' in html
    assert 'href="https://forms.example.org/inschrijven"' in html
    assert 'href="../"' in html  # back to all actions


def test_event_page_when_where_map_and_calendar(site: Site) -> None:
    html = site.page("agenda/workshop.md").html
    assert "zaterdag 15 mei 2027, van 18:00 tot 20:00" in html
    assert '<time datetime="2027-05-15T18:00">' in html
    assert "Stationsplein 3, 1730 Asse" in html
    assert 'href="https://www.openstreetmap.org/search?query=Stationsplein+3%2C+1730+Asse"' in html
    assert 'href="../workshop.ics" download' in html
    assert "Google Agenda" in html and "Outlook" in html
    assert 'href="https://forms.example.org/workshop"' in html
    assert 'href="../../acties/fietsherstel/"' in html  # linked from the action's side


def test_event_with_its_own_image_shows_it_with_its_credit(tmp_path: Path) -> None:
    image = {"src": "images/markt.jpg", "alt": "Kraampjes op het plein", "credit": "Foto: Lies"}
    sample = DEMO.changed(
        events={"workshop": {"image": image}},
        images={"images/markt.jpg": picture(1200, 800, kind="JPEG")},
    )
    campaign = sample.model("demo", sample.write(tmp_path / "demo"))
    site = build_site(campaign, base_url=campaign.site_url, today=TODAY)
    html = site.page("agenda/workshop.md").html
    (shown,) = {a["src"]: a for tag, _, a in links(html) if tag == "img"}.values()
    assert shown["alt"] == "Kraampjes op het plein"
    assert shown["src"] == "../../images/markt-960.jpg"
    assert shown["fetchpriority"] == "high"  # at the top of the page
    assert "Foto: Lies" in html
    assets = {asset.dest_uri for asset in site.assets}
    assert {"images/markt-480.jpg", "images/markt-960.jpg"} <= assets
    # An event without one shows none (its poster and card take the hero).
    assert "<img" not in site.page("agenda/infoavond.md").html


def test_online_event_and_links_from_both_sides(site: Site) -> None:
    html = site.page("agenda/infoavond.md").html
    assert 'href="https://meet.example.org/infoavond"' in html
    assert 'href="../../acties/dakisolatie/"' in html
    assert "agenda/infoavond/" in site.page("acties/dakisolatie.md").html


def test_cancelled_event_is_marked_and_offers_no_registration(site: Site) -> None:
    page = site.page("agenda/markt.md")
    assert "Deze activiteit is geannuleerd." in page.html
    assert "forms.example.org/markt" not in page.html
    assert page.description.startswith("Geannuleerd")
    assert "zaterdag 12 juni 2027 (hele dag)" in page.html
    agenda = site.page(AGENDA).html
    assert 'class="ck-badge ck-badge--cancelled">Geannuleerd' in agenda


def test_agenda_splits_upcoming_and_past_on_today(campaign: Campaign) -> None:
    def sections(today: date) -> tuple[str, str]:
        html = build_site(campaign, base_url=None, today=today).page(AGENDA).html
        upcoming, _, past = html.partition('id="voorbij"')
        return upcoming, past

    upcoming, past = sections(date(2027, 5, 1))
    assert "Workshop fietsherstel" in upcoming and "Infoavond" in past
    upcoming, past = sections(date(2027, 5, 15))  # an event today is still upcoming
    assert "Workshop fietsherstel" in upcoming
    upcoming, past = sections(date(2027, 5, 16))
    assert "Workshop fietsherstel" in past
    assert past.index("Workshop fietsherstel") < past.index("Infoavond")  # latest first


def test_multi_day_event_stays_upcoming_until_it_ends(tmp_path: Path) -> None:
    base = make_campaign(tmp_path)
    event = event_model(
        "kamp",
        title="Kamp",
        start="2027-05-14 10:00",
        end="2027-05-16 16:00",
        location={"name": "Bos"},
    )
    campaign = base.model_copy(update={"events": (event,)})
    site = build_site(campaign, base_url=None, today=date(2027, 5, 15))
    html = site.page(AGENDA).html
    assert 'id="voorbij"' not in html
    assert "van vrijdag 14 mei 2027 om 10:00 tot zondag 16 mei 2027 om 16:00" in html


def test_partners_accessibility_and_privacy(site: Site) -> None:
    partners = site.page(PARTNERS).html
    assert 'href="https://coop.example.org"' in partners and "Helpt met isoleren" in partners
    statement = site.page(ACCESSIBILITY).html
    for text in (
        "WCAG",
        "2.1",
        "AA",
        "gedeeltelijk in overeenstemming",
        "klimaat@asse.be",
        "1 mei 2027",
        "forms.example.org",
    ):
        assert text in statement, text
    privacy = site.page(PRIVACY).html
    assert "Geen cookies" in privacy and "forms.example.org" in privacy


def test_footer_links_and_descriptions(site: Site) -> None:
    assert [(link.title, link.url) for link in site.footer_links] == [
        ("Toegankelijkheid", "toegankelijkheid/"),
        ("Privacy", "privacy/"),
    ]
    assert site.description == "Samen voor het klimaat"
    assert site.page(HOME).og_image == "https://klimaat.example.be/images/hero-1600.jpg"


def test_headings_give_the_outline(site: Site) -> None:
    (title,) = site.page(HOME).headings
    assert (title.level, title.id, title.title) == (1, "ck-title", "Klimaatstraten")
    assert [child.id for child in title.children] == ["acties", "agenda", "partners", "contact"]


class _Outline(HTMLParser):
    """h1-h3 elements with an id and their text, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self.open: tuple[int, str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if tag in ("h1", "h2", "h3") and ident:
            self.open = (int(tag[1]), ident, [])

    def handle_endtag(self, tag: str) -> None:
        if self.open and tag == f"h{self.open[0]}":
            level, ident, text = self.open
            self.found.append((level, ident, " ".join("".join(text).split())))
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[2].append(data)


def _flat(items: tuple[Heading, ...]) -> list[tuple[int, str, str]]:
    return [x for h in items for x in [(h.level, h.id, h.title), *_flat(h.children)]]


def _outline(html: str) -> list[tuple[int, str, str]]:
    parser = _Outline()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.parametrize(
    "html",
    [
        '<h2 class="a" id="x">Een &amp; <em>twee</em>\n  drie</h2>',
        '<h3 data-id="nee">niet</h3><h3 data-id="nee" id="ja">wel</h3>',
        '<h2 id="">leeg</h2><h4 id="diep">te diep</h4><h1 id="t">Titel &lt;b&gt;</h1>',
        '<h2 id="a&amp;b">x</h2 ><p id="p">geen kop</p>',
    ],
)
def test_the_outline_reads_headings_as_a_browser_does(html: str) -> None:
    assert _flat(headings(html)) == _outline(html)


def test_the_outline_of_every_page_matches_a_browser(site: Site) -> None:
    for page in site.pages:
        assert _flat(page.headings) == _outline(page.html), page.src_uri


def test_without_site_url_there_are_no_absolute_links_to_the_site(campaign: Campaign) -> None:
    site = build_site(campaign.model_copy(update={"site_url": None}), base_url=None, today=TODAY)
    assert site.page(HOME).og_image is None
    for page in site.pages:
        assert "klimaat.example.be" not in page.html


def test_build_is_deterministic(campaign: Campaign) -> None:
    first = build_site(campaign, base_url=campaign.site_url, today=TODAY)
    second = build_site(campaign, base_url=campaign.site_url, today=TODAY)
    assert first == second


def test_reserved_slug_index_is_a_located_problem(campaign: Campaign) -> None:
    clash = campaign.actions[1].model_copy(update={"slug": "index"})
    with pytest.raises(CampaignError) as error:
        build_site(campaign.model_copy(update={"actions": (clash,)}), base_url=None, today=TODAY)
    assert "actions/index.yml" in error.value.report()


# -- branding -------------------------------------------------------------------------------


def _variable(css: str, name: str) -> str:
    found = re.search(rf"{re.escape(name)}: (#[0-9a-f]{{6}});", css)
    assert found, name
    return found.group(1)


def test_branding_css_keeps_colours_readable_on_white(campaign: Campaign) -> None:
    css = branding_css(campaign)
    assert _variable(css, "--md-primary-fg-color") == "#1b5e20"
    accent = _variable(css, "--md-accent-fg-color")  # #f9a825 is far too light on white
    assert accent != "#f9a825" and branding.contrast(accent, "#ffffff") >= 4.5
    assert branding.contrast(_variable(css, "--md-typeset-a-color"), "#ffffff") >= 4.5


# -- languages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ("Toutes les actions", "samedi 15 mai 2027, de 18:00 à 20:00", "Mobilité")),
        ("en", ("All actions", "Saturday 15 May 2027, 18:00 to 20:00", "Mobility")),
    ],
)
def test_other_languages(tmp_path: Path, language: str, words: tuple[str, ...]) -> None:
    campaign = make_campaign(tmp_path, language=language)
    site = build_site(campaign, base_url=None, today=TODAY)
    html = "".join(page.html for page in site.pages)
    for word in words:
        assert word in html, word
    assert site.page(ACTIONS).title == LABELS[language]["actions"]
    assert site.language == language


def test_french_elides_before_a_municipality_or_title_with_a_vowel(tmp_path: Path) -> None:
    campaign = make_campaign(
        tmp_path,
        language="fr",
        title="Au vert",
        municipality={"name": "Anvers", "website": "https://www.anvers.be"},
    )
    site = build_site(campaign, base_url=None, today=TODAY)
    assert "Une campagne d’Anvers." in site.page(HOME).html
    assert "Site web d’Anvers" in site.page(HOME).html
    assert site.page(ACTIONS).description == "Toutes les actions d’Au vert."
