"""The kit's cache shared by parallel builds: nothing they add is lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

from campaignkit.kit.cache import MANIFEST, Cache


def _fill(folder: str, worker: int, count: int) -> None:
    for n in range(count):
        cache = Cache(Path(folder))
        cache.get("test", {"worker": worker, "n": n}, lambda n=n: f"{worker}-{n}".encode())
        cache.save()


def test_parallel_builds_keep_every_entry(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_fill, args=(str(tmp_path), w, 60)) for w in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    entries = json.loads((tmp_path / MANIFEST).read_text("utf-8"))["entries"]
    assert len(entries) == 180
    warm = Cache(tmp_path)
    for w in range(3):
        for n in range(60):
            assert warm.get("test", {"worker": w, "n": n}, lambda: b"made again") == (
                f"{w}-{n}".encode()
            )
    assert (warm.hits, warm.misses) == (180, 0)


def test_an_object_the_manifest_lost_is_still_used_and_listed_again(tmp_path: Path) -> None:
    first = Cache(tmp_path)
    first.get("test", {"n": 1}, lambda: b"one")
    first.save()
    (tmp_path / MANIFEST).unlink()
    again = Cache(tmp_path)
    assert again.get("test", {"n": 1}, lambda: b"made again") == b"one"
    assert (again.hits, again.misses) == (1, 0)
    again.save()
    assert len(json.loads((tmp_path / MANIFEST).read_text("utf-8"))["entries"]) == 1


def test_a_damaged_object_listed_in_the_manifest_is_made_again(tmp_path: Path) -> None:
    first = Cache(tmp_path)
    first.get("test", {"n": 1}, lambda: b"one")
    first.save()
    (stored,) = (p for p in (tmp_path / "objects").rglob("*") if p.is_file())
    stored.write_bytes(b"damaged")
    again = Cache(tmp_path)
    assert again.get("test", {"n": 1}, lambda: b"one") == b"one"
    assert (again.hits, again.misses) == (0, 1)


def test_prune_forgets_what_no_build_used_for_a_while(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.get("test", {"n": "old"}, lambda: b"old")
    cache.get("test", {"n": "used"}, lambda: b"used")
    cache.save()
    month_ago = time.time() - 40 * 86_400
    for path in (tmp_path / "objects").glob("*/*"):
        os.utime(path, (month_ago, month_ago))
    again = Cache(tmp_path)
    assert again.get("test", {"n": "used"}, lambda: b"made again") == b"used"  # touched
    assert again.prune(30) == (1, 3)
    entries = json.loads((tmp_path / MANIFEST).read_text("utf-8"))["entries"]
    assert [entry["size"] for entry in entries.values()] == [4]
    fresh = Cache(tmp_path)
    assert fresh.get("test", {"n": "old"}, lambda: b"made again") == b"made again"
    assert fresh.get("test", {"n": "used"}, lambda: b"made again") == b"used"
    assert Cache(tmp_path / "empty").prune(30) == (0, 0)
