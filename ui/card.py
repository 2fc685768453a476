"""The "Unduh kartu" button: a region's card as a PNG, drawn once per card and trend."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from census_core.display.card import CardText, card_png
from census_core.text import t


@st.cache_data(max_entries=128, show_spinner=False)
def _png(card: CardText, trend: pd.DataFrame) -> bytes:
    return card_png(card, trend)


def download(card: CardText | None, trend: pd.DataFrame | None, lang: str, key: str) -> None:
    """The card's download button; nothing before the region's first count."""
    if card is None:
        return
    st.download_button(
        t("card.download", lang),
        _png(card, trend if trend is not None else pd.DataFrame()),
        file_name=card.file_name,
        mime="image/png",
        help=t("card.help", lang),
        icon=":material/image:",  # not an emoji: a box on a machine without an emoji font
        key=key,
        on_click="ignore",
    )
