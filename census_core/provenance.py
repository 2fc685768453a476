"""Where a figure came from: the upload that set it, and a region's history of changes.

"Kaliwates: 4.040 KK pada 5 Maret 2020 — angka sendiri tanggal 5 Maret 2020; dari batch 3
(berkas rekap-0305.csv, diunggah Rina 6 Maret 07.12 WIB)."
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd

from census_core.freshness import LOCAL_TZ, upload_time
from census_core.progress import figure_of
from census_core.regions import LEVEL_LABELS, LEVELS
from census_core.snapshot import Snapshot
from census_core.store import Store
from census_core.text import fmt_date, fmt_int, t

_TEXT = {
    "id": {
        "none": "{name}: belum ada angka s.d. {day}.",
        "figure": "{name}: {value} {measure} pada {day} — {what}{carried}; {source}.",
        "own": "angka sendiri tanggal {date}",
        "sum": "jumlah dari {parts} {level}, bagian terbaru tanggal {date}",
        "carried": ", dibawa maju karena belum ada angka baru",
        "from_own": "dari batch {batch} ({upload})",
        "from_sum": "terbaru dari batch {batch} ({upload})",
        "upload": "berkas {file}, diunggah {user} {time} WIB",
        "unknown": "asal angka tidak tercatat",
        "batch": "Batch",
        "date": "Tanggal data",
        "before": "Sebelum",
        "after": "Sesudah",
        "file": "Berkas",
        "user": "Pengunggah",
        "time": "Waktu unggah (WIB)",
        "note": "Keterangan",
        "undone": "dibatalkan",
    },
    "en": {
        "none": "{name}: no figure yet up to {day}.",
        "figure": "{name}: {value} {measure} on {day} — {what}{carried}; {source}.",
        "own": "own count of {date}",
        "sum": "sum of {parts} {level} figures, newest part of {date}",
        "carried": ", carried forward: no newer figure yet",
        "from_own": "from batch {batch} ({upload})",
        "from_sum": "newest from batch {batch} ({upload})",
        "upload": "file {file}, uploaded by {user} {time} WIB",
        "unknown": "source not recorded",
        "batch": "Batch",
        "date": "Date of data",
        "before": "Before",
        "after": "After",
        "file": "File",
        "user": "Uploaded by",
        "time": "Upload time (WIB)",
        "note": "Note",
        "undone": "undone",
    },
}
HISTORY_COLUMNS = ["batch", "date", "before", "after", "file", "user", "time", "undone"]


def words(lang: str) -> dict[str, str]:
    return _TEXT.get(lang, _TEXT["id"])


def in_wib(value: object) -> datetime | None:
    """A stored batch time (UTC; naive means UTC) in Western Indonesia Time."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    moment: datetime = pd.Timestamp(value).to_pydatetime()  # type: ignore[arg-type]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ)


@dataclass(frozen=True)
class Provenance:
    """Where one region's figure on one day came from."""

    code: str
    name: str
    day: date
    measure: str
    value: int | None  # None: no figure yet
    date: date | None  # the figure's own date (of its newest part, for a sum)
    derived: bool  # the sum of the regions below it
    carried: bool  # older than `day`, carried forward
    parts: int  # regions below with a figure (summed when derived)
    parts_level: str | None  # their level
    batch: int | None  # the upload that set it (for a sum, its newest part's)
    file: str | None
    user: str | None
    time: datetime | None  # upload time in WIB

    def sentence(self, lang: str = "id") -> str:
        """One sentence: the figure, whether it is own, carried or a sum, and its upload."""
        w = words(lang)
        day = fmt_date(self.day, lang)
        if self.value is None:
            return w["none"].format(name=self.name, day=day)
        when = fmt_date(self.date, lang)
        if self.derived:
            level = LEVEL_LABELS[lang][self.parts_level or "desa"]
            what = w["sum"].format(parts=fmt_int(self.parts, lang), level=level, date=when)
        else:
            what = w["own"].format(date=when)
        if self.batch is None:
            source = w["unknown"]
        else:
            upload = w["upload"].format(
                file=self.file or "–",
                user=self.user or "–",
                time=upload_time(self.time, lang) if self.time else "–",
            )
            source = w["from_sum" if self.derived else "from_own"].format(
                batch=self.batch, upload=upload
            )
        return w["figure"].format(
            name=self.name,
            value=fmt_int(self.value, lang),
            measure=t(f"measure.{self.measure}", lang),
            day=day,
            what=what,
            carried=w["carried"] if self.carried else "",
            source=source,
        )


