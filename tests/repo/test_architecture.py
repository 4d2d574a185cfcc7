"""The layers of the package, checked by import-linter (contracts in ``pyproject.toml``):
no import cycles between the modules of any package, late imports included, and only
``campaignkit.mkdocs`` imports MkDocs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "plugins" / "campaignkit"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter on the package under ``root`` with the project's contracts."""
    command = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(command), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root / "plugins"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert ", 0 broken." in result.stdout.split("Contracts:")[-1]


def test_every_core_module_is_held_to_the_no_mkdocs_contract() -> None:
    """A new core module or package must be added to the contract's list (or it could
    import MkDocs unseen)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(
        c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "forbidden"
    )
    listed = set(contract["source_modules"])
    found = {
        f"campaignkit.{path.stem if path.is_file() else path.name}"
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").is_file())
    }
    assert found - listed == {"campaignkit.mkdocs"}


def test_a_cycle_or_a_core_mkdocs_import_breaks_the_contracts(tmp_path: Path) -> None:
    """The check bites: a copy of the package with a late import that closes a cycle, and
    one with a core module importing MkDocs, are both refused."""
    import shutil

    for change, expected in (
        ("def _late():\n    from campaignkit import cli  # noqa\n", "No import cycles"),
        ("def _late():\n    import mkdocs  # noqa\n", "never imports MkDocs"),
    ):
        copy = tmp_path / expected.split()[0] / "plugins"
        shutil.copytree(PACKAGE, copy / "campaignkit", ignore=shutil.ignore_patterns("__py*"))
        urls = copy / "campaignkit" / "urls.py"
        urls.write_text(urls.read_text() + "\n\n" + change)
        result = lint_imports(copy.parent)
        assert result.returncode != 0
        broken = result.stdout.split("Broken contracts")[-1]
        assert expected in broken, result.stdout[-3000:]
