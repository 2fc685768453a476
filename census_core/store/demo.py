"""The demo store: simulated daily counts of the whole campaign, 15 February to 29 May 2020.

Deterministic (fixed seed). On 2020-03-05 (households): Kabupaten Jember first of the 38
kabupaten/kota of Jawa Timur with 36.464 KK (136.833 jiwa), Kabupaten Kediri and Sidoarjo
second and third, Kabupaten Mojokerto last; inside Jember Kaliwates first with 4.040,
Sumbersari and Patrang next, Jelbuk last with 344; the 31 kecamatan sum to 36.464.
After the report the campaign goes on (it was extended from 31 March to 29 May) through the
published figures of /work/shared/facts (persons, jiwa): Jember 407.583 on 21 May and 733.087
(193.302 KK) on 29 May, a surge of 44 % in the last 8 days; on 29 May Jawa Timur counts about
6,84 million, by count Jember, Sidoarjo, Lamongan, Kabupaten Pasuruan, Kota Surabaya first and
Kota Mojokerto last; by share of the population Kota Blitar, Kota Pasuruan, Kota Madiun,
Lamongan, Kota Batu first (KNOTS). The days up to 5 March are the report's, unchanged.
Everything else is simulated and labelled so wherever it is shown. census_core.services
loads it into a store, up to a chosen day (CENSUS_DEMO_UNTIL).
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
REPORT = date(2020, 3, 5)
END = date(2020, 5, 29)
DAYS = [START + timedelta(days=i) for i in range((END - START).days + 1)]
REPORT_DAYS = [d for d in DAYS if d <= REPORT]
SEED = 20200306
EXTENSION_SEED = 20200529  # its own stream: the days up to the report stay as they were
PERSONS_PER_FAMILY = 3.85  # sizes the family (KK) base from the population
JEMBER = "35.09"
JEMBER_PERSONS = 136833
KABKOTA_FIXED = {"35.09": 36464, "35.06": 31208, "35.15": 29870, "35.16": 1102}
KECAMATAN_FIXED = {"35.09.19": 4040, "35.09.21": 3612, "35.09.20": 3105, "35.09.25": 344}
EVENTS = [
    (date(2020, 2, 18), "Sosialisasi SPO di kantor kecamatan"),
    (date(2020, 2, 25), "Bimtek operator desa"),
    (date(2020, 3, 31), "SPO diperpanjang sampai 29 Mei 2020"),
]
# Published persons (jiwa) counts after the report, by day (facts/spo2020_figures.csv); the
# last is 29 May. A share of the population is turned into persons with POPULATIONS.
JEMBER_KK_FINAL = 193302
KNOTS: dict[str, list[tuple[date, int | float]]] = {
    JEMBER: [(date(2020, 5, 21), 407583), (END, 733087)],
    "35.15": [(END, 579000)],  # Kabupaten Sidoarjo, 2nd by count
    "35.24": [(date(2020, 3, 10), 0.063), (END, 480000)],  # Lamongan, 3rd by count
    "35.14": [(END, 384000)],  # Kabupaten Pasuruan, 4th by count
    "35.78": [(END, 348000)],  # Kota Surabaya, 5th by count
    "35.76": [(END, 28000)],  # Kota Mojokerto, the lowest count
    "35.72": [(END, 0.5578)],  # Kota Blitar, 1st by share
    "35.75": [(END, 0.4656)],  # Kota Pasuruan, 2nd by share
    "35.77": [(date(2020, 3, 18), 19204), (date(2020, 4, 1), 47122), (END, 0.4062)],
    "35.79": [(END, 0.3317)],  # Kota Batu, 5th by share
    "35.73": [(END, 0.3279)],  # Kota Malang
    "35.74": [(date(2020, 3, 31), 29760)],  # Kota Probolinggo; its end is simulated
}
PROVINCE_FINAL = 6840000  # Jawa Timur's persons on 29 May
# The rest stay below the fifth by count and by share, and above the lowest.
REST_MAX, REST_MAX_SHARE, REST_MIN = 330000, 0.32, 35000
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
    """A cumulative series over REPORT_DAYS ending at `final`: rising daily gains with noise."""
    n = len(REPORT_DAYS)
    weights = np.array([(0.6 + 0.8 * (i + 1) / n) * rng.uniform(0.8, 1.2) for i in range(n)])
    shares = np.cumsum(weights) / weights.sum()
    # Rounding a non-decreasing series keeps it non-decreasing; the last share is exactly 1.
    return np.round(final * shares).astype("int64")


EXTENSION = DAYS[len(REPORT_DAYS) :]


def _pace(day: date) -> float:
    """How busy a day after the report is: easing off in March, slower in April (the
    pandemic), a final rush."""
    if day > END - timedelta(days=8):
        return 3.0
    if day < date(2020, 3, 20):
        return 1.0 + 1.5 * (date(2020, 3, 20) - day).days / 14
    if date(2020, 4, 1) <= day <= date(2020, 4, 30):
        return 0.7
    return 1.0


def _through(rng: random.Random, start: int, knots: list[tuple[date, int]]) -> np.ndarray:
    """A cumulative series over EXTENSION from `start` (on the report day) through every knot."""
    values = np.zeros(len(EXTENSION), dtype="int64")
    begin, level = 0, start
    for day, value in knots:
        stop = EXTENSION.index(day) + 1
        weights = np.array([_pace(d) * rng.uniform(0.8, 1.2) for d in EXTENSION[begin:stop]])
        values[begin:stop] = level + np.cumsum(apportion(value - level, weights))
        begin, level = stop, value
    return values


def _persons(value: int | float, pop: int) -> int:
    """A knot's persons: a count as it is, a share (below 1) of the population."""
    return round(value * pop) if value < 1 else int(value)


