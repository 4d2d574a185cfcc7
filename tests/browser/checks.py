"""The checkers of the browser suite. Each returns readable problems; an empty list is a pass.

They are used on the real builds (expecting nothing) and on deliberately broken copies
(expecting the break to be found), so every checker is known to bite.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_FILTER = Path(__file__).with_name("vnu-filter.txt")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: WCAG 1.4.10 Reflow: 1280 CSS px zoomed to 400 %.
REFLOW_WIDTH = 320
SIZES = {"phone": (390, 844), "desktop": (1366, 900), "narrow": (REFLOW_WIDTH, 640)}
VIEWPORTS = ("phone", "desktop")


# --- Page types ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PageType:
    """A kind of page; ``find`` gives its address in a built site, or None if it has none.

    ``site`` is the kind of build that has it: a campaign's microsite, or the portal.
    """

    name: str
    find: Callable[[Path], str | None]
    required: bool = True
    site: str = "campaign"


def fixed(path: str) -> Callable[[Path], str | None]:
    def find(site: Path) -> str | None:
        return path if (site / path.strip("/") / "index.html").is_file() else None

    return find


def richest(section: str) -> Callable[[Path], str | None]:
    """The page with the most HTML in a section: the one with the most kinds of content."""

    def find(site: Path) -> str | None:
        pages = sorted((site / section).glob("*/index.html"), key=lambda p: -p.stat().st_size)
        return f"/{section}/{pages[0].parent.name}/" if pages else None

    return find


# Adding a page type is adding a line.
PAGE_TYPES = (
    PageType("home", fixed("/")),
    PageType("actions", fixed("/acties/")),
    PageType("action", richest("acties")),
    PageType("agenda", fixed("/agenda/")),
    PageType("event", richest("agenda")),
    PageType("teams", fixed("/ploegen/")),
    PageType("team", richest("ploegen")),
    PageType("results", fixed("/resultaten/")),
    PageType("news", fixed("/nieuws/")),
    PageType("news-item", richest("nieuws")),
    PageType("partners", fixed("/partners/")),
    PageType("accessibility", fixed("/toegankelijkheid/")),
    PageType("privacy", fixed("/privacy/")),
    PageType("kit", fixed("/kit/"), required=False),
    PageType("portal", fixed("/"), site="portal"),
    PageType("library", fixed("/bibliotheek/"), site="portal"),
)
PAGE_TYPE = {page_type.name: page_type for page_type in PAGE_TYPES}


def cases(*axes: tuple[str, ...]) -> list[Any]:
    """pytest parameters over the product of the axes, with ids such as 'asse-home-phone'."""
    combos: list[tuple[str, ...]] = [()]
    for axis in axes:
        combos = [(*combo, value) for combo in combos for value in axis]
    return [pytest.param(*combo, id="-".join(combo)) for combo in combos]


def page_cases(sites: dict[str, str], *axes: tuple[str, ...]) -> list[Any]:
    """(site, page type, *axes) for each page type of each site's kind of build; ``sites``
    maps a site's name to its kind."""
    rows = [(site, t.name) for site, kind in sites.items() for t in PAGE_TYPES if t.site == kind]
    for axis in axes:
        rows = [(*row, value) for row in rows for value in axis]
    return [pytest.param(*row, id="-".join(row)) for row in rows]


# --- What a page does while it loads ------------------------------------------------------


