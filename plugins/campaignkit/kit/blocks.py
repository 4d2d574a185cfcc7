"""Markdown to a small list of blocks (headings, paragraphs, list items) of styled spans.

One parse feeds every output format of a text: readable plain text, Word, and the HTML
preview on the kit page. Raw HTML in the Markdown is kept as literal text, never markup;
links keep only web, mail and phone addresses. Bare web addresses become links.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from typing import Literal

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX

BlockKind = Literal["heading", "paragraph", "item", "quote"]
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""
_ESCAPED = re.compile(f"{STX}([0-9]+){ETX}")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    spans: tuple[Span, ...]
    level: int = 0  # heading level, or list depth (1 = top)
    number: int | None = None  # list item number when ordered

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def safe_href(url: str | None) -> str | None:
    """``url`` when it is a web, mail or phone address, else ``None``."""
    if not url:
        return None
    url = url.strip()
    return url if url.lower().startswith(SAFE_SCHEMES) else None


class _Capture(Treeprocessor):
    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.root: etree.Element | None = None

    def run(self, root: etree.Element) -> None:
        self.root = root


def parse(text: str) -> tuple[Block, ...]:
    """The blocks of a Markdown text."""
    md = markdown.Markdown(extensions=["sane_lists"])
    capture = _Capture(md)
    md.treeprocessors.register(capture, "campaignkit_capture", -100)
    md.convert(text)
    walker = _Walker(md)
    if capture.root is not None:
        walker.blocks_of(capture.root, depth=0)
    return tuple(block for block in walker.blocks if block.text.strip())


class _Walker:
    def __init__(self, md: markdown.Markdown) -> None:
        self.md = md
        self.blocks: list[Block] = []

    def literal(self, text: str | None, *, keep_lines: bool = False) -> str:
        """Text with Markdown's placeholders put back as the literal characters typed.

        A line break inside a paragraph is a space (coaches wrap lines in their editor).
        """
        if not text:
            return ""
        if not keep_lines:
            text = text.replace("\n", " ")

        def stashed(match: re.Match[str]) -> str:
            raw = str(self.md.htmlStash.rawHtmlBlocks[int(match.group(1))])
            return html.unescape(raw) if re.fullmatch(r"&#?\w+;", raw) else raw

        text = HTML_PLACEHOLDER_RE.sub(stashed, text)
        text = _ESCAPED.sub(lambda m: chr(int(m.group(1))), text)
        return text if keep_lines else text.replace("\n", " ")

    def blocks_of(self, element: etree.Element, depth: int) -> None:
        for child in element:
            tag = child.tag
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.add(Block("heading", self.spans(child), level=int(tag[1])))
            elif tag == "p":
                self.add(Block("paragraph", self.spans(child)))
            elif tag in ("ul", "ol"):
                start = int(child.get("start", "1")) if tag == "ol" else None
                for index, item in enumerate(child.findall("li")):
                    number = None if start is None else start + index
                    self.item(item, depth + 1, number)
            elif tag == "blockquote":
                before = len(self.blocks)
                self.blocks_of(child, depth)
                for i in range(before, len(self.blocks)):
                    self.blocks[i] = replace(self.blocks[i], kind="quote")
            elif tag == "pre":
                code = child.find("code")
                raw = self.literal(
                    "".join((code if code is not None else child).itertext()), keep_lines=True
                )
                for line in raw.rstrip("\n").split("\n"):
                    self.add(Block("paragraph", (Span(line),)))
            elif tag == "hr":
                continue
            else:
                self.add(Block("paragraph", self.spans(child)))
            # Python-Markdown leaves a stashed HTML block as the tail text of nothing:
            if child.tail and child.tail.strip():
                self.add(Block("paragraph", _linkify((Span(self.literal(child.tail).strip()),))))

    def item(self, item: etree.Element, depth: int, number: int | None) -> None:
        spans: list[Span] = list(self.inline_text(item.text))
        nested: list[etree.Element] = []
        for child in item:
            if child.tag in ("ul", "ol"):
                nested.append(child)
            elif child.tag == "p":
                if spans:
                    spans.append(Span(" "))
                spans.extend(self.spans(child))
            else:
                spans.extend(self.inline(child, bold=False, italic=False, href=None))
            if child.tail:
                spans.extend(self.inline_text(child.tail))
        self.add(Block("item", _linkify(_merge(spans)), level=depth, number=number))
        for child in nested:
            self.blocks_of(_wrap(child), depth)

    def add(self, block: Block) -> None:
        spans = list(block.spans)
        if spans:
            spans[0] = replace(spans[0], text=spans[0].text.lstrip(" "))
            spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip(" "))
        self.blocks.append(replace(block, spans=tuple(s for s in spans if s.text)))

    def inline_text(self, text: str | None, **style: object) -> list[Span]:
        literal = self.literal(text)
        return [Span(literal, **style)] if literal else []  # type: ignore[arg-type]

    def spans(self, element: etree.Element) -> tuple[Span, ...]:
        spans = self.inline_text(element.text)
        for child in element:
            spans.extend(self.inline(child, bold=False, italic=False, href=None))
            spans.extend(self.inline_text(child.tail))
        return _linkify(_merge(spans))

    def inline(
        self, element: etree.Element, *, bold: bool, italic: bool, href: str | None
    ) -> list[Span]:
        tag = element.tag
        if tag == "br":
            return [Span("\n", bold, italic, href)]
        if tag == "img":
            alt = element.get("alt") or ""
            return [Span(alt, bold, italic, href)] if alt else []
        bold = bold or tag in ("strong", "b")
        italic = italic or tag in ("em", "i")
        if tag == "a":
            href = safe_href(self.literal(element.get("href")))
        spans = self.inline_text(element.text, bold=bold, italic=italic, href=href)
        for child in element:
            spans.extend(self.inline(child, bold=bold, italic=italic, href=href))
            spans.extend(self.inline_text(child.tail, bold=bold, italic=italic, href=href))
        return spans


def _wrap(element: etree.Element) -> etree.Element:
    holder = etree.Element("div")
    holder.append(element)
    return holder


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.href) == (span.bold, span.italic, span.href):
            merged[-1] = replace(last, text=last.text + span.text)
        else:
            merged.append(span)
    return merged


def _linkify(spans: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """Turn bare web addresses in unlinked text into links."""
    result: list[Span] = []
    for span in spans:
        if span.href:
            result.append(span)
            continue
        position = 0
        for match in _BARE_URL.finditer(span.text):
            url = match.group().rstrip(_TRAILING)
            start, end = match.start(), match.start() + len(url)
            if start > position:
                result.append(replace(span, text=span.text[position:start]))
            target = url if "://" in url else "https://" + url
            result.append(replace(span, text=url, href=target))
            position = end
        if position < len(span.text):
            result.append(replace(span, text=span.text[position:]))
    return tuple(result)


def plain_text(blocks: tuple[Block, ...]) -> str:
    """Readable plain text: paragraphs separated by a blank line, links written out."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = "".join(_plain_span(span) for span in block.spans).strip()
        if block.kind == "item":
            bullet = f"{block.number}." if block.number is not None else "-"
            text = "   " * (block.level - 1) + f"{bullet} {text}"
            same_list = (
                previous is not None
                and previous.kind == "item"
                and (previous.number is None) == (block.number is None)
            )
            separator = "\n" if same_list else "\n\n"
        elif block.kind == "quote":
            text = "\n".join("> " + line for line in text.split("\n"))
            separator = "\n\n"
        else:
            separator = "\n\n"
        if parts:
            parts.append(separator)
        parts.append(text)
        previous = block
    # Soft hyphens only help a layout engine; in pasted text they are invisible noise.
    return "".join(parts).replace("\u00ad", "").strip() + "\n" if parts else ""