def _rest_finals(rng: random.Random, starts: dict[str, int], pops: pd.Series) -> dict[str, int]:
    """Persons on 29 May for the regions with no published final, adding up to the province."""
    codes = [c for c in starts if c not in KNOTS or KNOTS[c][-1][0] != END]
    fixed = sum(_persons(KNOTS[c][-1][1], int(pops[c])) for c in starts if c not in codes)
    ceiling = np.array([min(REST_MAX, REST_MAX_SHARE * pops[c]) for c in codes]).astype("int64")
    floor = np.array(
        [
            max(
                REST_MIN,
                starts[c] + 5000,
                *(_persons(v, int(pops[c])) + 5000 for _, v in KNOTS.get(c, [])),
            )
            for c in codes
        ]
    ).astype("int64")
    parts = apportion(
        PROVINCE_FINAL - fixed, np.array([pops[c] * rng.uniform(0.5, 1.5) for c in codes])
    )
    for _ in range(50):
        over, under = parts > ceiling, parts < floor
        if not over.any() and not under.any():
            break
        excess = int((parts[over] - ceiling[over]).sum() - (floor[under] - parts[under]).sum())
        parts = np.clip(parts, floor, ceiling)
        free = (parts > floor) & (parts < ceiling)
        sign = 1 if excess >= 0 else -1
        parts[free] += sign * apportion(abs(excess), free.astype(float) * parts)[free]
    return dict(zip(codes, (int(p) for p in parts), strict=True))


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
    # A series from the first day: the whole campaign, or the report's days (simulate).
    for day, h, p in zip(DAYS[: len(households)], households, persons, strict=True):
        rows.append({"region": code, "date": day, "measure": "households", "value": int(h)})
        rows.append({"region": code, "date": day, "measure": "persons", "value": int(p)})
    return rows


