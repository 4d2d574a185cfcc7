"""Branded social cards for the campaign, each action, each event and each published news
item (also the pages' ``og:image``): landscape and square."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import partial
from typing import Literal

from campaignkit import i18n
from campaignkit.kit import pictures
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.records import CardEntry, Output
from campaignkit.urls import KIT_FOLDER

CARDS = "beelden/kaarten"
CardKind = Literal["action", "event", "news", "campaign"]
_PREFIXES = {"action": "actie-", "event": "activiteit-", "news": "nieuws-", "campaign": "campagne"}


def social_card_path(kind: str, slug: str = "", size: tuple[int, int] = (1200, 630)) -> str:
    """Where the social card of a page is in the built site, e.g.
    ``kit/beelden/kaarten/actie-geveltuin-1200x630.jpg``; ``kind`` is ``action``, ``event``,
    ``news`` or ``campaign`` (the home page, no slug)."""
    prefix = _PREFIXES[kind]
    name = prefix if kind == "campaign" else prefix + slug
    return f"{KIT_FOLDER}/{CARDS}/{name}-{size[0]}x{size[1]}.jpg"


@dataclass(frozen=True)
class _Card:
    """One page's card, in every size."""

    kind: CardKind
    slug: str
    title: str
    when: str
    photo: str | None
    focus: tuple[float, float] | None


def _cards(inputs: KitInputs) -> list[_Card]:
    campaign, lang = inputs.campaign, inputs.language
    period = i18n.format_period(campaign.period.start, campaign.period.end, lang)
    cards = [_Card("campaign", "", campaign.title, period, *inputs.photo_for())]
    for action in campaign.actions:
        photo = inputs.photo_for(action=action)
        cards.append(_Card("action", action.slug, action.title, "", *photo))
    for event in campaign.events:
        when = i18n.format_event_when(event, lang)
        if event.repeat:  # its rule and dates: "Elke week op dinsdag, …"
            when = i18n.format_series(event, lang)
            when = when[:1].upper() + when[1:]
        if event.status == "cancelled":
            when = f"{i18n.labels(lang)['cancelled']}: {when}"
        photo = inputs.photo_for(event=event)
        cards.append(_Card("event", event.slug, event.title, when, *photo))
    for item in inputs.news:
        when = i18n.format_date(item.date, lang)
        photo = (item.image.src, item.image.focus) if item.image else inputs.photo_for()
        cards.append(_Card("news", item.slug, item.title, when, *photo))
    return cards


def outputs(inputs: KitInputs) -> Iterator[Output]:
    campaign, face = inputs.campaign, inputs.face
    for card in _cards(inputs):
        for size in pictures.CARD_SIZES:
            spec = pictures.CardSpec(
                size=size,
                title=card.title,
                kicker=campaign.municipality.name,
                footer=campaign.title if card.kind != "campaign" else (campaign.tagline or ""),
                when=card.when,
                primary=campaign.branding.primary,
                accent=campaign.branding.accent,
                font_regular=str(face.regular),
                font_bold=str(face.bold),
            )
            yield Output(
                social_card_path(card.kind, card.slug, size).removeprefix(f"{KIT_FOLDER}/"),
                inputs.source_name(),
                make=partial(_card, inputs, spec, card),
                kind="card",
                key={
                    **asdict(spec),
                    "font_regular": face.digest,
                    "font_bold": "",
                    "photo": inputs.digest(card.photo) if card.photo else None,
                    "focus": list(card.focus) if card.focus else None,
                    "logo": inputs.logo_digest,
                },
            )


def _card(inputs: KitInputs, spec: pictures.CardSpec, card: _Card) -> bytes:
    photo = inputs.decoded(card.photo) if card.photo else None
    return pictures.card(spec, photo, inputs.logo, card.focus)


def entries(inputs: KitInputs) -> tuple[CardEntry, ...]:
    municipality = inputs.campaign.municipality.name
    return tuple(
        CardEntry(
            card.title,
            social_card_path(card.kind, card.slug, size).removeprefix(f"{KIT_FOLDER}/"),
            size,
            f"{card.title} ({municipality})",
        )
        for card in _cards(inputs)
        for size in pictures.CARD_SIZES
    )
