"""A4 and A3 posters for the campaign and each event that takes place (PDF), each for the
office printer and ready for a print shop (bleed and crop marks, ``-drukklaar``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial

from campaignkit import i18n
from campaignkit.blocks import Block, Span, parse
from campaignkit.kit import poster_layout, posters, qr
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.records import Download, Listing, Output, PosterEntry
from campaignkit.model import Event

POSTERS = "affiches"
#: The variants of every poster: the office version, and the print shop's.
VARIANTS = (("", False), ("-drukklaar", True))


@dataclass(frozen=True)
class _Poster:
    """What one poster says, in every paper size."""

    name: str
    title: str
    when: str
    where: str
    body: tuple[Block, ...]
    url: str | None
    photo: str | None
    focus: tuple[float, float] | None


def _campaign_body(inputs: KitInputs, shown: set[str]) -> tuple[Block, ...]:
    """The poster text (``affiche``, else the first poster text) without the headings the
    poster already shows in large type (its title, its tagline)."""
    text = next((t for t in inputs.texts if t.slug == "affiche"), None) or next(
        (t for t in inputs.texts if t.channel == "poster"), None
    )
    blocks = list(text.blocks) if text else []
    while blocks and blocks[0].kind == "heading" and blocks[0].text.strip() in shown:
        blocks.pop(0)
    return tuple(blocks)


def _posters(inputs: KitInputs) -> list[_Poster]:
    campaign, lang, addresses = inputs.campaign, inputs.language, inputs.addresses
    period = i18n.format_period(campaign.period.start, campaign.period.end, lang)
    tagline = campaign.tagline or ""
    found = [
        _Poster(
            "campagne",
            campaign.title,
            period[:1].upper() + period[1:],
            tagline,
            _campaign_body(inputs, {campaign.title, tagline}),
            addresses.home(),
            *inputs.photo_for(),
        )
    ]
    for event in campaign.events:
        if event.status == "cancelled":
            continue
        location = event.location
        where = (
            i18n.format_place(location.name, location.address)
            if location
            else i18n.labels(lang)["online"]
        )
        # Every sentence and list item of the description that fits (the poster decides).
        body = parse(event.description) if event.description else ()
        if not body and tagline:
            body = (Block("paragraph", (Span(tagline),)),)
        found.append(
            _Poster(
                f"activiteit-{event.slug}",
                event.title,
                _when(event, lang),
                where,
                body,
                addresses.event(event.slug),
                *inputs.photo_for(event=event),
            )
        )
    return found


def _when(event: Event, lang: str) -> str:
    """When the event is; a repeating one: its rule, hours and dates ("Elke week op …")."""
    if event.repeat is None:
        return i18n.format_event_when(event, lang)
    series = i18n.format_series(event, lang)
    return series[:1].upper() + series[1:]


def _path(poster: _Poster, paper: str, variant: str = "") -> str:
    return f"{POSTERS}/{poster.name}-{paper}{variant}.pdf"


def outputs(inputs: KitInputs) -> Iterator[Output]:
    campaign, face = inputs.campaign, inputs.face
    contact = campaign.contact.email + (
        f" · {campaign.contact.phone}" if campaign.contact.phone else ""
    )
    for poster in _posters(inputs):
        for paper in poster_layout.SIZES:
            for variant, print_ready in VARIANTS:
                spec = poster_layout.PosterSpec(
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
                    print_ready=print_ready,
                )
                yield Output(
                    _path(poster, paper, variant),
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


def _poster(inputs: KitInputs, spec: poster_layout.PosterSpec, poster: _Poster) -> bytes:
    return posters.poster(
        spec,
        inputs.raw(poster.photo) if poster.photo else None,
        inputs.logo,
        qr.matrix(poster.url) if poster.url else None,
    )


def entries(inputs: KitInputs, listing: Listing) -> tuple[PosterEntry, ...]:
    words = inputs.words
    labels = {"": words["poster_file"], "-drukklaar": words["poster_file_print"]}
    return tuple(
        PosterEntry(
            poster.title,
            poster.when,
            tuple(
                Download(
                    _path(poster, paper, variant),
                    labels[variant].format(
                        paper=paper.upper(),
                        size=listing.size(_path(poster, paper, variant)) // 1024,
                    ),
                )
                for variant, _ in VARIANTS
                for paper in poster_layout.SIZES
            ),
        )
        for poster in _posters(inputs)
    )
