"""Where an image of a campaign is read from: its own folder, or a library's.

An image that a campaign takes over from a library keeps its path inside the library,
written ``bibliotheek:<library>/<path>``; it is confined to that library's folder.
"""

from __future__ import annotations

import os
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


def image_file(folder: Path | str, libraries: Iterable[tuple[str, str]], relative: str) -> Path:
    """The file an image path names (unchecked): in the campaign's folder, or a library's."""
    inside, rest = image_source(folder, libraries, relative)
    return inside / rest


def shown_path(folder: Path | str, libraries: Iterable[tuple[str, str]], relative: str) -> str:
    """An image's path as a reader of the kit finds it: a campaign's inside its folder, a
    library's in the project (the folder that holds ``campaigns/``, e.g.
    ``library/bbl/images/dak.jpg`` or ``vendor/bibliotheken/bbl/...``), or, kept outside it,
    under the library folder as it was given."""
    if not relative.startswith(LIBRARY_PREFIX):
        return relative
    path = image_file(folder, libraries, relative)
    try:
        shown = os.path.relpath(path, Path(folder).parent.parent)
    except ValueError:  # another drive on Windows
        shown = ".."
    return path.as_posix() if shown.startswith("..") else shown.replace(os.sep, "/")
