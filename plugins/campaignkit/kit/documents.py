"""Texts as files: plain text, Markdown and a real Word document.

A Word file is set up as a Belgian office expects it: A4 with 2.5 cm margins, the
campaign's language (nl-BE, fr-BE, en-GB) as the document and proofing language of every
style, headings in the campaign's colour and Calibri throughout (in every Word; a reader
without it gets the nearest sans-serif, which the font table names). python-docx's template
brings a blank preview picture and Word 2010 leftovers: they are left out.

Word files are zip archives that python-docx stamps with the current time (in the core
properties and in every zip entry); both are fixed here, so the same text gives the same
bytes on every build.

A kit holds a few Word files per team: the template, set up once per language and colour,
is copied for each document, styles are looked up once, and the archive is written once
with its fixed dates (python-docx would write it and it would be written again).
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from collections.abc import Iterable
from datetime import datetime

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.opc.rel import Relationships
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from campaignkit import branding
from campaignkit.blocks import Block, Span

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
LOCALES = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB"}
#: In every Word since 2007, on Windows, macOS and the web.
FONT = "Calibri"
#: The styles drawn in the campaign's colour (and their linked character styles).
_HEADINGS = re.compile(r"(Heading[1-9]|Title|Subtitle)(Char)?")
#: Parts of python-docx's template that a new document has no use for: the blank preview
#: picture, Word 2010's copy of every style, and a bibliography store.
_LEFT_OUT = (
    RELATIONSHIP_TYPE.THUMBNAIL,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RELATIONSHIP_TYPE.CUSTOM_XML,
)


def docx(
    blocks: tuple[Block, ...],
    *,
    title: str,
    author: str,
    language: str,
    created: datetime,
    logo: bytes | None,
    link_colour: str,
) -> bytes:
    """A Word document of the text: logo, headings, paragraphs, lists, clickable links."""
    locale = LOCALES[language]
    colour = RGBColor.from_string(branding.nearest_readable(link_colour).lstrip("#").upper())
    document = copy.deepcopy(_template(locale, str(colour)))
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.language = locale
    properties.created = created
    properties.modified = created
    properties.last_printed = created
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""
    properties.subject = ""
    properties.category = ""
    if logo is not None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run().add_picture(io.BytesIO(logo), height=Cm(2))
    for block in blocks:
        paragraph = document.add_paragraph()
        name = _style_name(block)
        if name is not None:
            paragraph._p.style = _style_id(name)
        for span in block.spans:
            _add_span(paragraph, span, colour)
    return _save(document)


@functools.lru_cache(maxsize=8)
def _template(locale: str, colour: str) -> WordDocument:
    """python-docx's blank document set up for ``locale`` and heading ``colour``; copied,
    never changed."""
    document = Document()
    _leave_out_extras(document)
    _a4(document)
    _styles(document, locale, RGBColor.from_string(colour))
    _settings(document, locale)
    document.styles["Normal"].font.size = Pt(11)
    return document


def _style_name(block: Block) -> str | None:
    """The paragraph style of ``block`` (None: Normal)."""
    if block.kind == "heading":
        return f"Heading {min(block.level, 4)}"
    if block.kind == "item":
        name = "List Number" if block.number is not None else "List Bullet"
        return name + (f" {min(block.level, 3)}" if block.level > 1 else "")
    if block.kind == "quote":
        return "Quote"
    return None


@functools.cache
def _style_id(name: str) -> str | None:
    """The id of the template's paragraph style ``name`` (looking it up walks every style)."""
    found: str | None = Document().part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
    return found


def _leave_out_extras(document: WordDocument) -> None:
    """Drop the template's parts a new document has no use for (see ``_LEFT_OUT``)."""
    for rels in (document.part.package.rels, document.part.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in _LEFT_OUT]:
            del rels[rid]


