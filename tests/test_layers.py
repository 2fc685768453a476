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
