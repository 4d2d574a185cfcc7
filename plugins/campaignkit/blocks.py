"""Markdown to a small list of blocks (headings, paragraphs, list items) of styled spans.

One parse feeds every output format of a text: readable plain text (kit texts and calendar
descriptions alike), Word, posters and the HTML preview on the kit page. The Markdown goes
through :func:`campaignkit.markup.render_markdown` (bounded, raw HTML shown as text, links
only to web, mail and phone addresses), and its sanitised HTML is read back into blocks.
Bare web addresses become links.

A text too long for its place is shortened by whole units, never mid-sentence: list items
and headings whole, paragraphs sentence by sentence (:func:`leading`).
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Literal

from campaignkit.markup import render_markdown, safe_url

BlockKind = Literal["heading", "paragraph", "item", "quote"]
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr"}
#: A sentence's end: its marks, closing quotes or brackets (or Markdown emphasis), a space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]*_]*\s+")


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
    level: int = 0  # heading level (1 = top), or list depth (1 = top)
    number: int | None = None  # list item number when ordered

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def safe_href(url: str | None) -> str | None:
    """``url`` when it is a web, mail or phone address, else ``None``."""
    return safe_url(url, schemes=("http", "https", "mailto", "tel"))


@functools.lru_cache(maxsize=1024)
def parse(text: str) -> tuple[Block, ...]:
    """The blocks of a Markdown text (immutable, so the same text is read once)."""
    reader = _BlockParser()
    reader.feed(render_markdown(text, heading_offset=0))
    reader.close()
    reader.flush()
    return tuple(block for block in reader.blocks if block.text.strip())


class _BlockParser(HTMLParser):
    """Sanitised HTML (from :mod:`campaignkit.markup`) to blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.spans: list[Span] = []
        self.lists: list[list[int | None]] = []  # per open list: [next number or None]
        self.kind: BlockKind = "paragraph"
        self.level = 0
        self.number: int | None = None
        self.bold = self.italic = 0
        self.href: list[str | None] = []
        self.quote = 0
        self.pre = 0
        self.cells = 0

    def flush(self) -> None:
        spans = _merge(self.spans)
        self.spans = []
        if spans:
            spans[0] = replace(spans[0], text=spans[0].text.lstrip())
            spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip())
            kind = "quote" if self.quote and self.kind == "paragraph" else self.kind
            block = Block(kind, _linkify([s for s in spans if s.text]), self.level, self.number)
            self.blocks.append(block)
        self.kind, self.level, self.number = "paragraph", 0, None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("ul", "ol"):
            self.flush()
            start = int(values.get("start") or 1) if tag == "ol" else None
            self.lists.append([start])
        elif tag == "li":
            self.flush()
            self.kind, self.level = "item", len(self.lists)
            if self.lists and self.lists[-1][0] is not None:
                self.number = self.lists[-1][0]
                self.lists[-1][0] += 1
        elif tag in _BLOCK_TAGS:
            if not (tag == "p" and self.kind == "item" and not self.spans):
                if tag == "p" and self.kind == "item":
                    self.spans.append(Span(" "))
                else:
                    self.flush()
            if tag[0] == "h" and tag[1:].isdigit():
                # markup puts "#" at <h2>: the text's own top level is 1 here.
                self.kind, self.level = "heading", max(1, int(tag[1]) - 1)
            elif tag == "pre":
                self.pre += 1
            elif tag == "tr":
                self.cells = 0
        elif tag == "blockquote":
            self.flush()
            self.quote += 1
        elif tag in ("td", "th"):
            if self.cells:
                self.spans.append(Span(" | "))
            self.cells += 1
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href.append(safe_href(values.get("href")))
        elif tag == "br":
            self.add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in _BLOCK_TAGS and tag != "li":
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            if not (tag == "p" and self.kind == "item"):
                self.flush()
        elif tag == "li":
            self.flush()
        elif tag == "blockquote":
            self.flush()
            self.quote = max(0, self.quote - 1)
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a" and self.href:
            self.href.pop()

    def handle_data(self, data: str) -> None:
        if self.pre:
            for index, line in enumerate(data.split("\n")):
                if index:
                    self.flush()
                self.add(line)
            return
        # A line break inside a paragraph is a space: coaches wrap lines in their editor.
        text = re.sub(r"\s*\n\s*", " ", data)
        if not self.spans or self.spans[-1].text.endswith("\n"):
            text = text.lstrip()
        if not text:
            return
        self.add(text)

    def add(self, text: str) -> None:
        href = next((h for h in reversed(self.href) if h), None) if self.href else None
        self.spans.append(Span(text, self.bold > 0, self.italic > 0, href))


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


