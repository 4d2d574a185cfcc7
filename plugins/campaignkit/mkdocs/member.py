"""One microsite of a portal, built by MkDocs in a worker process.

:func:`build_member` is what the portal's pool (:mod:`campaignkit.portal.pool`) runs in its
workers: the only MkDocs build a worker makes. Members leave out the theme's own static
files and point at the portal's single copy of them.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import time
from typing import TYPE_CHECKING

from campaignkit.portal.pool import Result, Task
from campaignkit.request import PORTAL_URL_ENV, member_environment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

#: Theme files every microsite shares from the portal root.
SHARED_PREFIXES = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
_SHARED_URL = re.compile(r"""(?<=["'(=])((?:\.\./)*|\./)assets/(javascripts|stylesheets|images)/""")


def share_theme_files(html: str) -> str:
    """Point a member page's theme file URLs one folder up, at the portal's copy."""
    return _SHARED_URL.sub(
        lambda m: f"{'' if m.group(1) == './' else m.group(1)}../assets/{m.group(2)}/", html
    )


def drop_theme_files(files: Files, config: MkDocsConfig) -> None:
    """Leave out the theme's static files: the portal publishes one copy for every microsite."""
    theme_dirs = [os.path.abspath(folder) for folder in config.theme.dirs]
    for file in list(files):
        if (
            file.dest_uri.startswith(SHARED_PREFIXES)
            and file.abs_src_path
            and any(os.path.abspath(file.abs_src_path).startswith(d) for d in theme_dirs)
        ):
            files.remove(file)


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
    os.environ.pop(PORTAL_URL_ENV, None)
    os.environ.update(member_environment(task.slug, task.portal_url))
    try:
        _build(task)
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


def _build(task: Task) -> None:
    """The one MkDocs (or ProperDocs) build of a microsite."""
    if task.tool == "properdocs":
        from properdocs.commands.build import build as properdocs_build
        from properdocs.config import load_config as properdocs_config

        properdocs_build(
            properdocs_config(task.config_file, site_dir=task.output, strict=task.strict)
        )
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(task.config_file, site_dir=task.output, strict=task.strict))
