"""Which column of a sign-up export holds which field of a team, found by its header.

Form tools put the whole question in the header ("Hoe heet jullie ploeg?", "Aantal
gezinnen dat meedoet"), in Dutch, French or English: a header is matched on its words.
Columns about a person (a name, an e-mail address, a phone number, an address) are found
the same way, and by their cells; they are never written anywhere, and neither is any
column that no field asked for.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from campaignkit.fields import find_contact_details
from campaignkit.problems import Problem
from campaignkit.spreadsheets import Table

#: The team fields an import fills, in the order of a team file.
FIELDS = ("name", "kind", "streets", "households", "households_total", "joined", "story", "actions")


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Header words that say "about a person": never imported.
_PERSON = _set(
    "voornaam achternaam familienaam kapitein captain capitaine contact contactpersoon "
    "verantwoordelijke trekker coordinator firstname lastname surname prenom persoon person "
    "personne email mail mailadres emailadres courriel telefoon telefoonnummer tel gsm "
    "gsmnummer phone telephone mobile mobiel adres address adresse huisnummer "
    "geboortedatum leeftijd age"
)
#: A header that is only this is a person's name ("Naam", "Full name").
_NAME_ALONE = {
    "naam", "name", "nom", "volledige naam", "full name", "nom complet", "uw naam", "je naam",
    "jouw naam", "your name", "votre nom", "naam en voornaam", "voornaam en naam",
}  # fmt: skip
_TEAM = _set("ploeg team equipe groep klimaatstraat klimaatbuurt")
_TEAM_NAME = _set("ploegnaam teamnaam groepsnaam")
_CALLED = _set("naam name nom heet called noemt appelle")
_HOUSEHOLDS = _set(
    "gezinnen gezin huishoudens huishouden households household menages menage foyers "
    "foyer families familles"
)
_TAKING_PART = _set(
    "mee meedoen meedoet deelnemend deelnemende deelnemen participating taking part "
    "participent participants ingeschreven doen"
)
_ALL = _set("totaal total totale alle wonen woonachtig live living habitent habitant area")
_WORDS = {
    "kind": _set("soort type kind genre categorie category"),
    "streets": _set("straten streets rues straatnamen"),
    "joined": _set(
        "tijdstempel timestamp horodateur horodatage datum date ingediend submitted aangemeld "
        "inschrijvingsdatum joined completion voltooid"
    ),
    "story": _set(
        "verhaal story histoire beschrijving omschrijving description motivatie waarom why "
        "pourquoi vertel"
    ),
    "actions": _set("acties actie actions action engagementen engagements"),
}


def words(text: str) -> list[str]:
    """``text`` in lower case without accents, as words (letters and digits)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", plain)


def field_of_header(header: str) -> str | None:
    """The team field a header asks for, ``"person"`` for a person's details, or None."""
    found = words(header)
    joined = " ".join(found)
    unique = set(found)
    if joined in _NAME_ALONE or unique & _PERSON:
        return "person"
    if unique & _HOUSEHOLDS:
        if unique & _ALL and not unique & _TAKING_PART:
            return "households_total"
        return "households"
    if unique & _TEAM_NAME or (unique & _TEAM and (unique & _CALLED or len(unique) == 1)):
        return "name"
    for field, known in _WORDS.items():
        if unique & known:
            return field
    return None


@dataclass(frozen=True)
class Columns:
    """Each field's column (an index into the headers) and the columns left out."""

    fields: Mapping[str, int]
    #: About a person: by its header, or (a column no field asked for) because a cell
    #: holds an e-mail address or a phone number.
    personal: tuple[int, ...]
    unused: tuple[int, ...]


def find_columns(table: Table, chosen: Mapping[str, str | None]) -> tuple[Columns, list[Problem]]:
    """The columns of ``table``: ``chosen`` (field -> header, from ``--column``; an empty
    header: no column) first, then each header's words; a field takes its first column."""
    problems: list[Problem] = []
    fields: dict[str, int] = {}
    taken: set[int] = set()
    for field, header in chosen.items():
        if field not in FIELDS:
            problems.append(_unknown_field(table, field))
        elif header:
            index = _header_index(table.headers, header)
            if index is None:
                problems.append(_unknown_header(table, field, header))
            else:
                fields[field] = index
                taken.add(index)
    personal = []
    for index, header in enumerate(table.headers):
        if index in taken:
            continue
        asked = field_of_header(header)
        if asked == "person":
            personal.append(index)
        elif asked and asked not in fields and asked not in chosen:
            fields[asked] = index
            taken.add(index)
        elif _holds_contact_details(table, index):
            # A column of e-mail addresses under a header such as "Vraag 3".
            personal.append(index)
    unused = [i for i in range(len(table.headers)) if i not in taken and i not in personal]
    return Columns(fields, tuple(personal), tuple(unused)), problems


def _holds_contact_details(table: Table, index: int) -> bool:
    return any(find_contact_details(row.cell(index)) for row in table.rows)


def _header_index(headers: Sequence[str], header: str) -> int | None:
    wanted = " ".join(header.split()).casefold()
    for index, found in enumerate(headers):
        if found.casefold() == wanted:
            return index
    return None


def _unknown_field(table: Table, field: str) -> Problem:
    close = difflib.get_close_matches(field, FIELDS, n=1)
    hint = f"Bedoel je '{close[0]}'? " if close else ""
    return Problem(
        table.name,
        1,
        1,
        f"--column {field}=...: een ploeg heeft geen veld '{field}'.",
        hint + f"Velden die een import vult: {', '.join(FIELDS)}.",
    )


def _unknown_header(table: Table, field: str, header: str) -> Problem:
    close = difflib.get_close_matches(header, table.headers, n=1, cutoff=0.5)
    hint = f'Bedoel je --column {field}="{close[0]}"? ' if close else ""
    listed = ", ".join(f"'{h}'" for h in table.headers)
    return Problem(
        table.name,
        1,
        1,
        f"--column {field}={header}: er is geen kolom '{header}'.",
        hint + f"De kolommen van dit bestand: {listed}.",
    )
