"""The portal: every campaign under its prefix, built by workers, cached, published safely.

One project in a temporary folder (the examples plus a generated third campaign) is built
several ways with the real ``mkdocs`` command; the assertions read the files it wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from support.campaigns import OMIT, write_campaign
from support.projects import REPO, make_project

from campaignkit.publish import RETIRED_PREFIX, STAGING_PREFIX

MKDOCS = [sys.executable, "-m", "mkdocs"]
EPOCH = "1798761600"  # 2027-01-01: a fixed build date


def _project(folder: Path, campaigns: tuple[str, ...] = ("asse", "lier")) -> Path:
    make_project(folder)
    for slug in campaigns:
        shutil.copytree(REPO / "campaigns" / slug, folder / "campaigns" / slug)
    write_campaign(
        folder / "campaigns",
        "zemst",
        campaign={
            "municipality": {"name": "Zemst"},
            "site_url": OMIT,
            "branding": {"primary": "#6a1b9a"},
        },
    )
    return folder


def _build(project: Path, *args: str, env: dict[str, str] | None = None, check: bool = True):
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("CAMPAIGN", None)
    environment.update(env or {})
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", *args],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if check:
        assert result.returncode == 0, result.stderr[-4000:]
    return result


def _cleaned_up(project: Path) -> bool:
    """After a published build: no staging folder is left, and the site it replaced is
    gone once the process that removes it in the background has finished."""
    assert not list(project.glob(f"{STAGING_PREFIX}*"))
    deadline = time.monotonic() + 30
    while list(project.glob(f"{RETIRED_PREFIX}*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not list(project.glob(".campaignkit-*"))


def _tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the examples and Zemst, built once for the module's tests."""
    project = _project(tmp_path_factory.mktemp("portal") / "project")
    _build(project)
    return project


def test_portal_index_lists_every_campaign(portal: Path) -> None:
    index = (portal / "site" / "index.html").read_text(encoding="utf-8")
    for slug, title in (
        ("asse", "De straat met het beste klimaat"),
        ("lier", "Klimaatbuurten Lier"),
        ("zemst", "Klimaat in je straat"),
    ):
        assert f'href="{slug}/"' in index
        assert title in index
        assert (portal / "site" / slug / "index.html").is_file()
    assert "van 1 maart tot 31 oktober 2027" in index


def test_portal_logos_come_from_the_kit_cache(portal: Path) -> None:
    logos = sorted((portal / "site" / "assets" / "campaignkit" / "portal").glob("*.png"))
    assert logos
    stored = portal / ".cache" / "campaignkit" / "kit" / "objects" / "web-image"
    inodes = {p.stat().st_ino for p in stored.rglob("*") if p.is_file()}
    for logo in logos:  # linked, not written again
        assert logo.stat().st_ino in inodes, logo


def test_every_microsite_keeps_the_url_contract_under_its_prefix(portal: Path) -> None:
    site = portal / "site" / "asse"
    for path in (
        "acties/index.html",
        "acties/autodelen/index.html",
        "agenda/index.html",
        "agenda/klimaatmarkt/index.html",
        "agenda/klimaatmarkt.ics",
        "agenda.ics",
        "partners/index.html",
        "toegankelijkheid/index.html",
        "privacy/index.html",
        "kit/index.html",
        "kit/asse-communicatiekit.zip",
        "kit/teksten/nieuwsbrief.md",
    ):
        assert (site / path).is_file(), path
    assert not (site / "kit" / "teksten" / "nieuwsbrief" / "index.html").exists()
    # One 404 page, the portal's: a host serves it for every missing address.
    assert sorted(p.relative_to(portal / "site") for p in (portal / "site").rglob("404.html")) == [
        Path("404.html")
    ]


def test_microsites_share_one_copy_of_the_theme_files(portal: Path) -> None:
    site = portal / "site"
    assert list((site / "assets" / "stylesheets").glob("main.*.min.css"))
    for slug in ("asse", "lier", "zemst"):
        assert not (site / slug / "assets" / "stylesheets").exists()
        assert not (site / slug / "assets" / "javascripts").exists()
    page = (site / "asse" / "acties" / "autodelen" / "index.html").read_text(encoding="utf-8")
    for reference in ("../../../assets/stylesheets/main.", "../../../assets/javascripts/bundle."):
        assert reference in page
        start = page.index(reference)
        target = page[start : page.index('"', start)]
        assert (site / "asse" / "acties" / "autodelen" / target).resolve().is_file()


def test_each_search_index_holds_only_its_own_campaign(portal: Path) -> None:
    site = portal / "site"
    asse = json.loads((site / "asse" / "search" / "search_index.json").read_text())
    lier = json.loads((site / "lier" / "search" / "search_index.json").read_text())
    asse_text = json.dumps(asse, ensure_ascii=False)
    lier_text = json.dumps(lier, ensure_ascii=False)
    assert "Autodelen met je buren" in asse_text and "Autodelen met je buren" not in lier_text
    assert "Klimaatbuurten Lier" in lier_text and "Klimaatbuurten Lier" not in asse_text
    assert any(doc["location"].startswith("acties/") for doc in asse["docs"])


