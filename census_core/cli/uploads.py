"""The upload commands: import, targets, history, undo (exit 0 ok, 1 rejected/failed, 2 usage)."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from census_core.access.auth import named_operator
from census_core.digest import sha256_of
from census_core.display.freshness import upload_time
from census_core.faults import SystemFault
from census_core.ingest import Options, Upload, read_counts
from census_core.ingest.limits import MAX_FILE_MB
from census_core.ingest.model import empty_counts, sorted_problems
from census_core.ingest.problems import error, system_fault
from census_core.ingest.targets import read_targets
from census_core.regions import LEVELS, Regions, normalize_code
from census_core.services import commit_upload, undo_batch
from census_core.settings import Settings
from census_core.standings.provenance import region_history
from census_core.standings.snapshot import pick_source
from census_core.store import MEASURES, Store, get_store
from census_core.storefaults import StoreFault
from census_core.text import fmt_int, t

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger(__name__)


class UsageError(Exception):
    """A path that cannot be read, a region code that does not exist."""


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD") from exc


def _upload_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="CSV or Excel (.xlsx) file")
    parser.add_argument("--level", choices=LEVELS, help="the level of the file's regions")
    parser.add_argument("--within", metavar="CODE", help="regions lie inside this region")
    parser.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    parser.add_argument("--dry-run", action="store_true", help="check only; store nothing")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="who uploads (default: the login name); one of CENSUS_OPERATORS when set",
    )
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="language of messages")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def add_parsers(sub: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", parents=[db], help="check and store a file of daily counts")
    _upload_args(imp)
    imp.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="date of a snapshot file")
    imp.add_argument("--measure", choices=MEASURES, help="what a plain 'Jumlah' column counts")
    tgt = sub.add_parser("targets", parents=[db], help="check and store a file of targets")
    _upload_args(tgt)
    hist = sub.add_parser(
        "history", parents=[db], help="list upload batches, or one region's changes, newest first"
    )
    hist.add_argument(
        "--region", metavar="CODE", help="the changes of this region's own count (e.g. 35.09.19)"
    )
    hist.add_argument("--measure", choices=MEASURES, default="households", help="with --region")
    hist.add_argument("--lang", choices=("id", "en"), default="id", help="language of the text")
    hist.add_argument("--json", action="store_true", help="print one JSON object")
    undo = sub.add_parser("undo", parents=[db], help="undo one upload batch")
    undo.add_argument("batch", type=int, metavar="BATCH")
    undo.add_argument("--user", metavar="NAME")
    undo.add_argument("--json", action="store_true", help="print one JSON object")


def _store(args: argparse.Namespace) -> tuple[Store, Settings]:
    settings = Settings.load()
    return get_store(args.db or settings.db_url), settings


def _user(args: argparse.Namespace, settings: Settings) -> str:
    """Who stores or undoes: --user, else the login name; one of CENSUS_OPERATORS when set."""
    given = str(args.user) if args.user else None
    if given is None:
        try:
            given = getpass.getuser()
        except Exception:  # no login name in some containers
            given = "cli"
    if not settings.operators:
        return given
    if (name := named_operator(given, settings.operators)) is None:
        flag = f"--user '{given}'" if args.user else f"the login name '{given}' (no --user)"
        raise UsageError(
            f"{flag} is not an operator; give --user one of CENSUS_OPERATORS: "
            + ", ".join(settings.operators)
        )
    return name


def _options(args: argparse.Namespace, store: Store, settings: Settings) -> Options:
    within = None
    if args.within:
        within = normalize_code(args.within)
        if within is None or within not in store.regions:
            raise UsageError(f"--within '{args.within}' is not a region code (e.g. 35.09)")
    return Options(
        home=settings.home,
        date=getattr(args, "date", None),
        level=args.level,
        within=within,
        measure=getattr(args, "measure", None),
        sheet=args.sheet,
    )


def _read_file(path: str) -> bytes:
    """The file's bytes, or its first MAX_FILE_MB and one byte: enough to refuse it by size."""
    try:
        with Path(path).open("rb") as file:
            return file.read((MAX_FILE_MB << 20) + 1)
    except OSError as exc:
        raise UsageError(f"cannot read '{path}': {exc.strerror or exc}") from exc