@dataclass
class Recorder:
    """Every request, failed response, console error and dialog of one page."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))
        page.on("dialog", self._dialog)

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.console.append(f"console error: {message.text} ({where})")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type} dialog: {dialog.message!r}")
        dialog.dismiss()

    def offsite(self) -> list[str]:
        return offsite_requests(self.requests)


def offsite_requests(urls: list[str]) -> list[str]:
    """Requests that would leave the machine: anything not on 127.0.0.1 (data: and blob: stay)."""
    problems = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if parts.hostname != "127.0.0.1":
            problems.append(f"request to {parts.hostname or parts.scheme}: {url[:160]}")
    return sorted(set(problems))


#: Styles that make focus and scrolling happen at once, so a check sees the end state.
NO_ANIMATION = (
    "*, *::before, *::after { transition: none !important; animation: none !important;"
    " scroll-behavior: auto !important; }"
)


_SCROLL_THROUGH = """
async () => {
  const next = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo({top: y, behavior: 'instant'});
    await next();
  }
}
"""
_IMAGES_IN = "[...document.images].every(i => i.complete || !i.checkVisibility())"
_IMAGES_OUT = "[...document.images].filter(i => !i.complete && i.checkVisibility()).map(i => i.src)"


def settle(page: Page) -> list[str]:
    """Scroll through the page so lazy images load, and wait for them; returns the ones that
    never arrived."""
    page.evaluate(_SCROLL_THROUGH)
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(_IMAGES_IN, timeout=10_000)
    missing = page.evaluate(_IMAGES_OUT)
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    # Back at the top Material fades its tabs in again: measure colours after the fade, not
    # halfway through it.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(_ANIMATIONS_DONE, timeout=3_000)
    return [f"image never loaded: {src}" for src in missing]


_ANIMATIONS_DONE = """
() => document.getAnimations().every((animation) => animation.playState !== "running")
"""


# --- axe-core -----------------------------------------------------------------------------

_AXE_RUN = """
async ([context, options]) => {
  const result = await axe.run(context || document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
  }));
}
"""


def axe_violations(
    page: Page, rules: list[str] | None = None, include: str | None = None
) -> list[str]:
    """WCAG 2.1 A and AA violations found by axe-core, one readable line per element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    else:
        options["runOnly"] = {"type": "tag", "values": WCAG_TAGS}
    violations = page.evaluate(_AXE_RUN, [{"include": [include]} if include else None, options])
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in nodes[:6]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}: {summary}")
        if len(nodes) > 6:
            lines.append(f"    ... and {len(nodes) - 6} more")
    return lines


# --- Reflow -------------------------------------------------------------------------------

_DESCRIBE = """
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  for (const c of el.classList) name += '.' + c;
  const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.alt || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 50);
  return text ? `${name} "${text}"` : name;
};
"""

_OVERFLOW = (
    "() => {"
    + _DESCRIBE
    + """
  const limit = document.documentElement.clientWidth;
  const width = document.documentElement.scrollWidth;
  const culprits = [];
  if (width > limit) {
    const wide = (el) => el.getBoundingClientRect().right > limit + 0.5;
    // Text wider than its own box (a word that does not wrap) spills without widening it.
    const spills = (el) => getComputedStyle(el).overflowX === 'visible'
      && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
    for (const el of document.body.querySelectorAll('*')) {
      if (!el.checkVisibility() || !(wide(el) || spills(el))) continue;
      if ([...el.children].some(c => wide(c) || spills(c))) continue;
      const right = Math.round(el.getBoundingClientRect().left + el.scrollWidth);
      culprits.push(`${describe(el)} reaches ${right} px`);
      if (culprits.length >= 8) break;
    }
  }
  return {width, limit, culprits};
}
"""
)


def overflow_problems(page: Page) -> list[str]:
    """Horizontal scrolling: the page is wider than the viewport, with the widest culprits."""
    result = page.evaluate(_OVERFLOW)
    if result["width"] <= REFLOW_WIDTH:
        return []
    return [f"scrollWidth {result['width']} px > {REFLOW_WIDTH} px", *result["culprits"]]


# --- Keyboard -----------------------------------------------------------------------------

#: Controls that need not be Tab stops of their own, with the reason.
NOT_TAB_STOPS = {
    "label.md-search__icon": "the magnifier inside the search field, itself a Tab stop",
}

