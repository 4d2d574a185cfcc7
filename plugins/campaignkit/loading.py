"""YAML files to plain data with the position of every key and value.

Every scalar comes back as the exact text the coach typed (a string): YAML 1.1's guesses
(``0471123456`` as a number, ``18:00`` as 1080 minutes, ``NO`` as false) never happen, and
the model decides what each text means. Tags, anchors and aliases are refused, so nothing
can construct objects or expand into gigabytes; duplicate keys name both lines (and the
first value counts, so a caller that goes on checking sees the rest of the file's problems).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, Event, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from campaignkit.problems import CampaignError, Problem

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 20
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class Document:
    """One YAML file: its data, and where each value and key stands (1-based line, column).

    ``problems`` are those that left the data readable: a key given twice, of which the
    first value is kept. Only a reader that asked to keep going gets them here.
    """

    name: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The closest known position of ``loc``: the key itself when asked, else its value."""
        loc = tuple(loc)
        while True:
            found = (self.keys if key else self.values).get(loc) or self.keys.get(loc)
            if found:
                return found
            if not loc:
                return (1, 1)
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, column = self.position(loc, key=key)
        return Problem(self.name, line, column, message, hint)


class _StrictComposer(yaml.composer.Composer):
    """Composes nodes only, refusing aliases, anchors and deep nesting."""

    _depth = 0

    if TYPE_CHECKING:  # given by the parser this is mixed with

        def peek_event(self) -> Event | None: ...

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, "alias")
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
            raise _Refused(event.start_mark, "anchor")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(event.start_mark if event else None, "depth")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _StrictLoader(_StrictComposer, yaml.SafeLoader):
    """PyYAML's own reader, in Python: its error messages are the ones translated below.
    No implicit types: every plain scalar resolves to a string."""

    yaml_implicit_resolvers: dict[str, list[Any]] = {}  # noqa: RUF012 - class-level by design


_FastLoader: type[Any] | None = None
if yaml.__with_libyaml__:
    from yaml._yaml import CParser  # what yaml.cyaml's loaders are built on

    class _LibYAMLLoader(_StrictComposer, CParser, yaml.resolver.BaseResolver):
        """The same composition over LibYAML's events: several times faster. What it
        refuses is read again by :class:`_StrictLoader`, whose messages are translated.
        (LibYAML reads a few things PyYAML refuses, such as ``[g?eveltuin]``; what PyYAML
        reads, LibYAML reads the same, positions included: tests/hostile checks both.)"""

        yaml_implicit_resolvers: dict[str, list[Any]] = {}  # noqa: RUF012

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)

        def compose_scalar_node(self, anchor: Any) -> ScalarNode:
            node = super().compose_scalar_node(anchor)
            if node.value == "" and not node.style:
                # LibYAML places an empty value elsewhere than PyYAML: let PyYAML read it.
                raise _Refused(node.start_mark, "empty")
            return node

    _FastLoader = _LibYAMLLoader


class _Mark(Protocol):
    """Where PyYAML or LibYAML saw something (0-based)."""

    line: int
    column: int


class _Refused(Exception):
    def __init__(self, mark: _Mark | None, reason: str) -> None:
        super().__init__(reason)
        self.mark = mark
        self.reason = reason


_REFUSALS = {
    "alias": (
        "Verwijzingen met * (YAML-aliassen) worden niet ondersteund.",
        "Schrijf de waarde voluit op deze plaats.",
    ),
    "anchor": (
        "Ankers met & (YAML-ankers) worden niet ondersteund.",
        "Verwijder de &naam en schrijf waarden voluit waar je ze nodig hebt.",
    ),
    "depth": (
        "Het bestand is te diep genest.",
        "Campagnebestanden hebben hooguit een paar niveaus inspringing; kijk de inspringing na.",
    ),
}

