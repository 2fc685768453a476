"""Named operators: CENSUS_OPERATORS read, names matched, the CLI's --user held to the list,
and the chosen name on the history and on every figure's origin."""

import json
from datetime import date

import pytest

from census_core.access.auth import account_name, named_operator, parse_names
from census_core.cli import main
from census_core.settings import Settings

FILE = "Kecamatan,KK\nSumbersari,4100\n"


def test_names_are_read_as_written_once_each():
    assert parse_names(" Ani,  Budi Santoso;ani ,, ") == ("Ani", "Budi Santoso")
    assert parse_names(None) == parse_names("") == ()


@pytest.mark.parametrize(
    "given,expected",
    [
        ("Ani", "Ani"),
        ("  ani ", "Ani"),
        ("budi  santoso", "Budi Santoso"),
        ("Citra", None),
        ("", None),
        (None, None),
    ],
)
def test_a_name_is_matched_to_the_list(given, expected):
    assert named_operator(given, ("Ani", "Budi Santoso")) == expected


def test_an_account_is_recorded_by_its_name_and_address():
    assert account_name("Ani Rahma", "ani@bps.go.id") == "Ani Rahma (ani@bps.go.id)"
    assert account_name(None, "ani@bps.go.id") == "ani@bps.go.id"
    assert account_name("ani@bps.go.id", "ani@bps.go.id") == "ani@bps.go.id"


def test_the_setting_is_read(monkeypatch):
    monkeypatch.setenv("CENSUS_OPERATORS", "Ani,Budi")
    assert Settings.load().operators == ("Ani", "Budi")
    monkeypatch.delenv("CENSUS_OPERATORS")
    assert Settings.load().operators == ()


@pytest.fixture
def counts_file(tmp_path):
    path = tmp_path / "sumbersari.csv"
    path.write_text(FILE)
    return path


def test_cli_user_must_be_an_operator_when_the_list_is_set(
    monkeypatch, demo_url, counts_file, capsys
):
    monkeypatch.setenv("CENSUS_OPERATORS", "Ani,Budi")
    base = ["import", str(counts_file), "--date", "2020-03-05", "--json", "--db", demo_url]
    assert main([*base, "--user", "Tamu"]) == 2
    assert "--user 'Tamu' is not an operator; give --user one of CENSUS_OPERATORS: Ani, Budi" in (
        capsys.readouterr().err
    )
    assert main([*base, "--dry-run"]) == 0  # checking stores nothing: no name needed
    capsys.readouterr()
    assert main([*base, "--user", "budi"]) == 0
    batch = json.loads(capsys.readouterr().out)["batch"]
    # The name as the list writes it, on the history and on the figure's origin.
    assert main(["history", "--json", "--db", demo_url]) == 0
    newest = json.loads(capsys.readouterr().out)["batches"][0]
    assert (newest["id"], newest["user"]) == (batch, "Budi")
    assert main(["history", "--region", "35.09.21", "--json", "--db", demo_url]) == 0
    assert json.loads(capsys.readouterr().out)["changes"][0]["user"] == "Budi"
    from census_core.standings.provenance import provenance
    from census_core.standings.snapshot import load_snapshot
    from census_core.store import Store

    origin = provenance(load_snapshot(Store(demo_url)), "35.09.21", date(2020, 3, 5))
    assert origin.user == "Budi"
    assert main(["undo", str(batch), "--user", "Citra", "--db", demo_url]) == 2
