"""Campaign images: checked before anything is built, re-encoded without metadata after.

Only JPEG, PNG, WebP and HEIC/HEIF (phone photos) are accepted, recognised by their content
(not their name), under a pixel cap checked from the header before any pixel is decoded.
A photo is decoded at the size its use needs where the format allows (JPEG's draft mode,
a HEIF file's embedded thumbnail), so a 50-megapixel phone photo costs a fraction of its
full size. Output never carries EXIF (GPS positions in phone photos), HEIC comes out as
JPEG (what browsers show), and the same input gives the same bytes. Its colours are sRGB,
what an untagged image is taken to be: a photo in another colour space (an iPhone's
Display P3, Adobe RGB, a CMYK print file) is converted by its embedded ICC profile, so it
does not come out dull or off once the profile is gone.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path, PurePosixPath

import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# HEIF files open through Pillow like any other image. Depth maps and auxiliary images
# (portrait mode) are never used: not reading them saves their memory.
pillow_heif.register_heif_opener(thumbnails=True, depth_images=False, aux_images=False)

FORMATS = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "HEIF": (".heic", ".heif"),
}
#: What each format is written as for the web and the kit: browsers show no HEIC.
WEB_SUFFIX = {".jpeg": ".jpg", ".heic": ".jpg", ".heif": ".jpg"}
MAX_PIXELS = 100_000_000
#: A 100-megapixel phone JPEG of a detailed scene is 30 to 45 MB.
MAX_BYTES = 50 * 1024 * 1024
WEB_WIDTH = 1600
#: JPEG decodes at 1/2, 1/4 or 1/8 of its size straight from its frequency data. Halving
#: that way loses nothing a smaller result could show; the deeper steps average more
#: coarsely, so they keep twice the pixels needed for the final resampling (Lanczos), as
#: Pillow's thumbnails do. (scale, how many times the need it must leave), deepest first.
JPEG_SCALES = ((8, 2), (4, 2), (2, 1))
ORIENTATION = 0x0112


class ImageProblem(ValueError):
    """An image that cannot be used, with a message and a hint in Dutch."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def resolve_inside(folder: Path, relative: str) -> Path:
    """The file ``relative`` names inside ``folder``; refuse anything that leads out of it."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or "\\" in relative or "\x00" in relative:
        raise ImageProblem(
            "Dit pad mag niet buiten de campagnemap wijzen.",
            "Zet het bestand in de map images/ van de campagne en schrijf bv. images/foto.jpg.",
        )
    root = folder.resolve()
    path = folder.joinpath(*pure.parts)
    real = path.resolve()
    if not real.is_relative_to(root):
        raise ImageProblem(
            f"'{relative}' is een snelkoppeling naar een bestand buiten de campagnemap.",
            "Kopieer het bestand zelf in de map images/ van de campagne.",
        )
    if not os.path.lexists(path) or not real.exists():
        raise ImageProblem(
            f"Het bestand '{relative}' bestaat niet.",
            "Kijk de schrijfwijze na (hoofdletters tellen mee) of voeg het bestand toe.",
        )
    if not real.is_file():
        raise ImageProblem(f"'{relative}' is geen bestand.", "Verwijs naar een afbeelding.")
    return real


def check_image(folder: Path, relative: str) -> Path:
    """Return the checked path of an image, or raise :class:`ImageProblem`."""
    path = resolve_inside(folder, relative)
    suffix = path.suffix.lower()
    if path.stat().st_size > MAX_BYTES:
        raise ImageProblem(
            f"'{relative}' is te groot ({path.stat().st_size // (1024 * 1024)} MB).",
            f"Verklein de afbeelding tot hooguit {MAX_BYTES // (1024 * 1024)} MB.",
        )
    try:
        with _opened(path) as image:
            kind = image.format or ""
            width, height = image.size
    except Image.DecompressionBombError:
        raise ImageProblem(
            f"'{relative}' heeft te veel pixels.",
            f"Verklein de afbeelding tot hooguit {MAX_PIXELS // 1_000_000} megapixel.",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ImageProblem(
            f"'{relative}' is geen leesbare afbeelding.",
            "Gebruik een JPEG-, PNG-, WebP- of HEIC-bestand.",
        ) from None
    if kind not in FORMATS:
        raise ImageProblem(
            f"'{relative}' is een {kind or 'onbekend'}-bestand; alleen JPEG, PNG, WebP en "
            "HEIC kunnen gebruikt worden.",
            "Sla de afbeelding op als JPEG (foto's) of PNG (logo's).",
        )
    if suffix not in FORMATS[kind]:
        raise ImageProblem(
            f"'{relative}' heet {suffix or 'zonder extensie'}, maar is een {kind}-bestand.",
            f"Geef het bestand de extensie {FORMATS[kind][0]}.",
        )
    if width * height > MAX_PIXELS:
        raise ImageProblem(
            f"'{relative}' heeft te veel pixels ({width}×{height}).",
            f"Verklein de afbeelding tot hooguit {MAX_PIXELS // 1_000_000} megapixel.",
        )
    return path


@contextmanager
def _opened(source: Path | bytes) -> Iterator[Image.Image]:
    """An image opened (header read, nothing decoded). Pillow warns above 89 megapixels;
    the cap here is checked by :func:`check_image` itself, so that warning is noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    with image:
        yield image


