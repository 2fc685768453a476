"""Spellings paired with regions by similarity: best score first, a region never twice."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz

from census_core.regions import normalize_name

K = TypeVar("K", bound=Hashable)

# "Kemuningllor" is Kemuninglor (95.7), "Plereyan" is Plerean (93.3); "Sukoreno" and
# "Sukorejo" (87.5) are two desa. The best region must also beat the next by MARGIN.
MIN_SCORE = 88.0
MARGIN = 5.0
# Below MIN_SCORE a name this close is still worth showing the operator as a hint.
HINT_SCORE = 60.0
# Names longer than this are no region's: not compared (fuzzy scores cost length squared).
MAX_COMPARED_CHARS = 100

_ROMAN = re.compile(r"x{0,3}(ix|iv|v?i{0,3})")  # i to xxxix
# Words that tell neighbouring desa apart ("Patane II", "Kemuning Lor", "Buket Panyang Dua",
# "Rantau Kapas Tuo"): names that differ in one are two regions however close the rest is.
_NUMBERS = frozenset(
    ["sa", "satu", "dua", "duo", "tiga", "tigo", "empat", "lima", "enam", "tujuh", "delapan"]
)
_MARKS = {
    **{w: w for w in ("lor", "kidul", "wetan", "kulon", "tengah", "krajan")},
    **{w: w for w in ("utara", "selatan", "timur", "barat", "dalam", "luar", "darat", "laut")},
    **{w: w for w in ("baru", "lama", "induk", "atas", "bawah", "besar", "kecil", "gede")},
    **{w: w for w in ("cilik", "jae", "julu", "jaya", "raya", "makmur", "indah", "permai")},
    **{"hulu": "ulu", "ulu": "ulu", "hilir": "ilir", "ilir": "ilir"},
    **{"tua": "tua", "tuo": "tua", "muda": "muda", "mudo": "muda"},
}
_BY_LENGTH = sorted(_MARKS, key=len, reverse=True)


def _numeral(token: str) -> bool:
    return token.isdigit() or token in _NUMBERS or bool(_ROMAN.fullmatch(token))


def designators(name: str) -> frozenset[str]:
    """Numbers, letters and words that set a desa apart from its neighbours, apart or joined."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    tokens = re.findall(r"[a-z0-9]+", text)
    marks = {t for t in tokens if _numeral(t) or len(t) <= 2}
    marks |= {_MARKS[t] for t in tokens if t in _MARKS}
    # "Kemuninglor", "Sumberjaya": the word joined to a stem of at least three letters.
    joined = "".join(t for t in tokens if t not in marks)
    word = next((w for w in _BY_LENGTH if joined.endswith(w) and len(joined) > len(w) + 2), None)
    if word:
        marks.add(_MARKS[word])
    return frozenset(marks)


def similarity(a: str, b: str) -> float:
    """0-100 over the normalised names; 0 when they differ in a number or direction word."""
    if len(a) > MAX_COMPARED_CHARS or len(b) > MAX_COMPARED_CHARS:
        return 0.0
    if designators(a) != designators(b):
        return 0.0
    return float(fuzz.ratio(normalize_name(a), normalize_name(b)))


@dataclass(frozen=True)
class Pairing:
    """What became of one spelling: paired with `code`, or why not, with the nearest codes.

    status: "similar" (paired), "tie" (two or more regions about as close), "taken" (the
    close region went to a closer spelling or was already matched), "none" (nothing close).
    """

    status: str
    code: str | None = None
    score: float = 0.0
    near: tuple[str, ...] = ()


def pair_similar(
    names: Mapping[K, str],
    pools: Mapping[K, Mapping[str, str]],
    *,
    taken: set[str] | None = None,
    min_score: float = MIN_SCORE,
    margin: float = MARGIN,
) -> dict[K, Pairing]:
    """Pair each spelling in `names` with one region of its pool (code -> name), one to one.

    Pairs are taken best score first; a pair stands when it scores at least `min_score` and
    beats the spelling's next region still free by `margin`. Regions in `taken` (matched
    before) are never paired again.
    """
    taken = set(taken or ())
    scores = {
        key: {code: similarity(names[key], name) for code, name in pools.get(key, {}).items()}
        for key in names
    }
    ranked = sorted(
        ((score, key, code) for key, row in scores.items() for code, score in row.items()),
        key=lambda item: (-item[0], str(item[1]), item[2]),
    )
    out: dict[K, Pairing] = {}
    for score, key, code in ranked:
        if score < min_score:
            break
        if key in out or code in taken:
            continue
        free = {c: s for c, s in scores[key].items() if c not in taken}
        rivals = [c for c, s in free.items() if c != code and score - s < margin]
        if rivals:
            out[key] = Pairing("tie", None, score, (code, *sorted(rivals, key=lambda c: -free[c])))
            continue
        out[key] = Pairing("similar", code, score)
        taken.add(code)
    for key, row in scores.items():
        if key in out:
            continue
        best = sorted(row, key=lambda c: -row[c])
        closest = best[0] if best else None
        if closest is not None and row[closest] >= min_score:
            out[key] = Pairing("taken", None, row[closest], (closest,))
        elif closest is not None and row[closest] >= HINT_SCORE:
            out[key] = Pairing("none", None, row[closest], (closest,))
        else:
            out[key] = Pairing("none")
    return out
