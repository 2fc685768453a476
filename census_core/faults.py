"""The system's faults, not a file's: a short reference for the operator, the traceback logged."""

from __future__ import annotations

import logging
import secrets

from census_core.text import t


def new_ref() -> str:
    """Six hex digits, e.g. '7F3A2C': short enough to read out on the phone."""
    return secrets.token_hex(3).upper()


def log_fault(log: logging.Logger, doing: str, exc: BaseException) -> str:
    """Write `exc` with its traceback to `log` under a new reference; return the reference."""
    ref = new_ref()
    log.error("System fault ref %s while %s", ref, doing, exc_info=exc)
    return ref


class SystemFault(Exception):
    """An unexpected error in reading or storing, logged under `ref`; nothing was stored."""

    def __init__(self, ref: str) -> None:
        super().__init__(f"system fault, ref {ref}")
        self.ref = ref

    def message(self, lang: str = "id", *, upload: bool = True) -> str:
        """What the operator reads: whose fault, that nothing was stored, the reference."""
        return t("fault.upload" if upload else "fault.command", lang, ref=self.ref)
