"""Unggah: operators upload the day's counts and the targets; history with undo; templates."""

import streamlit as st

from census_core import services
from census_core.digest import sha256_of
from census_core.faults import SystemFault
from census_core.ingest import Options
from census_core.ingest.reader import sheet_names
from census_core.ingest.report import history_table
from census_core.markup import md_escape
from census_core.regions import LEVELS, level_label
from census_core.storefaults import StoreFault
from census_core.text import fmt_int, t
from ui import attention, auth, board, cached, effect, gate, start, state, upload
from ui.page import open_page

snap, settings, lang, as_of, measure = open_page()
st.title(t("upload.title", lang))
user = auth.require_operator(lang)
if user is None:
    st.stop()
if flash := st.session_state.pop("upload_flash", None):
    st.success(md_escape(flash))
if failure := st.session_state.pop("upload_failure", None):
    st.error(md_escape(failure))
gen = st.session_state.setdefault("upload_gen", 0)
if as_of is not None:
    # Who the operator still waits for, before the day's upload.
    attention.quiet(cached.attention(snap, settings, as_of, lang, measure, with_chase=False))


def upload_section(kind: str) -> None:
    with st.expander(t("upload.options", lang)):
        day = None
        measure = None
        if kind == "counts":
            day = st.date_input(
                t("upload.date", lang), value=None, key=f"{kind}_date", format="DD/MM/YYYY"
            )
            measure = st.selectbox(
                t("upload.measure", lang),
                ["households", "persons"],
                key=f"{kind}_measure",
                format_func=lambda m: t(f"upload.measure.{m}", lang),
            )
        level = st.selectbox(
            t("upload.level", lang),
            [None, *LEVELS],
            key=f"{kind}_level",
            format_func=lambda v: t("upload.auto", lang) if v is None else level_label(v, lang),
        )
    file = st.file_uploader(
        t("upload.file", lang),
        type=["csv", "tsv", "txt", "xlsx", "xls"],
        key=f"{kind}_file_{gen}",
        help=upload.limits(lang),
    )
    if file is None:
        return
    data = file.getvalue()
    sheets = sheet_names(data)
    sheet = (
        st.selectbox(
            t("upload.sheet", lang),
            sheets,
            index=None,  # none chosen: the first sheet with a table of regions (a cover skipped)
            placeholder=t("upload.sheet_auto", lang),
            key=f"{kind}_sheet",
        )
        if len(sheets) > 1
        else None
    )
    checked = upload.check(
        data,
        file.name,
        kind,
        snap,
        settings,
        Options(
            home=settings.home,
            date=day,
            level=level,
            measure=measure,
            sheet=sheet,
            corrections=tuple(sorted(upload.corrections(sha256_of(data)).items())),
        ),
    )
    upload.show(checked, snap, lang, kind)
    effect.render(checked, snap, lang)
    if checked.upload.ok and st.button(
        t("upload.commit", lang), type="primary", key=f"{kind}_commit"
    ):
        assert user is not None  # the page stopped above for anyone not signed in
        try:
            with gate.outside():  # a write may wait for the store's lock; readers go on
                result = services.commit_upload(checked.upload, state.store(), user)
        except SystemFault as fault:  # logged with its reference; the store is as it was
            st.error(md_escape(fault.message(lang)))
            return
        except StoreFault as fault:  # gone, locked, read-only, full: what to do, and its ref
            st.error(md_escape(fault.message(lang)))
            return
        done = t("upload.committed", lang, batch=result.batch, n=fmt_int(result.changed, lang))
        st.session_state["upload_flash"] = done if result.batch else t("upload.unchanged", lang)
        st.session_state["upload_gen"] = gen + 1  # a fresh, empty uploader
        st.rerun()


tabs = st.tabs(
    [
        t("upload.tab_counts", lang),
        t("upload.tab_targets", lang),
        t("upload.tab_history", lang),
        t("upload.tab_templates", lang),
    ]
)
with tabs[0]:
    upload_section("counts")
with tabs[1]:
    upload_section("targets")
with tabs[2]:
    st.subheader(t("upload.history", lang))
    batches = snap.batches
    board.table(history_table(batches, lang), t("upload.no_history", lang))
    auth.sign_in_history(lang)
    active = [int(b) for b, u in zip(batches["id"], batches["undone"], strict=True) if not u]
    if active:
        cols = st.columns([3, 1], vertical_alignment="bottom")
        chosen = cols[0].selectbox(
            t("upload.undo", lang),
            active,
            index=None,
            key="undo_batch",
            placeholder=t("upload.undo_placeholder", lang),
        )
        disabled = chosen is None
        if (
            cols[1].button(t("upload.undo_button", lang), key="undo", disabled=disabled)
            and chosen is not None
        ):
            undo = services.undo_batch(state.store(), int(chosen), user)
            if undo.done:
                st.session_state["upload_flash"] = t("upload.undone", lang, batch=chosen)
            else:
                st.session_state["upload_failure"] = undo.message(lang)
            st.rerun()
with tabs[3]:
    start.templates(snap, settings, lang, "tpl")
    if snap.batches.empty:
        start.simulated_button(settings, lang)

from ui.boundaries import render_boundary_upload  # noqa: E402

render_boundary_upload()
