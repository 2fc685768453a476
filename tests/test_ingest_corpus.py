"""The corpus of realistic uploads: each file gives exactly the outcome written beside it."""

import json
from datetime import date
from pathlib import Path

import pytest

from census_core.ingest import Options, read_counts
from census_core.ingest.targets import read_targets

CORPUS = Path(__file__).parent / "fixtures" / "uploads"
CASES = sorted(CORPUS.glob("*.expected.json"))


def _options(raw: dict) -> Options:
    return Options(
        home="35.09",
        date=date.fromisoformat(raw["date"]) if "date" in raw else None,
        sheet=raw.get("sheet"),
        today=date.fromisoformat(raw["today"]),
        campaign_year=raw.get("campaign_year"),
    )


def _records(upload):
    if upload.kind == "targets":
        rows = upload.records[["region", "measure", "base", "share"]].itertuples(index=False)
        return sorted([r, m, int(b), None if s != s else round(float(s), 6)] for r, m, b, s in rows)
    rows = upload.records[["region", "date", "measure", "value"]].itertuples(index=False)
    return sorted([r, d.date().isoformat(), m, int(v)] for r, d, m, v in rows)


def test_corpus_is_not_empty():
    assert len(CASES) >= 20


@pytest.mark.parametrize("expected_file", CASES, ids=lambda p: p.name.split(".expected")[0])
def test_corpus_file(expected_file, regions):
    expected = json.loads(expected_file.read_text("utf-8"))
    path = CORPUS / expected_file.name.removesuffix(".expected.json")
    read = read_targets if expected.get("kind") == "targets" else read_counts
    upload = read(path.read_bytes(), path.name, regions, _options(expected["options"]))

    def shape(problems):
        return sorted(([p.row, p.column, p.reason] for p in problems), key=str)

    assert shape(upload.errors) == sorted(expected["errors"], key=str)
    assert shape(upload.warnings) == sorted(expected["warnings"], key=str)
    assert ("ok" if upload.ok else "rejected") == expected["status"]
    assert upload.level == expected["level"]
    assert [d.isoformat() for d in upload.dates] == expected["dates"]
    assert upload.rows == expected["rows"]
    if "records" in expected:
        assert _records(upload) == sorted(expected["records"])
    if not upload.ok:
        assert upload.records.empty  # a rejected file yields nothing to store
    for row, code in expected.get("suggestions", {}).items():
        problem = next(p for p in upload.errors if p.row == int(row))
        assert problem.suggestions[0][0] == code
    for problem in upload.problems:  # every problem reads as a sentence in both languages
        assert problem.message("id") and problem.message("en")
        assert "{" not in problem.message("id") + problem.message("en")
