"""Shared fixtures: the region master, fresh stores, and a store holding the demo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from census_core.demo import load_demo
from census_core.regions import Regions, load_regions
from census_core.store import Store


@pytest.fixture(scope="session")
def regions() -> Regions:
    return load_regions()


@pytest.fixture
def fresh_store(tmp_path: Path, regions: Regions) -> Store:
    """An empty SQLite store in a temporary file."""
    return Store(f"sqlite:///{tmp_path / 'census.db'}", regions)


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory, regions: Regions) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    load_demo(Store(f"sqlite:///{path}", regions))
    return path


@pytest.fixture
def demo_url(demo_db_file: Path, tmp_path: Path) -> str:
    """A private copy of the demo store, so a test may write to it."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_db_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def demo_store(demo_url: str, regions: Regions) -> Store:
    return Store(demo_url, regions)
