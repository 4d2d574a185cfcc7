"""The kit of a French or English campaign speaks its language: the /kit/ page, the labels
of its downloads, LEESMIJ.txt and the messages kit.js shows. No Dutch word of the kit's own
is left in them (the campaigns' texts are French or English too, so any Dutch is ours)."""

from __future__ import annotations

import functools
import html
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from kit_readers import STAMP
from markupsafe import Markup
from support.campaigns import OMIT, ImageData, Sample, logo, photo, write_campaign

from campaignkit import i18n
from campaignkit.kit import Kit, build_kit
from campaignkit.kit.outputs.qr_codes import NO_SITE_URL
from campaignkit.kit.page import fill
from campaignkit.validation import load_campaign

KIT_JS = Path(__file__).resolve().parents[2] / "plugins/campaignkit/assets/kit.js"

#: Labels every kit page shows, and those shown with or without a site_url.
PAGE_KEYS = (
    "intro",
    "download_all",
    "contents",
    "texts",
    "images",
    "posters",
    "calendar",
    "texts_intro",
    "show_plain",
    "copy_button",
    "cards",
    "cards_intro",
    "landscape",
    "square",
    "pictures",  # a photo and an image whose kind nothing tells: the neutral word
    "logos",
    "posters_intro",
    "calendar_intro",
    "everything",
    "zip_sentence",
    "web",
    "print",
    "social",
    "crop_square",
    "crop_portrait",
    "crop_story",
    "crop_link",
    "plain_text",
    "all_events",
    "logo_of",
)
SITE_KEYS = ("qr_codes", "qr_intro", "qr_to", "qr_svg", "qr_png")
NO_SITE_KEYS = ("no_site_url", "no_qr_codes")


def _fragments(value: str) -> set[str]:
    """The words of a label between its placeholders, line by line, without the
    punctuation around them; only pieces with at least three letters."""
    found = set()
    for line in value.split("\n"):
        for part in re.split(r"\{\w+\}", line):
            part = part.strip(" .,:;()“”«»'-*")
            if sum(character.isalpha() for character in part) >= 3:
                found.add(part)
    return found


def _all_fragments(language: str) -> set[str]:
    found = set()
    for value in i18n.KIT_LABELS[language].values():
        found |= _fragments(value)
    text_for = i18n.KIT_LABELS[language]["text_for"]
    for channel in i18n.CHANNEL_LABELS[language].values():
        found.add(text_for.format(channel=channel))
    return found


def _dutch_left(text: str, language: str) -> list[str]:
    """The kit's Dutch words in ``text`` that the other language does not share."""
    dutch = _all_fragments("nl") - _all_fragments(language)
    return sorted(fragment for fragment in dutch if fragment in text)


