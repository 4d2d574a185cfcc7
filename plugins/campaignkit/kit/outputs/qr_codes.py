"""QR codes for the home page, each action and each event, in SVG and PNG: only when the
campaign has a public address to point at."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from campaignkit import i18n
from campaignkit.kit import qr
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.records import Listing, Note, Output, QrEntry

QR = "qr"
#: The warning (in Dutch, as the build log says it) of a kit without QR codes.
NO_SITE_URL = i18n.KIT_LABELS["nl"]["note_no_site_url"]


@dataclass(frozen=True)
class Target:
    """A page that QR codes and posters point to."""

    name: str  # in file names, e.g. "actie-geveltuin"
    label: str
    url: str | None


def targets(inputs: KitInputs) -> list[Target]:
    """The home page, every action and every event, with their public addresses."""
    campaign, addresses = inputs.campaign, inputs.addresses
    found = [Target("campagne", campaign.title, addresses.home())]
    found += [
        Target(f"actie-{a.slug}", a.title, addresses.action(a.slug)) for a in campaign.actions
    ]
    found += [
        Target(f"activiteit-{e.slug}", e.title, addresses.event(e.slug)) for e in campaign.events
    ]
    return found


def notes(inputs: KitInputs) -> Iterator[Note]:
    if inputs.addresses.root is None:
        yield Note("note_no_site_url")


def _codes(inputs: KitInputs) -> Iterator[tuple[Target, str]]:
    if inputs.addresses.root is None:
        return
    for target in targets(inputs):
        assert target.url is not None
        yield target, target.url


def outputs(inputs: KitInputs) -> Iterator[Output]:
    source = inputs.source_name()
    for target, url in _codes(inputs):
        key = {"url": url}
        yield Output(f"{QR}/{target.name}.svg", source, partial(qr.svg, url), "qr-svg", key)
        yield Output(f"{QR}/{target.name}.png", source, partial(qr.png, url), "qr-png", key)


def entries(inputs: KitInputs, listing: Listing) -> tuple[QrEntry, ...]:
    return tuple(
        QrEntry(
            target.label,
            url,
            f"{QR}/{target.name}.svg",
            f"{QR}/{target.name}.png",
            listing.image_size(f"{QR}/{target.name}.png")[0],
        )
        for target, url in _codes(inputs)
    )
