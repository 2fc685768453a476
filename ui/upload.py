"""Upload page pieces: the checked file's verdict, problems, suggestions and preview."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from census_core.digest import sha256_of
from census_core.ingest import Options
from census_core.ingest.report import (
    preview_caption,
    preview_table,
    summary,
    verdict,
)
from census_core.ingest.service import Checked, check_upload
from census_core.markup import md_escape
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import t
from ui import gate

MAX_LISTED = 30  # more problems than this are in the preview's notes column


def limits(lang: str) -> str:
    """The upload limits in words: Streamlit's maxUploadSize and the ingest row limit."""
    from census_core.ingest.limits import MAX_COLUMNS, MAX_ROWS
    from census_core.text import fmt_int

    mb = st.get_option("server.maxUploadSize")
    rows, cols = fmt_int(MAX_ROWS, lang), fmt_int(MAX_COLUMNS, lang)
    return t("upload.limits", lang, mb=mb, rows=rows, cols=cols)


def corrections(sha: str) -> dict[str, str]:
    """Suggestions the operator accepted for this file: text as written -> region code."""
    store: dict[str, dict[str, str]] = st.session_state.setdefault("corrections", {})
    return store.setdefault(sha, {})


def check(
    data: bytes, name: str, kind: str, snap: Snapshot, settings: Settings, options: Options
) -> Checked:
    """Check once per file, options and store version (reruns reuse the result)."""
    key = (sha256_of(data), name, kind, options, snap.version)
    memo = st.session_state.get(f"checked_{kind}")
    if memo is None or memo[0] != key:
        # A big file's check (a spreadsheet read in a child process) lets readers go on.
        with gate.outside():
            checked = check_upload(data, name, kind, snap, settings, options)
        if checked.upload.fault is not None:  # ours and perhaps passing: check again next run
            return checked
        memo = (key, checked)
        st.session_state[f"checked_{kind}"] = memo
    return memo[1]  # type: ignore[no-any-return]


def _listing(messages: list[str], lang: str) -> str:
    shown = [f"- {md_escape(m)}" for m in messages[:MAX_LISTED]]
    if len(messages) > MAX_LISTED:
        shown.append(f"- {t('upload.more', lang, n=len(messages) - MAX_LISTED)}")
    return "\n".join(shown)


def _highlight(table: pd.DataFrame) -> pd.io.formats.style.Styler:
    colors = {"error": "background-color: #fde2e1", "warning": "background-color: #fff4d6"}

    def paint(row: pd.Series) -> list[str]:
        return [colors.get(str(row["status"]), "")] * len(row)

    return table.style.apply(paint, axis=1)


def show(checked: Checked, snap: Snapshot, lang: str, kind: str) -> None:
    """The verdict, the problems by row, suggestions to accept and the preview (the effect is
    ui.effect.render)."""
    upload = checked.upload
    st.caption(md_escape(summary(upload, lang)))
    (st.success if upload.ok else st.error)(md_escape(verdict(upload, lang)))
    # A fault of the system is the verdict itself, not one more error of the file.
    errors = [p for p in upload.errors if p.reason != "system_fault"]
    if errors:
        st.error(
            f"**{t('upload.errors', lang)}**\n\n"
            + _listing([p.message(lang) for p in errors], lang)
        )
    # One choice per name as written: it fixes every row that wrote it, then the file is
    # checked again with that mapping (nothing is stored before 'Simpan').
    by_text: dict[str, list[int]] = {}
    for p in upload.errors:
        if p.suggestions and p.row is not None:
            by_text.setdefault(str(p.value), []).append(p.row)
    firsts = [p for p in upload.errors if p.suggestions and by_text[str(p.value)][0] == p.row]
    for problem in firsts[:10]:
        rows = ", ".join(str(r) for r in by_text[str(problem.value)])
        st.markdown(md_escape(t("upload.suggest", lang, text=problem.value, row=rows)))
        cols = st.columns(len(problem.suggestions))
        for col, (code, name) in zip(cols, problem.suggestions, strict=True):
            if col.button(f"{name} ({code})", key=f"{kind}_fix_{problem.row}_{code}"):
                corrections(upload.sha256)[str(problem.value)] = code
                st.rerun()
    if upload.warnings:
        st.warning(
            f"**{t('upload.warnings', lang)}**\n\n"
            + _listing([p.message(lang) for p in upload.warnings], lang)
        )
    table = preview_table(upload, snap.regions, lang)
    if not table.empty:
        st.subheader(t("upload.preview", lang))
        if note := preview_caption(len(upload.regions_read), len(table), lang):
            st.caption(note)
        st.dataframe(
            _highlight(table), hide_index=True, width="stretch", column_config={"status": None}
        )
