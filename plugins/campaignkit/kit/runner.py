"""The one runner of the kit's outputs: it makes each declared :class:`Output` through the
cache, collects the files by path (two outputs with one name are a problem naming both
sources), and answers what the page lists about them (sizes, in bytes and pixels)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import Image

from campaignkit.cache import Cache, Stored
from campaignkit.kit.archive import CollectedFiles, KitFiles
from campaignkit.kit.records import Made, Output
from campaignkit.urls import KIT_FOLDER


class Runner:
    """Makes outputs and keeps them by their path in the site (``kit/...``)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.files = CollectedFiles()

    def make(self, output: Output) -> Made:
        """The output's file: made elsewhere, kept in the cache (made now when missing, and
        then not read), or made now."""
        if output.ready is not None:
            return output.ready
        assert output.make is not None, output.path
        if output.kind is None:
            return output.make()
        return self.cache.stored(output.kind, output.key, output.make)

    def run(self, outputs: Iterable[Output]) -> None:
        for output in outputs:
            self.files.add(f"{KIT_FOLDER}/{output.path}", self.make(output), output.source)

    def kept(self, path: str) -> Made:
        """A file made so far, by its path in the kit's folder."""
        return self.files.files[f"{KIT_FOLDER}/{path}"]

    def size(self, path: str) -> int:
        data = self.kept(path)
        return data.size if isinstance(data, Stored) else len(data)

    def image_size(self, path: str) -> tuple[int, int]:
        """An image's width and height, from its header (a stored image is not read whole)."""
        data = self.kept(path)
        with Image.open(data.path if isinstance(data, Stored) else io.BytesIO(data)) as image:
            return image.size

    def paths(self) -> list[str]:
        """The paths made so far, in the kit's folder."""
        return [path.removeprefix(f"{KIT_FOLDER}/") for path in self.files.files]

    def entries(self) -> dict[str, Made]:
        """Every file made so far by its path in the kit's folder: the ZIP's entries."""
        return {
            path.removeprefix(f"{KIT_FOLDER}/"): data for path, data in self.files.files.items()
        }

    def check(self) -> None:
        """Raise every clash of names at once."""
        self.files.check()

    def sorted(self) -> KitFiles:
        return self.files.sorted()
