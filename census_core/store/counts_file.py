"""A columnar copy of the current counts beside the store, so a fresh process need not read
every row: an Arrow IPC file, uncompressed, read memory-mapped.

It is only a copy: it names the batches it was made from (a fingerprint), and a reader whose
store's batches differ reads the store instead. Region codes and measures are kept as a
dictionary and the index of each row in it, so reading makes no string per row (the frame shares
one string object per region, as `columns.latest_counts` makes it).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from census_core.store.columns import COLUMNS, measures_column, narrow

log = logging.getLogger(__name__)
FINGERPRINT = b"census.batches"
# 2: counts and batch ids in four bytes when they fit, measures as categories.
FORMAT = b"census.counts.2"
# Optional in a copy of format 2: each measure's lookup keys (a "key" column) and the rest of
# its index (metadata), so a fresh process need not index millions of counts before its first
# page. A copy without them is read as before.
INDEX = b"census.index"


@dataclass(frozen=True)
class IndexPart:
    """One measure's lookup index over its rows start..stop (standings.countindex.CountIndex
    without what is derived from it): the rows' keys, the region codes, the days, the stride."""

    measure: str
    start: int
    stop: int
    stride: int
    codes: list[str]
    days: np.ndarray  # datetime64[ns]
    keys: np.ndarray


def save_counts(
    path: Path, fingerprint: str, counts: pd.DataFrame, index: list[IndexPart] | None = None
) -> None:
    """Write `counts` (as `columns.latest_counts` makes them) to `path`, atomically; with
    `index` (every row's key, in row order), the index too."""
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
    names = list(COLUMNS)
    metadata = {FINGERPRINT: fingerprint.encode(), b"census.format": FORMAT}
    if index and _covers(index, len(counts)):
        arrays.append(pa.array(np.concatenate([part.keys for part in index])))
        names.append("key")
        metadata[INDEX] = json.dumps(
            [
                {
                    "measure": part.measure,
                    "start": part.start,
                    "stop": part.stop,
                    "stride": part.stride,
                    "codes": part.codes,
                    "days": part.days.astype("datetime64[ns]").astype(np.int64).tolist(),
                }
                for part in index
            ]
        ).encode()
    table = pa.Table.from_arrays(arrays, names=names, metadata=metadata)
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


def load_counts_fingerprint(path: Path, *, indexed: bool = False) -> str | None:
    """The fingerprint of the batches the copy at `path` was made from; None if unreadable
    (or, with `indexed`, when the copy keeps no index: one made before it did)."""
    try:
        meta = pa.ipc.open_file(pa.memory_map(str(path), "r")).schema.metadata or {}
    except (OSError, pa.ArrowException):
        return None
    found = meta.get(FINGERPRINT)
    if indexed and INDEX not in meta:
        return None
    return found.decode() if meta.get(b"census.format") == FORMAT and found else None


def _covers(index: list[IndexPart], rows: int) -> bool:
    """True when the parts key every row once, in row order, in one integer type."""
    at = 0
    for part in index:
        if part.start != at or len(part.keys) != part.stop - part.start:
            return False
        at = part.stop
    return at == rows and len({part.keys.dtype for part in index}) == 1


def load_counts(path: Path, fingerprint: str) -> pd.DataFrame | None:
    """The counts saved at `path` when they were made from the batches `fingerprint` names;
    None when there is no such file, it is of other batches, or it cannot be read."""
    found = load_counts_indexed(path, fingerprint)
    return None if found is None else found[0]


def load_counts_indexed(
    path: Path, fingerprint: str
) -> tuple[pd.DataFrame, list[IndexPart]] | None:
    """load_counts, and the index saved with the counts (empty when there is none)."""
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
    frame = pd.DataFrame(columns, index=pd.RangeIndex(table.num_rows), copy=False)
    return frame, _index_parts(table, meta)


def _index_parts(table: pa.Table, meta: dict[bytes, bytes]) -> list[IndexPart]:
    """The index saved with the counts; empty when there is none or it does not hold."""
    if INDEX not in meta or "key" not in table.column_names:
        return []
    try:
        chunked = table.column("key")
        keys = (chunked.chunk(0) if chunked.num_chunks == 1 else chunked.combine_chunks()).to_numpy(
            zero_copy_only=False
        )
        parts = [
            IndexPart(
                measure=str(item["measure"]),
                start=int(item["start"]),
                stop=int(item["stop"]),
                stride=int(item["stride"]),
                codes=[str(code) for code in item["codes"]],
                days=np.asarray(item["days"], dtype=np.int64).astype("datetime64[ns]"),
                keys=keys[int(item["start"]) : int(item["stop"])],
            )
            for item in json.loads(meta[INDEX])
        ]
    except (ValueError, KeyError, TypeError, pa.ArrowException) as exc:
        log.warning("the index kept with the counts is not used: %s", exc)
        return []
    return parts if _covers(parts, table.num_rows) else []
