"""A file's fingerprint: the one sha256 that tells an upload, a boundary file or a batch apart."""

from __future__ import annotations

import hashlib


def sha256_of(data: bytes) -> str:
    """The hex sha256 of `data`: 64 characters, the same for the same bytes."""
    return hashlib.sha256(data).hexdigest()
