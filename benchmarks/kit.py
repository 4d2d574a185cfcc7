"""Build the larger example campaign's kit cold (empty cache) and warm (same cache).

Prints both times and the ratio; the warm build should be at least 5 times faster, since
it only reads stored images and documents and writes the ZIP.

    .venv/bin/python benchmarks/kit.py [campaigns/asse]
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from campaignkit.kit import build_kit
from campaignkit.validation import find_campaigns, load_campaign

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 5.0


def _largest() -> Path:
    def size(folder: Path) -> int:
        return sum(1 for _ in folder.rglob("*") if _.is_file())

    return max(find_campaigns(ROOT / "campaigns"), key=size)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else _largest()
    campaign = load_campaign(folder)
    stamp = datetime(2027, 1, 1, 12, 0)
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as cache:
        start = time.perf_counter()
        cold = build_kit(campaign, cache_dir=Path(cache), stamp=stamp)
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        warm = build_kit(campaign, cache_dir=Path(cache), stamp=stamp)
        warm_s = time.perf_counter() - start
        # Files kept in the cache are read when asked for: compare before it is removed.
        assert warm.files == cold.files, "a warm build must give the same files"
        size = sum(len(data) for data in cold.files.values())
    ratio = cold_s / warm_s
    print(f"campaign: {campaign.slug} ({len(cold.files)} files, {size / 1e6:.1f} MB)")
    print(f"cold: {cold_s:.2f} s ({cold.cache_misses} made, {cold.cache_hits} reused)")
    print(f"warm: {warm_s:.2f} s ({warm.cache_misses} made, {warm.cache_hits} reused)")
    print(f"warm is {ratio:.1f}x faster than cold (target: {TARGET_RATIO:.0f}x)")
    return 0 if ratio >= TARGET_RATIO and warm.cache_misses == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
