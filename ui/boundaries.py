"""Boundaries for the map: the cached loader, and the upload section of /unggah."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from census_core import services
from census_core.geo import geo
from census_core.geo.geo import Boundaries
from census_core.geo.geofeatures import Unmatched
from census_core.markup import md_escape as md
from census_core.text import fmt_int, fmt_pct, known, t
from ui import auth, sidebar, state

RESULT = "boundary_result"  # the last upload's outcome, in session state until dismissed


def render_similar(rows: list[dict], *, expanded: bool = False) -> None:
    """The pairs matched by similar name, both spellings side by side, for the operator."""
    if not rows:
        return
    lang = sidebar.lang()
    with st.expander(t("bounds.similar", lang, n=fmt_int(len(rows), lang)), expanded=expanded):
        st.caption(t("bounds.similar_caption", lang))
        st.dataframe(
            {
                t("bounds.col.name", lang): [r["name"] for r in rows],
                t("bounds.col.region", lang): [r["region"] for r in rows],
                t("bounds.col.parent", lang): [r["parent"] for r in rows],
                t("bounds.col.code", lang): [r["code"] for r in rows],
                t("bounds.col.score", lang): [fmt_pct(r["score"], lang, 0) for r in rows],
                t("bounds.col.file", lang): [r["source"] for r in rows],
            },
            hide_index=True,
            width="stretch",
        )


def render_water(features: list[Unmatched]) -> None:
    """One line naming the water bodies the files hold, so nobody looks for them as errors."""
    if not features:
        return
    names = ", ".join(f"{u.name} ({u.code}, {u.source})" for u in features)
    st.caption(md(t("bounds.water", sidebar.lang(), names=names)))


def _dir_signature(path: Path) -> tuple:
    """Names, sizes and times of the folder's files: a changed file reloads the boundaries."""
    if not path.is_dir():
        return ()
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(path.iterdir()))


@st.cache_resource(max_entries=2, show_spinner=False)
def _uploaded(url: str, version: str) -> tuple[tuple[int, str], ...]:
    files = state.store().boundary_files(with_data=False)
    return tuple(zip(files["id"].tolist(), files["sha256"].tolist(), strict=True))


@st.cache_resource(max_entries=2, show_spinner="Memuat batas wilayah…")
def _load(url: str, uploaded: tuple, geo_dir: str, sig: tuple, home: str) -> Boundaries:
    files = services.boundary_sources(state.store(), Path(geo_dir))
    return geo.load_boundaries(files, state.store().regions, within=home)


def load() -> Boundaries:
    """Boundaries from CENSUS_GEO_DIR and the store, parsed once per change of either."""
    settings = state.settings()
    store = state.store()
    uploaded = _uploaded(store.url, store.version())
    sig = _dir_signature(settings.geo_dir)
    return _load(store.url, uploaded, str(settings.geo_dir), sig, settings.home)


def _result(kind: str, text: str, similar: list[dict] | None = None) -> dict:
    return {"kind": kind, "text": text, "similar": similar or []}


def _save(name: str, data: bytes, user: str) -> dict:
    """Check and keep one file (census_core.services); what to tell the operator (Markdown,
    names escaped)."""
    lang = sidebar.lang()
    settings = state.settings()
    added = services.add_boundary_file(
        state.store(), name, data, user, geo_dir=settings.geo_dir, home=settings.home
    )
    if added.status == "same":
        return _result("info", t("bounds.same", lang, name=md(name)))
    if added.status == "not_crosswalk":
        return _result("error", t("bounds.not_crosswalk", lang, name=md(name)))
    if added.status == "saved_csv":
        rows = fmt_int(added.rows, lang)
        return _result("success", t("bounds.saved_csv", lang, name=md(name), rows=rows))
    if added.fault is not None:
        return _result("error", md(added.fault.message(lang)))
    assert added.checked is not None
    if added.status == "refused":
        lines = "\n".join(f"- {md(line)}" for line in added.checked.refusal(lang).splitlines())
        return _result("error", t("bounds.refused", lang, name=md(name)) + "\n" + lines)
    result = added.outcome
    assert result is not None
    text = t(
        "bounds.saved_similar" if result.similar else "bounds.saved",
        lang,
        name=md(name),
        matched=fmt_int(result.matched, lang),
        similar=fmt_int(result.similar, lang),
        unmatched=fmt_int(result.unmatched, lang),
    )
    if result.water:
        text += t("bounds.saved_water", lang, water=fmt_int(result.water, lang))
    if summary := added.checked.summary(lang):
        text += t("bounds.simplified", lang, summary=summary)
    return _result("success", text, added.similar)


