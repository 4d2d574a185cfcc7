"""The house keeps its rooms small: no module of the package over 500 lines and no
function over 80, so that each job stays readable in one sitting. Drawing and layout code
(posters, social cards), whose length is coordinates rather than logic, is exempt from the
function limit."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "campaignkit"
MODULE_LINES = 500
FUNCTION_LINES = 80
#: Drawing and layout: long runs of coordinates, sizes and colours.
DRAWING = {"kit/posters.py", "kit/pictures.py"}


def modules() -> list[tuple[str, str]]:
    return [
        (path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def long_modules(sources: list[tuple[str, str]]) -> dict[str, int]:
    return {name: text.count("\n") for name, text in sources if text.count("\n") > MODULE_LINES}


def long_functions(sources: list[tuple[str, str]]) -> dict[str, int]:
    long = {}
    for name, text in sources:
        if name in DRAWING:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > FUNCTION_LINES:
                    long[f"{name}:{node.lineno} {node.name}"] = lines
    return long


def test_no_module_is_over_500_lines() -> None:
    assert long_modules(modules()) == {}


def test_no_function_is_over_80_lines() -> None:
    assert long_functions(modules()) == {}


def test_the_limits_bite() -> None:
    """One line over either limit is found; drawing code is spared the function limit."""
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LINES))
    function = f"def long():\n{body}\n"
    assert long_functions([("a.py", function)]) == {"a.py:1 long": FUNCTION_LINES + 1}
    assert long_functions([("kit/posters.py", function)]) == {}
    assert long_modules([("b.py", "x = 1\n" * (MODULE_LINES + 1))]) == {"b.py": MODULE_LINES + 1}
    assert long_modules([("c.py", "x = 1\n" * MODULE_LINES)]) == {}
