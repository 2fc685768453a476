"""What an upload would do to the standings: who changes, by how much, who moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from census_core.ingest.model import Upload
from census_core.regions import Regions, level_label, parent_of
from census_core.standings import progress
from census_core.standings.countindex import measure_rows
from census_core.text import fmt_date, fmt_int, fmt_signed, t

EFFECT_COLUMNS = ["code", "name", "before", "after", "change", "rank_before", "rank_after", "moved"]


@dataclass(frozen=True)
class Effect:
    """The board of the upload's regions on its latest date, before and after."""

    day: date
    level: str
    within: str | None
    measure: str
    table: pd.DataFrame  # EFFECT_COLUMNS, only the rows whose count or rank changes
    members: int

    def summary(self, regions: Regions, lang: str = "id") -> str:
        """'3 kecamatan berubah pada 5 Maret 2020; Kaliwates naik dari peringkat 2 ke 1.'"""
        changed = int((self.table["change"].fillna(0) != 0).sum())
        level = level_label(self.level, lang)
        head = t("effect.head", lang, n=changed, level=level, day=fmt_date(self.day, lang))
        moves = []
        for rec in self.table[self.table["moved"].fillna(0) != 0].head(3).itertuples():
            before = "–" if pd.isna(rec.rank_before) else str(int(rec.rank_before))
            key = "effect.rises" if rec.moved > 0 else "effect.falls"
            moves.append(t(key, lang, name=rec.name, before=before, after=int(rec.rank_after)))
        return head + (": " + "; ".join(moves) if moves else "") + "."

    def rows(self, lang: str = "id", limit: int | None = None) -> pd.DataFrame:
        """The table as the page shows it: formatted numbers, headers in the language; the
        first `limit` rows (in board order) when given."""
        shown = self.table if limit is None else self.table.head(limit)
        return pd.DataFrame(
            {
                t("effect.region", lang): shown["name"],
                t("effect.before", lang): [fmt_int(v, lang) for v in shown["before"]],
                t("effect.after", lang): [fmt_int(v, lang) for v in shown["after"]],
                t("effect.change", lang): [fmt_signed(v, lang) for v in shown["change"]],
                t("effect.rank_before", lang): [fmt_int(v, lang) for v in shown["rank_before"]],
                t("effect.rank_after", lang): [fmt_int(v, lang) for v in shown["rank_after"]],
            }
        )


def merge_counts(counts: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """Counts of one measure with the upload's values in place (as after a commit)."""
    cols = ["region", "date", "value"]
    new = records[cols].assign(date=pd.to_datetime(records["date"]))
    old = counts[cols].assign(date=pd.to_datetime(counts["date"]))
    keys = pd.MultiIndex.from_frame(new[["region", "date"]])
    kept = old[~pd.MultiIndex.from_frame(old[["region", "date"]]).isin(keys)]
    return pd.concat([kept, new], ignore_index=True)


def standings_effect(
    upload: Upload,
    counts: pd.DataFrame,
    targets: pd.DataFrame,
    regions: Regions,
    *,
    default_share: float = 0.5,
) -> Effect | None:
    """The effect of a readable counts upload on its regions' board; None when there is none."""
    records = upload.records
    if upload.kind != "counts" or records.empty or upload.level is None:
        return None
    measure = "households" if (records["measure"] == "households").any() else "persons"
    records = records[records["measure"] == measure]
    day = pd.Timestamp(records["date"].max()).date()
    parents = {parent_of(str(code)) for code in records["region"]}
    within = parents.pop() if len(parents) == 1 else upload.scope
    own = measure_rows(counts, measure)
    goal = targets[targets["measure"] == measure] if len(targets) else targets
    kwargs = {"targets": goal, "default_share": default_share}
    before = progress.standings(own, regions, upload.level, within, day, **kwargs)  # type: ignore[arg-type]
    # The board after: the rows the board reads, with the file's in place (not the history).
    after = progress.standings(
        merge_counts(progress.window(own, day, within), records),
        regions,
        upload.level,
        within,
        day,
        **kwargs,  # type: ignore[arg-type]
    )
    b = before.set_index("code")
    table = after[["code", "name"]].copy()
    table["before"] = table["code"].map(b["count"]).astype("Int64")
    table["after"] = after["count"].astype("Int64").to_numpy()
    table["change"] = (table["after"] - table["before"].fillna(0)).astype("Int64")
    table["rank_before"] = table["code"].map(b["rank"]).astype("Int64")
    table["rank_after"] = after["rank"].astype("Int64").to_numpy()
    table["moved"] = (table["rank_before"] - table["rank_after"]).astype("Int64")
    touched = (table["change"].fillna(0) != 0) | (table["moved"].fillna(0) != 0)
    touched |= table["rank_before"].isna() & table["rank_after"].notna()
    return Effect(
        day, upload.level, within, measure, table[touched].reset_index(drop=True), len(after)
    )
