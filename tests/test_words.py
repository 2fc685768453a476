"""The word catalogue: every key used exists, every key defined is used, both languages agree."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest

from census_core.text import t, template
from census_core.words import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(
    [
        *ROOT.glob("census_core/**/*.py"),
        *ROOT.glob("ui/*.py"),
        *ROOT.glob("app_pages/*.py"),
        ROOT / "app.py",
    ]
)
# Keys computed in code, e.g. t(f"measure.{measure}", lang) or a fault's reason: the prefixes.
COMPUTED = (
    "measure.",
    "by.",
    "settings.",
    "store.",
    "geo.",
    "problem.",
    "level.",
    "report.layout.",
    "report.measure.",
    "report.kind.",
)
# Modules that still branch on the language or keep a words table of their own (shrinking).
NOT_YET = {
    "app_pages/peta.py",
    "app_pages/tren.py",
    "ui/auth.py",
    "ui/sidebar.py",
    "ui/boundaries.py",
    "ui/upload.py",
}
# The catalogue and `t` are the only places that tell the languages apart.
CATALOGUE_MODULES = {"census_core/words.py", "census_core/text.py"}

_LITERAL = re.compile(r"""\b(?:t|template)\(\s*(["'])([\w.]+)\1""")
_COMPUTED = re.compile(r"""\b(?:t|template)\(\s*f(["'])([\w.]*)\{""")
_BRANCH = re.compile(r"""\blang(?:\(\))?\s*[!=]=|[!=]=\s*lang\b|\ben\s*=\s*\S*lang\s*==""")
_TABLE = re.compile(r"""^_?(TEXT|WORDS|MESSAGES)\b\s*[:=]|^def (_w|words)\(\s*lang""", re.M)


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _code() -> dict[str, str]:
    return {_name(p): p.read_text(encoding="utf-8") for p in SOURCES}


def _used() -> tuple[set[str], set[str]]:
    literal: set[str] = set()
    computed: set[str] = set()
    for text in _code().values():
        literal |= {m.group(2) for m in _LITERAL.finditer(text)}
        computed |= {m.group(2) for m in _COMPUTED.finditer(text)}
    return literal, computed


def _strings() -> set[str]:
    """Every string constant in the code: a key may sit in a variable before it reaches `t`."""
    return {
        node.value
        for text in _code().values()
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def _plural_base(key: str) -> str | None:
    for form in (".one", ".other"):
        if key.endswith(form):
            return key[: -len(form)]
    return None


def test_every_key_used_exists():
    literal, computed = _used()
    plurals = {_plural_base(k) for k in CATALOGUE} - {None}
    missing = sorted(k for k in literal if k not in CATALOGUE and k not in plurals)
    assert not missing, f"keys used but not in the catalogue: {missing}"
    assert computed <= set(COMPUTED), f"computed keys with a new prefix: {computed - set(COMPUTED)}"


def test_every_key_defined_is_used():
    literal = _strings()
    unused = sorted(
        k
        for k in CATALOGUE
        if k not in literal and _plural_base(k) not in literal and not k.startswith(COMPUTED)
    )
    assert not unused, f"keys in the catalogue no code uses: {unused}"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_take_the_same_placeholders(key):
    indonesian, english = CATALOGUE[key]
    assert indonesian and english
    assert _fields(indonesian) == _fields(english)


def test_plural_keys_come_in_pairs():
    bases = {_plural_base(k) for k in CATALOGUE} - {None}
    for base in bases:
        assert f"{base}.one" in CATALOGUE and f"{base}.other" in CATALOGUE, base


def test_plurals_follow_the_number():
    assert t("n_regions", "en", n=1) == "1 region"
    assert t("n_regions", "en", n=3) == "3 regions"
    assert t("n_regions", "id", n=1) == "1 wilayah"
    assert t("n_regions", "id", n=3) == "3 wilayah"


def test_an_unknown_language_reads_indonesian():
    assert template("data_as_of", "fr") == CATALOGUE["data_as_of"][0]


def test_only_the_catalogue_tells_the_languages_apart():
    branching = {
        name
        for name, text in _code().items()
        if _BRANCH.search(text) and name not in CATALOGUE_MODULES
    }
    assert branching <= NOT_YET, f"new language branches: {sorted(branching - NOT_YET)}"


def test_no_words_table_outside_the_catalogue():
    tables = {name for name, text in _code().items() if _TABLE.search(text)}
    assert tables <= NOT_YET, f"new words tables: {sorted(tables - NOT_YET)}"


def test_the_not_yet_list_only_shrinks():
    code = _code()
    done = {
        name for name in NOT_YET if not _BRANCH.search(code[name]) and not _TABLE.search(code[name])
    }
    assert not done, f"converted: take these off NOT_YET: {sorted(done)}"
