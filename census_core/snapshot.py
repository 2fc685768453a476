"""Everything a page or a command reads from the store at one version, and boards over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from census_core import progress
from census_core.regions import Regions
from census_core.settings import Settings
from census_core.store import Store


@dataclass(frozen=True)
class Snapshot:
    """The store's current counts, targets, events and batches as of one version."""

    version: str
    counts: pd.DataFrame
    targets: pd.DataFrame
    events: pd.DataFrame
    batches: pd.DataFrame
    regions: Regions = field(repr=False)

    def counts_of(self, measure: str) -> pd.DataFrame:
        return self.counts[self.counts["measure"] == measure]

    def targets_of(self, measure: str) -> pd.DataFrame:
        return self.targets[self.targets["measure"] == measure]

    def latest_date(self, measure: str = "households") -> date | None:
        return progress.latest_date(self.counts_of(measure))

    def dates(self, measure: str = "households") -> list[date]:
        days = pd.to_datetime(self.counts_of(measure)["date"]).dt.date.unique()
        return sorted(days)

    @property
    def simulated(self) -> bool:
        """True while every active batch is the generated demo."""
        active = self.batches[~self.batches["undone"].astype(bool)] if len(self.batches) else None
        return active is not None and len(active) > 0 and bool((active["kind"] == "demo").all())

    def last_upload(self) -> dict[str, object] | None:
        """The newest batch that still counts: when, by whom, which file."""
        if self.batches.empty:
            return None
        active = self.batches[~self.batches["undone"].astype(bool)]
        return None if active.empty else active.iloc[0].to_dict()

    def board(
        self,
        level: str,
        within: str | None,
        day: date,
        settings: Settings,
        *,
        measure: str = "households",
        by: str = "count",
    ) -> pd.DataFrame:
        """The standings of `level` under `within` on `day` (see progress.standings)."""
        return progress.standings(
            self.counts_of(measure),
            self.regions,
            level,
            within,
            day,
            targets=self.targets_of(measure),
            by=by,
            default_share=settings.target_share,
            deadline=settings.deadline,
        )


def load_snapshot(store: Store) -> Snapshot:
    """Read the store once; the version is read first so a concurrent write only makes it newer."""
    version = store.version()
    return Snapshot(
        version=version,
        counts=store.current_counts(),
        targets=store.current_targets(),
        events=store.events(),
        batches=store.batches(),
        regions=store.regions,
    )
