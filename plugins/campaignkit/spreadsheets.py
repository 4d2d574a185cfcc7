"""Spreadsheet exports (CSV) read the way their makers write them: every cell as its text,
with the row and column a spreadsheet shows it at.

Form tools and Excel write CSV in several ways: UTF-8 with or without a byte order mark,
Windows-1252 (Excel's plain "CSV" on Windows), UTF-16 (Excel's "Unicode text", with tabs);
commas, semicolons (Excel where the decimal sign is a comma, as in Belgium) or tabs between
cells; quoted cells holding newlines. :func:`read_table` finds the encoding and the
separator itself. Nothing is evaluated: a cell that looks like a formula stays that text.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from campaignkit.loading import read_capped
from campaignkit.problems import CampaignError, Problem

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
#: The separators tried, in the order they win a tie.
SEPARATORS = (";", ",", "\t")
_SEPARATOR_NAMES = {";": "puntkomma's", ",": "komma's", "\t": "tabs"}
#: How many records the separator is judged on.
_SAMPLE = 50


#: What a spreadsheet reads as the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(text: str) -> str:
    """A text cell for a CSV export that cannot start a formula: one that would gets a
    leading apostrophe (OWASP's advice on CSV injection), which spreadsheets show as text."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@dataclass(frozen=True)
class Row:
    """One row of cells; ``number`` is the row as a spreadsheet numbers it (the header
    row is 1; a cell with newlines in it does not make more rows)."""

    number: int
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    """A spreadsheet export: its header row and its rows that hold anything."""

    name: str
    encoding: str
    separator: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]

    def describe(self) -> str:
        """How the file was read, in Dutch, e.g. ``UTF-8 met BOM, puntkomma's``."""
        return f"{self.encoding}, gescheiden door {_SEPARATOR_NAMES[self.separator]}"


_ENCODING_NAMES = {
    "utf-8-sig": "UTF-8 met BOM",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "cp1252": "Windows-1252",
}


def read_table(path: Path, name: str, *, encoding: str | None = None) -> Table:
    """The table in the CSV file at ``path`` (``name`` is how problems name it); raises
    :class:`CampaignError` when it cannot be read. ``encoding`` overrides the guess."""
    raw = read_capped(path, name, MAX_BYTES, "Verdeel de rijen over meerdere bestanden.")
    text, used = decode(raw, name, encoding)
    separator = guess_separator(text)
    return _table(text, name, _ENCODING_NAMES.get(used, used), separator)


def decode(raw: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``raw`` and the encoding it was read with: ``encoding`` when given, else
    the guess (a byte order mark; UTF-16 without one, from its zero bytes; UTF-8; and when
    that fails, Windows-1252)."""
    guessed = encoding is None
    tried = encoding or _guess_encoding(raw)
    try:
        return raw.decode(tried), tried
    except LookupError:
        raise CampaignError(
            [Problem(name, 1, 1, f"De tekenset '{tried}' bestaat niet.", _SAVE_AS)]
        ) from None
    except UnicodeDecodeError as error:
        if guessed and tried == "utf-8":
            try:
                return raw.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
        line = raw[: error.start].count(b"\n") + 1
        raise CampaignError(
            [
                Problem(
                    name,
                    line,
                    1,
                    f"Het bestand is niet te lezen als tekst ({tried}): byte {error.start + 1}.",
                    _SAVE_AS,
                )
            ]
        ) from None


_SAVE_AS = "Sla het rekenblad op als 'CSV UTF-8 (door komma's gescheiden)' en probeer opnieuw."


def _guess_encoding(raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) >= 4:
        # Text in UTF-16 has a zero byte beside nearly every Latin letter.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > half * 0.3 and even < half * 0.05:
            return "utf-16-le"
        if even > half * 0.3 and odd < half * 0.05:
            return "utf-16-be"
    return "utf-8"


def guess_separator(text: str) -> str:
    """The separator that gives the first records one and the same number of cells, the
    most of them; a file of one column gets a comma."""
    best, score = ",", (0, 0)
    for separator in SEPARATORS:
        records = []
        try:
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
                records.append(record)
                if len(records) >= _SAMPLE:
                    break
        except csv.Error:
            continue
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        filled = [r for r in records[1:] if any(c.strip() for c in r)]
        agreeing = sum(1 for r in filled if len(r) == width)
        candidate = (agreeing * 100 // max(1, len(filled)), width)
        if candidate > score:
            best, score = separator, candidate
    return best


def _table(text: str, name: str, encoding: str, separator: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    headers: tuple[str, ...] = ()
    rows: list[Row] = []
    problems: list[Problem] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            cells = tuple(cell.replace("\r\n", "\n").replace("\r", "\n") for cell in record)
            if number == 1:
                headers = tuple(" ".join(cell.split()) for cell in cells)
                continue
            if number > MAX_ROWS + 1:
                problems.append(
                    Problem(name, number, 1, f"Meer dan {MAX_ROWS} rijen.", "Verdeel de rijen.")
                )
                break
            if not any(cell.strip() for cell in cells):
                continue  # an empty row, as spreadsheets leave them at the end
            extra = [i for i, cell in enumerate(cells) if i >= len(headers) and cell.strip()]
            if extra:
                problems.append(
                    Problem(
                        name,
                        number,
                        extra[0] + 1,
                        f"Deze rij heeft {len(cells)} cellen, de kopregel maar {len(headers)}.",
                        "Staat er een scheidingsteken in een cel zonder aanhalingstekens? Zet "
                        "de cel tussen aanhalingstekens, of voeg een kop toe voor de kolom.",
                    )
                )
            rows.append(Row(number, cells))
    except csv.Error as error:
        problems.append(
            Problem(
                name,
                number + 1,
                1,
                f"Deze rij is geen geldige CSV ({error}).",
                "Kijk de aanhalingstekens in de rij na, of sla het rekenblad opnieuw op als CSV.",
            )
        )
    if not headers:
        problems.append(
            Problem(name, 1, 1, "Het bestand is leeg.", "Exporteer de inschrijvingen opnieuw.")
        )
    if problems:
        raise CampaignError(problems)
    return Table(name, encoding, separator, headers, tuple(rows))
