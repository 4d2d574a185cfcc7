"""A content-addressed store for generated files.

Each output is keyed by a hash of everything it is made from: the kind of output, a
JSON description of its parameters (texts, colours, sizes), the hashes of the source files
it reads and :data:`CODE_VERSION`. A build asks for a key; on a hit the stored bytes come
back, on a miss the output is made and stored. A JSON manifest beside the objects says what
each key is, so the folder can be inspected and pruned. The code version is a hash of
the source that makes the outputs, so editing a generator never serves an image it made
before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

import PIL
import reportlab
import segno

#: The modules outside the kit whose code shapes cached outputs: web images, and the
#: Markdown, dates and colours that go into documents, cards and posters.
_SHAPING = ("images.py", "markup.py", "i18n.py", "branding.py")


def _code_version() -> str:
    """A hash of the source that makes cached outputs: any change to it invalidates them."""
    kit = Path(__file__).parent
    digest = hashlib.sha256()
    for path in [*sorted(kit.glob("*.py")), *(kit.parent / name for name in _SHAPING)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()
#: Library versions change the bytes they write, so they are part of every key.
LIBRARIES = f"pillow-{PIL.__version__}/reportlab-{reportlab.Version}/segno-{segno.__version__}"
#: Where builds keep generated files, relative to the project (the folder of mkdocs.yml):
#: ``mkdocs build`` and ``campaignkit kit`` share it.
KIT_CACHE = ".cache/campaignkit/kit"
MANIFEST = "manifest.json"
LOCK = "manifest.lock"


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


@dataclass
class Cache:
    """Generated files under ``folder``; counts hits and misses of one build."""

    folder: Path
    hits: int = 0
    misses: int = 0
    _manifest: dict[str, dict[str, Any]] = field(default_factory=dict)
    _dirty: bool = False

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)
        try:
            data = json.loads((self.folder / MANIFEST).read_text("utf-8"))
            entries = data.get("entries", {}) if isinstance(data, dict) else {}
            self._manifest = entries if isinstance(entries, dict) else {}
        except (OSError, ValueError):
            self._manifest = {}

    def _path(self, key: str) -> Path:
        return self.folder / "objects" / key[:2] / key

    def get(self, kind: str, spec: Any, make: Callable[[], bytes], *, label: str = "") -> bytes:
        """The output described by ``kind`` and ``spec``: stored, or made now and stored."""
        key = cache_key(kind, spec)
        entry = self._manifest.get(key)
        path = self._path(key)
        try:
            data: bytes | None = path.read_bytes()
        except OSError:
            data = None
        # Objects are written whole (then renamed), so one on disk is complete even when
        # the manifest does not list it: parallel builds may each have added one.
        if data is not None and (entry is None or _sha256(data) == entry.get("sha256")):
            self.hits += 1
            with suppress(OSError):
                os.utime(path)  # used now: pruning keeps what builds still use
            if entry is None:
                self._remember(key, kind, label, data)
            return data
        self.misses += 1
        data = make()
        self._store(path, data)
        self._remember(key, kind, label, data)
        return data

    def _remember(self, key: str, kind: str, label: str, data: bytes) -> None:
        self._manifest[key] = {
            "kind": kind,
            "label": label,
            "size": len(data),
            "sha256": _sha256(data),
        }
        self._dirty = True

    def _store(self, path: Path, data: bytes) -> None:
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

    def save(self) -> None:
        """Write the manifest (only when something was added), keeping what other builds
        added meanwhile: read, merge and write happen under a lock where the system has one."""
        if not self._dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with _locked(self.folder / LOCK):
            entries = dict(Cache(self.folder)._manifest)
            entries.update(self._manifest)
            text = json.dumps(
                {"version": 1, "entries": dict(sorted(entries.items()))},
                indent=1,
                ensure_ascii=False,
            )
            self._store(self.folder / MANIFEST, text.encode("utf-8"))
        self._dirty = False

    def prune(self, max_age_days: float, *, now: float | None = None) -> tuple[int, int]:
        """Delete objects no build has used for ``max_age_days`` (a hit refreshes an
        object's modification time), and their manifest entries. Returns (files, bytes)."""
        if not (self.folder / "objects").is_dir():
            return 0, 0
        cutoff = (time.time() if now is None else now) - max_age_days * 86_400
        removed: set[str] = set()
        freed = 0
        with _locked(self.folder / LOCK):
            for path in (self.folder / "objects").glob("*/*"):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                if stat.st_mtime < cutoff:
                    with suppress(OSError):
                        path.unlink()
                        removed.add(path.name)
                        freed += stat.st_size
            if removed:
                entries = Cache(self.folder)._manifest
                kept = {k: v for k, v in sorted(entries.items()) if k not in removed}
                text = json.dumps({"version": 1, "entries": kept}, indent=1, ensure_ascii=False)
                self._store(self.folder / MANIFEST, text.encode("utf-8"))
                self._manifest = {k: v for k, v in self._manifest.items() if k not in removed}
        return len(removed), freed


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` between processes (POSIX); elsewhere, none."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
