"""Where the project's files are: the folder that holds census_core/ and data/."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