_FOCUS_SETUP = (
    "(exempt) => {"
    + _DESCRIBE
    + """
  const NATIVE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, '
    + 'summary';
  const ANY = NATIVE + ', iframe, [tabindex], [contenteditable], label[for]';
  const page = document.documentElement;
  const shown = (el) => {
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    // Not off-canvas either (a closed drawer moved out of the page).
    return r.width > 0 && r.height > 0 && r.right + scrollX > 0 && r.bottom + scrollY > 0
      && r.left + scrollX < page.scrollWidth && r.top + scrollY < page.scrollHeight;
  };
  // A focus style may sit on the control, its label, or a container (:focus-within).
  const parts = (el) => {
    const found = [el, ...(el.labels || [])];
    for (let up = el.parentElement, n = 0; up && n < 4; up = up.parentElement, n++) {
      found.push(up);
    }
    return found;
  };
  const snapshot = (el) => {
    const s = getComputedStyle(el);
    return {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
            outlineColor: s.outlineColor, boxShadow: s.boxShadow === 'none' ? '' : s.boxShadow};
  };
  const candidates = [];
  const before = new Map();
  let next = 0;
  const mark = (el) => {
    if (!el.dataset.ckFocus) el.dataset.ckFocus = String(++next);
    return el.dataset.ckFocus;
  };
  for (const el of document.querySelectorAll(ANY)) {
    if (!shown(el) || el.closest('[inert]') || el.disabled || el.matches(exempt)) continue;
    let control = null;
    if (el.tagName === 'LABEL') {
      // A label that looks and works like a button, for a control nobody can focus (a
      // CSS-only toggle such as Material's menu button).
      control = el.control;
      if (!control || shown(control) || getComputedStyle(el).cursor !== 'pointer') continue;
    } else if (!el.matches(NATIVE) && !(el.tabIndex >= 0)) {
      continue;
    }
    candidates.push({id: mark(el), control: control ? mark(control) : null, name: describe(el)});
  }
  for (const el of document.querySelectorAll('[data-ck-focus]')) {
    for (const part of parts(el)) {
      if (!before.has(part)) before.set(part, snapshot(part));
    }
  }
  window.__ckFocus = {before, snapshot, describe, mark, parts};
  return candidates;
}
"""
)

#: Colour helpers in page scripts: parse rgb(a), WCAG contrast, the opaque colour behind a node.
_COLOUR = """
  const rgba = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // A translucent colour painted over an opaque one.
  const over = (top, base) => [0, 1, 2].map(i => top[3] * top[i] + (1 - top[3]) * base[i])
    .concat([1]);
  // The colour behind a node: its and its ancestors' backgrounds, composited; null over
  // an image, where no single colour can be known.
  const backdrop = (node) => {
    const layers = [];
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.backgroundImage !== 'none') return null;
      const c = rgba(s.backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (c && c[3] >= 0.99) break;
    }
    return layers.reverse().reduce((base, layer) => over(layer, base), [255, 255, 255, 1]);
  };
"""

_FOCUS_STEP = (
    "() => {"
    + _COLOUR
    + """
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const {before, snapshot, describe, mark, parts} = window.__ckFocus;
  const r = el.getBoundingClientRect();
  const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  let indicator = null;
  let weak = null;
  for (const part of parts(el)) {
    const now = snapshot(part);
    const was = before.get(part) || {outline: '', boxShadow: ''};
    let colour = null;
    if (now.outlineStyle !== 'none' && now.outlineWidth > 0 && now.outline !== was.outline) {
      if (now.outlineStyle === 'auto') { indicator = 'auto outline'; break; }
      colour = now.outlineColor;
    } else if (now.boxShadow && now.boxShadow !== was.boxShadow) {
      colour = (now.boxShadow.match(/rgba?\\([^)]+\\)/) || [null])[0];
    } else {
      continue;
    }
    const c = colour && rgba(colour);
    if (!c || c[3] === 0) continue;
    const behind = backdrop(part.parentElement);
    const contrast = behind ? ratio(over(c, behind), behind) : 21;
    if (contrast >= 3) { indicator = colour; break; }
    weak = `${colour} on rgb(${behind.slice(0, 3).join(', ')}) is ${contrast.toFixed(2)}:1`;
  }
  return {id: mark(el), control: null, name: describe(el), inView,
          opaque: el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
          indicator, weak};
}
"""
)


