"""Boundaries for the map: the cached loader, and the upload section of /unggah."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from census_core import geo, services
from census_core.geo import Boundaries
from census_core.geofeatures import Unmatched
from census_core.markup import md_escape as md
from census_core.text import fmt_int, fmt_pct
from ui import auth, sidebar, state

RESULT = "boundary_result"  # the last upload's outcome, in session state until dismissed

TEXT = {
    "id": {
        "title": "Batas wilayah untuk peta",
        "intro": "GeoJSON batas kecamatan, desa atau kabupaten/kota (kode Kemendagri, kode BPS "
        "atau nama), dan bila ada tabel padanan kode BPS–Kemendagri (CSV dengan kolom "
        "`code_bps` dan `code_kemendagri`). Semua server yang memakai basis data ini melihatnya.",
        "sign_in": "Masuk sebagai operator untuk mengunggah batas wilayah.",
        "files": "Berkas batas wilayah",
        "submit": "Tambahkan batas wilayah",
        "bad": "{name}: {error}",
        "same": "{name} sudah tersimpan.",
        "saved": "{name} tersimpan: {matched} wilayah cocok, {unmatched} fitur tidak cocok.",
        "saved_similar": "{name} tersimpan: {matched} wilayah cocok ({similar} di antaranya "
        "menurut nama yang mirip, periksa di bawah), {unmatched} fitur tidak cocok.",
        "saved_water": " {water} fitur perairan (bukan wilayah) dilewati.",
        "saved_csv": "{name} tersimpan sebagai tabel padanan kode ({rows} kode).",
        "not_crosswalk": "{name}: CSV ini tidak punya kolom kode BPS dan kode Kemendagri.",
        "stored": "Tersimpan",
        "delete": "Hapus",
        "from_dir": "Dari folder batas wilayah server (`CENSUS_GEO_DIR`): {files}",
        "refused": "{name} tidak disimpan:",
        "simplified": " Berkas {summary}.",
        "dismiss": "Tutup pesan",
        "skipped": "Berkas batas wilayah yang dilewati ({n})",
    },
    "en": {
        "title": "Boundaries for the map",
        "intro": "GeoJSON boundaries of districts, villages or regencies (Kemendagri code, BPS "
        "code or name), and if you have it a BPS–Kemendagri code crosswalk (CSV with columns "
        "`code_bps` and `code_kemendagri`). Every server sharing this database sees them.",
        "sign_in": "Sign in as operator to upload boundaries.",
        "files": "Boundary files",
        "submit": "Add boundaries",
        "bad": "{name}: {error}",
        "same": "{name} is already stored.",
        "saved": "{name} saved: {matched} regions matched, {unmatched} features unmatched.",
        "saved_similar": "{name} saved: {matched} regions matched ({similar} of them by similar "
        "name, check them below), {unmatched} features unmatched.",
        "saved_water": " {water} water features (not regions) skipped.",
        "saved_csv": "{name} saved as a code crosswalk ({rows} codes).",
        "not_crosswalk": "{name}: this CSV has no BPS code and Kemendagri code columns.",
        "stored": "Stored",
        "delete": "Delete",
        "from_dir": "From the server's boundaries folder (`CENSUS_GEO_DIR`): {files}",
        "refused": "{name} was not stored:",
        "simplified": " The file was {summary}.",
        "dismiss": "Dismiss",
        "skipped": "Boundary files skipped ({n})",
    },
}


SIMILAR: dict[str, dict] = {
    "id": {
        "title": "Cocok menurut nama yang mirip ({n})",
        "caption": "Ejaan desa atau kecamatan ini di berkas berbeda dari daftar wilayah, jadi "
        "dipasangkan dengan wilayah yang namanya paling mirip di kecamatan atau kabupaten/kota "
        "yang sama. Periksa pasangannya; bila ada yang keliru, perbaiki nama atau kodenya di "
        "berkas lalu unggah lagi.",
        "cols": ["Nama di berkas", "Nama di daftar wilayah", "Di wilayah", "Kode", "Kemiripan",
                 "Berkas"],
    },
    "en": {
        "title": "Matched by similar name ({n})",
        "caption": "The file spells these villages or districts differently from the region "
        "master, so each was paired with the most similar name in the same district or "
        "regency. Check the pairs; if one is wrong, fix its name or code in the file and "
        "upload it again.",
        "cols": ["Name in the file", "Name in the region master", "Within", "Code",
                 "Similarity", "File"],
    },
}  # fmt: skip


def render_similar(rows: list[dict], *, expanded: bool = False) -> None:
    """The pairs matched by similar name, both spellings side by side, for the operator."""
    if not rows:
        return
    lang = sidebar.lang()
    words = SIMILAR.get(lang, SIMILAR["id"])
    cols = words["cols"]
    with st.expander(words["title"].format(n=fmt_int(len(rows), lang)), expanded=expanded):
        st.caption(words["caption"])
        st.dataframe(
            {
                cols[0]: [r["name"] for r in rows],
                cols[1]: [r["region"] for r in rows],
                cols[2]: [r["parent"] for r in rows],
                cols[3]: [r["code"] for r in rows],
                cols[4]: [fmt_pct(r["score"], lang, 0) for r in rows],
                cols[5]: [r["source"] for r in rows],
            },
            hide_index=True,
            width="stretch",
        )


WATER = {
    "id": "Perairan (danau, waduk, laut), bukan wilayah, tidak digambar: {names}.",
    "en": "Water bodies (lakes, reservoirs, sea), not regions, not drawn: {names}.",
}


def render_water(features: list[Unmatched]) -> None:
    """One line naming the water bodies the files hold, so nobody looks for them as errors."""
    if not features:
        return
    names = ", ".join(f"{u.name} ({u.code}, {u.source})" for u in features)
    st.caption(md(WATER.get(sidebar.lang(), WATER["id"]).format(names=names)))


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


def _save(name: str, data: bytes, user: str, words: dict[str, str]) -> dict:
    """Check and keep one file (census_core.services); what to tell the operator (Markdown,
    names escaped)."""
    lang = sidebar.lang()
    settings = state.settings()
    added = services.add_boundary_file(
        state.store(), name, data, user, geo_dir=settings.geo_dir, home=settings.home
    )
    if added.status == "same":
        return _result("info", words["same"].format(name=md(name)))
    if added.status == "not_crosswalk":
        return _result("error", words["not_crosswalk"].format(name=md(name)))
    if added.status == "saved_csv":
        return _result(
            "success", words["saved_csv"].format(name=md(name), rows=fmt_int(added.rows, lang))
        )
    if added.fault is not None:
        return _result("error", md(added.fault.message(lang)))
    assert added.checked is not None
    if added.status == "refused":
        lines = "\n".join(f"- {md(line)}" for line in added.checked.refusal(lang).splitlines())
        return _result("error", words["refused"].format(name=md(name)) + "\n" + lines)
    result = added.outcome
    assert result is not None
    message = words["saved_similar" if result.similar else "saved"]
    if result.water:
        message += words["saved_water"]
    if summary := added.checked.summary(lang):
        message += words["simplified"].format(summary=summary)
    text = message.format(
        name=md(name),
        matched=fmt_int(result.matched, lang),
        similar=fmt_int(result.similar, lang),
        unmatched=fmt_int(result.unmatched, lang),
        water=fmt_int(result.water, lang),
    )
    return _result("success", text, added.similar)


def render_skipped(bounds: Boundaries) -> None:
    """The files the map left out and why, for the operator; folded, the page goes on."""
    if not bounds.skipped:
        return
    lang = sidebar.lang()
    words = TEXT.get(lang, TEXT["id"])
    with st.expander(words["skipped"].format(n=len(bounds.skipped))):
        for skipped in bounds.skipped:
            st.caption(md(skipped.note(lang)))


def _render_result(words: dict[str, str]) -> None:
    """The last upload's outcome, kept until dismissed: the live refresh reruns the page."""
    results = st.session_state.get(RESULT)
    if not results:
        return
    for r in results:
        {"success": st.success, "error": st.error, "info": st.info}[r["kind"]](r["text"])
        render_similar(r["similar"], expanded=True)
    if st.button(words["dismiss"], key="boundary_result_dismiss"):
        st.session_state.pop(RESULT, None)
        st.rerun()


