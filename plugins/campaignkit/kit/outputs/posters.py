"""A4 and A3 posters for the campaign and each event that takes place (PDF)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial

from campaignkit import i18n
from campaignkit.blocks import parse, plain_text
from campaignkit.kit import posters, qr
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.records import Download, Listing, Output, PosterEntry

POSTERS = "affiches"


@dataclass(frozen=True)
class _Poster:
    """What one poster says, in every paper size."""

    name: str
    title: str
    when: str
    where: str
    body: str
    url: str | None
    photo: str | None
    focus: tuple[float, float] | None


def _posters(inputs: KitInputs) -> list[_Poster]:
    campaign, lang, addresses = inputs.campaign, inputs.language, inputs.addresses
    poster_text = next((t for t in inputs.texts if t.slug == "affiche"), None) or next(
        (t for t in inputs.texts if t.channel == "poster"), None
    )
    period = i18n.format_period(campaign.period.start, campaign.period.end, lang)
    found = [
        _Poster(
            "campagne",
            campaign.title,
            period[:1].upper() + period[1:],
            campaign.tagline or "",
            " ".join(poster_text.plain.split()) if poster_text else "",
            addresses.home(),
            *inputs.photo_for(),
        )
    ]
    for event in campaign.events:
        if event.status == "cancelled":
            continue
        where = (
            ", ".join(p for p in (event.location.name, event.location.address) if p)
            if event.location
            else i18n.labels(lang)["online"]
        )
        # A poster has room for one paragraph, in letters that can be read from afar.
        first = plain_text(parse(event.description)).split("\n\n")[0] if event.description else ""
        found.append(
            _Poster(
                f"activiteit-{event.slug}",
                event.title,
                i18n.format_event_when(event, lang),
                where,
                " ".join(first.split()) or campaign.tagline or "",
                addresses.event(event.slug),
                *inputs.photo_for(event=event),
            )
        )
    return found


def _path(poster: _Poster, paper: str) -> str:
    return f"{POSTERS}/{poster.name}-{paper}.pdf"


def outputs(inputs: KitInputs) -> Iterator[Output]:
    campaign, face = inputs.campaign, inputs.face
    contact = campaign.contact.email + (
        f" · {campaign.contact.phone}" if campaign.contact.phone else ""
    )
    for poster in _posters(inputs):
        for paper in posters.SIZES:
            spec = posters.PosterSpec(
                paper=paper,
                title=poster.title,
                municipality=campaign.municipality.name,
                when=poster.when,
                where=poster.where,
                body=poster.body,
                url=poster.url,
                contact=contact,
                language=inputs.language,
                primary=campaign.branding.primary,
                accent=campaign.branding.accent,
                font_regular=str(face.regular),
                font_bold=str(face.bold),
                photo_focus=poster.focus,
                # As the Word files: the campaign's first day, not the build's date.
                created=datetime.combine(campaign.period.start, datetime.min.time()),
            )
            yield Output(
                _path(poster, paper),
                inputs.source_name(),
                make=partial(_poster, inputs, spec, poster),
                kind="poster",
                key={
                    **asdict(spec),
                    "font_regular": face.digest,
                    "font_bold": "",
                    "photo": inputs.digest(poster.photo) if poster.photo else None,
                    "logo": inputs.logo_digest,
                },
            )


def _poster(inputs: KitInputs, spec: posters.PosterSpec, poster: _Poster) -> bytes:
    return posters.poster(
        spec,
        inputs.raw(poster.photo) if poster.photo else None,
        inputs.logo,
        qr.matrix(poster.url) if poster.url else None,
    )


def entries(inputs: KitInputs, listing: Listing) -> tuple[PosterEntry, ...]:
    label = inputs.words["poster_file"]
    return tuple(
        PosterEntry(
            poster.title,
            poster.when,
            tuple(
                Download(
                    _path(poster, paper),
                    label.format(
                        paper=paper.upper(), size=listing.size(_path(poster, paper)) // 1024
                    ),
                )
                for paper in posters.SIZES
            ),
        )
        for poster in _posters(inputs)
    )
