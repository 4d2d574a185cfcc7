"""Building the portal's microsites in worker processes, or taking them from the cache.

The portal build never builds a microsite in its own process. It hands each campaign to a
pool of worker processes; a worker imports the site builder once and builds campaign after
campaign. The build function is passed in (the MkDocs adapter passes its member build), so
the pool knows nothing of how a microsite is made. Each one is built into a staging folder
and moved into the cache under its key (:mod:`campaignkit.portal.sites`) only when it
succeeded; an unchanged campaign is reused from there, not rebuilt.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from campaignkit.portal.sites import COMPLETE

STAGING_PREFIX = ".building-"
#: Said for a campaign whose worker ended in the middle of its build.
STOPPED = (
    "Het bouwproces van deze campagne stopte onverwacht (te weinig geheugen, of van buitenaf "
    "gestopt). Probeer opnieuw, of bouw de campagne alleen met CAMPAIGN=<naam>."
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


#: Builds ``task.slug``'s microsite into ``task.output``; a module-level function (a worker
#: receives it by name), which reports every failure in its result rather than raising.
BuildFunction = Callable[[Task], Result]


@dataclass
class _Member:
    task: Task
    #: The microsite's folder in the cache.
    final: Path
    outcome: Future[Result] | Result


def _staging(final: Path) -> Path:
    """Where this process builds the microsite that goes to ``final`` once it succeeded."""
    return final.parent / f"{STAGING_PREFIX}{final.name}-{os.getpid()}"


def _follow_parent(parent: int) -> None:
    """In a worker: end when the build that started it is gone (killed, not stopped), so
    no worker lives on without anyone to report to."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="campaignkit-parent-watch", daemon=True).start()


def _failed(slug: str, message: str) -> Result:
    return Result(slug, False, 0.0, (message,))


def _raised(slug: str, error: BaseException) -> Result:
    """A build function that raised instead of reporting: the error is its message."""
    return _failed(slug, f"{type(error).__name__}: {error}")


class MemberBuilds:
    """Microsites built in parallel by ``build``, or taken from the cache when nothing changed."""

    def __init__(self, cache_dir: Path, build: BuildFunction, jobs: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.build = build
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.members: list[_Member] = []
        self._pool: ProcessPoolExecutor | None = None
        self._one_at_a_time = False

    def __len__(self) -> int:
        return len(self.members)

    def start(self, tasks: Iterable[tuple[Task, str]]) -> None:
        """Queue every (task, key); reuse a cached microsite where the key is known."""
        for task, key in tasks:
            final = self.cache_dir / task.slug / key
            if (final / COMPLETE).is_file():
                reused = Result(task.slug, True, 0.0, (), reused=True)
                self.members.append(_Member(task, final, reused))
                continue
            job = replace(task, output=str(_staging(final)))
            self.members.append(_Member(job, final, self._submit(job)))

    def _submit(self, task: Task) -> Future[Result]:
        staging = Path(task.output)
        shutil.rmtree(staging, ignore_errors=True)
        staging.parent.mkdir(parents=True, exist_ok=True)
        if self._pool is None:
            # spawn: a fresh interpreter per worker, never a copy of this running build.
            self._pool = ProcessPoolExecutor(
                max_workers=1 if self._one_at_a_time else self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_follow_parent,
                initargs=(os.getpid(),),
            )
        return self._pool.submit(self.build, task)

    def results(self) -> Iterator[tuple[Result, Path]]:
        """Each campaign's result with its folder in the cache: the reused ones first, then
        the built ones in the order they were queued, each as soon as it is done."""
        for member in sorted(self.members, key=lambda m: isinstance(m.outcome, Future)):
            result = self._wait(member)
            if result.ok and not result.reused:
                self._keep(member)
            yield result, member.final

    def _wait(self, member: _Member) -> Result:
        while isinstance(member.outcome, Future):
            try:
                member.outcome = member.outcome.result()
            except BrokenProcessPool:
                self._after_break()
            except Exception as error:
                member.outcome = _raised(member.task.slug, error)
        return member.outcome

    def _after_break(self) -> None:
        """A worker ended in the middle of a build (killed, out of memory): the pool is
        broken, and every unfinished build with it. Those are built again one at a time in
        a new worker, where the build that ends it is known: that one has failed."""
        culprit_known = self._one_at_a_time or self.jobs == 1
        self._shutdown()
        self._one_at_a_time = True
        again = []
        for member in self.members:
            if not isinstance(member.outcome, Future):
                continue
            error = member.outcome.exception()  # set at once for every unfinished build
            if error is None:
                member.outcome = member.outcome.result()
            elif isinstance(error, BrokenProcessPool):
                again.append(member)
            else:
                member.outcome = _raised(member.task.slug, error)
        if culprit_known and again:
            # One worker builds in queue order: the first unfinished build was running.
            culprit = again.pop(0)
            culprit.outcome = _failed(culprit.task.slug, STOPPED)
        for member in again:
            member.outcome = self._submit(member.task)

    def _keep(self, member: _Member) -> None:
        """Move a finished microsite into the cache, in place of older ones."""
        staging, final = Path(member.task.output), member.final
        (staging / COMPLETE).write_text(final.name)
        shutil.rmtree(final, ignore_errors=True)
        os.replace(staging, final)
        for old in final.parent.iterdir():
            if old != final and not old.name.startswith(STAGING_PREFIX):
                shutil.rmtree(old, ignore_errors=True)

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        """Stop the workers and remove what unfinished builds left in the cache."""
        self._shutdown()
        for member in self.members:
            for leftover in member.final.parent.glob(f"{STAGING_PREFIX}*-{os.getpid()}"):
                shutil.rmtree(leftover, ignore_errors=True)
        self.members.clear()