def provenance(snap: Snapshot, code: str, day: date, measure: str = "households") -> Provenance:
    """Where `code`'s figure on `day` came from, by the same rule that sets the figure."""
    figure, parts = figure_of(snap.counts_of(measure), code, day)
    depth = code.count(".")
    parts_level = LEVELS[depth + 1] if depth + 1 < len(LEVELS) else None
    name = snap.regions.name(code) if code in snap.regions else code
    where = {"code": code, "name": name, "day": day, "measure": measure}
    if figure is None or pd.isna(figure["value"]):
        return Provenance(
            **where,  # type: ignore[arg-type]
            value=None,
            date=None,
            derived=False,
            carried=False,
            parts=0,
            parts_level=parts_level,
            batch=None,
            file=None,
            user=None,
            time=None,
        )
    own_date = pd.Timestamp(figure["last_date"]).date()
    derived = bool(figure["derived"])
    batch = None if pd.isna(figure["batch"]) else int(figure["batch"])
    info = _batch_info(snap.batches, batch)
    return Provenance(
        **where,  # type: ignore[arg-type]
        value=int(figure["value"]),
        date=own_date,
        derived=derived,
        carried=own_date < day,
        parts=parts if derived else 0,
        parts_level=parts_level,
        batch=batch,
        file=None if info.get("file_name") is None else str(info["file_name"]),
        user=None if info.get("user") is None else str(info["user"]),
        time=in_wib(info.get("created_at")),
    )


def _batch_info(batches: pd.DataFrame, batch: int | None) -> dict[str, object]:
    if batch is None or batches.empty:
        return {}
    rows = batches[batches["id"] == batch]
    return {} if rows.empty else rows.iloc[0].to_dict()


def region_history(store: Store, code: str, measure: str = "households") -> pd.DataFrame:
    """Each batch that changed `code`'s own count of `measure`, newest first: batch, date of the
    count, value before (the region's count on that date as it stood before the batch, carried
    forward; NA for its first) and after, file, user, time (WIB), undone.

    "Before" reads only batches still in force, so an undone batch is never the "before" of a
    later one. A file that repeats the value in force is not a change and is left out.
    """
    rows = store.count_history(code, measure)
    out: list[dict[str, object]] = []
    kept: list[tuple[date, int, int]] = []  # (date, batch, value) of batches in force
    for rec in rows.itertuples(index=False):
        earlier = [k for k in kept if k[0] <= rec.date]
        before = max(earlier)[2] if earlier else None
        value = int(rec.value)  # type: ignore[call-overload]
        if not rec.undone:
            kept.append((rec.date, int(rec.batch_id), value))  # type: ignore[call-overload, arg-type]
        if before == value:
            continue
        out.append(
            {
                "batch": int(rec.batch_id),  # type: ignore[call-overload]
                "date": rec.date,
                "before": before,
                "after": value,
                "file": rec.file_name,
                "user": rec.user,
                "time": in_wib(rec.created_at),
                "undone": bool(rec.undone),
            }
        )
    frame = pd.DataFrame(out[::-1], columns=HISTORY_COLUMNS)
    frame["before"] = frame["before"].astype("Int64")
    frame["after"] = frame["after"].astype("Int64")
    return frame


def history_rows(history: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """A region's history as shown: numbers and dates written the Indonesian way."""
    w = words(lang)
    return pd.DataFrame(
        {
            w["batch"]: [str(b) for b in history["batch"]],
            w["date"]: [fmt_date(d, lang) for d in history["date"]],
            w["before"]: [fmt_int(v, lang) for v in history["before"]],
            w["after"]: [fmt_int(v, lang) for v in history["after"]],
            w["file"]: history["file"].astype(str).to_numpy(),
            w["user"]: history["user"].astype(str).to_numpy(),
            w["time"]: [upload_time(x, lang) if x is not None else "–" for x in history["time"]],
            w["note"]: [w["undone"] if u else "" for u in history["undone"]],
        }
    )
