"""Where a figure came from, one click from its row: the core's sentence and the history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import streamlit as st

from census_core.provenance import history_rows
from census_core.snapshot import Snapshot
from ui import cached
from ui.safe import md

TEXT = {
    "id": {
        "origin": "Asal angka dan riwayat perubahan",
        "picker": "Asal angka wilayah…",
        "pick": "Wilayah",
        "placeholder": "pilih wilayah dari papan ini",
        "history": "Riwayat perubahan angka wilayah ini sendiri, terbaru dulu",
        "no_history": "Belum ada angka wilayah ini sendiri yang diunggah.",
    },
    "en": {
        "origin": "Where the figure came from, and its changes",
        "picker": "Where a region's figure came from…",
        "pick": "Region",
        "placeholder": "pick a region of this board",
        "history": "Changes of this region's own count, newest first",
        "no_history": "No count of this region itself has been uploaded yet.",
    },
}


def origin(snap: Snapshot, day: date, code: str, measure: str, lang: str, key: str) -> None:
    """The sentence saying which upload set the figure, then the region's history of changes."""
    words = TEXT.get(lang, TEXT["id"])
    st.markdown(md(cached.provenance_of(snap, code, day, measure).sentence(lang)))
    history = cached.history(snap, code, measure)
    st.caption(words["history"])
    if history.empty:
        st.caption(words["no_history"])
        return
    st.dataframe(
        history_rows(history, lang), hide_index=True, width="stretch", key=f"{key}_history"
    )


def picker(
    snap: Snapshot, day: date, codes: Iterable[str], measure: str, lang: str, key: str
) -> None:
    """A popover under a board: pick one of its regions, read where its figure came from."""
    words = TEXT.get(lang, TEXT["id"])
    options = {code: snap.regions.name(code) for code in codes}
    with st.popover(words["picker"]):
        code = st.selectbox(
            words["pick"],
            options=list(options),
            format_func=options.get,
            index=None,
            key=key,
            placeholder=words["placeholder"],
        )
        if code:
            origin(snap, day, code, measure, lang, key)
