"""The DuckDB baseline: the same kecamatan board as progress.standings, as one SQL query."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

BOARD_SQL = """
WITH cur AS (
    SELECT region, arg_max(value, date) AS value, max(date) AS last_date
    FROM counts WHERE date <= $day GROUP BY region
), prev AS (
    SELECT region, arg_max(value, date) AS value
    FROM counts WHERE date <= $prev GROUP BY region
), board AS (
    SELECT m.code, m.name, c.value, c.last_date, p.value AS prev_value, t.target,
           CASE WHEN t.target > 0 THEN c.value / t.target * 100 END AS percent
    FROM members m
    LEFT JOIN cur c ON c.region = m.code
    LEFT JOIN prev p ON p.region = m.code
    LEFT JOIN targets t ON t.region = m.code
), ranked AS (
    SELECT *,
        CASE WHEN value IS NOT NULL THEN rank() OVER (ORDER BY value DESC NULLS LAST) END
            AS rank,
        CASE WHEN prev_value IS NOT NULL
            THEN rank() OVER (ORDER BY prev_value DESC NULLS LAST) END AS prev_rank
    FROM board
)
SELECT rank, code, name, value AS count, target, percent, value - prev_value AS change,
    prev_rank - rank AS rank_change, last_date, last_date < $day AS stale,
    min(value) OVER (ORDER BY value RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
        - value AS gap,
    CASE WHEN target IS NOT NULL AND value IS NOT NULL
        THEN greatest(ceil((target - value) / $left), 0) END AS pace_needed,
    prev_value AS prev_count, prev_rank
FROM ranked
ORDER BY rank NULLS LAST, lower(name), code
"""


class DuckBoard:
    """Counts, members and targets loaded once into an in-process DuckDB (its own tables)."""

    def __init__(self, counts: pd.DataFrame, members: pd.DataFrame, targets: pd.Series) -> None:
        self.con = duckdb.connect(":memory:")
        target_frame = pd.DataFrame({"region": targets.index, "target": targets.to_numpy()})
        self.con.register("counts_df", counts[["region", "date", "value"]])
        self.con.register("members_df", members[["code", "name"]])
        self.con.register("targets_df", target_frame)
        self.con.execute("CREATE TABLE counts AS SELECT * FROM counts_df")
        self.con.execute("CREATE TABLE members AS SELECT * FROM members_df")
        self.con.execute("CREATE TABLE targets AS SELECT * FROM targets_df")

    def board(self, day: date, deadline: date) -> pd.DataFrame:
        left = max((deadline - day).days, 1)
        params = {"day": day, "prev": day - timedelta(days=1), "left": left}
        return self.con.execute(BOARD_SQL, params).df()
