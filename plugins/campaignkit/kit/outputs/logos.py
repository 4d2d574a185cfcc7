"""The municipality's and partners' logos, in web and print size (PNG, transparency kept)."""

from __future__ import annotations

from collections.abc import Iterator

from campaignkit.images import fit_width
from campaignkit.kit import pictures
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.outputs import variants
from campaignkit.kit.outputs.variants import IMAGES, Variant
from campaignkit.kit.records import Listing, Output, PictureEntry, SourceImage

LOGOS = f"{IMAGES}/logos"


def _logos(inputs: KitInputs) -> list[SourceImage]:
    return [picture for picture in inputs.pictures if picture.logo]


def _variants(inputs: KitInputs, picture: SourceImage) -> list[Variant]:
    base = f"{LOGOS}/{picture.name}"
    wide, dpi = pictures.PRINT_WIDTH, pictures.PRINT_DPI
    return [
        Variant(
            f"{base}-web.png",
            inputs.words["web"],
            "fit",
            {"width": pictures.LOGO_WEB_WIDTH, "format": "PNG"},
            pictures.logo_web,
        ),
        Variant(
            f"{base}-druk.png",
            inputs.words["print"],
            "fit",
            {"width": wide, "format": "PNG", "dpi": dpi},
            lambda im: pictures.encode(fit_width(im, wide), "PNG", dpi=dpi),
        ),
    ]


def outputs(inputs: KitInputs) -> Iterator[Output]:
    for picture in _logos(inputs):
        yield from variants.outputs(inputs, picture, _variants(inputs, picture))


def entries(inputs: KitInputs, listing: Listing) -> tuple[PictureEntry, ...]:
    return tuple(
        variants.entry(inputs, picture, _variants(inputs, picture), listing)
        for picture in _logos(inputs)
    )
