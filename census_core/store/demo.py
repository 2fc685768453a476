"""The demo store: simulated daily counts that reproduce the Jember report of 6 March 2020.

Deterministic (fixed seed). On 2020-03-05 (households): Kabupaten Jember first of the 38
kabupaten/kota of Jawa Timur with 36.464 KK (136.833 jiwa), Kabupaten Kediri and Sidoarjo
second and third, Kabupaten Mojokerto last; inside Jember Kaliwates first with 4.040,
Sumbersari and Patrang next, Jelbuk last with 344; the 31 kecamatan sum to 36.464.
Everything else is simulated and labelled so wherever it is shown. census_core.services
loads it into a store.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pandas as pd

from census_core.digest import sha256_of
from census_core.paths import PROJECT_ROOT
from census_core.regions import Regions, load_regions

POPULATIONS = PROJECT_ROOT / "data" / "demo" / "populations.csv"
START = date(2020, 2, 15)
END = date(2020, 3, 5)
DAYS = [START + timedelta(days=i) for i in range((END - START).days + 1)]
SEED = 20200306
PERSONS_PER_FAMILY = 3.85  # sizes the family (KK) base from the population
JEMBER = "35.09"
JEMBER_PERSONS = 136833
KABKOTA_FIXED = {"35.09": 36464, "35.06": 31208, "35.15": 29870, "35.16": 1102}
KECAMATAN_FIXED = {"35.09.19": 4040, "35.09.21": 3612, "35.09.20": 3105, "35.09.25": 344}
EVENTS = [
    (date(2020, 2, 18), "Sosialisasi SPO di kantor kecamatan"),
    (date(2020, 2, 25), "Bimtek operator desa"),
]
USER = "demo"
FILE_NAME = "data simulasi"


def apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Split a whole number by weights into whole parts that add up exactly (largest remainder)."""
    w = np.asarray(weights, dtype="float64")
    if total == 0:
        return np.zeros(len(w), dtype="int64")
    if w.sum() <= 0:
        w = np.ones(len(w))
    raw = total * w / w.sum()
    parts = np.floor(raw).astype("int64")
    order = np.argsort(-(raw - parts), kind="stable")
    parts[order[: total - int(parts.sum())]] += 1
    return parts


def _curve(rng: random.Random, final: int) -> np.ndarray:
    """A cumulative series over DAYS ending at `final`: rising daily gains with noise."""
    n = len(DAYS)
    weights = np.array([(0.6 + 0.8 * (i + 1) / n) * rng.uniform(0.8, 1.2) for i in range(n)])
    shares = np.cumsum(weights) / weights.sum()
    # Rounding a non-decreasing series keeps it non-decreasing; the last share is exactly 1.
    return np.round(final * shares).astype("int64")


def _kabkota_finals(rng: random.Random, pops: pd.Series) -> dict[str, int]:
    finals = dict(KABKOTA_FIXED)
    low, high = KABKOTA_FIXED["35.16"] + 150, KABKOTA_FIXED["35.15"] - 400
    for code, pop in pops.items():
        if code in finals:
            continue
        families = pop / PERSONS_PER_FAMILY
        finals[str(code)] = int(min(max(families * rng.uniform(0.004, 0.045), low), high))
    return finals


def _kecamatan_finals(rng: random.Random, pops: pd.Series) -> dict[str, int]:
    rest = [c for c in pops.index if c not in KECAMATAN_FIXED]
    budget = KABKOTA_FIXED[JEMBER] - sum(KECAMATAN_FIXED.values())
    weights = np.array([pops[c] * rng.uniform(0.6, 1.4) for c in rest])
    parts = apportion(budget, weights)
    # Keep the reported order: nobody above Patrang (3rd) or below Jelbuk (last).
    ceiling, floor = KECAMATAN_FIXED["35.09.20"] - 60, KECAMATAN_FIXED["35.09.25"] + 60
    for _ in range(50):
        over = parts > ceiling
        under = parts < floor
        if not over.any() and not under.any():
            break
        excess = int((parts[over] - ceiling).sum() - (floor - parts[under]).sum())
        parts = np.clip(parts, floor, ceiling)
        free = (parts > floor) & (parts < ceiling)
        parts[free] += apportion(excess, free.astype(float) * parts)[free]
    finals = dict(zip(rest, (int(p) for p in parts), strict=True))
    finals.update(KECAMATAN_FIXED)
    return finals


