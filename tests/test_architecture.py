"""The architecture shows in the imports: each module belongs to a layer and imports only
from its own layer or those below, at the top of the file or inside a function; nothing
imports in a circle; the core needs only the standard library; pydantic and YAML are read
in the ingest layer alone, Rich only where output is drawn.

A new module must be placed in LAYERS: the test fails for a module it does not know.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "sovcloud"

# From the bottom up. A module name ending in ".*" stands for a package's modules.
LAYERS: list[tuple[str, list[str]]] = [
    (
        "core",
        [
            "sovcloud",
            "sovcloud.core",
            "sovcloud.core.*",
            "sovcloud.charsets",
            "sovcloud.dates",
            "sovcloud.countries",
            "sovcloud.i18n",
            "sovcloud.french",
            "sovcloud.french.*",
            "sovcloud.errors",
            "sovcloud.vocabulary",
            "sovcloud.trust",
            "sovcloud.atomic",
        ],
    ),
    (
        "ingest",
        [
            "sovcloud.yamlparse",
            "sovcloud.paths",
            "sovcloud.models",
            "sovcloud.models.*",
            "sovcloud.schema_messages",
            "sovcloud.checks",
            "sovcloud.checks.*",
            "sovcloud.loader",
            "sovcloud.scaffold",
            "sovcloud.history",
        ],
    ),
    ("index", ["sovcloud.index", "sovcloud.index.*", "sovcloud.provenance"]),
    (
        "query",
        [
            "sovcloud.query",
            "sovcloud.query.*",
            "sovcloud.coverage",
            "sovcloud.stats",
            "sovcloud.facts",
            "sovcloud.assess_rules",
            "sovcloud.assess",
            "sovcloud.match",
            "sovcloud.changes",
            "sovcloud.stale",
            "sovcloud.framework_rules",
            "sovcloud.framework_assess",
        ],
    ),
    ("render", ["sovcloud.render", "sovcloud.render.*", "sovcloud.export", "sovcloud.export.*"]),
    ("cli", ["sovcloud.cli", "sovcloud.cli.*", "sovcloud.__main__"]),
]

THIRD_PARTY_HOMES = {
    "pydantic": {"ingest"},
    "yaml": {"ingest"},
    "rich": {"render", "cli"},
    "typer": {"cli"},
    "click": {"cli"},
}


def module_names() -> dict[str, Path]:
    names = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        names[name] = path
    return names


def layer_of(name: str) -> int:
    for position, (_, members) in enumerate(LAYERS):
        for member in members:
            if name == member or (member.endswith(".*") and name.startswith(member[:-1])):
                return position
    raise AssertionError(f"{name} is in no layer: add it to LAYERS in {__file__}")


def imports(path: Path, known: dict[str, Path]) -> list[tuple[str, bool]]:
    """(imported module, at module level) for every import of `path`, type-only ones left
    out (they run nowhere)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((full if full in known else node.module, id(node) in top))
    return found


MODULES = module_names()


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        layer_of(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_nothing_above_its_layer(name: str) -> None:
    mine = layer_of(name)
    for imported, _ in imports(MODULES[name], MODULES):
        if imported.startswith("sovcloud"):
            theirs = layer_of(imported)
            assert theirs <= mine, (
                f"{name} ({LAYERS[mine][0]}) imports {imported} ({LAYERS[theirs][0]}), a "
                "layer above: move what it needs down, or the code up"
            )
        else:
            root = imported.split(".")[0]
            if name.startswith("sovcloud.core"):
                assert root in sys.stdlib_module_names, f"{name} imports {root}: core is stdlib"
            homes = THIRD_PARTY_HOMES.get(root)
            if homes is not None:
                assert LAYERS[mine][0] in homes, f"{name} imports {root}, kept to {homes}"


def test_no_module_level_import_cycle() -> None:
    graph = {
        name: {i for i, top in imports(path, MODULES) if top and i in MODULES and i != name}
        for name, path in MODULES.items()
    }
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycle = trail[trail.index(name) :] + [name]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
