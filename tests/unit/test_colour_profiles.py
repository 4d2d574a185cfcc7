"""Phone photos in Display P3 (and other colour spaces) come out in sRGB: the colours are
converted by the photo's ICC profile before the profile is dropped, upright as before; an
sRGB photo keeps its exact pixels."""

from __future__ import annotations

import io

import pillow_heif
import pytest
from PIL import Image, ImageCms
from support.icc import display_p3

from campaignkit.images import decode

#: An orange in Display P3, and what it is in sRGB (more saturated numbers: sRGB's gamut
#: is smaller), as LittleCMS converts it.
P3_ORANGE = (200, 100, 50)
SRGB_ORANGE = (215, 93, 31)


def _photo(kind: str = "JPEG", *, icc: bytes | None, mode: str = "RGB", orientation: int = 6):
    """A 64×48 photo held sideways (EXIF orientation), orange with a white top-left block."""
    image = Image.new(mode, (64, 48), P3_ORANGE + ((128,) if mode == "RGBA" else ()))
    image.paste((255, 255, 255) + ((255,) if mode == "RGBA" else ()), (0, 0, 16, 16))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if kind == "HEIF":
        pillow_heif.register_heif_opener()
        image.save(out, "HEIF", exif=exif.tobytes(), quality=95, **extra)
    elif kind == "JPEG":
        image.save(out, "JPEG", exif=exif.tobytes(), quality=98, subsampling=0, **extra)
    else:
        image.save(out, kind, exif=exif.tobytes(), **extra)
    return out.getvalue()


def _close(found: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 4) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(found, expected, strict=True))


def test_the_profile_is_a_real_display_p3_profile() -> None:
    profile = ImageCms.ImageCmsProfile(io.BytesIO(display_p3()))
    assert ImageCms.getProfileDescription(profile).strip() == "Display P3"
    converted = ImageCms.profileToProfile(
        Image.new("RGB", (1, 1), P3_ORANGE), profile, ImageCms.createProfile("sRGB")
    )
    assert _close(converted.getpixel((0, 0)), SRGB_ORANGE, 1)


@pytest.mark.parametrize("kind", ["JPEG", "HEIF", "PNG"])
def test_a_display_p3_photo_comes_out_in_srgb_and_upright(kind: str) -> None:
    image = decode(_photo(kind, icc=display_p3()))
    assert image.mode == "RGB" and image.size == (48, 64)  # upright: a quarter turn
    assert _close(image.getpixel((24, 40)), SRGB_ORANGE)
    assert not _close(image.getpixel((24, 40)), P3_ORANGE, 8)
    # The white block, stored top left, is top right once upright; white stays white.
    assert _close(image.getpixel((44, 4)), (255, 255, 255))
    assert "icc_profile" not in image.info and not image.getexif()


@pytest.mark.parametrize("icc", [None, "sRGB"])
def test_an_srgb_or_untagged_photo_keeps_its_pixels(icc: str | None) -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() if icc else None
    data = _photo("PNG", icc=profile, orientation=1)
    with Image.open(io.BytesIO(data)) as stored:
        assert decode(data).tobytes() == stored.convert("RGB").tobytes()


def test_transparency_is_kept_when_the_colours_are_converted() -> None:
    image = decode(_photo("PNG", icc=display_p3(), mode="RGBA", orientation=1))
    assert image.mode == "RGBA"
    pixel = image.getpixel((40, 40))
    assert _close(pixel[:3], SRGB_ORANGE) and pixel[3] == 128


def test_a_broken_profile_leaves_the_pixels_as_they_are() -> None:
    data = _photo("PNG", icc=b"not a profile at all", orientation=1)
    assert decode(data).getpixel((40, 40)) == P3_ORANGE