def focus_problems(page: Page) -> list[str]:
    """Tab through the whole page: every control is reached, in view and visibly focused.

    A visible focus is an outline or box-shadow that appears on focus (on the control, its
    label or a container up to four levels up) with at least 3:1 contrast against what is
    behind it (WCAG 1.4.11), or the browser's own focus ring.
    """
    page.add_style_tag(content=NO_ANIMATION)
    candidates = page.evaluate(_FOCUS_SETUP, ", ".join(NOT_TAB_STOPS))
    page.evaluate("document.activeElement && document.activeElement.blur()")
    problems: list[str] = []
    reached: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for _ in range(2 * len(candidates) + 20):
        page.keyboard.press("Tab")
        step = page.evaluate(_FOCUS_STEP)
        if step is None:
            if order:
                break
            continue
        if step["id"] in reached:
            break
        reached[step["id"]] = step
        order.append(step["id"])
    else:
        problems.append(f"focus never left the page after {len(order)} Tabs: a keyboard trap?")
    for candidate in candidates:
        if candidate["id"] not in reached and candidate["control"] not in reached:
            problems.append(f"not reachable with Tab: {candidate['name']}")
    for step in reached.values():
        if not step["inView"] or not step["opaque"]:
            problems.append(f"focused while invisible or out of view: {step['name']}")
        elif step["indicator"] is None:
            why = f" (indicator {step['weak']})" if step["weak"] else ""
            problems.append(f"no visible focus indicator: {step['name']}{why}")
    return problems


_SKIP_FIRST = (
    "() => {"
    + _COLOUR
    + _DESCRIBE
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const behind = backdrop(el);
  return {name: describe(el), link: el.tagName === 'A', href: el.getAttribute('href') || '',
          inView: r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight
            && r.right <= innerWidth,
          shown: el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
          contrast: behind ? ratio(over(rgba(s.color), behind), behind) : 21};
}
"""
)

_SKIP_AFTER = """
(id) => {
  const target = document.getElementById(id);
  if (!target) return null;
  const header = document.querySelector('header');
  const covered = header && getComputedStyle(header).position !== 'static'
    ? header.getBoundingClientRect().bottom : 0;
  return {hash: decodeURIComponent(location.hash.slice(1)), inMain: !!target.closest('main'),
          top: target.getBoundingClientRect().top, covered, height: innerHeight};
}
"""

_SKIP_NEXT = (
    "(id) => {"
    + _DESCRIBE
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return 'nothing';
  const after = document.getElementById(id).compareDocumentPosition(el) &
    (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY);
  return after ? '' : describe(el);
}
"""
)


def skip_link_problems(page: Page) -> list[str]:
    """The first Tab stop is a visible link to the content; Enter moves there, and the next
    Tab continues from there (not from the header)."""
    page.add_style_tag(content=NO_ANIMATION)
    page.keyboard.press("Tab")
    first = page.evaluate(_SKIP_FIRST)
    if not first or not first["link"] or not first["href"].startswith("#"):
        name = first["name"] if first else "nothing"
        return [f"the first Tab stop is not a skip link to the content but {name}"]
    problems = []
    if not (first["shown"] and first["inView"]):
        problems.append(f"the focused skip link is not visible: {first['name']}")
    if first["contrast"] < 4.5:
        problems.append(f"the skip link's text has {first['contrast']:.2f}:1 contrast, not 4.5:1")
    target = unquote(first["href"][1:])
    page.keyboard.press("Enter")
    after = page.evaluate(_SKIP_AFTER, target)
    if after is None:
        return [*problems, f"the skip link points at #{target}, which is not on the page"]
    if after["hash"] != target:
        problems.append(f"Enter on the skip link did not go to #{target}")
    if not after["inMain"]:
        problems.append(f"#{target} is not inside <main>")
    if not after["covered"] - 1 <= after["top"] < after["height"]:
        problems.append(
            f"after the skip #{target} is not in view: its top is at {after['top']:.0f} px, "
            f"the header ends at {after['covered']:.0f} px"
        )
    page.keyboard.press("Tab")
    wrong = page.evaluate(_SKIP_NEXT, target)
    if wrong:
        problems.append(f"the Tab after the skip goes to {wrong}, not past #{target}")
    return problems


