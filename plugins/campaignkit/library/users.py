"""A problem in a library file is told once, naming the campaigns that use the file; a
build tells those in files none of its campaigns uses apart (:func:`unused`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

from campaignkit.library.reading import Libraries
from campaignkit.problems import Problem, display_name

_USERS = re.compile(r" ?\(Bibliotheekbestand; gebruikt door: ([^)]*)\)$")


def attributed(problems: Iterable[Problem], slug: str, libraries: Libraries) -> list[Problem]:
    """``problems`` of the campaign ``slug``, those in a library file naming it."""
    return [_with_users(p, [slug]) if libraries.owner(p.file) is not None else p for p in problems]


def merged(problems: Iterable[Problem]) -> list[Problem]:
    """Problems of several campaigns: one per place in a library file, naming them all."""
    users: dict[tuple[str, int, int, str, str], set[str]] = {}
    plain: list[Problem] = []
    for problem in problems:
        found = _USERS.search(problem.hint)
        key = (problem.file, problem.line, problem.column, problem.message, _bare(problem.hint))
        if found:
            users.setdefault(key, set()).update(found.group(1).split(", "))
        else:
            plain.append(problem)
    out = [
        _with_users(Problem(file, line, column, message, hint), sorted(names))
        for (file, line, column, message, hint), names in users.items()
    ]
    out.extend(
        p for p in plain if (p.file, p.line, p.column, p.message, _bare(p.hint)) not in users
    )
    return out


def unused(libraries: Libraries, used: Iterable[Path], base: Path | None) -> list[Problem]:
    """The problems of ``libraries`` (read with ``base``) in files that are not among
    ``used``, the library files a build's campaigns are built from: a build does not fail
    on those (its campaigns fail on the others)."""
    names = {display_name(path, base) for path in used}
    return [p for p in libraries.problems if p.file not in names]


def _bare(hint: str) -> str:
    return _USERS.sub("", hint)


def _with_users(problem: Problem, slugs: list[str]) -> Problem:
    names = ", ".join(slugs)
    hint = f"{_bare(problem.hint)} (Bibliotheekbestand; gebruikt door: {names})".strip()
    return dataclasses.replace(problem, hint=hint)
