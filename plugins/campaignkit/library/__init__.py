"""Shared libraries: actions, partners, kit texts and images that campaigns adopt and
adapt (``library/<slug>/``), read once, filled in per campaign, with a report of who uses
what. See the README's "Bibliotheek" section for the format."""

from __future__ import annotations

from campaignkit.library.adopt import Adoption
from campaignkit.library.reading import Libraries, default_dirs, find_libraries
from campaignkit.library.records import Library, LibraryFile, LibraryPartner
from campaignkit.library.users import attributed, merged

__all__ = [
    "Adoption",
    "Libraries",
    "Library",
    "LibraryFile",
    "LibraryPartner",
    "attributed",
    "default_dirs",
    "find_libraries",
    "merged",
]
