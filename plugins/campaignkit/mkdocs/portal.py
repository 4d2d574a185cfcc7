"""Building many microsites for the portal: worker processes, a cache, shared theme files.

The portal build never re-enters MkDocs in its own process. It hands each campaign to a
pool of worker processes; a worker imports MkDocs once and builds campaign after campaign
(``CAMPAIGN=<slug>``, as a member of the portal). Each finished microsite is kept in a
cache folder keyed by a hash of everything it is built from, so an unchanged campaign is
reused, not rebuilt. Members leave out Material's own static files and point at the
portal's single copy of them.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

#: Set in a worker: the campaign being built is one microsite of a portal.
MEMBER_ENV = "CAMPAIGNKIT_MEMBER"
#: The portal's public address, for members' canonical URLs and QR codes.
PORTAL_URL_ENV = "CAMPAIGNKIT_PORTAL_URL"

#: Theme files every microsite shares from the portal root.
SHARED_PREFIXES = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
_SHARED_URL = re.compile(r"""(?<=["'(=])((?:\.\./)*|\./)assets/(javascripts|stylesheets|images)/""")

_PACKAGES = (
    "mkdocs",
    "properdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "Markdown",
    "Jinja2",
    "Pillow",
    "segno",
    "reportlab",
    "python-docx",
    "icalendar",
    "nh3",
    "babel",
    "pydantic",
    "PyYAML",
)


@dataclass(frozen=True)
class Task:
    """One campaign for one worker."""

    slug: str
    config_file: str
    tool: str
    strict: bool
    output: str
    portal_url: str | None


@dataclass(frozen=True)
class Result:
    slug: str
    ok: bool
    seconds: float
    messages: tuple[str, ...]
    reused: bool = False


def share_theme_files(html: str) -> str:
    """Point a member page's theme file URLs one folder up, at the portal's copy."""
    return _SHARED_URL.sub(
        lambda m: f"{'' if m.group(1) == './' else m.group(1)}../assets/{m.group(2)}/", html
    )


def is_shared(dest_uri: str) -> bool:
    return dest_uri.startswith(SHARED_PREFIXES)


def _digest_tree(digest: hashlib._Hash, folder: Path, base: Path) -> None:
    if not folder.exists():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")


_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _digest_config(digest: hashlib._Hash, config_file: Path, depth: int = 0) -> None:
    """The configuration file, and the files it INHERITs from (CI adds site_url that way)."""
    data = config_file.read_bytes()
    digest.update(data + b"\0")
    found = _INHERIT.search(data.decode("utf-8", "replace"))
    if found and depth < 5:
        parent = config_file.parent / found.group(1).strip()
        if parent.is_file():
            _digest_config(digest, parent, depth + 1)


def environment_key(config_file: Path, theme_dir: Path | None, extra: Iterable[str]) -> str:
    """Everything every microsite is built from, except the campaign itself."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    _digest_tree(digest, package, package.parent)
    _digest_config(digest, config_file)
    if theme_dir:
        _digest_tree(digest, theme_dir, theme_dir.parent)
    for name in _PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-\n".encode())
    for value in extra:
        digest.update(value.encode() + b"\0")
    return digest.hexdigest()


def campaign_key(environment: str, folder: Path) -> str:
    digest = hashlib.sha256(environment.encode())
    _digest_tree(digest, folder, folder.parent)
    return digest.hexdigest()[:24]


def build_member(task: Task) -> Result:
    """Build one microsite into ``task.output`` (runs in a worker process)."""
    started = time.perf_counter()
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    handler = Collect()
    loggers = [logging.getLogger(name) for name in ("mkdocs", "properdocs")]
    for logger in loggers:
        logger.addHandler(handler)
    os.environ["CAMPAIGN"] = task.slug
    os.environ[MEMBER_ENV] = "1"
    if task.portal_url:
        os.environ[PORTAL_URL_ENV] = task.portal_url
    try:
        if task.tool == "properdocs":
            from properdocs.commands.build import build
            from properdocs.config import load_config
        else:
            from mkdocs.commands.build import build
            from mkdocs.config import load_config
        config = load_config(task.config_file, site_dir=task.output, strict=task.strict)
        build(config)
        ok = True
    except SystemExit as error:  # MkDocs' Abort
        messages.append(str(error) or "afgebroken")
        ok = False
    except Exception as error:  # reported per campaign, never a traceback
        # MkDocs' own errors (the campaign's problems among them) are written for people.
        for_people = type(error).__module__.split(".")[0] in ("mkdocs", "properdocs")
        messages.append(str(error) if for_people else f"{type(error).__name__}: {error}")
        ok = False
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
        # A finished build leaves large reference cycles (the kit's bytes among them): free
        # them now, so a worker's memory stays flat from one campaign to the next.
        gc.collect()
    return Result(task.slug, ok, time.perf_counter() - started, tuple(messages))


def _staging(final: Path) -> Path:
    """Where this process builds the microsite that goes to ``final`` once it succeeded."""
    return final.parent / f".building-{final.name}-{os.getpid()}"


def _follow_parent(parent: int) -> None:
    """In a worker: end when the build that started it is gone (killed, not stopped), so
    no worker lives on without anyone to report to."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="campaignkit-parent-watch", daemon=True).start()


class MemberBuilds:
    """Microsites built in parallel, or taken from the cache when nothing changed."""

    def __init__(self, cache_dir: Path, jobs: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None
        self.pending: dict[str, tuple[Future[Result] | Result, Path]] = {}

    def start(self, tasks: Iterable[tuple[Task, str]]) -> None:
        """Queue every (task, key); reuse a cached microsite where the key is known."""
        for task, key in tasks:
            final = self.cache_dir / task.slug / key
            if (final / ".complete").is_file():
                self.pending[task.slug] = (Result(task.slug, True, 0.0, (), reused=True), final)
                continue
            staging = _staging(final)
            shutil.rmtree(staging, ignore_errors=True)
            staging.parent.mkdir(parents=True, exist_ok=True)
            job = Task(**{**task.__dict__, "output": str(staging)})
            if self.pool is None:
                # spawn: a fresh interpreter per worker, never a copy of this running build.
                context = multiprocessing.get_context("spawn")
                self.pool = ProcessPoolExecutor(
                    max_workers=self.jobs,
                    mp_context=context,
                    initializer=_follow_parent,
                    initargs=(os.getpid(),),
                )
            self.pending[task.slug] = (self.pool.submit(build_member, job), final)

    def results(self) -> Iterator[tuple[Result, Path]]:
        """Each campaign's result as it finishes, with its folder in the cache."""
        for slug in sorted(self.pending, key=lambda s: isinstance(self.pending[s][0], Future)):
            outcome, final = self.pending[slug]
            result = outcome.result() if isinstance(outcome, Future) else outcome
            if result.ok and not result.reused:
                staging = _staging(final)
                (staging / ".complete").write_text(final.name)
                shutil.rmtree(final, ignore_errors=True)
                os.replace(staging, final)
                for old in final.parent.iterdir():
                    if old != final and not old.name.startswith(".building-"):
                        shutil.rmtree(old, ignore_errors=True)
            yield result, final

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        for _, final in self.pending.values():
            for leftover in final.parent.glob(f".building-*-{os.getpid()}"):
                shutil.rmtree(leftover, ignore_errors=True)
        self.pending.clear()


def place(source: Path, target: Path) -> None:
    """Put a cached microsite into the site folder (hard links; copies across devices).

    A microsite has hundreds of files and a portal hundreds of microsites: plain strings
    and ``os.walk`` keep this at about a system call per file."""
    os.makedirs(target, exist_ok=True)
    for folder, _folders, names in os.walk(source):
        relative = os.path.relpath(folder, source)
        destination = os.path.normpath(os.path.join(target, relative))
        if relative != ".":
            with suppress(FileExistsError):  # walked top-down: the parent is there
                os.mkdir(destination)
        for name in names:
            if relative == "." and name == ".complete":
                continue
            path, copy = os.path.join(folder, name), os.path.join(destination, name)
            try:
                os.link(path, copy)
            except OSError:
                shutil.copy2(path, copy)


ProgressCallback = Callable[[int, int, Result], None]