def _plain_span(span: Span) -> str:
    if not span.href:
        return span.text
    shown = span.href.removeprefix("mailto:").removeprefix("tel:")
    if span.text.strip() in (span.href, shown) or span.href == "https://" + span.text.strip():
        return span.text
    return f"{span.text} ({shown})"


def to_html(blocks: tuple[Block, ...]) -> str:
    """Escaped HTML for a preview (headings start at ``<h4>`` to sit under the page's)."""
    out: list[str] = []
    open_list: str | None = None
    for block in blocks:
        inner = "".join(_html_span(span) for span in block.spans)
        wanted = None
        if block.kind == "item":
            wanted = "ol" if block.number is not None else "ul"
        if open_list and open_list != wanted:
            out.append(f"</{open_list}>")
            open_list = None
        if wanted and not open_list:
            out.append(f"<{wanted}>")
            open_list = wanted
        if block.kind == "heading":
            level = min(6, block.level + 3)
            out.append(f"<h{level}>{inner}</h{level}>")
        elif block.kind == "item":
            out.append(f"<li>{inner}</li>")
        elif block.kind == "quote":
            out.append(f"<blockquote><p>{inner}</p></blockquote>")
        else:
            out.append(f"<p>{inner}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "\n".join(out)


def _html_span(span: Span) -> str:
    text = html.escape(span.text).replace("\n", "<br>")
    if span.bold:
        text = f"<strong>{text}</strong>"
    if span.italic:
        text = f"<em>{text}</em>"
    if span.href:
        text = f'<a href="{html.escape(span.href, quote=True)}">{text}</a>'
    return text
