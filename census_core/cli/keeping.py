"""The safe-keeping commands: backup, restore (exit 0 ok, 1 refused or failed, 2 usage)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from census_core import services
from census_core.settings import Settings
from census_core.store import get_store
from census_core.store.backup import BackupRefused
from census_core.text import fmt_int, t

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A backup file that cannot be written."""


def add_parsers(sub: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:
    back = sub.add_parser(
        "backup", parents=[db], help="write a portable, checksummed copy of the store to FILE"
    )
    back.add_argument("file", metavar="FILE", help="the backup file to write (a zip)")
    back.add_argument("--lang", choices=("id", "en"), default="id", help="language of messages")
    rest = sub.add_parser("restore", parents=[db], help="restore a backup FILE into an empty store")
    rest.add_argument("file", metavar="FILE", help="a file written by `backup`")
    rest.add_argument(
        "--replace",
        action="store_true",
        help="replace the data of a store that is not empty (default: refuse)",
    )
    rest.add_argument("--lang", choices=("id", "en"), default="id", help="language of messages")


def _counts(manifest: dict[str, Any], lang: str) -> dict[str, str]:
    return {name: fmt_int(entry["rows"], lang) for name, entry in manifest["tables"].items()}


def cmd_backup(args: argparse.Namespace) -> int:
    store = get_store(args.db or Settings.load().db_url)
    path = Path(args.file)
    try:
        manifest = services.backup_store(store, path)
    except OSError as exc:  # a folder that does not exist or cannot be written, a full disk
        raise UsageError(f"cannot write '{path}': {exc.strerror or exc}") from exc
    print(t("backup.written", args.lang, file=path.name, **_counts(manifest, args.lang)))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        services.check_backup(path)  # before the store is opened: a bad file makes no store
        store = get_store(args.db or Settings.load().db_url)
        manifest = services.restore_store(store, path, replace=args.replace)
    except BackupRefused as refused:
        print(f"error: {refused.message(args.lang)}", file=sys.stderr)
        return EXIT_REJECTED
    print(t("backup.restored", args.lang, file=path.name, **_counts(manifest, args.lang)))
    return EXIT_OK


COMMANDS = {"backup": cmd_backup, "restore": cmd_restore}
