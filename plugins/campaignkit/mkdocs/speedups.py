"""Work a microsite build need not repeat: theme files, search defaults, compiled templates.

A portal worker builds many microsites one after another with the same theme. Three things
MkDocs and Material do in every build give the same answer each time:

- MkDocs lists every file under the theme's folders to find the static files to copy,
  about 14 500 for Material, 14 300 of them icons under ``.icons/``. Files under a folder
  whose name starts with a dot are never published (MkDocs leaves out ``.*`` and
  ``*/.*``), so walking them only costs time. :func:`theme_view` gives a folder with the
  same templates in which such folders are links, which the listing does not enter.
- Material's search plugin compiles a theme template three times to read its default
  language, word separator and pipeline. :class:`SearchDefaults` keeps what it read and
  passes it on as the plugin's own options, which Material then takes as given.
- MkDocs makes a new Jinja environment for every build, which compiles the theme's
  templates again (about a second for Material). :data:`COMPILED_TEMPLATES` keeps them.

Each only changes how the same result is reached; the tests compare whole builds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from campaignkit.cache import write_whole

if TYPE_CHECKING:
    from jinja2.bccache import Bucket
    from mkdocs.config.defaults import MkDocsConfig


def _layout(folder: str) -> tuple[list[str], list[str]]:
    """The folders and files under ``folder`` (relative, sorted), not entering dot-folders;
    a dot-folder itself is listed among the folders, with a trailing ``/.``."""
    folders: list[str] = []
    files: list[str] = []
    for current, subfolders, names in os.walk(folder):
        relative = os.path.relpath(current, folder)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in list(subfolders):
            if name.startswith("."):
                folders.append(prefix + name + "/.")
                subfolders.remove(name)
            else:
                folders.append(prefix + name)
        files.extend(prefix + name for name in names)
    return sorted(folders), sorted(files)


_VIEWS: dict[tuple[str, str], str] = {}


def theme_view(folder: str, cache: Path) -> str:
    """``folder``, or a view of it under ``cache`` when it holds dot-folders: real folders,
    links to every file, and links to the dot-folders. Templates load from the view exactly
    as from ``folder``; where links cannot be made, ``folder`` itself is returned. A view is
    named by a hash of the folder and of every file and folder in it, so an upgraded theme
    gets a new one."""
    found = _VIEWS.get((folder, str(cache)))
    if found is not None:
        return found
    folders, files = _layout(folder)
    if not any(name.endswith("/.") for name in folders):
        _VIEWS[(folder, str(cache))] = folder
        return folder
    digest = hashlib.sha256(
        "\0".join([os.path.realpath(folder), *folders, "", *files]).encode()
    ).hexdigest()[:16]
    view = cache / digest
    if not view.is_dir():
        view.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=".tmp-", dir=view.parent))
        try:
            for name in folders:
                if name.endswith("/."):
                    link = temporary / name[:-2]
                    link.symlink_to(Path(folder, name[:-2]), target_is_directory=True)
                else:
                    (temporary / name).mkdir()
            for name in files:
                (temporary / name).symlink_to(Path(folder, name))
            os.rename(temporary, view)
        except OSError:  # no links here (some Windows set-ups), or another build was first
            shutil.rmtree(temporary, ignore_errors=True)
            if not view.is_dir():
                view = Path(folder)
    _VIEWS[(folder, str(cache))] = str(view)
    return str(view)


def use_theme_views(config: MkDocsConfig, cache: Path) -> None:
    """List the theme's folders through views without their dot-folders; the project's own
    ``custom_dir`` stays as it is (it is small, and edited while ``mkdocs serve`` runs)."""
    custom = os.path.abspath(config.theme.custom_dir or "")
    config.theme.dirs = [
        folder if os.path.abspath(folder) == custom else theme_view(folder, cache)
        for folder in config.theme.dirs
    ]


def _search_plugin(config: Any) -> Any:
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            return plugin
    return None


class SearchDefaults:
    """Material's search defaults per theme (folders and language) and configured options,
    kept for the life of the process."""

    def __init__(self) -> None:
        self._known: dict[tuple[Any, ...], tuple[list[str], str, list[str]]] = {}
        self._pending: tuple[Any, tuple[Any, ...]] | None = None

    def before(self, config: Any) -> None:
        """Before the search plugin's ``on_config``: give it what it found last time."""
        self._pending = None
        plugin = _search_plugin(config)
        if plugin is None:
            return
        options = plugin.config
        key = (
            tuple(config.theme.dirs),
            config.theme["language"],
            repr(options.lang),
            options.separator,
            repr(options.pipeline),
        )
        known = self._known.get(key)
        if known is None:
            self._pending = (plugin, key)
            return
        options.lang, options.separator, options.pipeline = list(known[0]), known[1], list(known[2])

    def after(self) -> None:
        """After every ``on_config``: keep what the search plugin found."""
        if self._pending is None:
            return
        plugin, key = self._pending
        self._pending = None
        options = plugin.config
        if options.lang and options.separator and options.pipeline is not None:
            self._known[key] = (list(options.lang), options.separator, list(options.pipeline))


#: Material's search defaults, read once per process (a portal worker builds many sites).
SEARCH_DEFAULTS = SearchDefaults()


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in the process and in the project's cache.

    Kept in memory, a portal worker and ``mkdocs serve`` compile each template once; kept
    on disk (``folder``), the next build and each new worker do not compile them at all.
    Jinja reuses code only for the same template name, file, source checksum and Python
    version.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.folder: Path | None = None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is None and self.folder is not None:
            with contextlib.suppress(OSError):
                code = (self.folder / bucket.key).read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)  # resets the bucket when it is stale

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        self.code[bucket.key] = code
        if self.folder is not None:
            with contextlib.suppress(OSError):
                write_whole(self.folder / bucket.key, code)


COMPILED_TEMPLATES = CompiledTemplates()


def keep_compiled_templates(env: jinja2.Environment, folder: Path) -> jinja2.Environment | None:
    """Give MkDocs' new Jinja environment the templates compiled before (kept in ``folder``);
    ``None`` when another plugin gave it a cache of its own."""
    if env.bytecode_cache is not None:
        return None
    COMPILED_TEMPLATES.folder = folder
    env.bytecode_cache = COMPILED_TEMPLATES
    return env