def generate(
    regions: Regions | None = None, until: date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The demo's counts (region, date, measure, value) up to `until` (default: the campaign's
    end) and targets (region, measure, base)."""
    regions = regions or load_regions()
    rng = random.Random(SEED)
    later = random.Random(EXTENSION_SEED)
    pops = pd.read_csv(POPULATIONS, dtype={"code": str}).set_index("code")["population"]
    kab_pops = pops[[c for c in pops.index if c.count(".") == 1]]
    kec_codes = regions.descendants(JEMBER, "kecamatan")
    kec_pops = pops[kec_codes]
    counts: list[dict[str, object]] = []
    targets: list[dict[str, object]] = []

    # Jember after the report: persons through the published figures, KK from them with a
    # persons-per-family ratio moving from the report's to the final's.
    jember_p_later = _through(later, JEMBER_PERSONS, [(d, int(v)) for d, v in KNOTS[JEMBER]])
    ratio_now = JEMBER_PERSONS / KABKOTA_FIXED[JEMBER]
    ratio_end = int(KNOTS[JEMBER][-1][1]) / JEMBER_KK_FINAL
    ratios = np.linspace(ratio_now, ratio_end, len(EXTENSION) + 1)[1:]
    jember_h_later = np.maximum.accumulate(np.round(jember_p_later / ratios).astype("int64"))
    jember_h_later[-1] = JEMBER_KK_FINAL

    # Kecamatan first: Jember's series is their sum, so the two always agree.
    kec_finals = _kecamatan_finals(rng, kec_pops)
    kec_h = {c: _curve(rng, kec_finals[c]) for c in kec_codes}
    jember_h0 = np.sum([kec_h[c] for c in kec_codes], axis=0)
    jember_p0 = np.round(jember_h0 * (JEMBER_PERSONS / KABKOTA_FIXED[JEMBER])).astype("int64")
    share = np.array([kec_pops[c] * later.uniform(0.6, 1.4) for c in kec_codes])
    gains = np.diff(jember_h_later, prepend=KABKOTA_FIXED[JEMBER])
    kec_later = np.array([apportion(int(g), share) for g in gains]).T
    for i, c in enumerate(kec_codes):
        kec_h[c] = np.concatenate([kec_h[c], kec_h[c][-1] + np.cumsum(kec_later[i])])
    jember_h = np.sum([kec_h[c] for c in kec_codes], axis=0)
    jember_p = np.concatenate([jember_p0, jember_p_later])
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

    # The other kabupaten/kota: the report's days first (the original stream), then on.
    early: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}
    finals = _kabkota_finals(rng, kab_pops)
    for code, final in finals.items():
        if code == JEMBER:
            continue
        households = _curve(rng, final)
        per_family = rng.uniform(3.4, 3.9)
        early[code] = (households, np.round(households * per_family).astype("int64"), per_family)
    starts = {c: int(p[-1]) for c, (_, p, _) in early.items()}
    starts[JEMBER] = JEMBER_PERSONS
    rest = _rest_finals(later, starts, kab_pops)
    for code in finals:
        pop = int(kab_pops[code])
        if code == JEMBER:
            households, persons = jember_h, jember_p
        else:
            h0, p0, per_family = early[code]
            knots = [(d, _persons(v, pop)) for d, v in KNOTS.get(code, []) if d != END]
            end = rest[code] if code in rest else _persons(KNOTS[code][-1][1], pop)
            p_later = _through(later, int(p0[-1]), [*knots, (END, end)])
            h_later = h0[-1] + np.round((p_later - p0[-1]) / per_family).astype("int64")
            households = np.concatenate([h0, np.maximum.accumulate(h_later)])
            persons = np.concatenate([p0, p_later])
        counts += _rows(str(code), households, persons)
        targets.append(
            {"region": code, "measure": "households", "base": round(pop / PERSONS_PER_FAMILY)}
        )
        targets.append({"region": code, "measure": "persons", "base": pop})

    count_frame = pd.DataFrame(counts)
    count_frame["date"] = pd.to_datetime(count_frame["date"])
    if until is not None:
        count_frame = count_frame[count_frame["date"] <= pd.Timestamp(until)]
        count_frame = count_frame.reset_index(drop=True)
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
    regions: Regions | None = None, home: str = JEMBER, until: date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Simulated counts and targets of `home`'s own regions: the Jember demo for Jember;
    for any other regency its desa, kecamatan, itself and the other kabupaten/kota of its
    province, over the report's days (15 February to 5 March 2020). Sizes come from the number
    of desa (no populations are shipped outside Jawa Timur), so they are only good for trying
    the pages."""
    regions = regions or load_regions()
    if covers(home):
        return generate(regions, until)
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

    home_h = np.zeros(len(REPORT_DAYS), dtype="int64")
    home_p = np.zeros(len(REPORT_DAYS), dtype="int64")
    home_base = 0
    for kec in regions.descendants(home, "kecamatan"):
        kec_h = np.zeros(len(REPORT_DAYS), dtype="int64")
        kec_p = np.zeros(len(REPORT_DAYS), dtype="int64")
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