def render_boundary_upload() -> None:
    """The boundary section of /unggah: upload GeoJSON or a crosswalk, list and delete."""
    words = TEXT.get(sidebar.lang(), TEXT["id"])
    st.subheader(words["title"])
    st.caption(words["intro"])
    settings = state.settings()
    on_disk = [name for name, _ in geo.read_dir(settings.geo_dir)]
    if on_disk:  # the folder by its setting: a server path means nothing to an operator
        st.caption(words["from_dir"].format(files=md(", ".join(on_disk))))
    user = auth.signed_in_user()
    if not user:
        st.caption(words["sign_in"])
        return
    with st.form("boundary_upload", clear_on_submit=True):
        files = st.file_uploader(
            words["files"],
            type=["geojson", "json", "csv"],
            accept_multiple_files=True,
            key="boundary_files",
        )
        submitted = st.form_submit_button(words["submit"])
    if submitted and files:
        st.session_state[RESULT] = [_save(f.name, f.getvalue(), user, words) for f in files]
    _render_result(words)
    stored = state.store().boundary_files(with_data=False)
    if len(stored):
        st.caption(words["stored"])
        for row in stored.itertuples():
            cols = st.columns([5, 1])
            cols[0].text(f"{row.file_name} · {row.user}")
            if cols[1].button(words["delete"], key=f"boundary_delete_{row.id}"):
                services.delete_boundary_file(state.store(), int(row.id))
                st.rerun()
    render_skipped(load())
