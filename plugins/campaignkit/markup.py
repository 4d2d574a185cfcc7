"""Campaign text to safe HTML, escaped text, checked URLs and plain text.

Everything a coach writes in a campaign file is untrusted, and Markdown is where it could do
harm: raw HTML, ``javascript:`` links, and input that makes Python-Markdown crawl (its link and
nesting handling is quadratic or recursive). So Markdown goes through three fences:

1. the source is bounded: its length, the lines of one block, the nesting of quotes and lists
   and the leading indentation;
2. Python-Markdown runs with raw HTML turned off, and its searches for closing brackets and
   backticks bounded (depth, width and a budget per document), so the time it takes grows
   with the length of the text, not with its square;
3. the HTML is cleaned by ``nh3`` with a short allow-list, whatever step 2 produced.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import markdown
import nh3
from markdown import util
from markdown.extensions import Extension
from markdown.inlinepatterns import (
    BACKTICK_RE,
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
    BacktickInlineProcessor,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from collections.abc import Iterable
    from xml.etree.ElementTree import Element

__all__ = [
    "MAX_MARKDOWN_LENGTH",
    "plain_text",
    "render_inline",
    "render_markdown",
    "safe_url",
]

#: Longer Markdown is cut (the model caps every field below this already).
MAX_MARKDOWN_LENGTH = 20_000
#: Quote and list markers honoured at the start of one line; deeper nesting is shown as text.
MAX_NESTING = 8
#: Leading spaces kept in each indentation run of a line (eight list levels).
MAX_INDENT = 32
#: ``[`` nesting inside one link text; real link texts nest one or two levels at most.
MAX_BRACKET_DEPTH = 4
#: Characters searched for the ``]`` that closes a link text.
MAX_LINK_TEXT = 1_000
#: Characters searched for the ``)`` that closes a link target (URLs are capped at 2,000).
MAX_LINK_TARGET = 2_200
#: Characters searched for the backticks that close a code span.
MAX_CODE_SPAN = 2_000
#: Characters all link and code span scans of one document may read together; past it,
#: brackets and backticks are plain text.
SCAN_BUDGET = 200_000
#: Lines of one block (lines not separated by a blank line); a blank line is put in after
#: that many, since Python-Markdown re-splits the rest of a block for every heading or rule.
MAX_BLOCK_LINES = 200

LINK_SCHEMES = ("http", "https", "mailto", "tel")

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a",
    "h2", "h3", "h4", "h5", "h6", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALIGN = {"left", "center", "right"}
_CLEANER = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    tag_attribute_values={"th": {"align": _ALIGN}, "td": {"align": _ALIGN}},
    url_schemes=set(LINK_SCHEMES),
    url_relative="deny",
    link_rel="nofollow noopener",
    strip_comments=True,
)

# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


# A campaign's texts are rendered several times (page, overview card, calendar, kit): the
# result depends on the arguments only, so each is rendered once.
@functools.lru_cache(maxsize=2048)
def render_markdown(text: str, *, heading_offset: int = 1) -> str:
    """Untrusted Markdown to sanitised HTML.

    Headings move down by ``heading_offset`` levels and never above ``<h2>`` (the page title
    is the only ``<h1>``) nor below ``<h6>``. Raw HTML is shown as text, images as their alt
    text, and links keep only http, https, mailto and tel targets, with
    ``rel="nofollow noopener"``. The same input always gives the same output.
    """
    source = _bound_source(text)
    if not source.strip():
        return ""
    md = _converter(heading_offset)
    try:
        html_text = md.convert(source)
    finally:
        md.reset()  # nothing of this document (references, budget) reaches the next
    return _CLEANER.clean(html_text).strip()


@functools.lru_cache(maxsize=8)
def _converter(heading_offset: int) -> markdown.Markdown:
    """One converter per heading offset, reset after every document (setting one up costs
    more than converting a short text)."""
    return markdown.Markdown(
        extensions=[
            "sane_lists",
            "tables",
            _CampaignMarkdown(heading_offset=heading_offset),
        ],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def render_inline(text: str) -> str:
    """Plain text to HTML-escaped text; nothing in it is markup."""
    return html.escape(text, quote=True)


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Whitespace, controls, quotes, angle brackets, backslash and backtick: never in a URL we
# print, since each can end an attribute, hide a scheme or be read differently by browsers.
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"'<>\\`]")
_WEB_HOST = re.compile(r"//[^/?#@:]")


def safe_url(url: str | None, *, schemes: Iterable[str] = ("http", "https")) -> str | None:
    """``url`` unchanged if its scheme is one of ``schemes`` and it is printable as is.

    Anything else gives ``None``: relative URLs, other schemes, and URLs containing
    whitespace, control characters, quotes, angle brackets, backslashes or backticks.
    http and https URLs also need a host.
    """
    if not url or _URL_FORBIDDEN.search(url):
        return None
    found = _SCHEME.match(url)
    if not found:
        return None
    scheme = found.group(1).lower()
    if scheme not in {s.lower() for s in schemes}:
        return None
    rest = url[found.end() :]
    if not (_WEB_HOST.match(rest) if scheme in ("http", "https") else rest):
        return None
    return url


@functools.lru_cache(maxsize=2048)
def plain_text(markdown_text: str, limit: int | None = None) -> str:
    """Markdown to one line of plain text, for meta descriptions, calendars and the kit.

    Whitespace is collapsed. Over ``limit`` characters, the text is cut at a word boundary and
    ends with "…"; the result, ellipsis included, is never longer than ``limit``.
    """
    reader = _TextReader()
    reader.feed(render_markdown(markdown_text))
    reader.close()
    text = " ".join("".join(reader.parts).split())
    if limit is None or len(text) <= limit:
        return text
    if limit < 1:
        return ""
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():
        # Drop the partial word, unless the text is one long word.
        head, space, _ = cut.rpartition(" ")
        if space and head:
            cut = head
    return cut.rstrip(" ,;:.-–—") + "…"


# --------------------------------------------------------------------------------------------
# Fence 1: the source
# --------------------------------------------------------------------------------------------

# One step of a line's container prefix: some indentation, then a quote or list marker.
_CONTAINER_STEP = re.compile(r"( *)(>|[*+-](?= |$)|[0-9]{1,9}[.)](?= |$))")
_LEADING_SPACES = re.compile(r" +")
_RULE = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")


def _bound_source(text: str) -> str:
    """Cut the length, break up very long blocks, and flatten nesting no reader needs."""
    text = text[:MAX_MARKDOWN_LENGTH].replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    block_lines = 0
    for line in text.split("\n"):
        if not line.strip():
            block_lines = 0
        elif block_lines == MAX_BLOCK_LINES:
            lines.append("")
            block_lines = 1
        else:
            block_lines += 1
        lines.append(_bound_line(line.expandtabs(4)))
    return "\n".join(lines)


def _bound_line(line: str) -> str:
    if not line or line[0] not in " >*+-0123456789":
        return line  # the common case: nothing nests here
    out: list[str] = []
    pos = 0
    markers = 0
    while not _RULE.match(line, pos):  # "- - - - -" is a rule, not nested lists
        step = _CONTAINER_STEP.match(line, pos)
        if step is None:
            break
        spaces, marker = step.groups()
        out.append(spaces[:MAX_INDENT])
        if markers == MAX_NESTING:
            # Escaped, the marker is plain text and the rest of the line a paragraph.
            out.append(marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)
            pos = step.end()
            break
        out.append(marker)
        markers += 1
        pos = step.end()
    spaces = _LEADING_SPACES.match(line, pos)
    if spaces:
        out.append(spaces.group()[:MAX_INDENT])
        pos = spaces.end()
    out.append(line[pos:])
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Fence 2: Python-Markdown with bounded link scanning and no raw HTML
# --------------------------------------------------------------------------------------------

_BRACKET = re.compile(r"[\[\]]")
_TICKS = re.compile(r"`+")


class _ScanBudget:
    """Characters the link and code span scanners of one document may still read."""

    def __init__(self, chars: int) -> None:
        self.left = chars

    def spend(self, chars: int) -> None:
        self.left -= chars


class _BoundedLinks:
    """Link scanning that gives up early instead of reading to the end of the paragraph.

    Python-Markdown looks for the closing ``]`` and ``)`` from every ``[`` it meets, through
    the whole paragraph, so unclosed brackets cost quadratic time. Here the ``]`` search stops
    at a nesting depth or a width, and all scans of a document share one budget; a link that
    is not found within those bounds stays text.
    """

    budget: _ScanBudget

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        if self.budget.left <= 0:
            return "", index, False
        depth = 1
        stop = min(len(data), index + MAX_LINK_TEXT)
        end = stop
        for bracket in _BRACKET.finditer(data, index, stop):
            if bracket.group() == "[":
                depth += 1
                if depth > MAX_BRACKET_DEPTH:
                    end = bracket.end()
                    break
            else:
                depth -= 1
                if depth == 0:
                    self.budget.spend(bracket.end() - index)
                    return data[index : bracket.start()], bracket.end(), True
        self.budget.spend(end - index)
        return "", index, False

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        if self.budget.left <= 0 or data.find(")", index, index + MAX_LINK_TARGET) < 0:
            return "", None, index, False
        window = data[: index + MAX_LINK_TARGET]
        href, title, end, handled = super().getLink(window, index)  # type: ignore[misc]
        self.budget.spend((end - index) if handled else len(window) - index)
        return href, title, end, handled


class _CodeSpan(BacktickInlineProcessor):
    """Code spans whose closing backticks are searched within a window and the budget.

    Python-Markdown searches for the closing run from every unmatched opening run through the
    whole paragraph: two backticks and a backslash, repeated a few thousand times, take seconds.
    """

    budget: _ScanBudget

    # Python-Markdown returns (start, None) when no closing run is found; its published
    # stubs say the whole tuple may be None instead.
    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:  # type: ignore[override]
        if self.budget.left <= 0:
            run = _TICKS.match(text, start)
            return (run.end() if run else start + 1), None
        window = text[: start + MAX_CODE_SPAN]
        begin, end = super().find_code_spans(start, window)  # type: ignore[misc]
        self.budget.spend((end if end is not None else len(window)) - start)
        return begin, end


class _Link(_BoundedLinks, LinkInlineProcessor):
    pass


class _Image(_BoundedLinks, ImageInlineProcessor):
    pass


class _Reference(_BoundedLinks, ReferenceInlineProcessor):
    pass


class _ShortReference(_BoundedLinks, ShortReferenceInlineProcessor):
    pass


class _ImageReference(_BoundedLinks, ImageReferenceInlineProcessor):
    pass


class _ShortImageReference(_BoundedLinks, ShortImageReferenceInlineProcessor):
    pass


class _CampaignTree(Treeprocessor):
    """Shift headings, turn images into their alt text, and unwrap links to unsafe targets."""

    def __init__(self, md: markdown.Markdown, heading_offset: int) -> None:
        super().__init__(md)
        self.heading_offset = heading_offset

    def run(self, root: Element) -> None:
        # Children before parents, so whatever an unwrapped element leaves behind is final.
        # Children last to first, so unwrapping one never moves those still to visit.
        for parent in reversed(list(root.iter())):
            for index in range(len(parent) - 1, -1, -1):
                self._visit(parent, index, parent[index])

    def _visit(self, parent: Element, index: int, child: Element) -> None:
        tag = child.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = min(6, max(2, int(tag[1]) + self.heading_offset))
            child.tag = f"h{level}"
        elif tag == "img":
            # Campaign images come from the campaign folder, never from text; say what it was.
            child.text = child.get("alt") or ""
            _unwrap(parent, index, child)
        elif tag == "a":
            # Python-Markdown writes mail links as entities; read them as a browser would.
            href = html.unescape((child.get("href") or "").replace(util.AMP_SUBSTITUTE, "&"))
            target = safe_url(href.strip(), schemes=LINK_SCHEMES)
            if target is None:
                _unwrap(parent, index, child)
            else:
                child.set("href", target)


def _unwrap(parent: Element, index: int, child: Element) -> None:
    """Replace ``child`` (at ``index`` in ``parent``) by its text and children, in order."""
    before = parent[index - 1] if index else None
    kids = list(child)

    def append_text(text: str | None, after: Element | None) -> None:
        if not text:
            return
        if after is None:
            parent.text = (parent.text or "") + text
        else:
            after.tail = (after.tail or "") + text

    append_text(child.text, before)
    parent.remove(child)
    for offset, kid in enumerate(kids):
        parent.insert(index + offset, kid)
    append_text(child.tail, kids[-1] if kids else before)


class _CampaignMarkdown(Extension):
    """Python-Markdown set up for untrusted campaign text."""

    def __init__(self, heading_offset: int) -> None:
        super().__init__()
        self.heading_offset = heading_offset
        self.budget = _ScanBudget(SCAN_BUDGET)

    def reset(self) -> None:
        """Before each document: the scan budget is per document."""
        self.budget.left = SCAN_BUDGET

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)  # so that md.reset() calls reset()
        # Raw HTML becomes visible text rather than markup for the sanitiser to sort out.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        budget = self.budget
        code_span = _CodeSpan(BACKTICK_RE)
        code_span.budget = budget
        md.inlinePatterns.register(code_span, "backtick", 190)
        # Same names and priorities as the built-in processors they replace.
        for cls, pattern, name, priority in (
            (_Reference, REFERENCE_RE, "reference", 170),
            (_Link, LINK_RE, "link", 160),
            (_Image, IMAGE_LINK_RE, "image_link", 150),
            (_ImageReference, IMAGE_REFERENCE_RE, "image_reference", 140),
            (_ShortReference, REFERENCE_RE, "short_reference", 130),
            (_ShortImageReference, IMAGE_REFERENCE_RE, "short_image_ref", 125),
        ):
            processor = cls(pattern, md)
            processor.budget = budget
            md.inlinePatterns.register(processor, name, priority)
        # After "unescape" (priority 0), so link targets are final when checked.
        md.treeprocessors.register(_CampaignTree(md, self.heading_offset), "campaign", -10)


# --------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------

_BLOCK_TAGS = {
    "p", "br", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


class _TextReader(HTMLParser):
    """Text of sanitised HTML, with a space wherever a block starts or ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
