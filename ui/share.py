"""Sharing a page: the daily message to copy or download, and the WhatsApp link."""

from __future__ import annotations

from datetime import date

import streamlit as st

from census_core.display.digest import whatsapp_link
from census_core.settings import Settings
from census_core.standings.snapshot import Snapshot
from census_core.text import t
from ui import cached


def whatsapp_button(sentences: list[str], path: str, settings: Settings, lang: str) -> None:
    """'Bagikan ke WhatsApp': the page's first sentence and its address, sent by the reader."""
    if sentences:
        url = whatsapp_link(sentences[0], path, settings)
        st.link_button(t("share.whatsapp", lang), url, help=t("share.help", lang))


def daily_message(snap: Snapshot, settings: Settings, day: date, lang: str, measure: str) -> None:
    """The expander 'Pesan harian': the text with a copy button, and a .txt download."""
    text = cached.digest(snap, settings, day, lang, measure)
    with st.expander(t("digest.expander", lang)):
        st.caption(t("digest.help", lang))
        st.code(text, language=None, wrap_lines=True)
        st.download_button(
            t("digest.download", lang),
            text.encode("utf-8"),
            file_name=f"pesan-harian-{day.isoformat()}.txt",
            mime="text/plain",
            key="digest_download",
        )
