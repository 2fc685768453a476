"""Uploads: bytes in, (records, problems) out; every problem names its row and column."""

from census_core.ingest.counts import read_counts
from census_core.ingest.limits import MAX_ROWS
from census_core.ingest.model import Options, Upload
from census_core.ingest.problems import Problem

__all__ = ["MAX_ROWS", "Options", "Problem", "Upload", "read_counts"]