# --- The Nu HTML Checker --------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    pattern: re.Pattern[str]
    reason: str


def load_filters(path: Path = VNU_FILTER) -> list[Filter]:
    """Regular expressions, one a line, each under a comment that says why it is there."""
    filters = []
    reason: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            reason = []
        elif line.startswith("#"):
            reason.append(line.lstrip("# "))
        elif not reason:
            raise ValueError(f"{path.name}:{number}: a filter needs a comment above it saying why")
        else:
            filters.append(Filter(re.compile(line), " ".join(reason)))
    return filters


def vnu_messages(files: list[Path], root: Path) -> list[str]:
    """Every error of the Nu HTML Checker over all files in one run, as 'path:line: message'."""
    command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout"]
    result = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=600, check=False
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise RuntimeError(f"vnu failed ({result.returncode}): {result.stderr[:2000]}") from error
    lines = []
    for message in messages:
        path = unquote(urlsplit(message.get("url", "")).path)
        name = Path(path).relative_to(root).as_posix() if path.startswith(str(root)) else path
        extract = " ".join(message.get("extract", "").split())[:100]
        line = f"{name}:{message.get('lastLine', '?')}: {message.get('message', '')}"
        lines.append(f"{line}  «{extract}»" if extract else line)
    return lines


def unfiltered(messages: list[str], filters: list[Filter]) -> list[str]:
    return [m for m in messages if not any(f.pattern.search(m) for f in filters)]


# --- Links ----------------------------------------------------------------------------------


class _Links(HTMLParser):
    """The URLs an HTML page points at, and the ids it offers as fragment targets."""

    URL_ATTRIBUTES = frozenset({"href", "src", "poster", "data", "action"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name in self.URL_ATTRIBUTES & values.keys():
            self.urls.append(values[name])
        if "srcset" in values:
            for candidate in re.split(r",\s+", values["srcset"].strip()):
                self.urls.append(candidate.split()[0])
        if tag == "meta" and values.get("property", "") in ("og:image", "og:url"):
            self.urls.append(values.get("content", ""))


@dataclass
class _Fetched:
    status: int
    ids: set[str] | None


def link_problems(
    base: str, site: Path, aliases: tuple[str, ...] = (), pages: list[str] | None = None
) -> list[str]:
    """Every internal URL of every page resolves, and every #fragment is an id on its page.

    ``aliases`` are public addresses of the same site (canonical links, og:image): they are
    checked against the local copy.
    """
    if pages is None:
        pages = [
            urljoin(base, p.relative_to(site).as_posix().removesuffix("index.html"))
            for p in sorted(site.rglob("*.html"))
        ]
    cache: dict[str, _Fetched] = {}

    def fetch(url: str) -> _Fetched:
        if url not in cache:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
                    is_html = "html" in response.headers.get("Content-Type", "")
                    ids = None
                    if is_html:
                        parser = _Links()
                        parser.feed(body.decode("utf-8", "replace"))
                        ids = parser.ids
                    cache[url] = _Fetched(response.status, ids)
            except urllib.error.HTTPError as error:
                cache[url] = _Fetched(error.code, None)
        return cache[url]

    problems = []
    for page in pages:
        with urllib.request.urlopen(page, timeout=10) as response:
            parser = _Links()
            parser.feed(response.read().decode("utf-8", "replace"))
        for raw in parser.urls:
            url = urljoin(page, raw.strip())
            for alias in aliases:
                if url.startswith(alias):
                    url = base + url.removeprefix(alias)
            if not url.startswith(base):
                continue
            target, fragment = urldefrag(url)
            where = "/" + page.removeprefix(base)
            fetched = fetch(target)
            if fetched.status != 200:
                problems.append(f"{where}: {raw} -> HTTP {fetched.status}")
            elif fragment not in ("", "top") and unquote(fragment) not in (fetched.ids or ()):
                problems.append(f"{where}: {raw} -> no id '{unquote(fragment)}' there")
    return sorted(set(problems))
