"""The effect before saving: the home headline, the boards and what the file leaves inconsistent."""

from __future__ import annotations

import streamlit as st

from census_core.ingest.effect import Effect
from census_core.ingest.report import PREVIEW_ROWS, preview_caption
from census_core.ingest.service import Checked
from census_core.markup import md_escape
from census_core.regions import level_label
from census_core.standings.snapshot import Snapshot
from census_core.text import t


def _board(effect: Effect, title: str, snap: Snapshot, lang: str) -> None:
    st.markdown(f"**{md_escape(title)}**")
    st.caption(md_escape(effect.summary(snap.regions, lang)))
    if effect.table.empty:
        return
    rows = effect.rows(lang, limit=PREVIEW_ROWS)
    if note := preview_caption(len(effect.table), len(rows), lang, effect=True):
        st.caption(note)
    st.dataframe(rows, hide_index=True, width="stretch")


def render(checked: Checked, snap: Snapshot, lang: str) -> None:
    """What the pages will show once the file is stored, drawn before "Simpan"."""
    outlook, effect = checked.outlook, checked.effect
    if outlook is None and effect is None:
        return
    st.subheader(t("upload.effect", lang))
    if outlook is not None and outlook.home is not None:
        st.info(f"**{t('effect.title_home', lang)}**: " + md_escape(outlook.home.sentence(lang)))
    if outlook is not None and outlook.inconsistent:
        listed = "\n".join(f"- {md_escape(s)}" for s in outlook.sentences(lang))
        st.warning(f"**{t('effect.inconsistent', lang)}**\n\n{listed}")
    if effect is not None:
        level = level_label(effect.level, lang)
        _board(effect, t("effect.title_board", lang, level=level), snap, lang)
    if (
        outlook is not None
        and outlook.province is not None
        and (
            effect is None
            or effect.level != "kabupaten"
            or effect.within != outlook.province.within
        )
    ):
        province = snap.regions.name(str(outlook.province.within))
        title = t("effect.title_province", lang, province=province)
        _board(outlook.province, title, snap, lang)