class _OuterDiv(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.attributes is None and tag == "div":
            self.attributes = dict(attrs)


_IMAGES: dict[str, ImageData] = {
    "images/hero.jpg": functools.partial(photo, 1600, 900),
    "images/facade.jpg": functools.partial(photo, 900, 1200),
    "images/logo.png": logo,
}

#: A campaign like the default one, written by a French- and an English-speaking municipality:
#: every word of their kit that is not theirs comes from the kit's own strings.
TRANSLATED = {
    "fr": Sample(
        campaign={
            "title": "Le climat dans ma rue",
            "tagline": "Ensemble, rendons Mouscron plus verte",
            "intro": "Participez avec vos voisins.",
            "language": "fr",
            "municipality": {"name": "Mouscron", "website": "https://www.mouscron.be"},
            "period": {"start": "2027-03-01", "end": "2027-06-30"},
            "contact": {
                "name": "Service Environnement",
                "email": "climat@mouscron.be",
                "phone": "056 86 01 11",
            },
            "site_url": "https://climat.mouscron.be",
            "branding": {"primary": "#1b5e20", "accent": "#f9a825", "logo": "images/logo.png"},
            "hero": {
                "image": "images/hero.jpg",
                "alt": "Une rue bordée d’arbres",
                "credit": "Photo : Ville de Mouscron",
            },
        },
        actions={
            "facade": {
                "title": "Une façade verte",
                "summary": "Retirez quelques dalles et plantez des grimpantes.",
                "theme": "vergroening",
                "image": {
                    "src": "images/facade.jpg",
                    "alt": "Une façade couverte de plantes grimpantes",
                    "licence": "CC BY 4.0",
                },
                "events": ["fete"],
            }
        },
        events={
            "fete": {
                "title": "Fête des voisins <b>climat</b>",
                "start": "2027-05-15 14:00",
                "end": "17:00",
                "location": {"name": "Grand-Place", "address": "Grand-Place 1, 7700 Mouscron"},
                "description": "Venez avec vos voisins. Il y aura de la soupe.",
            }
        },
        images=_IMAGES,
    ),
    "en": Sample(
        campaign={
            "title": "Climate in my street",
            "tagline": "Together we make Brussels greener",
            "intro": "Join in with your neighbours.",
            "language": "en",
            "municipality": {"name": "City of Brussels", "website": "https://www.brussels.be"},
            "period": {"start": "2027-03-01", "end": "2027-06-30"},
            "contact": {
                "name": "Environment department",
                "email": "climate@brussels.be",
                "phone": "02 279 22 11",
            },
            "site_url": "https://climate.brussels.be",
            "branding": {"primary": "#1b5e20", "accent": "#f9a825", "logo": "images/logo.png"},
            "hero": {
                "image": "images/hero.jpg",
                "alt": "A street lined with trees",
                "credit": "Photo: City of Brussels",
            },
        },
        actions={
            "facade": {
                "title": "A green front wall",
                "summary": "Lift a few paving stones and plant climbers.",
                "theme": "vergroening",
                "image": {
                    "src": "images/facade.jpg",
                    "alt": "A front wall covered in climbing plants",
                    "licence": "CC BY 4.0",
                },
                "events": ["party"],
            }
        },
        events={
            "party": {
                "title": "Neighbourhood <b>climate</b> party",
                "start": "2027-05-15 14:00",
                "end": "17:00",
                "location": {"name": "Grand Place", "address": "Grand Place 1, 1000 Brussels"},
                "description": "Come along with your neighbours. There will be soup.",
            }
        },
        images=_IMAGES,
    ),
}

CASES = [("fr", True), ("fr", False), ("en", True), ("en", False)]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(
    scope="module", params=CASES, ids=[f"{lang}-{'site' if s else 'nosite'}" for lang, s in CASES]
)
def translated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, cache_dir: Path
) -> tuple[str, bool, Kit]:
    """The kit of a French or English campaign, with a site_url, or without one and with a
    small photo (so LEESMIJ.txt has notes). All share one cache, as languages in a portal do."""
    language, site_url = request.param
    folder = write_campaign(
        tmp_path_factory.mktemp("campaigns"),
        f"{language}-{'site' if site_url else 'nosite'}",
        base=TRANSLATED[language],
        campaign=None if site_url else {"site_url": OMIT},
        images=None if site_url else {"images/hero.jpg": photo(600, 400)},
    )
    campaign = load_campaign(folder)
    return language, site_url, build_kit(campaign, cache_dir=cache_dir, stamp=STAMP)


def test_kit_page_has_no_dutch_of_ours(translated) -> None:
    language, _, kit = translated
    assert _dutch_left(html.unescape(kit.page_html), language) == []


def test_kit_page_shows_the_language_s_labels(translated) -> None:
    language, site_url, kit = translated
    words = i18n.kit_labels(language)
    page = html.unescape(kit.page_html)
    keys = PAGE_KEYS + (SITE_KEYS if site_url else NO_SITE_KEYS)
    missing = {
        key: fragment for key in keys for fragment in _fragments(words[key]) if fragment not in page
    }
    assert missing == {}
    for channel in ("newsletter", "social", "press", "poster", "letter", "email", "whatsapp"):
        label = words["text_for"].format(channel=i18n.CHANNEL_LABELS[language][channel])
        assert f'<p class="ck-kit-text__meta">{label}' in page


def test_kit_page_numbers_follow_the_language(translated) -> None:
    language, _, kit = translated
    size = r"\d+\.\d MB" if language == "en" else r"\d+,\d Mo"
    assert re.search(rf"\(ZIP, {size}\)", kit.page_html)
    assert re.search(r"\(PDF, \d+ kB\)" if language == "en" else r"\(PDF, \d+ ko\)", kit.page_html)


def test_kit_js_gets_the_translated_messages(translated) -> None:
    language, _, kit = translated
    words = i18n.kit_labels(language)
    outer = _OuterDiv()
    outer.feed(kit.page_html)
    assert outer.attributes is not None
    assert outer.attributes["data-copy-done"] == words["copied"]
    assert outer.attributes["data-copy-failed"] == words["copy_failed"]
    script = KIT_JS.read_text(encoding="utf-8")
    assert '"data-copy-done"' in script
    assert '"data-copy-failed"' in script


