"""Reading CSV exports: encodings and separators found, rows numbered as a spreadsheet does,
unreadable files refused with their place."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from campaignkit.problems import CampaignError
from campaignkit.spreadsheets import read_table

#: As Excel writes it: CRLF, a separator and a line break inside quoted cells, quotes doubled.
TEXT = (
    "Ploeg;Verhaal;Gezinnen\r\n"
    '"Kerkstraat; oost";"Eerst de tuin.\r\nDan het dak.";14\r\n'
    ";;\r\n"
    'Bos;"Zegt ""hallo""";3\r\n'
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 met BOM"),
        (TEXT.replace("Bos", "Bosé").encode("cp1252"), "Windows-1252"),
        (TEXT.encode("utf-16"), "UTF-16"),
        (TEXT.encode("utf-16-be"), "UTF-16"),
    ],
)
def test_rows_and_cells_come_out_as_typed(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    table = read_table(path, "export.csv")
    assert (table.encoding, table.separator) == (encoding, ";")
    assert table.headers == ("Ploeg", "Verhaal", "Gezinnen")
    # The empty row 3 is left out; rows keep the numbers a spreadsheet shows.
    assert [row.number for row in table.rows] == [2, 4]
    first, second = table.rows
    assert first.cells == ("Kerkstraat; oost", "Eerst de tuin.\nDan het dak.", "14")
    assert second.cells[1] == 'Zegt "hallo"'


def test_tabs_and_commas_are_found_too(tmp_path: Path) -> None:
    for separator in ("\t", ","):
        path = tmp_path / "export.csv"
        path.write_text(f"Ploeg{separator}Gezinnen\nA{separator}1\n", encoding="utf-8")
        assert read_table(path, "export.csv").separator == separator


def test_a_row_with_more_cells_than_headers_is_located(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Ploeg;Gezinnen\nA;1\nB;2;extra\nC;3;;\n", encoding="utf-8")
    with pytest.raises(CampaignError) as caught:
        read_table(path, "export.csv")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 3)
    assert "3 cellen, de kopregel maar 2" in problem.message


def test_an_unknown_encoding_and_unreadable_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Ploeg;Gezinnen\nKerkstraat;1\n".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(CampaignError) as caught:
        read_table(path, "export.csv")
    assert "niet te lezen als tekst" in caught.value.problems[0].message
    with pytest.raises(CampaignError) as caught:
        read_table(path, "export.csv", encoding="klingon")
    assert "De tekenset 'klingon' bestaat niet." in caught.value.problems[0].message
