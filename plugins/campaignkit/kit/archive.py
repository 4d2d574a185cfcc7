"""The kit's files: one namespace of generated names, and the ZIP made from it.

Every name is built from slugs the kit chose, never from a raw user string. Two things
that would get the same name are an error naming both sources, never an overwrite. The
ZIP is the same bytes for the same files: sorted entries, one fixed date, fixed
permissions, and compression decided by file type.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from campaignkit.cache import Stored
from campaignkit.problems import CampaignError, Problem

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Already compressed: storing is as small and much faster.
_STORED = (".jpg", ".jpeg", ".png", ".webp", ".docx", ".zip")


@dataclass
class CollectedFiles:
    """Kit files by path, remembering which source each came from."""

    files: dict[str, bytes | Stored] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _folded: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, data: bytes | Stored, source: str) -> None:
        """Add ``path``; a name already taken (ignoring case) is a problem naming both."""
        key = path.casefold()  # names differing only in case clash on Windows and macOS
        existing = self._folded.get(key)
        if existing is not None:
            self.problems.append(
                Problem(
                    source,
                    1,
                    1,
                    f"'{source}' en '{self.sources[existing]}' krijgen in de "
                    f"communicatiekit dezelfde bestandsnaam '{existing}'.",
                    "Geef een van beide een andere naam; de kit overschrijft niets.",
                )
            )
            return
        self._folded[key] = path
        self.files[path] = data
        self.sources[path] = source

    def check(self) -> None:
        if self.problems:
            raise CampaignError(self.problems)

    def sorted(self) -> KitFiles:
        return KitFiles(dict(sorted(self.files.items())))


class KitFiles(Mapping[str, bytes]):
    """Kit files by path. A file kept in the cache is read only when asked for (each time):
    the site links it, so a build with a warm cache reads none of its megabytes."""

    def __init__(self, items: dict[str, bytes | Stored]) -> None:
        self._items = items

    def __getitem__(self, path: str) -> bytes:
        value = self._items[path]
        return value.read() if isinstance(value, Stored) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def kept(self, path: str) -> bytes | Stored:
        """``path`` as the kit holds it: bytes made now, or the cache file holding them."""
        return self._items[path]


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A deterministic ZIP of ``files`` (name -> bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.flag_bits |= 0x800  # names are UTF-8
            stored = name.lower().endswith(_STORED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name], compresslevel=None if stored else 6)
    return out.getvalue()
