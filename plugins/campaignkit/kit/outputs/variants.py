"""Sizes of one source image (photos and logos alike): each a cached output and a download."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PIL import Image

from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.records import Download, Listing, Output, PictureEntry, SourceImage

IMAGES = "beelden"


@dataclass(frozen=True)
class Variant:
    """One size of an image: its file, what it is for, how it is made from the decoded
    source, and the parameters that (with the source's hash) determine its bytes."""

    path: str
    label: str
    op: str
    params: dict[str, Any]
    make: Callable[[Image.Image], bytes]


def outputs(
    inputs: KitInputs, picture: SourceImage, variants: Sequence[Variant]
) -> Iterator[Output]:
    source = inputs.source_name(picture.relative)
    for variant in variants:
        yield Output(
            variant.path,
            source,
            make=partial(_made, inputs, picture.relative, variant.make),
            kind="image",
            key={"source": inputs.digest(picture.relative), "op": variant.op, **variant.params},
        )


def _made(inputs: KitInputs, relative: str, make: Callable[[Image.Image], bytes]) -> bytes:
    return make(inputs.decoded(relative))


def entry(picture: SourceImage, variants: Sequence[Variant], listing: Listing) -> PictureEntry:
    """The picture on the kit page: its first variant as the thumbnail, every one a download
    labelled with its format and size."""
    downloads = []
    for variant in variants:
        width, height = listing.image_size(variant.path)
        kind = "PNG" if variant.path.endswith(".png") else "JPEG"
        downloads.append(Download(variant.path, f"{variant.label} ({kind}, {width} × {height} px)"))
    thumbnail = variants[0].path
    return PictureEntry(picture, thumbnail, listing.image_size(thumbnail), tuple(downloads))
