"""The kit's cache shared by parallel builds: nothing they add is lost, nothing half made
is served, and what no build uses any more is pruned."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from campaignkit.cache import Cache


def _fill(folder: str, worker: int, count: int) -> None:
    for n in range(count):
        cache = Cache(Path(folder))
        cache.get("test", {"worker": worker, "n": n}, lambda n=n: f"{worker}-{n}".encode())


def _stored(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "objects").rglob("*") if p.is_file())


def test_parallel_builds_keep_every_object(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_fill, args=(str(tmp_path), w, 60)) for w in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert len(_stored(tmp_path)) == 180
    warm = Cache(tmp_path)
    for w in range(3):
        for n in range(60):
            assert warm.get("test", {"worker": w, "n": n}, lambda: b"made again") == (
                f"{w}-{n}".encode()
            )
    assert (warm.hits, warm.misses) == (180, 0)


def test_objects_are_filed_by_kind(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.get("qr-png", {"url": "https://example.org"}, lambda: b"png")
    cache.get("zip", {"entries": []}, lambda: b"zip")
    assert sorted(p.relative_to(tmp_path).parts[:2] for p in _stored(tmp_path)) == [
        ("objects", "qr-png"),
        ("objects", "zip"),
    ]
    with pytest.raises(ValueError, match="cache kind"):
        cache.get("../elders", {}, lambda: b"")


def test_an_output_whose_making_failed_leaves_nothing_behind(tmp_path: Path) -> None:
    cache = Cache(tmp_path)

    def broken() -> bytes:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        cache.get("test", {"n": 1}, broken)
    assert _stored(tmp_path) == []
    assert Cache(tmp_path).get("test", {"n": 1}, lambda: b"one") == b"one"


def test_a_different_spec_or_kind_is_a_different_output(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    assert cache.get("test", {"n": 1}, lambda: b"one") == b"one"
    assert cache.get("test", {"n": 2}, lambda: b"two") == b"two"
    assert cache.get("other", {"n": 1}, lambda: b"other") == b"other"
    assert cache.get("test", {"n": 1}, lambda: b"made again") == b"one"
    assert (cache.hits, cache.misses) == (1, 3)


def test_prune_forgets_what_no_build_used_for_a_while(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.get("test", {"n": "old"}, lambda: b"old")
    cache.get("test", {"n": "used"}, lambda: b"used")
    leftover = tmp_path / "objects" / "test" / ".tmp-stopped-build"
    leftover.write_bytes(b"half")
    month_ago = time.time() - 40 * 86_400
    for path in _stored(tmp_path):
        os.utime(path, (month_ago, month_ago))
    again = Cache(tmp_path)
    assert again.get("test", {"n": "used"}, lambda: b"made again") == b"used"  # touched
    assert again.prune(30) == (2, 7)  # "old" and the leftover
    assert [p.read_bytes() for p in _stored(tmp_path)] == [b"used"]
    fresh = Cache(tmp_path)
    assert fresh.get("test", {"n": "old"}, lambda: b"made again") == b"made again"
    assert fresh.get("test", {"n": "used"}, lambda: b"made again") == b"used"
    assert Cache(tmp_path / "empty").prune(30) == (0, 0)
