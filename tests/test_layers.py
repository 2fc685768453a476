"""Who may import whom: pages and ui reach the store only through ui/state.py and
census_core.services, ingest never touches the store, and the core never imports streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (inside functions too), by its full name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from census_core import store` imports the module census_core.store.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def imports_module(path: Path, module: str) -> bool:
    return any(m == module or m.startswith(module + ".") for m in imported(path))


def test_the_rules_see_an_import_wherever_it_is_written(tmp_path):
    example = tmp_path / "page.py"
    example.write_text(
        "from census_core import store\n"
        "def later():\n    import streamlit.components.v1\n"
        "from census_core.store import Store\n"
    )
    assert imports_module(example, "census_core.store")
    assert imports_module(example, "streamlit")
    assert not imports_module(example, "census_core.storefaults")


@pytest.mark.parametrize("path", files("app_pages"), ids=name)
def test_pages_never_import_the_store(path):
    assert not imports_module(path, "census_core.store")


@pytest.mark.parametrize("path", files("ui"), ids=name)
def test_in_ui_only_state_opens_the_store(path):
    if name(path) == "ui/state.py":
        assert imports_module(path, "census_core.store")
    else:
        assert not imports_module(path, "census_core.store")


@pytest.mark.parametrize("path", files("census_core/ingest"), ids=name)
def test_ingest_never_imports_the_store(path):
    assert not imports_module(path, "census_core.store")


@pytest.mark.parametrize("path", files("census_core"), ids=name)
def test_the_core_never_imports_streamlit(path):
    assert not imports_module(path, "streamlit")


def core_module(path: Path) -> str:
    """census_core/ingest/model.py -> 'census_core.ingest.model'; a package by its own name."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST):
    """Every node of `tree` but those under `if TYPE_CHECKING:` (hints, never run)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            continue
        yield node
        yield from _runtime_nodes(node)


def core_imports(path: Path, modules: set[str]) -> set[str]:
    """The census_core modules `path` imports when it runs, inside functions too."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from census_core.ingest import xlsxscan` reaches the submodule, not a cycle
            # through the package's __init__.
            subs = {f"{node.module}.{alias.name}" for alias in node.names} & modules
            found.update(subs or {node.module})
    return (found & modules) - {core_module(path)}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_core_modules():
    """Each core module can be read (and imported) after the ones it needs: no two need each
    other, not even through an import inside a function."""
    paths = {core_module(p): p for p in files("census_core")}
    graph = {module: core_imports(path, set(paths)) for module, path in paths.items()}
    assert import_cycles(graph) == []


@pytest.mark.parametrize(
    "package", sorted(p.parent.name for p in (ROOT / "census_core").glob("*/__init__.py"))
)
def test_each_package_says_what_it_holds_and_may_import(package):
    """A reader opening a folder of the core learns its role and its allowed imports first."""
    import ast

    doc = ast.get_docstring(ast.parse((ROOT / "census_core" / package / "__init__.py").read_text()))
    assert doc, f"census_core/{package}/__init__.py has no docstring"
    assert "import" in doc.lower(), f"census_core/{package}: say what it may import"


def test_at_most_a_dozen_modules_directly_in_the_core():
    assert len(list((ROOT / "census_core").glob("*.py"))) <= 12
