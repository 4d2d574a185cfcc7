"""The records of a shared library: ``library.yml``, its partners, and what was read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from campaignkit.fields import ImagePath, Name, PartnerRole, WebUrl
from campaignkit.loading import Document
from campaignkit.model import Language, Record
from campaignkit.problems import Problem

LIBRARY_FILE = "library.yml"
ACTIONS = "actions"
PARTNERS = "partners"
TEXTS = "texts"
IMAGES = "images"
#: The folder of libraries beside ``campaigns/``.
DEFAULT_DIR = "library"


class LibraryFile(Record):
    """``library/<slug>/library.yml``."""

    name: Name
    url: WebUrl | None = None
    version: Name | None = None
    language: Language = "nl"


class LibraryPartner(Record):
    """``library/<slug>/partners/<slug>.yml``; a campaign adopts it with ``from:``."""

    name: Name
    url: WebUrl | None = None
    logo: ImagePath | None = None
    role: PartnerRole | None = None


@dataclass(frozen=True)
class Item:
    """One action or partner file of a library, read and checked on its own."""

    slug: str
    path: Path
    document: Document
    #: The problems of the file itself (reported wherever it is used).
    problems: tuple[Problem, ...] = ()
    #: Its lines (to tell a block of text from a value on its line).
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Library:
    """One library folder, read: its settings and its items by slug."""

    slug: str
    folder: Path
    name: str
    url: str | None
    version: str | None
    language: str = "nl"
    actions: dict[str, Item] = field(default_factory=dict)
    partners: dict[str, Item] = field(default_factory=dict)
    #: Problems of library.yml and of the folders (not of one item).
    problems: tuple[Problem, ...] = ()

    @property
    def texts(self) -> Path:
        return self.folder / TEXTS

    def files(self) -> list[Path]:
        """Every file of the library (for the report and the caches)."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.rglob("*") if p.is_file())
