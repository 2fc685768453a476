"""Uploads: bytes in, (records, problems) out; every problem names its row and column.

May import regions, text, words, markup, faults, digest and the standings (an upload's effect
on the board); never the store: writes go through census_core.services.
"""

from census_core.ingest.counts import read_counts
from census_core.ingest.limits import MAX_ROWS
from census_core.ingest.model import Options, Upload
from census_core.ingest.problems import Problem

__all__ = ["MAX_ROWS", "Options", "Problem", "Upload", "read_counts"]
