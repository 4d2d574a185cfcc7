"""Sizes of one source image (photos and logos alike): each a cached output and a download."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PIL import Image

from campaignkit import i18n
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


def entry(
    inputs: KitInputs, picture: SourceImage, variants: Sequence[Variant], listing: Listing
) -> PictureEntry:
    """The picture on the kit page: its first variant as the thumbnail, every one a download
    labelled with its format and size; a print size also with how large it prints."""
    downloads = []
    printed: tuple[str, tuple[int, int], str] | None = None
    for variant in variants:
        width, height = listing.image_size(variant.path)
        kind = "PNG" if variant.path.endswith(".png") else "JPEG"
        label = f"{variant.label} ({kind}, {width} × {height} px)"
        dpi = variant.params.get("dpi")
        if dpi:
            size = print_size(inputs, (width, height), dpi)
            label = f"{variant.label} ({kind}, {width} × {height} px: {size})"
            printed = (variant.path, (width, height), size)
        downloads.append(Download(variant.path, label))
    thumbnail = variants[0].path
    return PictureEntry(
        picture,
        thumbnail,
        listing.image_size(thumbnail),
        tuple(downloads),
        *(printed or (None, None, "")),
    )


def print_size(inputs: KitInputs, pixels: tuple[int, int], dpi: int) -> str:
    """How large ``pixels`` print at ``dpi``, in the campaign's words: "13,5 × 7,6 cm"."""
    width, height = (i18n.format_decimal(p / dpi * 2.54, inputs.language) for p in pixels)
    return inputs.words["print_size"].format(width=width, height=height, dpi=dpi)
