"""Markdown from campaign files: safe HTML, escaped text, checked URLs and plain text."""

from __future__ import annotations

import time
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest

from campaignkit.markup import (
    MAX_MARKDOWN_LENGTH,
    MAX_NESTING,
    plain_text,
    render_inline,
    render_markdown,
    safe_url,
)

if TYPE_CHECKING:
    from collections.abc import Callable

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")


class _Tags(HTMLParser):
    """Every start tag with its attributes, values decoded as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def assert_safe(html: str) -> None:
    for tag, attrs in tags(html):
        assert tag in ALLOWED_TAGS, (tag, html)
        for name, value in attrs.items():
            assert not name.startswith("on"), (name, html)
            assert name not in ("style", "src"), (name, html)
            if name == "href":
                assert value is not None
                assert value.lower().startswith(LINK_SCHEMES), html
        if tag == "a":
            assert set(attrs) <= {"href", "title", "rel"}, attrs


def links(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in tags(html) if tag == "a"]


# --- render_markdown: ordinary text ----------------------------------------------------------


def test_paragraphs_emphasis_and_lists() -> None:
    html = render_markdown("Hallo *wereld* en **iedereen**.\n\n- een\n- twee\n\n3. drie\n4. vier")
    assert "<p>Hallo <em>wereld</em> en <strong>iedereen</strong>.</p>" in html
    assert "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>" in html
    assert '<ol start="3">' in html


def test_empty_and_blank_text_give_nothing() -> None:
    assert render_markdown("") == ""
    assert render_markdown(" \n\t\n") == ""


@pytest.mark.parametrize(
    ("source", "offset", "expected"),
    [
        ("# Titel", 1, "<h2>Titel</h2>"),
        ("## Titel", 1, "<h3>Titel</h3>"),
        ("Titel\n=====", 1, "<h2>Titel</h2>"),
        ("# Titel", 2, "<h3>Titel</h3>"),
        ("###### Titel", 1, "<h6>Titel</h6>"),
        ("##### Titel", 3, "<h6>Titel</h6>"),
        ("# Titel", 0, "<h2>Titel</h2>"),
    ],
)
def test_headings_are_shifted_and_never_h1(source: str, offset: int, expected: str) -> None:
    html = render_markdown(source, heading_offset=offset)
    assert html == expected
    assert "<h1" not in html


def test_table_keeps_alignment_without_style() -> None:
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert '<th align="left">a</th>' in html
    assert '<td align="right">2</td>' in html
    assert "style" not in html


def test_code_is_escaped_text() -> None:
    html = render_markdown("`<b>vet</b>`\n\n    <i>code</i>")
    assert "<code>&lt;b&gt;vet&lt;/b&gt;</code>" in html
    assert "<pre><code>&lt;i&gt;code&lt;/i&gt;\n</code></pre>" in html


def test_images_become_their_alt_text() -> None:
    html = render_markdown("Voor ![een fiets](fiets.jpg) en [![logo](l.png)](https://ex.be) na")
    assert "<img" not in html
    assert "Voor een fiets en" in html
    assert '<a href="https://ex.be" rel="nofollow noopener">logo</a> na' in html


def test_output_is_deterministic() -> None:
    text = "# T\n\n[a](https://a.be) <b>x</b> *y* `z`\n\n> q\n\n| a |\n|---|\n| b |"
    assert render_markdown(text) == render_markdown(text)


# --- render_markdown: links --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("[site](https://ex.be/a?b=1&c=2)", "https://ex.be/a?b=1&c=2"),
        ("[site](http://ex.be)", "http://ex.be"),
        ("[mail](mailto:info@ex.be)", "mailto:info@ex.be"),
        ("[bel](tel:+3292661111)", "tel:+3292661111"),
        ("<https://ex.be/pad>", "https://ex.be/pad"),
        ("<info@ex.be>", "mailto:info@ex.be"),
        ("[ref][r]\n\n[r]: https://ex.be/ref", "https://ex.be/ref"),
    ],
)
def test_safe_links_survive_with_rel(source: str, href: str) -> None:
    html = render_markdown(source)
    assert_safe(html)
    (link,) = links(html)
    assert link["href"] == href
    assert link["rel"] == "nofollow noopener"


def test_link_title_is_kept() -> None:
    (link,) = links(render_markdown('[site](https://ex.be "Meer info")'))
    assert link == {"href": "https://ex.be", "title": "Meer info", "rel": "nofollow noopener"}


@pytest.mark.parametrize(
    "source",
    [
        "[x](/acties/fietsen/)",
        "[x](#boven)",
        "[x](fiets.html)",
        "[x](//evil.example/)",
    ],
)
def test_relative_links_become_text(source: str) -> None:
    html = render_markdown(source)
    assert links(html) == []
    assert html == "<p>x</p>"


# --- render_markdown: hostile input ------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)"/>',
    '<iframe src="https://evil.example"></iframe>',
    "<svg onload=alert(1)>",
    '<p onclick="alert(1)">klik</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    '<object data="x.swf"></object>',
    "<!-- <script>alert(1)</script> -->",
    "<div>\n<script>alert(1)</script>\n</div>",
    "[x](javascript:alert(1))",
    "[x](JavaScript:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav&#9;ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](jav\tascript:alert(1))",
    "[x](java\\script:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](file:///etc/passwd)",
    '[x](https://ex.be "t" onmouseover="alert(1)")',
    '[x](https://ex.be"onmouseover="alert(1))',
    "<javascript:alert(1)>",
    "<javascript://%0Aalert(1)>",
    "<data://text/html,x>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    "![x](https://evil.example/pixel.gif)",
    "[![x](https://evil.example/a.png)](javascript:alert(1))",
    "`<script>`alert(1)",
    "> <script>alert(1)</script>",
    "- [x](javascript:alert(1))",
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_markup_does_not_survive(source: str) -> None:
    html = render_markdown(source)
    assert_safe(html)
    for link in links(html):
        assert link["href"] is not None
        assert link["href"].startswith(("http:", "https:", "mailto:", "tel:"))


def test_raw_html_is_shown_as_text() -> None:
    assert render_markdown("<script>alert(1)</script>") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert render_markdown("Een <b>vet</b> woord") == "<p>Een &lt;b&gt;vet&lt;/b&gt; woord</p>"


def test_unsafe_link_keeps_its_text() -> None:
    assert render_markdown("Klik [hier](javascript:alert(1)) nu") == "<p>Klik hier nu</p>"


# --- render_markdown: pathological input -----------------------------------------------------

# Pathological input must cost well under a second. The bound is on CPU time, generous, so
# the test says "no blow-up" without turning into a benchmark or failing on a busy machine.
TIME_LIMIT = 2.0


def timed(func: Callable[[], str]) -> tuple[str, float]:
    """What ``func`` returns, and the CPU seconds it took."""
    started = time.process_time()
    result = func()
    return result, time.process_time() - started


PATHOLOGICAL = {
    "open brackets": "[" * 20_000,
    "open brackets with text": "[a" * 10_000,
    "image openings": "![" * 10_000,
    "empty link openings": "[](" * 6_666,
    "angle link targets": "[a](<" * 4_000,
    "quoted link titles": '[a]("' * 4_000,
    "reference openings": "[x][" * 5_000,
    "stars": "*" * 20_000,
    "underscores": "_" * 20_000,
    "star words": "*a" * 10_000,
    "mixed emphasis": "*_" * 10_000,
    "backticks": "`" * 10_000,
    "backtick pairs and backslashes": "``\\" * 6_666 + "``",
    "backslashes": "\\" * 20_000,
    "angle brackets": "<a" * 10_000,
    "autolink openings": "<http://a" * 2_222,
    "quote markers": ">" * 20_000,
    "nested quote lines": "\n".join(">" * i + " x" for i in range(1, 2_000)),
    "nested list markers": "1. " * 6_666,
    "nested bullets": "- a\n" + "\n".join("    " * i + "- x" for i in range(1, 600)),
    "setext underlines": "\n=" * 10_000,
    "hash headings": "\n#" * 10_000,
    "rules": "-\n" * 10_000,
    "tiny paragraphs": "\n[\n" * 6_666,
    "table pipes": "|a" * 2_000 + "\n" + "|-" * 2_000 + "\n" + "|b" * 2_000,
    "hard breaks": "x  \n" * 5_000,
}


@pytest.mark.parametrize("source", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_renders_quickly(source: str) -> None:
    html, elapsed = timed(lambda: render_markdown(source))
    assert elapsed < TIME_LIMIT, f"{elapsed:.2f} s"
    assert_safe(html)


def test_text_beyond_the_maximum_is_cut() -> None:
    source = "a" * (MAX_MARKDOWN_LENGTH + 5) + "ZZZ" + "[" * 200_000
    html, elapsed = timed(lambda: render_markdown(source))
    assert elapsed < TIME_LIMIT
    assert html == "<p>" + "a" * MAX_MARKDOWN_LENGTH + "</p>"


def test_quote_nesting_is_capped() -> None:
    html = render_markdown("> " * 50 + "diep")
    assert html.count("<blockquote>") == MAX_NESTING
    assert "&gt; &gt;" in html  # the rest of the markers is text


def test_list_nesting_is_capped() -> None:
    html = render_markdown("1. " * 50 + "diep")
    assert html.count("<ol>") <= MAX_NESTING
    assert "diep" in html


def test_ordinary_nesting_is_untouched() -> None:
    html = render_markdown("> a\n> > b\n\n- een\n    - twee\n        - drie")
    assert html.count("<blockquote>") == 2
    assert html.count("<ul>") == 3


def test_spaced_rules_are_not_read_as_nesting() -> None:
    assert render_markdown("- - - - - - - - - - - -") == "<hr>"
    assert render_markdown("> * * * * * * * * * * *") == "<blockquote>\n<hr>\n</blockquote>"


def test_long_blocks_still_render() -> None:
    html = render_markdown("\n".join(f"- punt {i}" for i in range(500)))
    assert html.count("<li>") == 500


def test_many_real_links_still_work() -> None:
    source = " ".join(f"[link {i}](https://ex.be/{i})" for i in range(600))
    assert len(links(render_markdown(source))) == 600


def test_many_code_spans_still_work() -> None:
    html = render_markdown(" ".join(f"`code {i}`" for i in range(1_000)))
    assert html.count("<code>") == 1_000


def test_nothing_of_one_text_reaches_the_next() -> None:
    # One converter renders every text: references and the scan budget are per text.
    with_reference = "[lees meer][info]\n\n[info]: https://ex.be/info"
    assert links(render_markdown(with_reference)) == [
        {"href": "https://ex.be/info", "rel": "nofollow noopener"}
    ]
    assert links(render_markdown("[lees meer][info] en nog iets")) == []
    exhausting = "[" * 400_000 + " " + "`" * 3_000
    render_markdown(exhausting)
    source = " ".join(f"[link {i}](https://ex.be/{i}) `code {i}`" for i in range(50))
    html = render_markdown(source)
    assert len(links(html)) == 50
    assert html.count("<code>") == 50


# --- render_inline ---------------------------------------------------------------------------


def test_render_inline_escapes_everything() -> None:
    assert render_inline("<b>\"Samen\" & 'nu'</b> *niet*") == (
        "&lt;b&gt;&quot;Samen&quot; &amp; &#x27;nu&#x27;&lt;/b&gt; *niet*"
    )


# --- safe_url ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://ex.be",
        "https://ex.be/pad?a=1&b=2#x",
        "HTTPS://EX.BE/",
        "http://localhost:8000/",
        "https://gent.be/é",
    ],
)
def test_safe_url_accepts_web_urls(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " https://ex.be",
        "https://ex.be ",
        "https://ex.be/a b",
        "https://ex.be/\tx",
        "https://ex.be/\nx",
        "https://ex.be/\x00",
        "https://ex.be/\x85",
        'https://ex.be/"onmouseover="x',
        "https://ex.be/'x",
        "https://ex.be/<script>",
        "https://ex.be\\@evil.example",
        "https://ex.be/`x`",
        "data:text/html,x",
        "mailto:info@ex.be",
        "/relatief",
        "//ex.be",
        "https:ex.be",
        "https://",
        "https:///pad",
        "ftp://ex.be",
    ],
)
def test_safe_url_refuses(url: str | None) -> None:
    assert safe_url(url) is None


def test_safe_url_with_other_schemes() -> None:
    schemes = ("http", "https", "mailto", "tel")
    assert safe_url("mailto:info@ex.be", schemes=schemes) == "mailto:info@ex.be"
    assert safe_url("tel:+3292661111", schemes=schemes) == "tel:+3292661111"
    assert safe_url("mailto:", schemes=schemes) is None
    assert safe_url("tel:+32 9", schemes=schemes) is None


# --- plain_text --------------------------------------------------------------------------------


def test_plain_text_drops_markup_and_collapses_whitespace() -> None:
    source = "# Titel\n\nKom *samen*  met [ons](https://ex.be).\n\n- een\n- twee\n\n> &amp; meer"
    assert plain_text(source) == "Titel Kom samen met ons. een twee & meer"


def test_plain_text_keeps_raw_html_as_text() -> None:
    assert plain_text("Een <b>vet</b> woord") == "Een <b>vet</b> woord"


def test_plain_text_cuts_at_a_word_boundary() -> None:
    text = plain_text("Samen maken we van onze gemeente een klimaatgemeente.", limit=30)
    assert text == "Samen maken we van onze…"
    assert len(text) <= 30


def test_plain_text_cut_drops_trailing_punctuation() -> None:
    assert plain_text("Eerst dit, dan dat en nog veel meer", limit=12) == "Eerst dit…"


def test_plain_text_within_limit_is_untouched() -> None:
    assert plain_text("Kort en *krachtig*.", limit=19) == "Kort en krachtig."


def test_plain_text_cuts_one_long_word_hard() -> None:
    text = plain_text("x" * 100, limit=10)
    assert text == "x" * 9 + "…"


def test_plain_text_of_pathological_input_is_quick() -> None:
    text, elapsed = timed(lambda: plain_text("[a" * 10_000, limit=160))
    assert elapsed < TIME_LIMIT
    assert len(text) <= 160
