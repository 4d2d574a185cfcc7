"""Lock the Python dependencies: requirements/*.txt from the dependencies in pyproject.toml.

Run it after every change to the dependencies in pyproject.toml (a test fails until then):

    .venv/bin/python scripts/lock.py                        # keep every pin, lock what changed
    .venv/bin/python scripts/lock.py --upgrade              # every package to its newest release
    .venv/bin/python scripts/lock.py --upgrade-package NAME

requirements/base.txt is what a site needs (scripts/setup.sh, the workflows); requirements/test.txt
adds the test extra (scripts/setup.sh --test). Both pin every package, transitive ones and the
build backend included, for every platform and every Python version the project supports, with
the sha256 of every file, so `pip install --require-hashes` installs the same files on every
machine and refuses any other. The base pins are taken from the test lock: the site that is
tested is the site that is built. Each file records a fingerprint of the declarations it was made
from; tests/repo/test_lock.py compares it with pyproject.toml.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
COMMAND = ".venv/bin/python scripts/lock.py"
TEST_LOCK = "requirements/test.txt"
BASE_LOCK = "requirements/base.txt"
# Each lock and the extras it installs. The test lock is made first: it constrains the base lock.
LOCKS = {TEST_LOCK: ["test"], BASE_LOCK: ["properdocs"]}
FINGERPRINT = "# Locked from pyproject.toml with fingerprint "


def declared(pyproject: dict[str, Any]) -> dict[str, Any]:
    """What a lock depends on: the dependencies, the extras, the build backend, the Pythons."""
    project = pyproject["project"]
    return {
        "requires-python": project["requires-python"],
        "build-system": sorted(pyproject["build-system"]["requires"]),
        "dependencies": sorted(project["dependencies"]),
        "optional-dependencies": {
            extra: sorted(requirements)
            for extra, requirements in sorted(project.get("optional-dependencies", {}).items())
        },
    }


def fingerprint(pyproject: dict[str, Any]) -> str:
    canonical = json.dumps(declared(pyproject), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def recorded_fingerprint(lock_text: str) -> str | None:
    found = re.search(rf"^{re.escape(FINGERPRINT)}([0-9a-f]{{64}})$", lock_text, re.MULTILINE)
    return found.group(1) if found else None


def pins(lock_text: str) -> list[tuple[str, str, str, int]]:
    """The lock's pins: (normalized name, version, environment marker, number of hashes)."""
    found = []
    for line in lock_text.replace("\\\n", " ").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pin = re.fullmatch(
            r"([A-Za-z0-9._-]+)==(\S+?)(?:\s*;\s*(.*?))?((?:\s+--hash=sha256:[0-9a-f]{64})*)\s*",
            line,
        )
        if not pin:
            raise ValueError(f"not a pinned requirement: {line.strip()}")
        name = re.sub(r"[-_.]+", "-", pin.group(1)).lower()
        found.append((name, pin.group(2), pin.group(3) or "", pin.group(4).count("--hash=")))
    return found


def direct_requirements(pyproject: dict[str, Any], extras: list[str]) -> list[str]:
    """pyproject.toml's requirements for these extras, self-references (name[extra]) followed."""
    project = pyproject["project"]
    requirements = [*pyproject["build-system"]["requires"], *project["dependencies"]]
    pending, seen = list(extras), set()
    while pending:
        extra = pending.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for requirement in project.get("optional-dependencies", {}).get(extra, []):
            itself = re.fullmatch(rf"{re.escape(project['name'])}\[([^\]]+)\]", requirement)
            if itself:
                pending += [name.strip() for name in itself.group(1).split(",")]
            else:
                requirements.append(requirement)
    return requirements


