"""Check an upload against a snapshot of the store (census_core.services commits it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from census_core.ingest.counts import read_counts
from census_core.ingest.effect import Effect, Outlook, outlook, standings_effect
from census_core.ingest.model import Options, Upload
from census_core.ingest.problems import system_fault
from census_core.ingest.targets import read_targets
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot

log = logging.getLogger(__name__)

KINDS = ("counts", "targets")


@dataclass(frozen=True)
class Checked:
    """A file read against the store's data at one version, with its effect on the board."""

    upload: Upload
    effect: Effect | None
    version: str
    # The home headline, the province board and the inconsistencies once the file is stored.
    outlook: Outlook | None = None


def check_upload(
    data: bytes,
    file_name: str,
    kind: str,
    snap: Snapshot,
    settings: Settings,
    options: Options | None = None,
) -> Checked:
    """Read `data` as counts or targets; never raises for anything in the file."""
    options = options or Options(home=settings.home)
    if options.campaign_year is None:
        options = replace(options, campaign_year=settings.deadline.year)
    if kind == "targets":
        # Rows naming no source replace the target being looked at.
        if not options.source:
            options = replace(options, source=snap.target_source(settings) or "")
        return Checked(read_targets(data, file_name, snap.regions, options), None, snap.version)
    upload = read_counts(
        data, file_name, snap.regions, options, existing=snap.counts, targets=snap.targets
    )
    effect = after = None
    if upload.ok:
        try:
            effect = standings_effect(
                upload,
                snap.counts,
                snap.chosen_targets(settings),
                snap.regions,
                default_share=settings.target_share,
            )
            after = outlook(upload, snap, settings)
        except Exception as exc:  # ours, not the file's
            upload.problems.append(system_fault(log, f"drawing the effect of {file_name!r}", exc))
    return Checked(upload, effect, snap.version, after)
