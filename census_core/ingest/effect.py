"""What an upload would do to the standings: who changes, by how much, who moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from census_core.ingest.model import Upload
from census_core.regions import LEVELS, Regions, level_label, level_of, parent_of, province_of
from census_core.settings import Settings
from census_core.standings import progress
from census_core.standings.countindex import measure_rows
from census_core.standings.snapshot import Snapshot
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
    return _compared(before, after, day, upload.level, within, measure)


def _compared(
    before: pd.DataFrame,
    after: pd.DataFrame,
    day: date,
    level: str,
    within: str | None,
    measure: str,
) -> Effect:
    """Two boards of the same regions -> the rows whose count or rank the file changes."""
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
    return Effect(day, level, within, measure, table[touched].reset_index(drop=True), len(after))


@dataclass(frozen=True)
class HomeAfter:
    """The home regency's headline figures on the file's day, before and after the file."""

    code: str
    name: str
    province: str
    day: date
    measure: str
    before: int | None
    after: int | None
    rank_before: int | None
    rank_after: int | None
    of: int
    change: int | None  # since the day before, after the file (as the headline shows it)

    def sentence(self, lang: str = "id") -> str:
        """'Kabupaten Jember setelah berkas ini: 36.500 KK, peringkat 1 dari 38 ...'."""
        return t(
            "effect.home",
            lang,
            name=self.name,
            after=fmt_int(self.after, lang),
            measure=t(f"measure.{self.measure}", lang),
            rank=fmt_int(self.rank_after, lang),
            of=self.of,
            province=self.province,
            change=fmt_signed(self.change, lang),
            before=fmt_int(self.before, lang),
            rank_before=fmt_int(self.rank_before, lang),
            day=fmt_date(self.day, lang),
        )


@dataclass(frozen=True)
class Inconsistent:
    """A parent figure the file leaves at odds with its children on the file's day.

    `differs`: the parent's own count of the day stands against a different sum of its children;
    `older`: the file's own count for the parent is older than its children's, so the boards
    show their sum instead.
    """

    kind: str
    code: str
    name: str
    level: str
    own: int
    own_day: date
    children: int
    children_day: date

    def sentence(self, lang: str = "id") -> str:
        kids = level_label(LEVELS[LEVELS.index(self.level) + 1], lang)
        return t(
            "effect.differs" if self.kind == "differs" else "effect.older",
            lang,
            name=self.name,
            own=fmt_int(self.own, lang),
            day=fmt_date(self.own_day, lang),
            kids=kids,
            children=fmt_int(self.children, lang),
            kids_day=fmt_date(self.children_day, lang),
        )


@dataclass(frozen=True)
class Outlook:
    """What the pages will show once the file is stored: the home headline, the province's
    board and the figures the file leaves inconsistent, each drawn on a copy of the snapshot."""

    day: date
    measure: str
    home: HomeAfter | None
    province: Effect | None  # the kabupaten/kota board of the home province
    inconsistent: tuple[Inconsistent, ...]

    def sentences(self, lang: str = "id") -> list[str]:
        return [i.sentence(lang) for i in self.inconsistent]


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def _home(before: pd.DataFrame, after: pd.DataFrame, code: str) -> dict[str, object] | None:
    was = progress.standing_of(before, code)
    now = progress.standing_of(after, code)
    if now is None:
        return None
    return {
        "name": str(now["name"]),
        "before": None if was is None else _int(was["count"]),
        "after": _int(now["count"]),
        "rank_before": None if was is None else _int(was["rank"]),
        "rank_after": _int(now["rank"]),
        "of": int(now["of"]),  # type: ignore[call-overload]
        "change": _int(now["change"]),
    }


def _inconsistent(
    upload: Upload, before: Snapshot, after: Snapshot, day: date, measure: str
) -> tuple[Inconsistent, ...]:
    """Parents of the file's regions (and the file's own parents) at odds with their children
    on `day` after the file, that were not so before; by progress.effective_at (figure_rule)."""
    records = upload.records[upload.records["measure"] == measure]
    codes = set(records["region"].astype(str))
    ancestors = set(codes)
    for code in codes:
        up = parent_of(code)
        while up is not None:
            ancestors.add(up)
            up = parent_of(up)
    found: list[Inconsistent] = []
    for province in sorted({province_of(c) for c in codes}):
        # The rows the boards under the province read on the day; a region's figure depends on
        # its own subtree alone.
        _, miss_b = progress.effective_at(
            progress.window(before.counts_of(measure), day, province), day
        )
        _, miss_a = progress.effective_at(
            progress.window(after.counts_of(measure), day, province), day
        )
        # The pages open on the newest day: there a fresher sum of children may hide the file.
        newest = max(day, after.latest_date(measure) or day)
        rows = progress.window(after.counts_of(measure), newest, province)
        eff_a = progress.effective_at(rows, newest)[0]
        seen = {(m.code, m.own, m.children) for m in miss_b}
        for m in miss_a:
            if m.code in ancestors and (m.code, m.own, m.children) not in seen:
                found.append(
                    Inconsistent(
                        "differs",
                        m.code,
                        after.regions.name(m.code),
                        level_of(m.code),
                        m.own,
                        day,
                        m.children,
                        day,
                    )
                )
        # The file's own figure for a parent, hidden by a fresher sum of its children.
        mine = records.assign(when=pd.to_datetime(records["date"])).sort_values("when")
        for rec in mine.drop_duplicates("region", keep="last").itertuples():
            code = str(rec.region)
            if not code.startswith(province) or code not in eff_a.index:
                continue
            fig = eff_a.loc[code]
            if bool(fig["derived"]) and pd.Timestamp(fig["last_date"]) > rec.when:
                found.append(
                    Inconsistent(
                        "older",
                        code,
                        after.regions.name(code),
                        level_of(code),
                        int(rec.value),
                        rec.when.date(),
                        int(fig["value"]),
                        pd.Timestamp(fig["last_date"]).date(),
                    )
                )
    return tuple(sorted(found, key=lambda i: (len(i.code), i.code)))  # the regency first


def outlook(upload: Upload, snap: Snapshot, settings: Settings) -> Outlook | None:
    """The file applied to a copy of `snap`: the home headline and province board after it
    (Snapshot.board, the boards every page reads) and what it leaves inconsistent."""
    records = upload.records
    if upload.kind != "counts" or records.empty or not upload.ok:
        return None
    measure = "households" if (records["measure"] == "households").any() else "persons"
    day = pd.Timestamp(records.loc[records["measure"] == measure, "date"].max()).date()
    after = snap.with_counts(records)
    home, province = settings.home, province_of(settings.home)
    boards = [s.board("kabupaten", province, day, settings, measure=measure) for s in (snap, after)]
    figures = _home(boards[0], boards[1], home)
    head = None
    if figures is not None:
        head = HomeAfter(
            code=home,
            province=snap.regions.name(province),
            day=day,
            measure=measure,
            **figures,  # type: ignore[arg-type]
        )
    moved = _compared(boards[0], boards[1], day, "kabupaten", province, measure)
    return Outlook(day, measure, head, moved, _inconsistent(upload, snap, after, day, measure))
