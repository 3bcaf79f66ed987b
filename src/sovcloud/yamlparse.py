"""Strict, bounded YAML reading that keeps the line of every value.

Data files come from contributors and pull requests, so they are untrusted. We read the
event stream of libyaml (PyYAML's C parser) and build plain Python values ourselves, which
lets us:
- keep a line number for every key and item (errors say `file:line`);
- refuse duplicate keys (PyYAML silently keeps the last one);
- refuse tags (`!!python/object`...), anchors and aliases (no "billion laughs"), and
  nesting deeper than MAX_DEPTH, in one pass and bounded memory;
- resolve plain scalars the YAML 1.2 way: `NO` stays the text "NO" (Norway), dates stay
  text and are parsed by the models at their own precision; numbers remember how they were
  written, so that a text field written without quotes (`version: 3.20`) keeps its text.

`dump` is the writer that goes with it: what it writes, `parse` reads back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 20
# No field holds a number this long; Python refuses to convert more than 4300 digits.
MAX_DIGITS = 100

Path_ = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_ALLOWED_TAGS = {
    None,
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

try:  # libyaml when present: several times faster than the pure-Python parser.
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class ParseError(Exception):
    """A file that is not acceptable YAML; `code` is a check code from errors.CHECKS."""

    def __init__(self, code: str, line: int, message: str):
        super().__init__(message)
        self.code = code
        self.line = line
        self.message = message


@dataclass
class Document:
    """A parsed file: its value and the line of each path inside it."""

    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: tuple[Any, ...]) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class Int(int):
    """An integer read from YAML, with `source`, the text it was written as (`01`)."""

    source: str


class Float(float):
    """A number with a fraction or exponent read from YAML, with `source`, its text (`3.20`)."""

    source: str


def _number(value: str, line: int) -> Int | Float:
    if len(value) > MAX_DIGITS:
        raise ParseError(
            "SC103",
            line,
            f"holds a number {len(value)} characters long: no field takes a number that "
            "long; if it is text, put it in quotes",
        )
    number = Int(value) if _INT.match(value) else Float(value)
    number.source = value
    return number


def _scalar(event: Any) -> Any:
    """The value of a scalar whose tag was checked."""
    value = event.value
    if event.style or event.tag in ("!", "tag:yaml.org,2002:str"):
        return value  # quoted, or explicitly text
    if value in _KEYWORDS:
        return _KEYWORDS[value]
    if value[:1] in _NUMBER_START and (
        _INT.match(value) or (_FLOAT.match(value) and any(c.isdigit() for c in value))
    ):
        return _number(value, event.start_mark.line + 1)
    return value


# Plain scalars that are not text, the YAML 1.2 core schema's way.
_KEYWORDS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
# How a number can start (_INT and _FLOAT): other texts need no pattern matching.
_NUMBER_START = frozenset("-+.0123456789")


def _duplicate(key: str, line: int, first: int) -> None:
    raise ParseError(
        "SC007",
        line,
        f"the key {key[:60]!r} appears twice in the same mapping (first on line {first}): "
        "keep one and merge the values",
    )


def _check_tag(event: Any) -> None:
    if event.tag not in _ALLOWED_TAGS:
        raise ParseError(
            "SC008",
            event.start_mark.line + 1,
            f"the tag {event.tag} is not allowed: data files hold plain values only, "
            "remove the tag",
        )


def _anchor(event: Any) -> None:
    if getattr(event, "anchor", None) is not None:
        raise ParseError(
            "SC009",
            event.start_mark.line + 1,
            "anchors and aliases (&name, *name) are not allowed: write each value out in full",
        )


def decode(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is accepted), or ParseError naming the bad line."""
    # Not the "utf-8-sig" codec: it decodes through Python code, several times slower.
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        return (raw[bom:] if bom else raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + bom  # in the file, byte-order mark included
        line = raw[:offset].count(b"\n") + 1
        raise ParseError(
            "SC003",
            line,
            f"is not valid UTF-8 (byte 0x{raw[offset]:02x} at offset {offset}): "
            "save the file as UTF-8",
        ) from None


def parse(text: str) -> Document:
    """Parse one YAML document into plain values with a line for each path."""
    _refuse_hidden_bytes(text)
    doc = Document(None)
    loader = None
    try:
        # libyaml's events, read straight from the parser: a generator or yaml.parse's
        # check-then-get per event cost a fifth of the whole read.
        loader = _Loader(text)
        doc.value = _values(loader.get_event, doc.lines)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses; no line, an offset
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        where = text.find(chr(code))
        line = text[:where].count("\n") + 1 if where >= 0 else 1
        raise ParseError(
            "SC004",
            line,
            f"holds the character U+{code:04X}, which YAML does not allow: remove it "
            "(data files hold plain text)",
        ) from None
    except yaml.YAMLError as exc:  # any other error without a mark
        problem = "".join(c if c.isprintable() else " " for c in str(exc))
        raise ParseError("SC004", 1, "YAML error, " + " ".join(problem.split())) from None
    finally:
        if loader is not None:
            loader.dispose()
    return doc


def _refuse_hidden_bytes(text: str) -> None:
    """A NUL (not a text file) or a byte-order mark after the start (two files joined)."""
    if "\x00" in text:
        raise ParseError(
            "SC003",
            text[: text.index("\x00")].count("\n") + 1,
            "contains a NUL character: this is not a text file",
        )
    bom = text.find("\ufeff", 1)  # a file may start with one; decode() removes it
    if bom > 0:
        raise ParseError(
            "SC003",
            text[:bom].count("\n") + 1,
            "holds a byte-order mark (U+FEFF) after its start, often left by joining two "
            "files: remove it",
        )


def _values(get_event: Any, line_at: dict[tuple[Any, ...], int]) -> Any:
    """The document's value, built from the parser's events, with the line of every path
    in `line_at`.

    Each frame of the stack: [container, its path, whether it is a mapping, the key
    awaiting its value (None while a key is awaited)]. Event classes are bound to locals,
    and each event is tested from the most frequent kind down: this loop runs for every
    value of every file, so scalars are handled here rather than in a function."""
    stack: list[list[Any]] = []
    documents = 0
    root: Any = None
    scalar_event, mapping_start = yaml.ScalarEvent, yaml.MappingStartEvent
    sequence_start, mapping_end = yaml.SequenceStartEvent, yaml.MappingEndEvent
    sequence_end, stream_end = yaml.SequenceEndEvent, yaml.StreamEndEvent
    allowed_tags = _ALLOWED_TAGS
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None:
                _anchor(event)
            tag = event.tag
            if tag is not None and tag not in allowed_tags:
                _check_tag(event)
            line = event.start_mark.line + 1
            if stack:
                frame = stack[-1]
                if frame[2]:
                    key = frame[3]
                    if key is None:
                        # A key is a field name: keep its text as written (`null: x`
                        # names the field "null", `01: x` the field "01").
                        key = event.value
                        path = (*frame[1], key)
                        if key in frame[0]:
                            _duplicate(key, line, line_at[path])
                        frame[3] = key
                        line_at[path] = line
                        continue
                    frame[0][key] = _scalar(event)
                    frame[3] = None
                else:
                    container = frame[0]
                    line_at[(*frame[1], len(container))] = line
                    container.append(_scalar(event))
            else:
                root = _scalar(event)
                line_at[()] = line
        elif kind is mapping_end or kind is sequence_end:
            stack.pop()
        elif kind is mapping_start or kind is sequence_start:
            value = _open_container(event, kind is mapping_start, stack, line_at)
            if len(stack) == 1:
                root = value
        elif kind is stream_end:
            return root
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise ParseError(
                    "SC011",
                    event.start_mark.line + 1,
                    "holds several YAML documents (---): keep one record per file",
                )
        elif kind is yaml.AliasEvent:
            _anchor_alias(event)


def _open_container(
    event: Any, is_mapping: bool, stack: list[list[Any]], line_at: dict[tuple[Any, ...], int]
) -> Any:
    """A new mapping or list, placed where the stack awaits a value and pushed on it."""
    if event.anchor is not None:
        _anchor(event)
    _check_tag(event)
    line = event.start_mark.line + 1
    if len(stack) >= MAX_DEPTH:
        raise ParseError(
            "SC010",
            line,
            f"nests deeper than {MAX_DEPTH} levels: records are shallower than "
            "that, check the indentation",
        )
    value: Any = {} if is_mapping else []
    path: tuple[Any, ...]
    if stack:
        frame = stack[-1]
        container = frame[0]
        if frame[2]:
            key = frame[3]
            if key is None:
                raise ParseError(
                    "SC004", line, "a key must be a plain word, not a list or a mapping"
                )
            path = (*frame[1], key)
            container[key] = value
            frame[3] = None
        else:
            path = (*frame[1], len(container))
            container.append(value)
            line_at[path] = line
    else:
        path = ()
        line_at[()] = line
    stack.append([value, path, is_mapping, None])
    return value


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> ParseError:
    """libyaml's complaint, at its line, with the likely fix."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or "is not valid YAML"
    if "maximum nesting depth" in problem:
        return ParseError(
            "SC010",
            line,
            f"nests deeper than {MAX_DEPTH} levels: records "
            "are shallower than that, check the indentation",
        )
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "\t" in problem:
        hint = ": YAML indents with spaces, replace the tab with spaces"
    elif "mapping values are not allowed" in problem:
        hint = ": a value containing ': ' must be quoted"
    else:
        hint = ": check the indentation and quoting around this line"
    problem = "".join(c if c.isprintable() else repr(c)[1:-1] for c in problem)
    return ParseError("SC004", line, f"YAML syntax error, {problem}{hint}")


def _anchor_alias(event: Any) -> None:
    raise ParseError(
        "SC009",
        event.start_mark.line + 1,
        "anchors and aliases (&name, *name) are not allowed: write each value out in full",
    )


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe writer, quoting every text that either YAML 1.1 (PyYAML, most tools)
    or our YAML 1.2 reading would take for something else: `09`, `1e3`, `NO`, `null`."""


_Dumper.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789"))
_Dumper.add_representer(Int, yaml.SafeDumper.represent_int)
_Dumper.add_representer(Float, yaml.SafeDumper.represent_float)


def dump(
    value: Any, *, ascii_only: bool = False, one_line: Callable[[str], bool] | None = None
) -> str:
    """YAML text of plain values (mappings, lists, text, finite numbers, booleans, null) that
    parse() reads back unchanged, keys in their given order; with `ascii_only`, every
    character beyond ASCII is written as an escape; texts for which `one_line` is true are
    written double-quoted on their own line, newlines escaped, never folded."""
    if one_line is None:
        return yaml.dump(
            value, Dumper=_Dumper, allow_unicode=not ascii_only, sort_keys=False, width=100
        )

    class Dumper(_Dumper):
        pass

    def text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
        style = '"' if one_line(data) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, text)
    return yaml.dump(
        value,
        Dumper=Dumper,
        allow_unicode=not ascii_only,
        sort_keys=False,
        width=float("inf"),
    )
