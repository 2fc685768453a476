"""The word catalogue: every key used exists, every key defined is used, both languages agree."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest

from census_core.text import LANGS, t, template
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
    "upload.measure.",
    "peta.by.",
    "peta.kind.",
    "peta.reason.",
    "tren.kind.",
    "pace.status.",
)
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
    branching = sorted(
        name
        for name, text in _code().items()
        if _BRANCH.search(text) and name not in CATALOGUE_MODULES
    )
    assert not branching, f"language branches outside the catalogue: {branching}"


def _language_tables(text: str) -> list[int]:
    """Lines of dicts keyed by language ({"id": ..., "en": ...}) or holding (Indonesian,
    English) pairs: words kept apart from the catalogue."""
    lines = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Dict) or not node.keys:
            continue
        keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        by_language = len(keys) == len(node.keys) and "en" in keys and keys <= set(LANGS)
        pairs = all(
            isinstance(v, ast.Tuple)
            and len(v.elts) == 2
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
            for v in node.values
        )
        if by_language or pairs:
            lines.append(node.lineno)
    return lines


def test_no_words_table_outside_the_catalogue():
    tables = {
        name: _language_tables(text)
        for name, text in _code().items()
        if name not in CATALOGUE_MODULES and (_TABLE.search(text) or _language_tables(text))
    }
    assert not tables, f"words tables outside the catalogue (file: lines): {tables}"


@pytest.mark.parametrize(
    "code",
    [
        'TEXT = {"id": {"title": "Peta"}, "en": {"title": "Map"}}',
        'def f(lang):\n    return {"id": "% target", "en": "% of target"}[lang]',
        'KINDS = {"counts": ("jumlah", "counts"), "targets": ("sasaran", "targets")}',
    ],
)
def test_a_words_table_is_found(code):
    assert _language_tables(code)


def test_the_catalogue_modules_keep_only_formats_by_language():
    """text.py keys by language only the locales (Babel's, Vega's) and the languages' names."""
    tree = ast.parse((ROOT / "census_core/text.py").read_text(encoding="utf-8"))
    names = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert names == {"LANG_NAMES", "LOCALES", "CHART_NUMBERS", "CHART_TIMES"}
