"""Decode a 50-megapixel phone photo whole and at the size it is used (JPEG's draft mode).

Each measurement runs in a fresh process, so its peak memory is its own (the photo is made
in one too: a process's peak is inherited by the programs it starts): the time to decode
the photo upright and bring it to the size of the use, and how much the process's peak
resident memory grew doing it. Prints both for every use, and the ratios.

    .venv/bin/python benchmarks/photos.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

#: 50 megapixels, held sideways as phones store portrait photos.
SIZE = (8160, 6144)
#: (name, size as shown): the site's largest web size, and what the kit decodes for.
USES = (("web 1600", (1600, 2125)), ("web 480", (480, 637)), ("kit", (2480, 1420)))


def _photo(path: Path) -> None:
    """Texture like a photo's (noise over a gradient), so the decoder has real work."""
    noise = Image.effect_noise((SIZE[0] // 4, SIZE[1] // 4), 40).resize(SIZE)
    gradient = Image.linear_gradient("L").resize(SIZE)
    image = Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5)))
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())


def _one(path: Path, mode: str, need: tuple[int, int]) -> dict[str, float]:
    from campaignkit.images import decode

    data = path.read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    image = decode(data, need if mode == "draft" else None)
    if image.width > need[0]:
        image = image.resize(need, Image.Resampling.LANCZOS)
    seconds = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return {"seconds": seconds, "mb": grown / 1024}


def _measure(path: Path, mode: str, need: tuple[int, int], runs: int) -> tuple[float, float]:
    results = []
    for _ in range(runs):
        args = [sys.executable, __file__, "--one", mode, str(path), *map(str, need)]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out))
    return min(r["seconds"] for r in results), max(r["mb"] for r in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=4, metavar=("MODE", "PATH", "WIDTH", "HEIGHT"))
    parser.add_argument("--make", metavar="PATH")
    args = parser.parse_args()
    if args.make:
        _photo(Path(args.make))
        return 0
    if args.one:
        mode, path, width, height = args.one
        print(json.dumps(_one(Path(path), mode, (int(width), int(height)))))
        return 0
    with tempfile.TemporaryDirectory(prefix="photo-bench-") as folder:
        path = Path(folder) / "telefoon.jpg"
        subprocess.run([sys.executable, __file__, "--make", str(path)], check=True)
        print(f"photo: {SIZE[0]}x{SIZE[1]} JPEG, {path.stat().st_size / 1e6:.1f} MB")
        for name, need in USES:
            whole_s, whole_mb = _measure(path, "whole", need, args.runs)
            draft_s, draft_mb = _measure(path, "draft", need, args.runs)
            print(
                f"{name:9} whole: {whole_s:.2f} s, +{whole_mb:.0f} MB   "
                f"draft: {draft_s:.2f} s, +{draft_mb:.0f} MB   "
                f"time {whole_s / draft_s:.1f}x, memory {whole_mb / max(draft_mb, 1):.1f}x less"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
