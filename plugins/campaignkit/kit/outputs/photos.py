"""Every campaign photo in web and print size, and cropped for social media."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from PIL import Image

from campaignkit.images import fit_width
from campaignkit.kit import pictures
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.outputs import variants
from campaignkit.kit.outputs.variants import IMAGES, Variant
from campaignkit.kit.records import Listing, Note, Output, PictureEntry, SourceImage

#: Below this short side, social crops are enlarged more than 1.5 times: worth a warning.
SMALL_PHOTO = 720


def _photos(inputs: KitInputs) -> list[SourceImage]:
    return [picture for picture in inputs.pictures if not picture.logo]


def _crop(image: Image.Image, *, size: tuple[int, int], focus: list[float] | None) -> bytes:
    return pictures.encode(pictures.crop(image, size, focus), "JPEG")


def _variants(inputs: KitInputs, picture: SourceImage) -> list[Variant]:
    words = inputs.words
    # A PNG photo may be transparent: its sizes stay PNG.
    alpha = inputs.source_path(picture.relative).suffix.lower() == ".png"
    ext, fmt = (".png", "PNG") if alpha else (".jpg", "JPEG")
    base = f"{IMAGES}/{picture.name}"
    web, wide = pictures.WEB_WIDTH, pictures.PRINT_WIDTH
    dpi, quality = pictures.PRINT_DPI, pictures.PRINT_QUALITY
    found = [
        Variant(
            f"{base}-web{ext}",
            words["web"],
            "fit",
            {"width": web, "format": fmt},
            lambda im: pictures.encode(fit_width(im, web), fmt),
        ),
        Variant(
            f"{base}-druk{ext}",
            words["print"],
            "fit",
            {"width": wide, "format": fmt, "dpi": dpi, "quality": quality},
            lambda im: pictures.encode(fit_width(im, wide), fmt, dpi=dpi, quality=quality),
        ),
    ]
    focus = list(picture.focus) if picture.focus else None
    for size, purpose in pictures.CROPS.items():
        found.append(
            Variant(
                f"{base}-{size[0]}x{size[1]}.jpg",
                words["social"].format(crop=words[f"crop_{purpose}"]),
                "crop",
                {"size": list(size), "focus": focus},
                partial(_crop, size=size, focus=focus),
            )
        )
    return found


def outputs(inputs: KitInputs) -> Iterator[Output]:
    for picture in _photos(inputs):
        yield from variants.outputs(inputs, picture, _variants(inputs, picture))


def entries(inputs: KitInputs, listing: Listing) -> tuple[PictureEntry, ...]:
    return tuple(
        variants.entry(inputs, picture, _variants(inputs, picture), listing)
        for picture in _photos(inputs)
    )


def notes(inputs: KitInputs) -> Iterator[Note]:
    """A photo too small for sharp social crops."""
    for picture in _photos(inputs):
        width, height = inputs.size(picture.relative)
        if min(width, height) < SMALL_PHOTO:
            name = inputs.source_name(picture.relative)
            yield Note("note_small_photo", {"name": name, "width": width, "height": height})