# PyYAML's messages, in the words a coach understands.
_SYNTAX = [
    (
        "'\\t'",
        "Er staat een tab in de inspringing.",
        "Gebruik spaties om in te springen, geen tabs.",
    ),
    (
        "mapping values are not allowed",
        "Hier staat een dubbele punt die YAML niet verwacht.",
        "Zet tekst met ': ' erin tussen aanhalingstekens, of kijk de inspringing na.",
    ),
    (
        "could not find expected ':'",
        "YAML verwacht hier 'naam: waarde'.",
        "Kijk na of er een dubbele punt na de naam staat en of de inspringing klopt.",
    ),
    (
        "expected <block end>",
        "De inspringing klopt hier niet.",
        "Zet elementen op hetzelfde niveau precies even ver in, met spaties.",
    ),
    (
        "found unexpected end of stream",
        "Het bestand stopt midden in een waarde.",
        "Sluit aanhalingstekens en haakjes die je opende.",
    ),
    (
        "found undefined tag handle",
        "Een waarde begint met '!', dat YAML als label leest.",
        "Zet de tekst tussen aanhalingstekens.",
    ),
    (
        "found character '@' that cannot start any token",
        "Een waarde mag niet met @ beginnen.",
        "Zet de tekst tussen aanhalingstekens.",
    ),
    (
        "found character '`' that cannot start any token",
        "Een waarde mag niet met ` beginnen.",
        "Zet de tekst tussen aanhalingstekens.",
    ),
    (
        "expected a single document",
        "Het bestand bevat meer dan één YAML-document (---).",
        "Hou één campagne-onderdeel per bestand en verwijder de extra '---'.",
    ),
]


def read_capped(path: Path, name: str, limit: int, fix: str) -> bytes:
    """The bytes of the file at ``path``, at most ``limit`` of them (never more read); raises
    :class:`CampaignError` located at ``name`` when it cannot be read or is larger, with
    ``fix`` as the way out."""
    try:
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except OSError as error:
        raise CampaignError(
            [Problem(name, 1, 1, f"Het bestand kan niet gelezen worden ({error.strerror}).")]
        ) from None
    if len(raw) > limit:
        size = path.stat().st_size
        unit, scale = ("MB", 1024 * 1024) if limit >= 1024 * 1024 else ("kB", 1024)
        message = (
            f"Het bestand is te groot ({size // scale} {unit}; hooguit {limit // scale} {unit})."
        )
        raise CampaignError([Problem(name, 1, 1, message, fix)])
    return raw


def load_document(path: Path, name: str, *, keep_going: bool = False) -> Document:
    """Read one YAML file; raise :class:`CampaignError` with located problems if unreadable.

    With ``keep_going``, a key given twice is returned in :attr:`Document.problems` instead
    of raised, so that the caller checks the rest of the file in the same run.
    """
    fix = "Hou lange teksten kort, of verdeel de inhoud over meerdere bestanden."
    raw = read_capped(path, name, MAX_FILE_BYTES, fix)
    return parse_document(raw, name, keep_going=keep_going)