def test_campaign_text_stays_escaped_in_translated_sentences(translated) -> None:
    _, site_url, kit = translated
    assert "<b>" not in kit.page_html
    assert "&lt;b&gt;" in kit.page_html
    if site_url:  # the QR line fills a sentence with markup of its own
        assert re.search(r'&lt;/b&gt;[^<]*\(<span class="ck-kit__url">https://', kit.page_html)


def test_readme_is_in_the_language(translated) -> None:
    language, site_url, kit = translated
    words = i18n.kit_labels(language)
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert _dutch_left(readme, language) == []
    left_out = {"readme_no_site", "readme_notes"} if site_url else {"readme_site", "readme_kit"}
    if not site_url:
        left_out.add("readme_qr")  # no qr/ folder
    if not any(path.startswith("kit/ploegen/") for path in kit.files):
        left_out.add("readme_teams")  # a campaign without teams has no ploegen/ folder
    keys = [key for key in words if key.startswith("readme_") and key not in left_out]
    missing = {key: f for key in keys for f in _fragments(words[key]) if f not in readme}
    assert missing == {}


def test_notes_are_translated_in_the_readme_and_dutch_in_the_log(translated) -> None:
    language, site_url, kit = translated
    if site_url:
        assert kit.warnings == ()
        return
    words = i18n.kit_labels(language)
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    small = [warning for warning in kit.warnings if " is klein (600×400 px)" in warning]
    assert len(small) == 1
    assert set(kit.warnings) == {NO_SITE_URL, small[0]}
    name = small[0].split(" is klein")[0]
    assert name.endswith("hero.jpg")
    assert f"- {words['note_no_site_url']}" in readme
    assert f"- {words['note_small_photo'].format(name=name, width=600, height=400)}" in readme


def test_zip_holds_the_readme_of_its_own_language(translated) -> None:
    """The cache is shared by the four kits: each ZIP still has its own LEESMIJ.txt."""
    _, _, kit = translated
    with zipfile.ZipFile(io.BytesIO(kit.archive)) as archive:
        assert archive.read("LEESMIJ.txt") == kit.files["kit/LEESMIJ.txt"]


def test_dutch_kit_page_is_as_before(kit: Kit) -> None:
    """The Dutch kit of conftest's campaign: the same words as before they were labels."""
    page = kit.page_html
    assert re.search(r"download>Download de hele kit \(ZIP, \d+,\d MB\)</a>", page)
    assert '<p class="ck-kit-text__meta">Voor sociale media · ' in page
    assert "<summary>Toon als platte tekst</summary>" in page
    assert 'data-copy-done="Gekopieerd."' in page
    # Its credit says the hero is a photo; nothing says what the action's image is.
    assert "Afbeelding “Een gevel met klimplanten”: Sociale media, staand 4:5 (Instagram)" in page
    assert "Foto “Een straat met bomen”: Voor het web (JPEG" in page
    assert '<li><a href="agenda/alle-activiteiten.ics" download>Alle activiteiten: ' in page
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert readme.startswith("Communicatiekit: Klimaat in je straat\nZonnebeke, van 1 maart")
    assert "\nHOE GEBRUIK JE HET\n" in readme
    assert "  Foto: Jan Peeters\n" in readme  # the credit says what it is: no "Maker:"
    assert "  Maker: Gemeente Zonnebeke\n" in readme
    assert "Maker: geen maker" not in readme and "Maker: niet opgegeven" not in readme


def test_every_language_has_every_kit_label_with_the_same_placeholders() -> None:
    def placeholders(value: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", value))

    for language in i18n.LANGUAGES:
        assert i18n.KIT_LABELS[language].keys() == i18n.KIT_LABELS["nl"].keys(), language
        assert i18n.CHANNEL_LABELS[language].keys() == i18n.CHANNEL_LABELS["nl"].keys()
        for key, value in i18n.KIT_LABELS[language].items():
            assert value.strip(), (language, key)
            assert placeholders(value) == placeholders(i18n.KIT_LABELS["nl"][key]), key
            assert "<" not in value and "&" not in value, (language, key)


def test_fill_escapes_values_but_keeps_markup_the_template_built() -> None:
    sentence = fill("{title} ({url}):", title="<b>x</b> & y", url=Markup("<span>u</span>"))
    assert sentence == "&lt;b&gt;x&lt;/b&gt; &amp; y (<span>u</span>):"
    assert isinstance(sentence, Markup)
