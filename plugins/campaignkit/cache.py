"""A content-addressed store for generated files.

Each output is keyed by a hash of everything it is made from: the kind of output, a
JSON description of its parameters (texts, colours, sizes), the hashes of the source files
it reads and :data:`CODE_VERSION`. A build asks for a key; on a hit the stored bytes come
back, on a miss the output is made and stored. The code version is a hash of
the source that makes the outputs, so editing a generator never serves an image it made
before.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any


def _code_version() -> str:
    """A hash of the core: every file of the package outside ``mkdocs/`` (modules,
    catalogues, templates, default texts). Any change to what makes an output invalidates
    it; one rule, no list of files to keep."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package).as_posix()
        if not path.is_file() or relative.startswith("mkdocs/") or "__pycache__" in relative:
            continue  # the adapter passes outputs on; it never shapes their bytes
        digest.update(relative.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()
#: Library versions change the bytes they write, so they are part of every key (read from
#: the installed metadata: a build that only reads the cache need not import them).
LIBRARIES = "/".join(
    f"{name}-{metadata.version(name)}"
    for name in ("pillow", "pillow-heif", "reportlab", "segno", "python-docx", "icalendar")
)
#: Everything builds keep for the next build, relative to the project (the folder of
#: mkdocs.yml); never published.
CACHE_DIR = ".cache/campaignkit"
#: Generated files (images, documents, calendars): ``mkdocs build`` and ``campaignkit kit``
#: share it.
KIT_CACHE = f"{CACHE_DIR}/kit"
#: Finished microsites of a portal, one folder per campaign and key.
SITES_CACHE = f"{CACHE_DIR}/sites"
#: Compiled theme templates.
TEMPLATES_CACHE = f"{CACHE_DIR}/templates"
#: Views of theme folders without their icon folders (portal workers).
THEME_VIEWS_CACHE = f"{CACHE_DIR}/theme-views"
OBJECTS = "objects"
_KIND = re.compile(r"[a-z][a-z0-9-]*")


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, memoised on its size and modification time."""
    stat = path.stat()
    return _digest_of(str(path), stat.st_size, stat.st_mtime_ns)


_DIGESTS: dict[tuple[str, int, int], str] = {}


def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    key = (path, size, mtime_ns)
    found = _DIGESTS.get(key)
    if found is None:
        found = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        _DIGESTS[key] = found
    return found


def cache_key(kind: str, spec: Any) -> str:
    """The key of an output: ``kind`` plus its full description, hashed."""
    payload = json.dumps(
        {"kind": kind, "code": CODE_VERSION, "libraries": LIBRARIES, "spec": spec},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Stored:
    """An output kept in the cache, not read: a build that only links or copies it into
    the site (most of the kit's megabytes) never needs its bytes in memory."""

    path: Path
    size: int
    #: The output's cache key, which determines its bytes.
    key: str

    def read(self) -> bytes:
        return self.path.read_bytes()


@dataclass
class Cache:
    """Generated files under ``folder``; counts hits and misses of one build.

    Each output is one file, ``objects/<kind>/<key[:2]>/<key>``, written whole and then
    renamed into place: a file at its key is complete, so it is served without checking
    and no index is kept. Parallel builds share the folder without locks (two that make
    the same output write the same bytes), and a build reads only the outputs it needs,
    however many campaigns share the cache. Sizes per kind: ``du -sh objects/*``.
    """

    folder: Path
    hits: int = 0
    misses: int = 0

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / OBJECTS / kind / key[:2] / key

    def get(self, kind: str, spec: Any, make: Callable[[], bytes]) -> bytes:
        """The output described by ``kind`` and ``spec``: stored, or made now and stored."""
        made: list[bytes] = []

        def keep() -> bytes:  # made now: no need to read it back
            made.append(make())
            return made[0]

        stored = self.stored(kind, spec, keep)
        return made[0] if made else stored.read()

    def stored(self, kind: str, spec: Any, make: Callable[[], bytes]) -> Stored:
        """The output described by ``kind`` and ``spec`` as its file, stored or made now
        and stored; a stored output is not read."""
        if not _KIND.fullmatch(kind):
            raise ValueError(f"not a cache kind: {kind!r}")
        key = cache_key(kind, spec)
        path = self._path(kind, key)
        try:
            size = path.stat().st_size
        except OSError:
            size = -1
        if size >= 0:
            self.hits += 1
            with suppress(OSError):
                os.utime(path)  # used now: pruning keeps what builds still use
        else:
            self.misses += 1
            data = make()
            write_whole(path, data)
            size = len(data)
        return Stored(path, size, key)

    def prune(self, max_age_days: float, *, now: float | None = None) -> tuple[int, int]:
        """Delete files no build has used for ``max_age_days`` (a hit refreshes an object's
        modification time), leftovers of stopped builds among them. Returns (files, bytes)."""
        cutoff = (time.time() if now is None else now) - max_age_days * 86_400
        removed = freed = 0
        for path in sorted(self.folder.rglob("*")):
            try:
                stat = path.lstat()
                if path.is_file() and stat.st_mtime < cutoff:
                    path.unlink()
                    removed += 1
                    freed += stat.st_size
            except OSError:
                continue
        for folder in sorted(self.folder.rglob("*"), reverse=True):
            if folder.is_dir():
                with suppress(OSError):
                    folder.rmdir()  # only when empty
        return removed, freed


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that no reader ever sees part of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write beside, then rename: a build stopped halfway never leaves half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
