"""The portal's member pool with a fake build: order, failures, a killed worker, reuse.

The fake builds are module-level functions, so that spawned workers can import them by
name; what each does depends on the campaign's slug.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from campaignkit.portal.pool import STAGING_PREFIX, STOPPED, MemberBuilds, Result, Task
from campaignkit.portal.sites import COMPLETE, place


def fake_build(task: Task) -> Result:
    """``slow-*`` takes a while, ``fail-*`` fails with a message, ``raise-*`` raises,
    ``kill-*`` ends its worker; the rest write a one-page site."""
    output = Path(task.output)
    output.mkdir(parents=True, exist_ok=True)
    (output / "index.html").write_text(f"<h1>{task.slug}</h1>", "utf-8")
    if task.slug.startswith("slow-"):
        time.sleep(1.0)
    if task.slug.startswith("fail-"):
        return Result(task.slug, False, 0.1, ("actions/x.yml:3:1: onbekende sleutel 'efort'",))
    if task.slug.startswith("raise-"):
        raise RuntimeError("stuk")
    if task.slug.startswith("kill-"):
        os._exit(9)  # as the kernel's out-of-memory killer ends a process: no clean-up
    return Result(task.slug, True, 0.1, ())


def refuse_build(task: Task) -> Result:
    raise AssertionError(f"{task.slug} should have been reused")


def _task(slug: str) -> Task:
    return Task(slug, "mkdocs.yml", "mkdocs", True, "", None)


def _results(builds: MemberBuilds) -> list[Result]:
    """Every result, or a failed test (not a hung one) when they do not come in a minute."""
    found: list[Result] = []
    reader = threading.Thread(target=lambda: found.extend(r for r, _ in builds.results()))
    reader.start()
    reader.join(timeout=60)
    assert not reader.is_alive(), "the results never came"
    builds.close()
    return found


def _leftovers(cache: Path) -> list[Path]:
    return sorted(cache.rglob(f"{STAGING_PREFIX}*"))


def _cached(cache: Path, slug: str, key: str) -> Path:
    """A finished microsite in the cache, as an earlier build left it."""
    folder = cache / slug / key
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(f"<h1>{slug} from the cache</h1>", "utf-8")
    (folder / COMPLETE).write_text(key)
    return folder


def test_reused_sites_come_first_then_built_ones_in_queue_order(tmp_path: Path) -> None:
    cache = tmp_path / "sites"
    _cached(cache, "asse", "k1")
    builds = MemberBuilds(cache, fake_build, jobs=2)
    # slow-lier finishes after zemst, and is still reported before it.
    builds.start([(_task("slow-lier"), "k1"), (_task("asse"), "k1"), (_task("zemst"), "k1")])
    results = _results(builds)
    assert [r.slug for r in results] == ["asse", "slow-lier", "zemst"]
    assert [r.reused for r in results] == [True, False, False]
    assert all(r.ok for r in results)
    for slug in ("slow-lier", "zemst"):
        assert (cache / slug / "k1" / COMPLETE).read_text() == "k1"
        assert (cache / slug / "k1" / "index.html").read_text("utf-8") == f"<h1>{slug}</h1>"
    assert _leftovers(cache) == []


def test_a_cached_site_is_reused_without_building_anything(tmp_path: Path) -> None:
    cache = tmp_path / "sites"
    folder = _cached(cache, "asse", "k1")
    builds = MemberBuilds(cache, refuse_build)
    builds.start([(_task("asse"), "k1")])
    assert builds._pool is None  # no worker was even started
    [(result, found)] = list(builds.results())
    builds.close()
    assert result == Result("asse", True, 0.0, (), reused=True)
    assert found == folder
    place(found, tmp_path / "site" / "asse")
    assert sorted(p.name for p in (tmp_path / "site" / "asse").iterdir()) == ["index.html"]


def test_failures_are_reported_with_their_messages_and_leave_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "sites"
    builds = MemberBuilds(cache, fake_build, jobs=2)
    builds.start([(_task(slug), "k1") for slug in ("fail-lier", "raise-zemst", "asse")])
    results = {r.slug: r for r in _results(builds)}
    assert not results["fail-lier"].ok
    assert results["fail-lier"].messages == ("actions/x.yml:3:1: onbekende sleutel 'efort'",)
    assert not results["raise-zemst"].ok
    assert results["raise-zemst"].messages == ("RuntimeError: stuk",)
    assert results["asse"].ok
    # Only the site that was built is in the cache; what the failed builds wrote is gone.
    assert not (cache / "fail-lier" / "k1").exists()
    assert not (cache / "raise-zemst" / "k1").exists()
    assert (cache / "asse" / "k1" / COMPLETE).is_file()
    assert _leftovers(cache) == []


@pytest.mark.parametrize(
    ("jobs", "slugs"),
    [(2, ("asse", "kill-lier", "zemst", "ath")), (1, ("kill-lier", "asse", "zemst"))],
)
def test_a_killed_worker_fails_its_campaign_and_the_others_are_built(
    tmp_path: Path, jobs: int, slugs: tuple[str, ...]
) -> None:
    cache = tmp_path / "sites"
    builds = MemberBuilds(cache, fake_build, jobs=jobs)
    builds.start([(_task(slug), "k1") for slug in slugs])
    results = _results(builds)
    assert [r.slug for r in results] == list(slugs)
    failed = [r for r in results if not r.ok]
    assert failed == [Result("kill-lier", False, 0.0, (STOPPED,))]
    for slug in set(slugs) - {"kill-lier"}:
        assert (cache / slug / "k1" / COMPLETE).is_file(), slug
    assert not (cache / "kill-lier" / "k1").exists()
    assert _leftovers(cache) == []


def test_a_new_build_replaces_the_older_one_in_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "sites"
    _cached(cache, "asse", "old")
    builds = MemberBuilds(cache, fake_build, jobs=1)
    builds.start([(_task("asse"), "new")])
    [result] = _results(builds)
    assert result.ok and not result.reused
    assert sorted(p.name for p in (cache / "asse").iterdir()) == ["new"]


def test_closing_before_the_results_stops_and_cleans_up(tmp_path: Path) -> None:
    """A build that fails elsewhere (a campaign problem in the portal) closes the pool
    without waiting for what it started."""
    cache = tmp_path / "sites"
    builds = MemberBuilds(cache, fake_build, jobs=1)
    builds.start([(_task(slug), "k1") for slug in ("slow-asse", "lier")])
    started = time.monotonic()
    builds.close()
    assert time.monotonic() - started < 30
    assert _leftovers(cache) == []
    assert len(builds) == 0


@pytest.mark.parametrize("jobs", [None, 0, 3])
def test_jobs_default_to_the_cores_and_are_at_least_one(jobs: int | None) -> None:
    builds = MemberBuilds(Path("unused"), fake_build, jobs=jobs)
    assert builds.jobs == (3 if jobs == 3 else max(1, os.cpu_count() or 1))
