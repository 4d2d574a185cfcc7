"""The built-in texts as an officer uses them unchanged: in Dutch, French and English, for
a small campaign, a bare one and one with long names, each fits its channel and ends with
a whole sentence or its link; one that outgrows its channel loses whole sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.campaigns import ACTION, DEFAULT, EVENT, OMIT, write_campaign

from campaignkit import i18n
from campaignkit.problems import CampaignError
from campaignkit.texts import LIMITS, Text, load_texts
from campaignkit.validation import load_campaign

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("nl", "fr", "en")
#: Where a text may end: a sentence, or an address (its link, an e-mail, a phone number).
_END = re.compile(r"([.!?)]|https?://\S+|\S+@\S+|[0-9])$")
#: Channels whose texts close with a greeting and a signature or the press contact.
_SIGNED = ("letter", "email", "press")
_SUBJECT = re.compile(r"(Onderwerp|Objet|Subject) ?:")
LONG_NAME = "Sint-" + "Lievens-" * 7 + "Houtem"
#: Four sentences, 290 characters: with a long municipality name, too long for a post.
LONG_SUMMARY = (
    "Haal samen met je buren een rij stoeptegels weg en plant klimplanten langs de gevels. "
    "De gemeente brengt aarde, compost en planten tot aan je deur. "
    "Een vrijwilliger van de groendienst helpt je op weg. "
    "Zo wordt de straat koeler in de zomer en vindt regenwater zijn weg."
)

#: A campaign with every part, one with none (no site, actions or events), one with long
#: names and a long summary.
VARIANTS = {
    "default": {},
    "bare": {
        "campaign": {"site_url": OMIT, "signup_url": OMIT, "tagline": OMIT},
        "actions": {ACTION: OMIT},
        "events": {EVENT: OMIT},
    },
    "long": {
        "campaign": {
            "municipality": {"name": LONG_NAME},
            "title": " ".join(["Klimaat in je straat en je wijk"] * 3),
        },
        "actions": {ACTION: {"summary": LONG_SUMMARY}},
    },
}


def _texts(tmp_path: Path, language: str, variant: str) -> dict[str, Text]:
    changes = VARIANTS[variant]
    campaign = {"language": language, **changes.get("campaign", {})}
    folder = write_campaign(
        tmp_path / "campaigns",
        campaign=campaign,
        actions=changes.get("actions"),
        events=changes.get("events"),
    )
    return {text.slug: text for text in load_texts(load_campaign(folder))}


def _check_text(text: Text) -> None:
    plain = text.plain.strip()
    limit = LIMITS.get(text.channel)
    assert limit is None or len(plain) <= limit, (text.slug, len(plain))
    # A paragraph is whole sentences (or a line of a signature), never a cut one.
    for block in text.blocks:
        words = block.text.strip()
        if block.kind != "paragraph" or len(words.split()) <= 6 or _SUBJECT.match(words):
            continue
        assert re.search(r"[.!?:;)]$", words) or _END.search(words), (text.slug, words)
    assert "…" not in plain
    if text.channel in _SIGNED:
        return
    assert _END.search(plain), (text.slug, plain[-80:])
    last = text.blocks[-1].text.strip()
    assert not last.endswith(":"), text.slug
    if text.url and text.channel in LIMITS:
        assert re.search(r"https://\S+/$", plain), (text.slug, plain)  # ends with its link


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_built_in_text_fits_its_channel_and_ends_whole(
    tmp_path: Path, language: str, variant: str
) -> None:
    texts = _texts(tmp_path, language, variant)
    assert all(text.default for text in texts.values())
    for text in texts.values():
        _check_text(text)


def test_the_example_campaigns_texts_end_whole() -> None:
    for slug in ("asse", "lier"):
        for text in load_texts(load_campaign(ROOT / "campaigns" / slug)):
            _check_text(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_text_names_campaign_period_address_and_web_address(
    tmp_path: Path, language: str
) -> None:
    poster = _texts(tmp_path, language, "default")["affiche"]
    assert poster.blocks[0].kind == "heading"
    assert poster.blocks[0].text == "Klimaat in je straat"
    plain = poster.plain
    period = i18n.format_period(DEFAULT.model().period.start, DEFAULT.model().period.end, language)
    assert period in plain
    assert "klimaat@zonnebeke.be" in plain and "051 48 00 00" in plain
    assert plain.strip().endswith("https://klimaat.zonnebeke.be/")


def test_a_built_in_post_too_long_loses_whole_sentences_and_keeps_its_link(
    tmp_path: Path,
) -> None:
    folder = write_campaign(
        tmp_path / "campaigns",
        campaign={"municipality": {"name": LONG_NAME}},
        actions={ACTION: {"summary": LONG_SUMMARY}},
    )
    post = {t.slug: t for t in load_texts(load_campaign(folder))}["sociaal-2"]
    plain = post.plain.strip()
    assert len(plain) <= 280
    assert plain.startswith(f"Nieuw in {LONG_NAME}: Een geveltuin langs je gevel. Haal samen")
    assert plain.endswith(" Meer info: https://klimaat.zonnebeke.be/acties/geveltuin/")
    kept = plain.removesuffix(" Meer info: https://klimaat.zonnebeke.be/acties/geveltuin/")
    assert kept.endswith(".")
    sentences = [s for s in re.split(r"(?<=\.) ", LONG_SUMMARY)]
    assert sentences[0] in kept and sentences[-1] not in kept
    assert kept.count(".") >= 2  # whole sentences, as many as fit
    assert post.markdown.strip() == plain  # the .md file says the same


def test_a_built_in_text_that_cannot_be_shortened_enough_points_to_an_override(
    tmp_path: Path,
) -> None:
    # The first sentence and the link alone are over 280 characters.
    slug = "een-actie-met-een-heel-lange-naam-die-ook-het-webadres-lang-maakt"[:64]
    folder = write_campaign(
        tmp_path / "campaigns",
        campaign={"municipality": {"name": LONG_NAME}},
        actions={
            ACTION: OMIT,
            slug: {
                "title": "Een " + "heel " * 21 + "lange titel",
                "summary": "Kort.",
                "theme": "energie",
            },
        },
        events={EVENT: {"actions": [slug]}},
    )
    with pytest.raises(CampaignError) as caught:
        load_texts(load_campaign(folder))
    report = str(caught.value)
    assert "campaignkit/texts/defaults/nl/sociaal-2.md" in report
    assert "texts/sociaal-2.md" in report  # the hint: write your own version