def _rows(code: str, households: np.ndarray, persons: np.ndarray) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for day, h, p in zip(DAYS, households, persons, strict=True):
        rows.append({"region": code, "date": day, "measure": "households", "value": int(h)})
        rows.append({"region": code, "date": day, "measure": "persons", "value": int(p)})
    return rows


def generate(regions: Regions | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The demo's counts (region, date, measure, value) and targets (region, measure, base)."""
    regions = regions or load_regions()
    rng = random.Random(SEED)
    pops = pd.read_csv(POPULATIONS, dtype={"code": str}).set_index("code")["population"]
    kab_pops = pops[[c for c in pops.index if c.count(".") == 1]]
    kec_codes = regions.descendants(JEMBER, "kecamatan")
    kec_pops = pops[kec_codes]
    counts: list[dict[str, object]] = []
    targets: list[dict[str, object]] = []

    # Kecamatan first: Jember's series is their sum, so the two always agree.
    kec_finals = _kecamatan_finals(rng, kec_pops)
    kec_h = {c: _curve(rng, kec_finals[c]) for c in kec_codes}
    jember_h = np.sum([kec_h[c] for c in kec_codes], axis=0)
    jember_p = np.round(jember_h * (JEMBER_PERSONS / KABKOTA_FIXED[JEMBER])).astype("int64")
    ratio = {c: rng.uniform(3.5, 4.0) for c in kec_codes}
    kec_dh = np.array([np.diff(kec_h[c], prepend=0) for c in kec_codes])
    kec_dp = np.array(
        [
            apportion(int(dp), kec_dh[:, i] * np.array([ratio[c] for c in kec_codes]))
            for i, dp in enumerate(np.diff(jember_p, prepend=0))
        ]
    ).T

    jember_pop = int(pops[JEMBER])
    kec_pop = apportion(jember_pop, kec_pops.to_numpy())
    kec_kk = apportion(round(jember_pop / PERSONS_PER_FAMILY), kec_pops.to_numpy())
    for i, code in enumerate(kec_codes):
        counts += _rows(code, kec_h[code], np.cumsum(kec_dp[i]))
        targets.append({"region": code, "measure": "households", "base": int(kec_kk[i])})
        targets.append({"region": code, "measure": "persons", "base": int(kec_pop[i])})
        desa = regions.children(code)
        weights = np.array([rng.uniform(0.5, 1.5) for _ in desa])
        desa_dh = np.array([apportion(int(d), weights) for d in kec_dh[i]]).T
        desa_dp = np.array([apportion(int(d), desa_dh[:, j]) for j, d in enumerate(kec_dp[i])]).T
        desa_pop = apportion(int(kec_pop[i]), weights)
        desa_kk = apportion(int(kec_kk[i]), weights)
        for j, desa_code in enumerate(desa):
            counts += _rows(desa_code, np.cumsum(desa_dh[j]), np.cumsum(desa_dp[j]))
            targets.append({"region": desa_code, "measure": "households", "base": int(desa_kk[j])})
            targets.append({"region": desa_code, "measure": "persons", "base": int(desa_pop[j])})

    for code, final in _kabkota_finals(rng, kab_pops).items():
        if code == JEMBER:
            households, persons = jember_h, jember_p
        else:
            households = _curve(rng, final)
            persons = np.round(households * rng.uniform(3.4, 3.9)).astype("int64")
        counts += _rows(code, households, persons)
        pop = int(kab_pops[code])
        targets.append(
            {"region": code, "measure": "households", "base": round(pop / PERSONS_PER_FAMILY)}
        )
        targets.append({"region": code, "measure": "persons", "base": pop})

    count_frame = pd.DataFrame(counts)
    count_frame["date"] = pd.to_datetime(count_frame["date"])
    return count_frame, named_targets(pd.DataFrame(targets))


# Who sets a target, and at what share of the base: BPS Jawa Timur ranked the kabupaten by
# participation (the whole population, 2 June 2020); BPS Jember aimed at 22 %; the regency
# government (Pemkab) of Jember at 50 %, for Jember only.
SOURCES = {"Penduduk 100%": 1.0, "BPS 22%": 0.22}
PEMKAB = ("Pemkab 50%", 0.5)


def named_targets(bases: pd.DataFrame) -> pd.DataFrame:
    """Each (region, measure, base) under every source of SOURCES; Jember's also under PEMKAB."""
    frames = [bases.assign(source=name, share=share) for name, share in SOURCES.items()]
    inside = bases["region"].astype(str)
    jember = bases[(inside == JEMBER) | inside.str.startswith(JEMBER + ".")]
    frames.append(jember.assign(source=PEMKAB[0], share=PEMKAB[1]))
    return pd.concat(frames, ignore_index=True)[["region", "measure", "base", "share", "source"]]


def digest(frame: pd.DataFrame) -> str:
    """The demo batch's stand-in for a file's sha256."""
    return sha256_of(frame.to_csv(index=False).encode())


def covers(home: str) -> bool:
    """True when the report-day demo is this home's own: it reproduces Jember's report only."""
    return home == JEMBER


def simulate(
    regions: Regions | None = None, home: str = JEMBER
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Simulated counts and targets of `home`'s own regions: the Jember demo for Jember;
    for any other regency its desa, kecamatan, itself and the other kabupaten/kota of its
    province, over the same days. Sizes come from the number of desa (no populations are
    shipped outside Jawa Timur), so they are only good for trying the pages."""
    regions = regions or load_regions()
    if covers(home):
        return generate(regions)
    rng = random.Random(f"{SEED}-{home}")
    counts: list[dict[str, object]] = []
    targets: list[dict[str, object]] = []

    def add(
        code: str, households: np.ndarray, base: int, persons: np.ndarray | None = None
    ) -> None:
        # A parent's persons are its children's sum, so every level adds up in both measures.
        if persons is None:
            persons = np.round(households * PERSONS_PER_FAMILY).astype("int64")
        counts.extend(_rows(code, households, persons))
        targets.append({"region": code, "measure": "households", "base": base})
        targets.append(
            {"region": code, "measure": "persons", "base": round(base * PERSONS_PER_FAMILY)}
        )

    home_h = np.zeros(len(DAYS), dtype="int64")
    home_p = np.zeros(len(DAYS), dtype="int64")
    home_base = 0
    for kec in regions.descendants(home, "kecamatan"):
        kec_h = np.zeros(len(DAYS), dtype="int64")
        kec_p = np.zeros(len(DAYS), dtype="int64")
        kec_base = 0
        for desa in regions.children(kec):
            base = rng.randint(400, 2500)
            series = _curve(rng, int(base * rng.uniform(0.05, 0.4)))
            add(desa, series, base)
            kec_h += series
            kec_p += np.round(series * PERSONS_PER_FAMILY).astype("int64")
            kec_base += base
        if kec_base:
            add(kec, kec_h, kec_base, kec_p)
        home_h += kec_h
        home_p += kec_p
        home_base += kec_base
    add(home, home_h, home_base, home_p)
    for other in regions.descendants(regions.parent(home), "kabupaten"):
        if other == home:
            continue
        base = max(len(regions.descendants(other, "desa")), 1) * rng.randint(600, 1800)
        add(other, _curve(rng, int(base * rng.uniform(0.05, 0.35))), base)
    count_frame = pd.DataFrame(counts)
    count_frame["date"] = pd.to_datetime(count_frame["date"])
    return count_frame, pd.DataFrame(targets).assign(share=np.nan)
