"""Uploads: bytes in, (records, problems) out; every problem names its row and column."""

from census_core.ingest.counts import read_counts
from census_core.ingest.model import Options, Upload
from census_core.ingest.problems import Problem
from census_core.ingest.reader import MAX_ROWS

__all__ = ["MAX_ROWS", "Options", "Problem", "Upload", "read_counts"]