def cmd_import(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    options = _options(args, store, settings)
    user = None if args.dry_run else _user(args, settings)
    data = _read_file(args.path)
    name = Path(args.path).name
    try:
        targets = store.current_targets()
    except Exception as exc:  # the store, not the file: nothing is read or stored
        upload = Upload(name, sha256_of(data), "counts", empty_counts())
        upload.problems.append(system_fault(log, f"reading the store for {name!r}", exc))
        return _finish(args, store, upload, user)
    upload = read_counts(
        data,
        name,
        store.regions,
        options,
        existing=lambda codes: store.current_counts(within=store_scope(codes, store.regions)),
        targets=targets,
    )
    return _finish(args, store, upload, user)


def regencies_of(codes: list[str]) -> list[str]:
    """The kabupaten/kota (or provinces) the codes lie in: what to read of the store to check
    a file, instead of every count of a national store."""
    return sorted({code[:5] if len(code) >= 5 else code for code in codes})


# Above this share of the country's kabupaten/kota, reading the whole store is faster than
# filtering it by each (765,000 kecamatan counts on SQLite: whole 1.7 s; 250 of the 514
# regencies 1.3 s; all 514 2.2 s). Counts of other regions do not change a check.
WHOLE_STORE_SHARE = 0.7


def store_scope(codes: list[str], regions: Regions) -> list[str] | None:
    """What of the store to read to check a file of `codes`: its regencies, or all (None)."""
    regencies = regencies_of(codes)
    if len(regencies) > WHOLE_STORE_SHARE * len(regions.descendants(None, "kabupaten")):
        return None
    return regencies


def cmd_targets(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    options = _options(args, store, settings)
    user = None if args.dry_run else _user(args, settings)
    # Rows naming no source replace the default target (CENSUS_TARGET_SOURCE), as on the page.
    stored = store.current_targets()
    sources = sorted(stored["source"].astype(str).unique(), key=str.lower) if len(stored) else []
    options = replace(options, source=pick_source(sources, settings.target_source) or "")
    data = _read_file(args.path)
    upload = read_targets(data, Path(args.path).name, store.regions, options)
    return _finish(args, store, upload, user)


def _finish(args: argparse.Namespace, store: Store, upload: Upload, user: str | None) -> int:
    batch, committed = None, 0
    if upload.ok and user is not None:
        try:
            result = commit_upload(upload, store, user)
            batch, committed = result.batch, result.changed
        except (SystemFault, StoreFault) as fault:  # logged with its traceback; store as it was
            upload.problems.append(error("system_fault", ref=fault.ref))
    status = "failed" if upload.fault else ("ok" if upload.ok else "rejected")
    out = {
        "status": status,
        **upload.as_json(args.lang),
        "committed": committed,
        "batch": batch,
    }
    out = {k: out[k] for k in ("status", "file", "level", "dates", "rows", "committed")} | {
        "errors": out["errors"],
        "warnings": out["warnings"],
        "batch": batch,
    }
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        _print_upload(upload, out, args)
    return EXIT_OK if upload.ok else EXIT_REJECTED


def _print_upload(upload: Upload, out: dict[str, object], args: argparse.Namespace) -> None:
    lang, file = args.lang, upload.file_name
    if upload.ok:
        dates = ", ".join(out["dates"]) or "-"  # type: ignore[arg-type]
        level = upload.level or "-"
        print(t("cli.accepted", lang, file=file, level=level, dates=dates, rows=upload.rows))
        if args.dry_run:
            print(t("cli.dry_run", lang))
        elif out["batch"] is None:
            print(t("cli.unchanged", lang))
        else:
            print(t("cli.committed", lang, batch=out["batch"], n=out["committed"]))
    else:
        print(t("cli.failed" if upload.fault else "cli.rejected", lang, file=file))
    for problem in sorted_problems(upload.errors):
        print(f"  error: {problem.message(args.lang)}")
    for problem in sorted_problems(upload.warnings):
        print(f"  warning: {problem.message(args.lang)}")


def _batch_json(row: dict[str, object]) -> dict[str, object]:
    def stamp(value: object) -> str | None:
        return None if value is None or pd.isna(value) else pd.Timestamp(value).isoformat()  # type: ignore[arg-type]

    return {
        "id": int(row["id"]),  # type: ignore[call-overload]
        "created_at": stamp(row["created_at"]),
        "user": row["user"],
        "file": row["file_name"],
        "sha256": row["sha256"],
        "kind": row["kind"],
        "rows": int(row["rows"]),  # type: ignore[call-overload]
        "changed": int(row["changed"]),  # type: ignore[call-overload]
        "undone": bool(row["undone"]),
        "undone_at": stamp(row["undone_at"]),
        "undone_by": None if pd.isna(row["undone_by"]) else row["undone_by"],  # type: ignore[arg-type]
    }


def cmd_history(args: argparse.Namespace) -> int:
    store, _ = _store(args)
    if args.region:
        return _region_history(args, store)
    batches = [_batch_json(r) for r in store.batches().to_dict("records")]
    if args.json:
        print(json.dumps({"batches": batches}, ensure_ascii=False))
        return EXIT_OK
    for b in batches:
        state = " (undone)" if b["undone"] else ""
        print(
            f"{b['id']:>5}  {b['created_at']}  {b['kind']:<8} {b['user']:<16} "
            f"{b['file']}  rows={b['rows']} changed={b['changed']}{state}"
        )
    return EXIT_OK


def _region_history(args: argparse.Namespace, store: Store) -> int:
    """The batches that changed one region's own count: before and after, file, user, WIB."""
    code = normalize_code(args.region)
    if code is None or code not in store.regions:
        raise UsageError(f"--region '{args.region}' is not a region code (e.g. 35.09.19)")
    history = region_history(store, code, args.measure)
    name = store.regions.name(code)
    changes = [
        {
            "batch": int(rec["batch"]),
            "date": rec["date"].isoformat(),
            "before": None if pd.isna(rec["before"]) else int(rec["before"]),
            "after": int(rec["after"]),
            "file": rec["file"],
            "user": rec["user"],
            "time": None if rec["time"] is None else rec["time"].isoformat(),
            "undone": bool(rec["undone"]),
        }
        for rec in history.to_dict("records")
    ]
    if args.json:
        out = {"region": code, "name": name, "measure": args.measure, "changes": changes}
        print(json.dumps(out, ensure_ascii=False))
        return EXIT_OK
    measure = t(f"measure.{args.measure}", args.lang)
    print(t("cli.history", args.lang, name=name, code=code, measure=measure))
    if not changes:
        print(t("cli.no_counts", args.lang))
    for rec, when in zip(changes, history["time"], strict=True):
        state = t("cli.undone", args.lang) if rec["undone"] else ""
        print(
            f"  batch {rec['batch']}  {rec['date']}  "
            f"{fmt_int(rec['before'], args.lang)} -> {fmt_int(rec['after'], args.lang)}  "
            f"{rec['file']}  {rec['user']}  {upload_time(when, args.lang)} WIB{state}"
        )
    return EXIT_OK


def cmd_undo(args: argparse.Namespace) -> int:
    store, settings = _store(args)
    undo = undo_batch(store, args.batch, _user(args, settings))
    if undo.fault:  # the store's fault, not the request's: main() says so on stderr
        raise undo.fault
    if undo.error:
        return _undo_result(args, "rejected", str(undo.error))
    return _undo_result(args, "ok", f"Batch {args.batch} undone.")


def _undo_result(args: argparse.Namespace, status: str, message: str) -> int:
    if args.json:
        print(json.dumps({"status": status, "batch": args.batch, "message": message}))
    else:
        print(message)
    return EXIT_OK if status == "ok" else EXIT_REJECTED


COMMANDS = {
    "import": cmd_import,
    "targets": cmd_targets,
    "history": cmd_history,
    "undo": cmd_undo,
}