def parse_document(raw: bytes, name: str, *, keep_going: bool = False) -> Document:
    """Parse YAML bytes (UTF-8) into a :class:`Document` (``keep_going``: see
    :func:`load_document`)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise CampaignError(
            [
                Problem(
                    name,
                    line,
                    column,
                    "Het bestand is niet in UTF-8 opgeslagen.",
                    "Sla het bestand op als UTF-8 (in VS Code: rechtsonder op de codering "
                    "klikken, 'Save with Encoding', 'UTF-8').",
                )
            ]
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise CampaignError(
            [Problem(name, line, 1, "Het bestand bevat een NUL-teken.", "Verwijder het teken.")]
        )
    # LibYAML accepts tabs where PyYAML refuses them: such files take PyYAML's way only.
    if _FastLoader is not None and "\t" not in text:
        try:
            node = _compose(_FastLoader, text)
            if node is not None:
                return _Builder(name).document(node, keep_going=keep_going)
        except Exception:  # noqa: S110 - any problem is described below
            pass  # in PyYAML's words and positions, by the reader the messages were made for
    try:
        node = _compose(_StrictLoader, text)
    except _Refused as refused:
        message, hint = _REFUSALS[refused.reason]
        mark = refused.mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise CampaignError([Problem(name, line, column, message, hint)]) from None
    except yaml.MarkedYAMLError as error:
        raise CampaignError([_syntax_problem(name, error)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks all it raises on text
        raise CampaignError([Problem(name, 1, 1, f"Ongeldige YAML ({error}).")]) from None
    except RecursionError:
        raise CampaignError([Problem(name, 1, 1, *_REFUSALS["depth"])]) from None
    if node is None:
        raise CampaignError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "Het bestand is leeg.",
                    "Vul het bestand aan, of maak een nieuw met 'campaignkit new'.",
                )
            ]
        )
    return _Builder(name).document(node, keep_going=keep_going)


def _compose(loader_class: Any, text: str) -> Node | None:
    loader = loader_class(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _syntax_problem(name: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and re.search(r"end of stream|<stream end>", str(error.problem)):
        mark = error.context_mark  # where the unclosed quote or bracket was opened
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = " ".join(str(part) for part in (error.context, error.problem) if part)
    for needle, message, hint in _SYNTAX:
        if needle in detail:
            return Problem(name, line, column, message, hint)
    return Problem(
        name,
        line,
        column,
        f"De YAML-opmaak klopt hier niet ({detail}).",
        "Kijk inspringing, dubbele punten en aanhalingstekens na; zet tekst met speciale "
        "tekens tussen aanhalingstekens.",
    )


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[Loc, tuple[int, int]] = {}
        self.keys: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        #: Keys given twice: the data stays readable (the first value counts).
        self.duplicates: list[Problem] = []

    def document(self, node: Node, *, keep_going: bool) -> Document:
        if not isinstance(node, MappingNode):
            self.problems.append(
                self._at(
                    node,
                    "Het bestand moet met 'naam: waarde'-regels beginnen, niet met een lijst "
                    "of losse tekst.",
                    "Kijk een voorbeeldbestand na (campaignkit new) en volg dezelfde vorm.",
                )
            )
        data = self.build(node, ())
        if self.problems or (self.duplicates and not keep_going):
            raise CampaignError(self.problems + self.duplicates)
        return Document(self.name, data, self.values, self.keys, tuple(self.duplicates))

    def _at(self, node: Node, message: str, hint: str = "") -> Problem:
        return Problem(
            self.name, node.start_mark.line + 1, node.start_mark.column + 1, message, hint
        )

    def build(self, node: Node, loc: Loc) -> Any:
        self.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(
                self._at(
                    node,
                    f"Labels zoals '{node.tag.replace('tag:yaml.org,2002:', '!!')}' worden niet "
                    "ondersteund.",
                    "Verwijder het label (wat met ! begint) en schrijf gewoon de waarde.",
                )
            )
            return None
        if isinstance(node, ScalarNode):
            if not node.style and node.value in ("", "~"):  # plain: None or "" (LibYAML)
                return None
            return node.value
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        return dict(self._pairs(node, loc))

    def _pairs(self, node: MappingNode, loc: Loc) -> Iterator[tuple[str, Any]]:
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.problems.append(
                    self._at(key_node, "Een naam (voor de dubbele punt) moet gewone tekst zijn.")
                )
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                self.duplicates.append(
                    self._at(
                        key_node,
                        f"'{key}' staat twee keer in dit blok: op regel {seen[key]} en op regel "
                        f"{line}.",
                        f"Hou er één over; tot dan geldt de eerste (regel {seen[key]}).",
                    )
                )
                continue
            seen[key] = line
            self.keys[(*loc, key)] = (line, key_node.start_mark.column + 1)
            value = self.build(value_node, (*loc, key))
            if value is not None:
                yield key, value
