"""The cache of finished microsites: what each is built from, and putting one into the site.

A microsite is kept under ``<sites cache>/<slug>/<key>/``, the key a hash of everything it
is built from: the campaign's folder and its environment (this package's code, the MkDocs
configuration and the files it inherits from, the theme overrides, the library versions
and the build's settings). A folder with :data:`COMPLETE` holds a whole microsite.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from contextlib import suppress
from importlib import metadata
from pathlib import Path

#: Written last into a finished microsite's folder; never published.
COMPLETE = ".complete"
#: This package: every microsite is built with its code.
PACKAGE = Path(__file__).resolve().parents[1]
#: Libraries whose version can change what a microsite holds (read from their metadata).
PACKAGES = (
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
_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _digest_tree(digest: hashlib._Hash, folder: Path, base: Path) -> None:
    if not folder.exists():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")


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
    _digest_tree(digest, PACKAGE, PACKAGE.parent)
    _digest_config(digest, config_file)
    if theme_dir:
        _digest_tree(digest, theme_dir, theme_dir.parent)
    for name in PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-\n".encode())
    for value in extra:
        digest.update(value.encode() + b"\0")
    return digest.hexdigest()


def campaign_key(environment: str, folder: Path, also: Iterable[Path] = ()) -> str:
    """The key of one campaign's microsite: its environment, its folder and ``also``, the
    other files it is built from (the library files it uses; one not there counts as such)."""
    digest = hashlib.sha256(environment.encode())
    _digest_tree(digest, folder, folder.parent)
    for path in also:
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0" if path.is_file() else b"-\0")
    return digest.hexdigest()[:24]


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
            if relative == "." and name == COMPLETE:
                continue
            path, copy = os.path.join(folder, name), os.path.join(destination, name)
            try:
                os.link(path, copy)
            except OSError:
                shutil.copy2(path, copy)


def forget_gone(sites: Path, slugs: Iterable[str]) -> None:
    """Drop the cached microsites of campaigns that are no longer in the portal."""
    if not sites.is_dir():
        return
    kept = set(slugs)
    for old in sites.iterdir():
        if old.is_dir() and old.name not in kept:
            shutil.rmtree(old, ignore_errors=True)
