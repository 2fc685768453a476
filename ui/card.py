"""The "Unduh kartu" button: a region's card as a PNG, drawn on the click, once per card."""

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
    shown = trend if trend is not None else pd.DataFrame()
    st.download_button(
        t("card.download", lang),
        # Drawn when clicked, not on every run: a PNG takes ~0.1 s to encode, and a burst of
        # readers opening the page would each pay it for a card few of them download.
        lambda: _png(card, shown),
        file_name=card.file_name,
        mime="image/png",
        help=t("card.help", lang),
        icon=":material/image:",  # not an emoji: a box on a machine without an emoji font
        key=key,
        on_click="ignore",
    )
