"""The documentation against the code: settings, command line, layout and links."""

import argparse
import fnmatch
import re
from pathlib import Path

import pytest

from census_core.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_DOC = DOCS / "cli.md"
# Where the product reads its settings (the tests' own CENSUS_TEST_* variables are not settings).
CODE = [ROOT / "app.py", ROOT / "census_core", ROOT / "ui", ROOT / "app_pages"]
SETTING = re.compile(r"\bCENSUS_[A-Z][A-Z0-9_]*\b")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    match = re.search(rf"^{re.escape(heading)}[ \t]*$", text, re.M)
    assert match, f"no heading {heading!r}"
    end = re.compile(rf"^#{{1,{level}}} ", re.M).search(text, match.end())
    return text[match.end() : end.start() if end else len(text)]


def _pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def settings_in_code() -> set[str]:
    names: set[str] = set()
    for place in CODE:
        for path in [place] if place.is_file() else sorted(place.rglob("*.py")):
            names.update(SETTING.findall(_text(path)))
    return names


def settings_table() -> set[str]:
    rows = _section(_text(README), "## Settings").splitlines()
    return {m.group(1) for row in rows if (m := re.match(r"\|\s*`(CENSUS_[A-Z0-9_]+)`", row))}


def settings_documented() -> set[str]:
    names = settings_table()
    for path in sorted(DOCS.glob("*.md")):
        names.update(SETTING.findall(_text(path)))
    return names


def test_the_scan_finds_settings():
    # A scan that found nothing would make the next test pass vacuously.
    assert {"CENSUS_DB_URL", "CENSUS_HOME", "CENSUS_UPLOAD_PASSWORD"} <= settings_in_code()


@pytest.mark.parametrize("name", sorted(settings_in_code()))
def test_setting_is_documented(name):
    assert name in settings_documented(), f"{name} is read by the code: add it to README.md"


@pytest.mark.parametrize("name", sorted(settings_table()))
def test_settings_table_names_only_settings_the_code_reads(name):
    assert name in settings_in_code(), f"README.md lists {name}, which no code reads"


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    return {
        name: sub
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name, sub in action.choices.items()
    }


def words_of(command: argparse.ArgumentParser) -> list[str]:
    """Every flag of a command, and the metavar of each positional argument."""
    words = []
    for action in command._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            words.extend(action.option_strings)
        else:
            words.append(str(action.metavar or action.dest))
    return words


def cli_sections() -> dict[str, str]:
    text = _text(CLI_DOC)
    names = re.findall(r"^### (\S+)\s*$", text, re.M)
    return {name: _section(text, f"### {name}") for name in names}


def test_the_parser_has_commands():
    assert {"demo", "rank", "import", "targets", "history", "undo"} <= set(commands())


@pytest.mark.parametrize(
    "command,word",
    [(name, word) for name, sub in commands().items() for word in ["", *words_of(sub)]],
)
def test_cli_command_and_flag_are_documented(command, word):
    sections = cli_sections()
    assert command in sections, f"docs/cli.md has no section '### {command}'"
    usage = sections[command]
    assert f"python -m census_core {command}" in usage
    if word:
        assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", usage), (
            f"docs/cli.md: '### {command}' does not mention {word}"
        )


def test_cli_doc_documents_only_real_commands():
    assert set(cli_sections()) <= set(commands())


def layout_entries() -> list[str]:
    """The names each item of the README's Layout list begins with, e.g. `census_core/`."""
    return re.findall(r"^- `([^`]+)`", _section(_text(README), "## Layout"), re.M)


def top_level_folders() -> set[str]:
    ignored = [
        line.strip().rstrip("/")
        for line in _text(ROOT / ".gitignore").splitlines()
        if line.strip() and not line.startswith("#") and "/" not in line.strip().rstrip("/")
    ]
    return {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and not path.name.startswith((".", "_"))
        and not any(fnmatch.fnmatch(path.name, pattern) for pattern in ignored)
    }


def test_layout_names_only_what_exists():
    entries = layout_entries()
    assert entries, "README.md has no Layout list"
    for entry in entries:
        path = ROOT / entry
        assert path.is_dir() if entry.endswith("/") else path.exists(), f"Layout: {entry}"


def test_layout_names_every_top_level_folder():
    folders = {entry.rstrip("/") for entry in layout_entries() if entry.endswith("/")}
    expected = {"app_pages", "ui", "census_core", "tests", "benchmarks", "data", "docs", "scripts"}
    assert expected <= top_level_folders()
    assert top_level_folders() - folders == set()


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCE.sub("", _text(path))
    return {slug(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}


def links() -> list[tuple[Path, str]]:
    found = []
    for page in _pages():
        for target in LINK.findall(FENCE.sub("", _text(page))):
            if not re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, mailto: ...
                found.append((page, target))
    return found


@pytest.mark.parametrize(
    "page,target", links(), ids=[f"{p.relative_to(ROOT)}->{t}" for p, t in links()]
)
def test_relative_link_points_to_a_file(page, target):
    path, _, anchor = target.partition("#")
    file = (page.parent / path).resolve() if path else page
    assert file.exists(), f"{page.relative_to(ROOT)} links to {target}, which does not exist"
    if anchor and file.suffix == ".md":
        assert anchor in anchors(file), f"{page.relative_to(ROOT)}: no heading for #{anchor}"


def test_every_doc_is_linked_from_the_readme():
    linked = {(README.parent / t.partition("#")[0]).resolve() for p, t in links() if p == README}
    for doc in sorted(DOCS.glob("*.md")):
        assert doc.resolve() in linked, f"README.md does not link to {doc.relative_to(ROOT)}"


def test_readme_keeps_the_two_commands():
    # .ci/run runs "the README's test command".
    text = _text(README)
    assert "make run" in text and "make test" in text
    assert "make test" in _text(ROOT / ".ci" / "run")