# ------------------------------------------------------------------------------ shortening


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence (joined again, the pieces are ``text``).

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space and something that is
    not a lower-case letter, so "bv. een" and "o.a. de" go on; a web address, which has no
    space in it, is never cut.
    """
    cuts = [0]
    for match in _SENTENCE_END.finditer(text):
        after = text[match.end() : match.end() + 1]
        if after and not after.islower():
            cuts.append(match.end())
    cuts.append(len(text))
    return [text[a:b] for a, b in itertools.pairwise(cuts) if b > a]


def sentence_spans(block: Block) -> list[tuple[Span, ...]]:
    """The block's spans cut after each of its sentences (a link is never cut). Headings
    and list items are one unit each."""
    if block.kind != "paragraph" and block.kind != "quote":
        return [block.spans]
    ends, position = set(), 0
    for sentence in sentences(block.text):
        position += len(sentence)
        ends.add(position)
    units: list[tuple[Span, ...]] = []
    current: list[Span] = []
    start = 0
    for span in block.spans:
        stop = start + len(span.text)
        cuts = [] if span.href else sorted(e - start for e in ends if start < e < stop)
        last = 0
        for cut in cuts:
            current.append(replace(span, text=span.text[last:cut]))
            units.append(tuple(current))
            current, last = [], cut
        if last < len(span.text):
            current.append(replace(span, text=span.text[last:]))
        if stop in ends and current:
            units.append(tuple(current))
            current = []
        start = stop
    if current:
        units.append(tuple(current))
    return units


#: One unit of a text: the index of its block, and the spans of that block it holds.
Unit = tuple[int, tuple[Span, ...]]


def units(blocks: tuple[Block, ...]) -> list[Unit]:
    """Every sentence, list item and heading of ``blocks``, in order."""
    return [(index, spans) for index, block in enumerate(blocks) for spans in sentence_spans(block)]


def rebuilt(blocks: tuple[Block, ...], chosen: list[Unit]) -> tuple[Block, ...]:
    """The blocks holding only the ``chosen`` units (each block's units joined again)."""
    found: list[Block] = []
    last = -1
    for index, spans in chosen:
        if index == last:
            found[-1] = replace(found[-1], spans=found[-1].spans + spans)
        else:
            found.append(replace(blocks[index], spans=spans))
        last = index
    return tuple(
        replace(block, spans=_stripped(tuple(_merge(list(block.spans))))) for block in found
    )


def _stripped(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    if not spans:
        return spans
    last = spans[-1]
    return (*spans[:-1], replace(last, text=last.text.rstrip()))


def leading(
    blocks: tuple[Block, ...], fits: Callable[[tuple[Block, ...]], bool]
) -> tuple[Block, ...]:
    """As many of the first units of ``blocks`` as ``fits`` accepts, whole; never ending on
    a colon (the sentence that announces a list goes when no item of it fits) or on a
    heading. Empty when not even the first unit fits."""
    every = units(blocks)
    taken: list[Unit] = []
    for unit in every:
        if not fits(rebuilt(blocks, [*taken, unit])):
            break
        taken.append(unit)
    if len(taken) < len(every):
        while taken and (
            blocks[taken[-1][0]].kind == "heading"
            or "".join(s.text for s in taken[-1][1]).rstrip().endswith(":")
        ):
            taken.pop()
    return rebuilt(blocks, taken)


def plain_text_within(blocks: tuple[Block, ...], limit: int) -> str:
    """:func:`plain_text` of the whole units that fit in ``limit`` characters; when not even
    the first does, its first words and "…"."""
    text = plain_text(blocks).strip()
    if len(text) <= limit:
        return text
    kept = leading(blocks, lambda chosen: len(plain_text(chosen).strip()) <= limit)
    if kept:
        return plain_text(kept).strip()
    cut = text[: max(0, limit - 1)]
    head, space, _ = cut.rpartition(" ")
    return (head if space and head else cut).rstrip(" ,;:.-–—") + "…"
