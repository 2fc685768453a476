"""The command line: demo, rank, digest, import, targets, history, undo.

Exit 0 ok, 1 rejected input or a fault of the system, 2 usage.

Package: The command line: `python -m census_core` and its commands.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pandas as pd

from census_core import services
from census_core.cli import uploads as cli_uploads
from census_core.display.digest import daily_message
from census_core.faults import SystemFault, log_fault
from census_core.regions import LEVELS, UnknownRegion, load_regions, normalize_code
from census_core.settings import Settings, SettingsError
from census_core.standings.snapshot import load_snapshot
from census_core.store import MEASURES, Store, get_store, store_fault
from census_core.text import fmt_int, fmt_pct, t

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
LOG_FILE = "census_core.log"  # in the temporary directory, when logging is not set up
log = logging.getLogger(__name__)


class UsageError(Exception):
    """Arguments that parse but make no sense (an unknown region, a bad date)."""


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m census_core", description="Pantau Sensus: census campaign standings."
    )
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy URL (default: CENSUS_DB_URL or the embedded SQLite store data/census.db)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser(
        "demo", parents=[db], help="(re)load the simulated demo data into the store"
    )
    demo.add_argument(
        "--until",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the demo's last day (default: CENSUS_DEMO_UNTIL, 2020-05-29)",
    )

    rank = sub.add_parser("rank", parents=[db], help="rank regions on a date")
    rank.add_argument("--level", required=True, choices=LEVELS)
    rank.add_argument(
        "--within", metavar="CODE", help="rank inside this region (default: the whole country)"
    )
    rank.add_argument(
        "--date",
        type=_day,
        metavar="YYYY-MM-DD",
        help="as of this date (default: the latest date with data)",
    )
    rank.add_argument("--measure", choices=MEASURES, default="households")
    rank.add_argument("--by", choices=("count", "percent"), default="count")
    rank.add_argument("--json", action="store_true", help="print one JSON object")

    digest = sub.add_parser("digest", parents=[db], help="print the daily message for the group")
    digest.add_argument(
        "--date",
        type=_day,
        metavar="YYYY-MM-DD",
        help="as of this date (default: the latest date with data)",
    )
    digest.add_argument("--lang", choices=("id", "en"), default="id")
    cli_uploads.add_parsers(sub, db)
    return parser


def _store(args: argparse.Namespace) -> tuple[Store, Settings]:
    settings = Settings.load()
    return get_store(args.db or settings.db_url), settings


def cmd_demo(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    n_counts, n_targets = services.load_demo(store, args.until or settings.demo_until)
    print(f"Demo data loaded: {n_counts} counts and {n_targets} targets (simulated).")
    return EXIT_OK


def _none(value: object) -> object:
    return None if value is None or pd.isna(value) else value  # type: ignore[arg-type]


def cmd_rank(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    within = None
    if args.within:
        within = normalize_code(args.within)
        if within is None or within not in store.regions:
            raise UsageError(f"--within '{args.within}' is not a region code (e.g. 35.09)")
    snap = load_snapshot(store)
    day = args.date or snap.latest_date(args.measure)
    if day is None:
        board = None
    else:
        board = snap.board(args.level, within, day, settings, measure=args.measure, by=args.by)
    rows = []
    if board is not None:
        for rec in board.to_dict("records"):
            percent = _none(rec["percent"])
            rows.append(
                {
                    "rank": None if _none(rec["rank"]) is None else int(rec["rank"]),
                    "code": rec["code"],
                    "name": rec["name"],
                    "count": None if _none(rec["count"]) is None else int(rec["count"]),
                    "target": None if _none(rec["target"]) is None else int(rec["target"]),
                    "percent": None if percent is None else round(float(percent), 4),  # type: ignore[arg-type]
                    "change": None if _none(rec["change"]) is None else int(rec["change"]),
                    "rank_change": (
                        None if _none(rec["rank_change"]) is None else int(rec["rank_change"])
                    ),
                    "derived": bool(rec["derived"]),
                    "batch": None if _none(rec["batch"]) is None else int(rec["batch"]),
                    "date": (
                        None
                        if _none(rec["last_date"]) is None
                        else pd.Timestamp(rec["last_date"]).date().isoformat()
                    ),
                }
            )
    else:
        rows = [
            {
                "rank": None,
                "code": c,
                "name": store.regions.name(c),
                "count": None,
                "target": None,
                "percent": None,
                "change": None,
                "rank_change": None,
                "derived": False,
                "batch": None,
                "date": None,
            }
            for c in store.regions.descendants(within, args.level)
        ]
    result = {
        "level": args.level,
        "within": within,
        "date": day.isoformat() if day else None,
        "measure": args.measure,
        "by": args.by,
        "rows": rows,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return EXIT_OK
    print(
        f"{args.level} within {within or 'Indonesia'} by {args.by}, {args.measure}, "
        f"as of {result['date'] or '(no data)'}"
    )
    for row in rows:
        rank_text = str(row["rank"]) if row["rank"] is not None else "-"
        print(
            f"{rank_text:>4}  {row['code']:<14} {row['name']:<32} "
            f"{fmt_int(row['count'], 'en'):>10} {fmt_pct(row['percent'], 'en'):>8}"
        )
    return EXIT_OK


def cmd_digest(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    snap = load_snapshot(store)
    day = args.date or snap.latest_date()
    print(
        t("digest.no_data", args.lang)
        if day is None
        else daily_message(snap, settings, day, args.lang)
    )
    return EXIT_OK


COMMANDS = {"demo": cmd_demo, "rank": cmd_rank, "digest": cmd_digest, **cli_uploads.COMMANDS}


def _log_to_file() -> None:
    """Send the log (tracebacks of faults) to a file, not the screen, unless a host set it up."""
    root = logging.getLogger()
    if root.handlers:
        return
    folder = Path(tempfile.gettempdir())
    if not os.access(folder, os.W_OK):  # then Python's last resort (stderr) remains
        return
    # Opened on the first record only: a run without a fault leaves no file behind.
    handler = logging.FileHandler(folder / LOG_FILE, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help, 2 for usage errors
        return int(exc.code or 0)
    _log_to_file()
    try:
        # Settings checked once, before any command: the app's message, on stderr, exit 2.
        Settings.load().check_home(load_regions())
    except SettingsError as exc:
        print(f"error: {exc.message(getattr(args, 'lang', 'id'))}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except (UsageError, cli_uploads.UsageError, SettingsError, UnknownRegion) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head`; nothing is wrong
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # the system's fault: a reference here, the traceback in the log
        lang = getattr(args, "lang", "id")
        # The store's faults (gone, locked, unreachable, a bad --db) in its own words; their
        # detail, with any host, port or path, only in the log.
        if stored := store_fault(exc, f"running {args.command!r}"):
            print(f"error: {stored.message(lang)}", file=sys.stderr)
            return EXIT_REJECTED
        fault = SystemFault(log_fault(log, f"running {args.command!r}", exc))
        print(f"error: {fault.message(lang, upload=False)}", file=sys.stderr)
        return EXIT_REJECTED