def problems(pyproject: dict[str, Any], locks: dict[str, str]) -> list[str]:
    """Why the lock files (path -> text) do not match pyproject.toml; nothing when they do."""
    found: list[str] = []
    expected = fingerprint(pyproject)
    pinned: dict[str, list[tuple[str, str, str, int]]] = {}
    for path, extras in LOCKS.items():
        if path not in locks:
            found.append(f"{path} is missing")
            continue
        if recorded_fingerprint(locks[path]) != expected:
            found.append(f"{path} was made from other dependencies than pyproject.toml's")
        try:
            pinned[path] = pins(locks[path])
        except ValueError as error:
            found.append(f"{path}: {error}")
            continue
        found += [
            f"{path}: {name}=={version} has no hash"
            for name, version, _, n in pinned[path]
            if n == 0
        ]
        for text in direct_requirements(pyproject, extras):
            requirement = Requirement(text)
            name = canonicalize_name(requirement.name)
            versions = [version for pin, version, _, _ in pinned[path] if pin == name]
            if not versions:
                found.append(f"{path} has no {name} ({text} in pyproject.toml)")
            found += [
                f"{path} pins {name}=={version}, outside {text} in pyproject.toml"
                for version in versions
                if not requirement.specifier.contains(version, prereleases=True)
            ]
    if len(pinned) == len(LOCKS):
        tested = {(name, version) for name, version, _, _ in pinned[TEST_LOCK]}
        found += [
            f"{BASE_LOCK} pins {name}=={version}, {TEST_LOCK} does not"
            for name, version, _, _ in pinned[BASE_LOCK]
            if (name, version) not in tested
        ]
    return found


def oldest_python(requires_python: str) -> str:
    found = re.fullmatch(r"\s*>=\s*(\d+\.\d+)\s*", requires_python)
    if not found:
        raise SystemExit(f"requires-python = {requires_python!r}: expected '>=X.Y'")
    return found.group(1)


def uv() -> str:
    here = Path(sys.executable).parent / "uv"
    if not here.is_file():
        raise SystemExit("uv is missing: run `bash scripts/setup.sh --test` first.")
    return str(here)


def compile_lock(
    path: str, extras: list[str], pyproject: dict[str, Any], extra_args: list[str]
) -> None:
    constraints = [] if path == TEST_LOCK else ["--constraint", TEST_LOCK]
    command = [
        uv(),
        "pip",
        "compile",
        "pyproject.toml",
        "-",  # the build backend (build-system.requires), read from standard input
        *[argument for extra in extras for argument in ("--extra", extra)],
        *constraints,
        "--universal",
        "--python-version",
        oldest_python(pyproject["project"]["requires-python"]),
        "--python",
        sys.executable,
        "--generate-hashes",
        "--no-config",
        "--quiet",
        "--custom-compile-command",
        COMMAND,
        "--output-file",
        path,
        *extra_args,
    ]
    build_requires = "\n".join(pyproject["build-system"]["requires"]) + "\n"
    subprocess.run(command, cwd=ROOT, input=build_requires, text=True, check=True)
    lock = ROOT / path
    header, _, body = lock.read_text(encoding="utf-8").partition(f"#    {COMMAND}\n")
    stamp = f"{FINGERPRINT}{fingerprint(pyproject)}\n"
    lock.write_text(f"{header}#    {COMMAND}\n{stamp}{body}", encoding="utf-8")


def check(pyproject: dict[str, Any]) -> None:
    locks = {path: (ROOT / path).read_text("utf-8") for path in LOCKS if (ROOT / path).is_file()}
    found = problems(pyproject, locks)
    if found:
        print("\n".join(found), file=sys.stderr)
        raise SystemExit(f"The lock no longer matches pyproject.toml: run {COMMAND}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--upgrade", action="store_true", help="every package to its newest")
    parser.add_argument("--upgrade-package", action="append", default=[], metavar="NAME")
    parser.add_argument("--check", action="store_true", help="only say whether the lock is stale")
    arguments = parser.parse_args()
    pyproject = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    if arguments.check:
        check(pyproject)
        return
    extra_args = ["--upgrade"] if arguments.upgrade else []
    for name in arguments.upgrade_package:
        extra_args += ["--upgrade-package", name]
    (ROOT / "requirements").mkdir(exist_ok=True)
    for path, extras in LOCKS.items():
        compile_lock(path, extras, pyproject, extra_args)
        print(f"{path}: {len(re.findall(r'^[A-Za-z0-9]', (ROOT / path).read_text(), re.M))} pins")


if __name__ == "__main__":
    main()