def test_each_microsite_has_its_own_branding_and_language(portal: Path) -> None:
    site = portal / "site"
    colours = {
        slug: (site / slug / "assets" / "campaignkit" / "branding.css").read_text()
        for slug in ("asse", "lier", "zemst")
    }
    assert "#1b5e20" in colours["asse"] and "#283593" in colours["lier"]
    assert "#6a1b9a" in colours["zemst"]
    assert len(set(colours.values())) == 3
    assert '<html lang="nl"' in (site / "asse" / "index.html").read_text(encoding="utf-8")


def test_unchanged_rebuild_reuses_every_microsite_and_is_identical(portal: Path) -> None:
    before = _tree(portal / "site")
    gone = portal / ".cache" / "campaignkit" / "sites" / "verwijderd" / "0123456789"
    gone.mkdir(parents=True)  # the cached microsite of a campaign that no longer exists
    result = _build(portal)
    assert result.stderr.count("hergebruikt") == 3, result.stderr
    assert "gebouwd in" not in result.stderr
    assert _tree(portal / "site") == before
    assert not gone.parent.exists()
    assert (portal / ".cache" / "campaignkit" / "sites" / "asse").is_dir()


def test_shards_together_equal_the_full_build(portal: Path) -> None:
    full = _tree(portal / "site")
    union: dict[str, str] = {}
    for part in ("1/2", "2/2"):
        out = portal.parent / f"shard-{part.replace('/', '-')}"
        _build(portal, "--site-dir", str(out), env={"CAMPAIGNKIT_SHARD": part})
        tree = _tree(out)
        for name, digest in tree.items():
            assert union.setdefault(name, digest) == digest, name  # shared files agree
    assert union == full


def test_failing_campaign_leaves_the_previous_site_untouched(portal: Path) -> None:
    before = _tree(portal / "site")
    broken = portal / "campaigns" / "lier" / "actions" / "regentuin.yml"
    original = broken.read_text(encoding="utf-8")
    broken.write_text(original + "efort: low\n", encoding="utf-8")
    try:
        result = _build(portal, check=False)
    finally:
        broken.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "campaigns/lier/actions/regentuin.yml" in result.stderr
    assert "Bedoel je 'effort'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(portal / "site") == before
    assert not list(portal.glob(".campaignkit-*"))


def test_strict_warning_keeps_the_previous_site(portal: Path) -> None:
    before = _tree(portal / "site")
    clash = portal / "docs" / "index.md"
    clash.write_text("# Een pagina die de portaalpagina zou vervangen\n", encoding="utf-8")
    try:
        result = _build(portal, check=False)
    finally:
        clash.unlink()
    assert result.returncode == 1
    assert "is replaced by the campaign's own" in result.stderr
    assert _tree(portal / "site") == before
    assert not list(portal.glob(".campaignkit-*"))


def _start_uncached_build(project: Path, **options: Any) -> subprocess.Popen[bytes]:
    """A portal build in the background that takes a while: no microsite is cached."""
    shutil.rmtree(project / ".cache" / "campaignkit" / "sites")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [*MKDOCS, "build", "--strict"],
        cwd=project,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **options,
    )


def test_killed_build_leaves_the_site_and_the_next_build_cleans_up(portal: Path) -> None:
    before = _tree(portal / "site")
    process = _start_uncached_build(portal, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(portal.glob(".campaignkit-staging-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert _tree(portal / "site") == before
    _build(portal)
    assert _cleaned_up(portal)
    assert _tree(portal / "site") == before


def test_builds_are_identical_across_paths_and_hash_seeds(tmp_path: Path) -> None:
    trees = []
    for number, seed in ((1, "1"), (2, "4242")):
        project = _project(tmp_path / f"checkout-{number}" / "deep" / "x", campaigns=("lier",))
        shutil.rmtree(project / "campaigns" / "zemst")
        _build(project, env={"PYTHONHASHSEED": seed})
        trees.append(_tree(project / "site"))
    assert trees[0] == trees[1]


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_end_when_the_build_is_killed_alone(portal: Path) -> None:
    """`kill <pid>` of the build alone (as `timeout` does) must not leave workers behind."""
    process = _start_uncached_build(portal)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while not workers and time.monotonic() < deadline:
        time.sleep(0.5)
        # Workers run spawn_main (the resource tracker, also a child, does not).
        workers = {pid for pid in _children(process.pid) if b"spawn_main" in _cmdline(pid)}
    assert workers, "no worker process started"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), workers
    _build(portal)  # and the next build cleans up after it
    assert _cleaned_up(portal)
