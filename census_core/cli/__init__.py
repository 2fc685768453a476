"""The command line: demo, rank, digest, deck, import, targets, history, undo, backup, restore.

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
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from census_core import services
from census_core.cli import keeping as cli_keeping
from census_core.cli import uploads as cli_uploads
from census_core.display.digest import daily_message
from census_core.faults import SystemFault, log_fault
from census_core.geo import geo
from census_core.presentation.deck_file import FORMATS, meeting_file
from census_core.presentation.sequence import FULL, SHORT
from census_core.regions import LEVELS, UnknownRegion, load_regions, normalize_code
from census_core.settings import Settings, SettingsError
from census_core.standings.snapshot import Snapshot, load_snapshot
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
    rank.add_argument(
        "--target",
        metavar="SOURCE",
        help='the target source shares are measured against, e.g. "BPS 22%%" '
        "(default: CENSUS_TARGET_SOURCE)",
    )
    rank.add_argument("--json", action="store_true", help="print one JSON object")

    digest = sub.add_parser("digest", parents=[db], help="print the daily message for the group")
    digest.add_argument(
        "--date",
        type=_day,
        metavar="YYYY-MM-DD",
        help="as of this date (default: the latest date with data)",
    )
    digest.add_argument("--lang", choices=("id", "en"), default="id")

    slides = sub.add_parser(
        "deck", parents=[db], help="write the meeting's slides (/presentasi) as PPTX or PDF"
    )
    slides.add_argument(
        "--date",
        type=_day,
        metavar="YYYY-MM-DD",
        help="as of this date (default: the latest date with data)",
    )
    slides.add_argument(
        "--format",
        choices=FORMATS,
        help="pptx or pdf (default: the suffix of --out, else pptx)",
    )
    slides.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    slides.add_argument("--lang", choices=("id", "en"), default="id")
    slides.add_argument(
        "--order",
        choices=(SHORT, FULL),
        default=SHORT,
        help="the meeting order as /presentasi?urutan=: ringkas (default) or lengkap",
    )
    cli_uploads.add_parsers(sub, db)
    cli_keeping.add_parsers(sub, db)
    return parser


def _store(args: argparse.Namespace) -> tuple[Store, Settings]:
    settings = Settings.load()
    return get_store(args.db or settings.db_url), settings


def cmd_demo(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    n_counts, n_targets = services.load_demo(
        store, settings.home, args.until or settings.demo_until
    )
    print(f"Demo data loaded: {n_counts} counts and {n_targets} targets (simulated).")
    return EXIT_OK


def _none(value: object) -> object:
    return None if value is None or pd.isna(value) else value  # type: ignore[arg-type]


def _pace_fields(rec: dict) -> dict[str, object]:
    """needed_per_day, pace_7d, status, expected_date (and target_source when the board has it)."""
    needed, speed, when = (
        _none(rec.get(k)) for k in ("needed_per_day", "pace_7d", "expected_date")
    )
    return {
        "needed_per_day": None if needed is None else int(needed),  # type: ignore[call-overload]
        "pace_7d": None if speed is None else round(float(speed), 1),  # type: ignore[arg-type]
        "status": _none(rec.get("status")),
        "expected_date": None if when is None else when.isoformat(),  # type: ignore[attr-defined]
        "target_source": _none(rec.get("target_source")),
    }


def rank_result(
    snap: Snapshot,
    settings: Settings,
    level: str,
    within: str | None,
    day: date | None,
    measure: str = "households",
    by: str = "count",
) -> dict[str, object]:
    """What `rank --json` prints: the board of `level` inside `within` as of `day` (default:
    the latest date with data)."""
    day = day or snap.latest_date(measure)
    if day is None:
        board = None
    else:
        board = snap.board(level, within, day, settings, measure=measure, by=by)
    rows: list[dict[str, object]] = []
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
                    **_pace_fields(rec),
                }
            )
    else:
        rows = [
            {
                "rank": None,
                "code": c,
                "name": snap.regions.name(c),
                "count": None,
                "target": None,
                "percent": None,
                "change": None,
                "rank_change": None,
                "derived": False,
                "batch": None,
                "date": None,
                **_pace_fields({}),
            }
            for c in snap.regions.descendants(within, level)
        ]
    return {
        "level": level,
        "within": within,
        "date": day.isoformat() if day else None,
        "measure": measure,
        "by": by,
        "target_source": snap.target_source(settings),
        "rows": rows,
    }


def cmd_rank(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    within = None
    if args.within:
        within = normalize_code(args.within)
        if within is None or within not in store.regions:
            raise UsageError(f"--within '{args.within}' is not a region code (e.g. 35.09)")
    snap = load_snapshot(store)
    if args.target is not None:
        if args.target not in snap.target_sources():
            known = ", ".join(repr(x) for x in snap.target_sources() if x) or "-"
            raise UsageError(f"--target '{args.target}' is not a stored target source ({known})")
        settings = replace(settings, target_source=args.target)
    result = rank_result(snap, settings, args.level, within, args.date, args.measure, args.by)
    rows: list[dict[str, Any]] = result["rows"]  # type: ignore[assignment]
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


def cmd_deck(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    out = Path(args.out)
    suffix = out.suffix.lstrip(".").lower()
    fmt = args.format or (suffix if suffix in FORMATS else "pptx")
    if not out.parent.is_dir():
        raise UsageError(f"--out '{args.out}': the folder {out.parent} does not exist")
    snap = load_snapshot(store)
    day = args.date or snap.latest_date()
    # The map's boundaries as /peta and /presentasi read them: CENSUS_GEO_DIR and the uploads.
    files = services.boundary_sources(store, settings.geo_dir)
    shapes = geo.load_boundaries(files, store.regions, within=settings.home).of(
        "kecamatan", settings.home
    )
    data = meeting_file(snap, settings, day, fmt, args.lang, shapes, args.order)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"--out '{args.out}': cannot write it ({exc.strerror})") from exc
    print(f"Wrote {out} ({fmt}, data up to {day.isoformat() if day else '(no data)'}).")
    return EXIT_OK


COMMANDS = {
    "demo": cmd_demo,
    "rank": cmd_rank,
    "digest": cmd_digest,
    "deck": cmd_deck,
    **cli_uploads.COMMANDS,
    **cli_keeping.COMMANDS,
}


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
    except (
        UsageError,
        cli_uploads.UsageError,
        cli_keeping.UsageError,
        SettingsError,
        UnknownRegion,
    ) as exc:
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
