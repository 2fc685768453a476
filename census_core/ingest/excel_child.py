"""The Excel reader's own process: bounded memory and CPU, so no file can take the server down.

Run by census_core.ingest.reader as `python -I excel_child.py MODE MEMORY_MB SECONDS MAX_ROWS
[SHEET]` with the file on stdin; writes one pickled tuple to stdout. A reader blow-up (an
allocation of 125 GB, a sheet that never ends) kills this process only. Imports nothing of
census_core, so it starts in a fraction of a second.
"""

from __future__ import annotations

import io
import pickle
import resource
import sys


def _limit(memory_mb: int, seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def read(data: bytes, mode: str, max_rows: int, sheet: str | None) -> tuple[object, ...]:
    """("names", names) | ("grid", sheet, rows) | ("empty",) | ("no_sheet", names) |
    ("too_many_rows", height) | ("unreadable", exception type)."""
    import python_calamine

    try:
        book = python_calamine.load_workbook(io.BytesIO(data))
        names = list(book.sheet_names)
        if mode == "names":
            return ("names", names)
        if not names:
            return ("empty",)
        if sheet is not None and sheet not in names:
            return ("no_sheet", names)
        chosen = sheet if sheet is not None else names[0]
        ws = book.get_sheet_by_name(chosen)
        if ws.total_height > max_rows:
            return ("too_many_rows", ws.total_height)
        rows = [list(r) for r in ws.to_python(skip_empty_area=False, nrows=max_rows + 1)]
        return ("grid", chosen, rows)
    except MemoryError:
        raise
    except Exception as exc:  # calamine raises many kinds on corrupt files; all mean "unreadable"
        return ("unreadable", type(exc).__name__)


def main(argv: list[str]) -> int:
    mode, memory_mb, seconds, max_rows = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    sheet = argv[4] if len(argv) > 4 else None
    data = sys.stdin.buffer.read()
    import python_calamine  # noqa: F401  (loaded before the limit: its code is not the file's)

    _limit(memory_mb, seconds)
    result = read(data, mode, max_rows, sheet)
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
