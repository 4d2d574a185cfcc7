"""Campaign images: checked before anything is built, re-encoded without metadata after.

Only JPEG, PNG and WebP are accepted, recognised by their content (not their name), under a
pixel cap checked from the header before any pixel is decoded. Output never carries EXIF
(GPS positions in phone photos) and is byte-identical for the same input.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
MAX_PIXELS = 40_000_000
MAX_BYTES = 20 * 1024 * 1024
WEB_WIDTH = 1600


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
        with Image.open(path) as image:
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
            "Gebruik een JPEG-, PNG- of WebP-bestand.",
        ) from None
    if kind not in FORMATS:
        raise ImageProblem(
            f"'{relative}' is een {kind or 'onbekend'}-bestand; alleen JPEG, PNG en WebP "
            "kunnen gebruikt worden.",
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


def _open(path: Path) -> Image.Image:
    """Decode a checked image upright, without metadata."""
    with Image.open(path) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
    upright.info.clear()
    return upright


def output_suffix(path: Path) -> str:
    return ".jpg" if path.suffix.lower() == ".jpeg" else path.suffix.lower()


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
    return _encode(fit_width(_open(path), max_width), output_suffix(path))


#: EXIF orientations that turn the picture a quarter: width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}


@lru_cache(maxsize=1024)
def _upright_size(path: Path, stamp: tuple[int, int]) -> tuple[int, int]:
    with Image.open(path) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112)
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
