"""Where an image of a campaign is read from: its own folder, or a library's.

An image that a campaign takes over from a library keeps its path inside the library,
written ``bibliotheek:<library>/<path>``; it is confined to that library's folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: How a campaign's model names an image that lives in a library.
LIBRARY_PREFIX = "bibliotheek:"


def library_path(library: str, relative: str) -> str:
    """The path a campaign's model gives an image of ``library``."""
    return f"{LIBRARY_PREFIX}{library}/{relative}"


def image_source(
    folder: Path | str, libraries: Iterable[tuple[str, str]], relative: str
) -> tuple[Path, str]:
    """The folder an image is confined to, and its path inside it. A library the campaign
    does not use leaves the path as it is (and so not found in the campaign's folder)."""
    if relative.startswith(LIBRARY_PREFIX):
        slug, _, rest = relative.removeprefix(LIBRARY_PREFIX).partition("/")
        for name, library_folder in libraries:
            if name == slug:
                return Path(library_folder), rest
    return Path(folder), relative


def shown_path(relative: str) -> str:
    """An image's path as a reader of the kit finds it in the repository: a library's
    under ``library/<library>/`` (where libraries are kept unless told otherwise)."""
    if relative.startswith(LIBRARY_PREFIX):
        return f"library/{relative.removeprefix(LIBRARY_PREFIX)}"
    return relative