def _reduce_for(image: Image.Image, need: tuple[int, int]) -> None:
    """Make the decoder give the smallest size it offers that still covers ``need`` (width
    and height as shown); formats that offer none decode whole."""
    if image.getexif().get(ORIENTATION) in _QUARTER_TURNS:
        need = (need[1], need[0])  # the decoder sees the picture as stored
    if image.format == "JPEG":
        for scale, spare in JPEG_SCALES:
            if image.width >= scale * spare * need[0] and image.height >= scale * spare * need[1]:
                image.draft(image.mode, (image.width // scale, image.height // scale))
                return
    elif image.format == "HEIF" and image.width >= 2 * need[0] and image.height >= 2 * need[1]:
        image.draft(image.mode, need)  # the smallest embedded thumbnail that covers it


def decode(source: Path | bytes, need: tuple[int, int] | None = None) -> Image.Image:
    """A checked image decoded upright (EXIF orientation applied), without metadata, in a
    mode every caller can draw with (RGB, RGBA, L or LA; transparency becomes alpha).

    With ``need`` (width and height as shown), it is decoded at a reduced size where the
    format offers one (JPEG's scaled decoding, a large enough HEIF thumbnail), never
    smaller than ``need``."""
    with _opened(source) as image:
        if need:
            _reduce_for(image, need)
        image.load()
        upright = ImageOps.exif_transpose(_in_srgb(image))
    if upright.mode not in ("RGB", "RGBA", "L", "LA"):
        # Before the metadata goes: a palette's transparent colour is kept there.
        upright = upright.convert("RGBA" if "transparency" in upright.info else "RGB")
    upright.info.clear()
    return upright


@lru_cache(maxsize=1)
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _in_srgb(image: Image.Image) -> Image.Image:
    """``image`` with its colours converted to sRGB from its embedded ICC profile, when it
    has one that is not sRGB already (an sRGB photo keeps its exact pixels)."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in (ImageCms.getProfileDescription(profile) or "").casefold():
            return image
        colour = image.convert("RGB") if image.mode == "RGBA" else image
        converted = ImageCms.profileToProfile(
            colour,
            profile,
            _srgb(),
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            outputMode="RGB",
        )
    except (OSError, ImageCms.PyCMSError):
        return image  # a broken or unusable profile: the pixels as they are
    assert converted is not None
    if image.mode == "RGBA":
        converted.putalpha(image.getchannel("A"))
    # The orientation is still to be applied: from the EXIF kept in ``info``.
    converted.info = {key: value for key, value in image.info.items() if key != "icc_profile"}
    return converted


def reduced(image: Image.Image, need: tuple[int, int]) -> Image.Image:
    """``image`` averaged down by a whole factor while it keeps twice ``need``: what is kept
    in memory of a source that could not be decoded smaller (PNG, WebP, most HEIC)."""
    factor = min(image.width // (2 * need[0]), image.height // (2 * need[1]))
    return image.reduce(factor) if factor >= 2 else image


def output_suffix(path: Path) -> str:
    """The extension of a web or kit copy of the image at ``path``."""
    suffix = path.suffix.lower()
    return WEB_SUFFIX.get(suffix, suffix)


def _encode(image: Image.Image, suffix: str) -> bytes:
    out = io.BytesIO()
    if suffix == ".jpg":
        image.convert("RGB").save(out, "JPEG", quality=82, progressive=True, optimize=True)
    elif suffix == ".webp":
        image.save(out, "WEBP", quality=82, method=4)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def fit_width(image: Image.Image, max_width: int) -> Image.Image:
    """Scale down to ``max_width`` (never up), keeping the proportions."""
    if image.width <= max_width:
        return image
    height = max(1, round(image.height * max_width / image.width))
    return image.resize((max_width, height), Image.Resampling.LANCZOS)


@lru_cache(maxsize=256)
def _web_image(path: Path, max_width: int, stamp: tuple[int, int]) -> bytes:
    size = web_size(path, max_width)
    image = decode(path, size)
    if image.size != size:
        # The size the page states is the one from the header: a reduced decode rounds.
        image = image.resize(size, Image.Resampling.LANCZOS)
    return _encode(image, output_suffix(path))


#: EXIF orientations that turn the picture a quarter: width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}


@lru_cache(maxsize=1024)
def _upright_size(path: Path, stamp: tuple[int, int]) -> tuple[int, int]:
    with _opened(path) as image:
        width, height = image.size
        orientation = image.getexif().get(ORIENTATION)
    return (height, width) if orientation in _QUARTER_TURNS else (width, height)


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size)


def web_image(path: Path, max_width: int = WEB_WIDTH) -> bytes:
    """The image re-encoded for the web: upright, at most ``max_width`` wide, no EXIF."""
    return _web_image(path, max_width, _stamp(path))


def upright_size(path: Path) -> tuple[int, int]:
    """Width and height of an image as shown (EXIF orientation applied), from its header."""
    return _upright_size(path, _stamp(path))


def web_size(path: Path, max_width: int = WEB_WIDTH) -> tuple[int, int]:
    """Width and height of :func:`web_image`'s output, read from the header alone."""
    width, height = upright_size(path)
    if width <= max_width:
        return width, height
    return max_width, round(height * max_width / width)
