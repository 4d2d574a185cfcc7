"""Texts as files: plain text, Markdown and a real Word document.

Word files are zip archives that python-docx stamps with the current time (in the core
properties and in every zip entry); both are fixed here, so the same text gives the same
bytes on every build.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from campaignkit.blocks import Block, Span

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


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
    document = Document()
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.language = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB"}[language]
    properties.created = created
    properties.modified = created
    properties.last_printed = created
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""
    properties.subject = ""
    properties.category = ""
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    if logo is not None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run().add_picture(io.BytesIO(logo), height=Cm(2))
    colour = RGBColor.from_string(link_colour.lstrip("#").upper())
    for block in blocks:
        if block.kind == "heading":
            paragraph = document.add_heading(level=min(block.level, 4))
        elif block.kind == "item":
            name = "List Number" if block.number is not None else "List Bullet"
            if block.level > 1:
                name += f" {min(block.level, 3)}"
            paragraph = document.add_paragraph(style=name)
        elif block.kind == "quote":
            paragraph = document.add_paragraph(style="Quote")
        else:
            paragraph = document.add_paragraph()
        for span in block.spans:
            _add_span(paragraph, span, colour)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


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


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01 and the same attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()


def markdown_file(title: str, markdown: str) -> bytes:
    """The filled-in Markdown, as written (the title is the kit's label, not content)."""
    del title
    return markdown.encode("utf-8")


def text_file(plain: str) -> bytes:
    return plain.encode("utf-8")
