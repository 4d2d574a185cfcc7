"""Publishing a build without ever losing the previous site.

A build writes into a staging folder beside the site folder. Only a build that finished
without errors replaces the site, by two renames; a failed, refused or killed build leaves
the previous site exactly as it was (its staging folder is cleaned up by the next build).

The replaced site is removed by a detached process, as ``git gc --auto`` runs: a portal
has tens of thousands of files, and the build need not wait for them to be deleted. What
that process leaves (the machine stopped, say) is removed by the next build. After a
published build, :func:`prune_kit_cache` forgets generated files no build used for a while.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from campaignkit.cache import Cache

STAGING_PREFIX = ".campaignkit-staging-"
RETIRED_PREFIX = ".campaignkit-retired-"
#: Generated files no build used for this many days are deleted from the cache.
CACHE_DAYS = 30
PRUNED_MARKER = "last-pruned"


class Staging:
    """A staging folder for ``site_dir``; :meth:`publish` swaps it in, :meth:`discard` drops it."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir.absolute()
        parent = self.site_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(parent, self.site_dir.name)
        self.path = parent / f"{STAGING_PREFIX}{self.site_dir.name}-{os.getpid()}"
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir()

    def publish(self) -> None:
        """Make the staged build the site: two renames, the old site removed afterwards."""
        retired = self.site_dir.parent / f"{RETIRED_PREFIX}{self.site_dir.name}-{os.getpid()}"
        if retired.exists():  # an earlier publish of this process, still being removed
            shutil.rmtree(retired, ignore_errors=True)
        if self.site_dir.exists():
            os.replace(self.site_dir, retired)
        os.replace(self.path, self.site_dir)
        if retired.exists():
            remove_in_background(retired)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def remove_in_background(folder: Path) -> None:
    """Delete ``folder`` in a detached process; here, when no process can be started."""
    try:
        process = subprocess.Popen(  # the folder is this build's own retired site
            [
                sys.executable,
                "-c",
                "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                str(folder),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    _DETACHED.append(process)  # not waited for, and not reported as a leak at exit


_DETACHED: list[subprocess.Popen[bytes]] = []


def _remove_leftovers(parent: Path, name: str) -> None:
    """Staging folders of builds that were killed; never the site itself."""
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in parent.glob(f"{prefix}{name}-*"):
            pid = leftover.name.rsplit("-", 1)[-1]
            if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
                continue  # another build is running right now
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prune_kit_cache(folder: Path, days: float = CACHE_DAYS) -> tuple[int, int]:
    """Delete the files in the kit cache ``folder`` that no build used for ``days``, at
    most once a day (looking through every stored file takes a while). Returns (files,
    bytes) deleted."""
    marker = folder / PRUNED_MARKER
    try:
        if time.time() - marker.stat().st_mtime < 86_400:
            return 0, 0
    except OSError:
        pass
    pruned = Cache(folder).prune(days)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    return pruned
