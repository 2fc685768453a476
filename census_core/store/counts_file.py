"""A columnar copy of the current counts beside the store, so a fresh process need not read
every row: an Arrow IPC file, uncompressed, read memory-mapped.

It is only a copy: it names the batches it was made from (a fingerprint), and a reader whose
store's batches differ reads the store instead. Region codes and measures are kept as a
dictionary and the index of each row in it, so reading makes no string per row (the frame shares
one string object per region, as `columns.latest_counts` makes it).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from census_core.store.columns import COLUMNS, measures_column, narrow

log = logging.getLogger(__name__)
FINGERPRINT = b"census.batches"
# 2: counts and batch ids in four bytes when they fit, measures as categories.
FORMAT = b"census.counts.2"


def save_counts(path: Path, fingerprint: str, counts: pd.DataFrame) -> None:
    """Write `counts` (as `columns.latest_counts` makes them) to `path`, atomically."""
    arrays = []
    for column in COLUMNS:
        values = counts[column]
        if column == "measure" and isinstance(values.dtype, pd.CategoricalDtype):
            arrays.append(
                pa.DictionaryArray.from_arrays(
                    pa.array(values.cat.codes.to_numpy()),  # one byte a row
                    pa.array([str(x) for x in values.cat.categories], type=pa.string()),
                )
            )
        elif column in ("region", "measure"):
            codes, uniques = pd.factorize(values, sort=False)
            arrays.append(
                pa.DictionaryArray.from_arrays(
                    pa.array(codes.astype(np.int32)), pa.array(uniques.astype(str))
                )
            )
        elif column == "date":
            arrays.append(pa.array(values.to_numpy("datetime64[ns]")))
        else:  # in the column's own width (columns.narrow: four bytes when they fit)
            numbers = values.to_numpy()
            if numbers.dtype.kind != "i":
                numbers = numbers.astype(np.int64)
            arrays.append(pa.array(narrow(numbers)))
    table = pa.Table.from_arrays(
        arrays,
        names=COLUMNS,
        metadata={FINGERPRINT: fingerprint.encode(), b"census.format": FORMAT},
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        with pa.OSFile(tmp, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        os.replace(tmp, path)  # a reader sees the old file or the new one, never half of one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_counts_fingerprint(path: Path) -> str | None:
    """The fingerprint of the batches the copy at `path` was made from; None if unreadable."""
    try:
        meta = pa.ipc.open_file(pa.memory_map(str(path), "r")).schema.metadata or {}
    except (OSError, pa.ArrowException):
        return None
    found = meta.get(FINGERPRINT)
    return found.decode() if meta.get(b"census.format") == FORMAT and found else None


def load_counts(path: Path, fingerprint: str) -> pd.DataFrame | None:
    """The counts saved at `path` when they were made from the batches `fingerprint` names;
    None when there is no such file, it is of other batches, or it cannot be read."""
    try:
        if not path.exists():
            return None
        source = pa.memory_map(str(path), "r")
        reader = pa.ipc.open_file(source)
        meta = reader.schema.metadata or {}
        if meta.get(b"census.format") != FORMAT or meta.get(FINGERPRINT) != fingerprint.encode():
            return None
        table = reader.read_all()
    except (OSError, pa.ArrowException) as exc:  # a damaged copy: the store is read instead
        log.warning("counts file %s not used: %s", path, exc)
        return None
    columns = {}
    for column in COLUMNS:
        chunked = table.column(column)
        # One chunk (as save_counts writes it) is used as it is: combining copies even one.
        data = chunked.chunk(0) if chunked.num_chunks == 1 else chunked.combine_chunks()
        if column == "measure":
            columns[column] = measures_column(
                data.indices.to_numpy(zero_copy_only=False), data.dictionary.to_pylist()
            )
        elif column == "region":
            # One string object per distinct value, each row pointing at it.
            words = np.asarray(data.dictionary.to_pylist(), dtype=object)
            columns[column] = words[data.indices.to_numpy(zero_copy_only=False)]
        else:
            columns[column] = data.to_numpy(zero_copy_only=False)
    # Without a copy of each column (setting them one by one would copy them again).
    return pd.DataFrame(columns, index=pd.RangeIndex(table.num_rows), copy=False)
