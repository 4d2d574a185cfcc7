"""The baseline's pages as one plain site per campaign, built by a pool of worker processes.

Step (1p) of ``scale.py``: it measures what parallel, per-campaign builds gain on their own,
with no campaignkit in them. Each campaign's plain Markdown pages (the baseline's
``docs/<slug>/``) become a MkDocs + Material site with only ``search``, like the baseline.
Workers build them the way the portal builds microsites: one task per campaign, MkDocs
imported once per worker, every build in the worker's own process. The time is a floor for
step (2), which does the same and more: page bodies, validation, calendars and the kit.

    python benchmarks/plain_sites.py BASELINE_DIR OUT_DIR JOBS
"""

from __future__ import annotations

import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def config_text(site_name: str, docs: Path | None = None) -> str:
    """The baseline's ``mkdocs.yml``: Material with only ``search``, the home page in the nav."""
    return "\n".join(
        [
            f"site_name: {site_name}",
            *([f"docs_dir: {docs}"] if docs else []),
            "use_directory_urls: true",
            "theme:",
            "  name: material",
            "  language: nl",
            "  font: false",
            "  features: [navigation.tabs, navigation.top, search.highlight]",
            "plugins: [search]",
            "nav: [index.md]",
            "",
        ]
    )


def build_one(config: str, site: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # pages out of the nav log INFO
    build(load_config(config, site_dir=site))


def main() -> int:
    baseline, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    configs = baseline / "plain-sites"
    configs.mkdir(exist_ok=True)
    tasks = []
    for docs in sorted(p for p in (baseline / "docs").iterdir() if p.is_dir()):
        config = configs / f"{docs.name}.yml"
        config.write_text(config_text(docs.name, docs.resolve()), "utf-8")
        tasks.append((str(config), str(out / docs.name)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for future in [pool.submit(build_one, *task) for task in tasks]:
            future.result()
    print(f"{len(tasks)} plain sites built by {jobs} workers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
