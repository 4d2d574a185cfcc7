"""The kit's Word files as Word reads them: the XML of the page, the styles and the font
table, for a Dutch campaign's kit and for French and English documents."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from xml.etree import ElementTree

import docx
import pytest

from campaignkit.blocks import parse
from campaignkit.kit import Kit
from campaignkit.kit.documents import docx as word_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: A4 in twentieths of a point, and 2.5 cm.
A4 = ("11906", "16838")
MARGIN = "1417"


def _xml(data: bytes, name: str) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ElementTree.fromstring(archive.read(name))


def _style(styles: ElementTree.Element, style_id: str) -> ElementTree.Element:
    found = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id]
    assert len(found) == 1, style_id
    return found[0]


def _check(data: bytes, locale: str, colour: str) -> None:
    document = _xml(data, "word/document.xml")
    size = document.find(f".//{W}sectPr/{W}pgSz")
    assert size is not None and (size.get(f"{W}w"), size.get(f"{W}h")) == A4
    margins = document.find(f".//{W}sectPr/{W}pgMar")
    assert margins is not None
    assert {margins.get(f"{W}{side}") for side in ("top", "bottom", "left", "right")} == {MARGIN}

    styles = _xml(data, "word/styles.xml")
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default is not None and default.get(f"{W}val") == locale
    assert {lang.get(f"{W}val") for lang in styles.iter(f"{W}lang")} == {locale}
    for style_id in ("Heading1", "Heading2", "Heading3", "Heading4", "Title"):
        colour_el = _style(styles, style_id).find(f"{W}rPr/{W}color")
        assert colour_el is not None
        assert colour_el.get(f"{W}val") == colour, style_id
        assert colour_el.get(f"{W}themeColor") is None, style_id  # Word would prefer it
    for fonts in styles.iter(f"{W}rFonts"):
        assert fonts.get(f"{W}ascii") == "Calibri"
        assert not any(name.endswith(("Theme", "theme")) for name in fonts.attrib), fonts.attrib
    table = _xml(data, "word/fontTable.xml")
    calibri = [f for f in table.iter(f"{W}font") if f.get(f"{W}name") == "Calibri"]
    assert calibri[0].find(f"{W}family").get(f"{W}val") == "swiss"  # type: ignore[union-attr]
    settings = _xml(data, "word/settings.xml")
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == locale  # type: ignore[union-attr]

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        package = archive.read("_rels/.rels").decode()
    assert not any("thumbnail" in name for name in names)  # no blank preview picture
    assert "thumbnail" not in package
    assert "word/stylesWithEffects.xml" not in names
    assert docx.Document(io.BytesIO(data)).core_properties.language == locale


def test_every_word_file_is_a4_in_dutch_with_headings_in_the_campaign_colour(kit: Kit) -> None:
    words = [path for path in kit.files if path.endswith(".docx")]
    assert len(words) == 9
    for path in words:
        _check(kit.files[path], "nl-BE", "1B5E20")


@pytest.mark.parametrize(("language", "locale"), [("fr", "fr-BE"), ("en", "en-GB")])
def test_french_and_english_word_files_are_proofed_in_their_language(
    language: str, locale: str
) -> None:
    blocks = parse("# Titre\n\nUn texte.\n\n## Sous-titre\n\n- un point\n")
    made = [
        word_file(
            blocks,
            title="T",
            author="Commune",
            language=language,
            created=datetime(2027, 3, 1),
            logo=None,
            link_colour="#0d47a1",
        )
        for _ in range(2)
    ]
    assert made[0] == made[1]  # the same bytes every time
    _check(made[0], locale, "0D47A1")
    settings = _xml(made[0], "word/settings.xml")
    decimal = settings.find(f"{W}decimalSymbol").get(f"{W}val")  # type: ignore[union-attr]
    assert decimal == ("," if language == "fr" else ".")