def _a4(document: WordDocument) -> None:
    """A4 portrait with the margins Word uses in Belgium: 2.5 cm, header and footer 1.25 cm."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.left_margin = section.right_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)


def _styles(document: WordDocument, locale: str, colour: RGBColor) -> None:
    """Every style in ``locale`` and in :data:`FONT`; headings in ``colour``.

    Theme attributes go: Word prefers a theme font or colour over the one named beside it.
    """
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for name in list(fonts.attrib):
            if name.endswith("Theme") or name == qn("w:cstheme"):
                del fonts.attrib[name]
        for name in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(name), FONT)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), locale)
    for style in styles.iter(qn("w:style")):
        if not _HEADINGS.fullmatch(style.get(qn("w:styleId")) or ""):
            continue
        for element in style.iter(qn("w:color")):
            for name in ("w:themeColor", "w:themeShade", "w:themeTint"):
                element.attrib.pop(qn(name), None)
            element.set(qn("w:val"), str(colour))


def _settings(document: WordDocument, locale: str) -> None:
    """The language of theme fonts, and Belgian number separators (decimal comma)."""
    settings = document.settings.element
    for element in settings.iter(qn("w:themeFontLang")):
        element.set(qn("w:val"), locale)
    comma = not locale.startswith("en")
    separators = {"w:decimalSymbol": ",.", "w:listSeparator": ";,"}
    for name, values in separators.items():
        for element in settings.iter(qn(name)):
            element.set(qn("w:val"), values[0] if comma else values[1])


def _font_table(xml: bytes) -> bytes:
    """Calibri as a proportional sans-serif: a reader without it gets the nearest one."""
    entry = re.compile(rb'(<w:font w:name="' + FONT.encode() + rb'">.*?</w:font>)', re.S)
    return entry.sub(
        lambda found: found.group(1).replace(
            b'<w:family w:val="auto"/>', b'<w:family w:val="swiss"/>'
        ),
        xml,
    )


def _add_span(paragraph: Paragraph, span: Span, colour: RGBColor) -> None:
    parts = span.text.split("\n")
    for index, part in enumerate(parts):
        if span.href:
            _hyperlink(paragraph, part, span, colour)
        else:
            run = paragraph.add_run(part)
            run.bold = span.bold or None
            run.italic = span.italic or None
        if index < len(parts) - 1:
            paragraph.add_run().add_break()


def _hyperlink(paragraph: Paragraph, text: str, span: Span, colour: RGBColor) -> None:
    """python-docx has no hyperlink API: build ``<w:hyperlink r:id=…>`` with a styled run."""
    assert span.href
    rel = paragraph.part.relate_to(span.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour_el = OxmlElement("w:color")
    colour_el.set(qn("w:val"), str(colour))
    props.append(colour_el)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    if span.bold:
        props.append(OxmlElement("w:b"))
    if span.italic:
        props.append(OxmlElement("w:i"))
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.set(qn("xml:space"), "preserve")
    text_el.text = text
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


class _FixedZip:
    """Writes a package's parts as python-docx would, every entry dated 1980-01-01 with the
    same attributes."""

    def __init__(self, out: io.BytesIO) -> None:
        self.zip = zipfile.ZipFile(out, "w")

    def write(self, uri: PackURI, blob: bytes) -> None:
        name = uri.membername
        entry = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        entry.create_system = 3
        if name == "word/fontTable.xml":
            blob = _font_table(blob)
        self.zip.writestr(entry, blob, compresslevel=6)


def _save(document: WordDocument) -> bytes:
    """The document's archive (what ``document.save`` writes, with fixed dates)."""
    package = document.part.package
    parts: Iterable[Part] = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _FixedZip(out)
    rels: Relationships = package.rels
    # The order and contents of OpcPackage.save, with this writer.
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, rels)
    PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]
    writer.zip.close()
    return out.getvalue()


def markdown_file(title: str, markdown: str) -> bytes:
    """The filled-in Markdown, as written (the title is the kit's label, not content)."""
    del title
    return markdown.encode("utf-8")


def text_file(plain: str) -> bytes:
    return plain.encode("utf-8")
