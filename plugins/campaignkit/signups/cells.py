"""The cells of a sign-up row as a team file's values: dates as form tools write them, the
kind of team in words, lists in one cell, actions by their title or file name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import date

from campaignkit.model import TEAM_KINDS
from campaignkit.signups.columns import words

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ ,T].*)?$")
#: Words that name each kind of team, in Dutch, French and English.
_KIND_WORDS = {
    kind: frozenset(text.split())
    for kind, text in {
        "straat": "straat straten street streets rue rues klimaatstraat plein",
        "wijk": "wijk wijken buurt buurten neighbourhood neighborhood quartier district "
        "klimaatbuurt verkaveling",
        "school": "school scholen basisschool ecole college lycee athenee",
        "vereniging": "vereniging verenigingen club association jeugdbeweging vzw asbl "
        "beweging society",
        "bedrijf": "bedrijf bedrijven onderneming company business entreprise firma winkel "
        "handelaar zaak",
        "andere": "andere anders ander other autre autres divers",
    }.items()
}
#: Between the items of a list typed in one cell.
_ITEMS = re.compile(r"\s*[;,\n]\s*")


def day_first(cells: Iterable[str]) -> bool:
    """Whether a column of dates writes the day first (12/03/2027, as Belgians do): only
    a column in which some date can only be month first (3/25/2027) is read month first."""
    month_first = False
    for cell in cells:
        found = _NUMERIC.match(cell.strip())
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            if first > 12:
                return True
            month_first = month_first or second > 12
    return not month_first


def as_date(cell: str, *, day_first: bool = True) -> str | None:
    """A date or timestamp cell as ``YYYY-MM-DD``, or None when it is none."""
    text = cell.strip()
    found = _ISO.match(text)
    if found:
        year, month, day = (int(part) for part in found.groups())
    else:
        found = _NUMERIC.match(text)
        if not found:
            return None
        first, second, year = (int(part) for part in found.groups())
        day, month = (first, second) if day_first else (second, first)
        if year < 100:
            year += 2000
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def as_kind(cell: str) -> str | None:
    """The kind of team a cell names ("Een straat", "École", "wijk"), or None."""
    found = words(cell)
    joined = " ".join(found)
    if joined in TEAM_KINDS:
        return joined
    for kind, known in _KIND_WORDS.items():
        if set(found) & known:
            return kind
    return None


def as_list(cell: str) -> list[str]:
    """The items of a list typed in one cell, each on one line."""
    return [" ".join(item.split()) for item in _ITEMS.split(cell) if item.strip()]


def one_line(cell: str) -> str:
    """A cell as one line: the spaces and line breaks of a spreadsheet cell made single."""
    return " ".join(cell.split())


class Actions:
    """The campaign's actions, found by file name or title as a sign-up form lists them."""

    def __init__(self, titles: Mapping[str, str]) -> None:
        #: Action slug -> title (an action whose title cannot be read: its slug).
        self.titles = dict(titles)
        self._keys: dict[str, str] = {}
        for slug, title in self.titles.items():
            self._keys.setdefault(" ".join(words(title)), slug)
            self._keys.setdefault(" ".join(words(slug)), slug)

    def find(self, cell: str) -> tuple[list[str], list[str]]:
        """The actions a cell names (in order, once each) and the items that are none.

        Ticked boxes come joined with commas, and a title may hold a comma itself: the
        longest run of items that is a title counts first."""
        found: list[str] = []
        unknown: list[str] = []
        for part in re.split(r"[;\n]", cell):
            items = [" ".join(item.split()) for item in part.split(",")]
            start = 0
            while start < len(items):
                for end in range(len(items), start, -1):
                    slug = self._keys.get(" ".join(words(", ".join(items[start:end]))))
                    if slug:
                        found.append(slug)
                        start = end
                        break
                else:
                    if words(items[start]):
                        unknown.append(items[start])
                    start += 1
        return list(dict.fromkeys(found)), unknown

    def suggestion(self, item: str) -> str:
        """The closest action, as "Bedoel je 'title' (slug)? ", or nothing."""
        close = difflib.get_close_matches(" ".join(words(item)), list(self._keys), n=1, cutoff=0.6)
        if not close:
            return ""
        slug = self._keys[close[0]]
        return f"Bedoel je '{self.titles[slug]}' ({slug})? "
