"""The system's faults, not a file's: a short reference for the operator, the traceback logged."""

from __future__ import annotations

import logging
import secrets

# (Indonesian, English); also the upload problem "system_fault" (census_core.ingest.problems).
MESSAGE = (
    "Kesalahan pada sistem, bukan pada berkas: tidak ada yang disimpan dan data yang tersimpan "
    "tetap seperti semula. Coba lagi nanti; bila terulang, sampaikan kode ref {ref} kepada "
    "pengelola sistem.",
    "A fault in the system, not in the file: nothing was stored and the stored data is as it "
    "was. Try again later; if it happens again, give the system's administrator the code "
    "ref {ref}.",
)

# Any other command that fails on the system's side (the command line's last resort).
COMMAND_MESSAGE = (
    "Kesalahan pada sistem, bukan pada masukan Anda. Coba lagi nanti; bila terulang, sampaikan "
    "kode ref {ref} kepada pengelola sistem.",
    "A fault in the system, not in your input. Try again later; if it happens again, give the "
    "system's administrator the code ref {ref}.",
)


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
        template = MESSAGE if upload else COMMAND_MESSAGE
        return template[1 if lang == "en" else 0].format(ref=self.ref)