def render_skipped(bounds: Boundaries) -> None:
    """The files the map left out and why, for the operator; folded, the page goes on."""
    if not bounds.skipped:
        return
    lang = sidebar.lang()
    with st.expander(t("bounds.skipped", lang, n=len(bounds.skipped))):
        for skipped in bounds.skipped:
            st.caption(md(skipped.note(lang)))


def _render_result(lang: str) -> None:
    """The last upload's outcome, kept until dismissed: the live refresh reruns the page."""
    results = st.session_state.get(RESULT)
    if not results:
        return
    for r in results:
        {"success": st.success, "error": st.error, "info": st.info}[r["kind"]](r["text"])
        render_similar(r["similar"], expanded=True)
    if st.button(t("bounds.dismiss", lang), key="boundary_result_dismiss"):
        st.session_state.pop(RESULT, None)
        st.rerun()


def render_boundary_upload() -> None:
    """The boundary section of /unggah: upload GeoJSON or a crosswalk, list and delete."""
    lang = sidebar.lang()
    st.subheader(t("bounds.title", lang))
    st.caption(t("bounds.intro", lang))
    settings = state.settings()
    on_disk = [name for name, _ in geo.read_dir(settings.geo_dir)]
    if on_disk:  # the folder by its setting: a server path means nothing to an operator
        st.caption(t("bounds.from_dir", lang, files=md(", ".join(on_disk))))
    user = auth.signed_in_user()
    if not user:
        st.caption(t("bounds.sign_in", lang))
        return
    with st.form("boundary_upload", clear_on_submit=True):
        files = st.file_uploader(
            t("bounds.files", lang),
            type=["geojson", "json", "csv"],
            accept_multiple_files=True,
            key="boundary_files",
            # Streamlit writes its own size note in English; this one is in the reader's language.
            help=t("bounds.files_help", lang, mb=st.get_option("server.maxUploadSize")),
        )
        submitted = st.form_submit_button(t("bounds.submit", lang))
    if submitted and files:
        st.session_state[RESULT] = [_save(f.name, f.getvalue(), user) for f in files]
    _render_result(lang)
    stored = state.store().boundary_files(with_data=False)
    if len(stored):
        st.caption(t("bounds.stored", lang))
        for row in stored.itertuples():
            cols = st.columns([5, 1])
            cols[0].text(f"{row.file_name} · {row.user}")
            if cols[1].button(t("bounds.delete", lang), key=f"boundary_delete_{row.id}"):
                services.delete_boundary_file(state.store(), int(row.id))
                st.rerun()
    bounds = load()
    render_skipped(bounds)
    render_report(bounds)


def _reason(code: str, lang: str) -> str:
    """Why a boundary is not matched, in words; a reason with no words of its own as it is."""
    return t(f"peta.reason.{code}", lang) if known(f"peta.reason.{code}") else code


def render_report(bounds: Boundaries) -> None:
    """For the operator: names matched by similarity, water bodies, and what did not match
    (the home regency's kecamatan without a boundary, and every feature without a region)."""
    lang = sidebar.lang()
    regions = state.store().regions
    render_similar(bounds.similar_report(regions))
    render_water(bounds.water())
    rows = bounds.report(regions, "kecamatan", state.settings().home)
    if not rows:
        return
    with st.expander(t("peta.report", lang, n=len(rows))):
        st.dataframe(
            {
                t("peta.col.kind", lang): [t(f"peta.kind.{r['kind']}", lang) for r in rows],
                t("peta.col.name", lang): [r["name"] for r in rows],
                t("peta.col.code", lang): [r["code"] for r in rows],
                t("peta.col.file", lang): [r["source"] for r in rows],
                t("peta.col.reason", lang): [_reason(r["reason"], lang) for r in rows],
                t("peta.col.near", lang): [r["near"] for r in rows],
            },
            hide_index=True,
            width="stretch",
        )
