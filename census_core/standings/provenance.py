"""Where a figure came from: the upload that set it, and a region's history of changes.

"Kaliwates: 4.040 KK pada 5 Maret 2020 — angka sendiri tanggal 5 Maret 2020; dari batch 3
(berkas rekap-0305.csv, diunggah Rina 6 Maret 07.12 WIB)."
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd

from census_core.display.freshness import LOCAL_TZ, upload_time
from census_core.regions import LEVELS, level_label
from census_core.standings.progress import figure_in
from census_core.standings.snapshot import Snapshot
from census_core.store import Store
from census_core.text import fmt_date, fmt_int, t

HISTORY_COLUMNS = ["batch", "date", "before", "after", "file", "user", "time", "undone"]


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
        day = fmt_date(self.day, lang)
        if self.value is None:
            return t("provenance.none", lang, name=self.name, day=day)
        when = fmt_date(self.date, lang)
        if self.derived:
            level = level_label(self.parts_level or "desa", lang)
            what = t(
                "provenance.sum", lang, parts=fmt_int(self.parts, lang), level=level, date=when
            )
        else:
            what = t("provenance.own", lang, date=when)
        if self.batch is None:
            source = t("provenance.unknown", lang)
        else:
            upload = t(
                "provenance.upload",
                lang,
                file=self.file or "–",
                user=self.user or "–",
                time=upload_time(self.time, lang) if self.time else "–",
            )
            source = t(
                "provenance.from_sum" if self.derived else "provenance.from_own",
                lang,
                batch=self.batch,
                upload=upload,
            )
        return t(
            "provenance.figure",
            lang,
            name=self.name,
            value=fmt_int(self.value, lang),
            measure=t(f"measure.{self.measure}", lang),
            day=day,
            what=what,
            carried=t("provenance.carried", lang) if self.carried else "",
            source=source,
        )


def provenance(snap: Snapshot, code: str, day: date, measure: str = "households") -> Provenance:
    """Where `code`'s figure on `day` came from, by the same rule that sets the figure."""
    depth = code.count(".")
    parent = code.rsplit(".", 1)[0] if depth else None
    # The figures the board of the region's level draws, kept by the snapshot: every kecamatan
    # page of a regency reads the same ones.
    figure, parts = figure_in(snap.figures(LEVELS[depth], parent, day, measure), code)
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
    return _history(store.count_history(code, measure))


def region_histories(
    store: Store, codes: Sequence[str], measure: str = "households"
) -> dict[str, pd.DataFrame]:
    """`region_history` of each of `codes`, read in one query of the store: the kecamatan page
    of every kecamatan of a regency at the cost of one."""
    rows = store.count_histories(codes, measure)
    found = {code: part.drop(columns="region") for code, part in rows.groupby("region", sort=False)}
    empty = rows.drop(columns="region").iloc[0:0]
    return {code: _history(found.get(code, empty)) for code in codes}


def _history(rows: pd.DataFrame) -> pd.DataFrame:
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
    return pd.DataFrame(
        {
            t("provenance.batch", lang): [str(b) for b in history["batch"]],
            t("provenance.date", lang): [fmt_date(d, lang) for d in history["date"]],
            t("provenance.before", lang): [fmt_int(v, lang) for v in history["before"]],
            t("provenance.after", lang): [fmt_int(v, lang) for v in history["after"]],
            t("provenance.file", lang): history["file"].astype(str).to_numpy(),
            t("provenance.user", lang): history["user"].astype(str).to_numpy(),
            t("provenance.time", lang): [
                upload_time(x, lang) if x is not None else "–" for x in history["time"]
            ],
            t("provenance.note", lang): [
                t("provenance.undone", lang) if u else "" for u in history["undone"]
            ],
        }
    )
