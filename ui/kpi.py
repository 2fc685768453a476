"""KPI cards: st.metric per card, in a row that wraps on a phone."""

from __future__ import annotations

import streamlit as st

from census_core.display.headline import Kpi
from census_core.markup import md_escape


def kpi_cards(cards: list[Kpi], per_row: int = 3) -> None:
    """Draw the cards; a trend of 1 is green and up, -1 red and down, 0 grey without an arrow."""
    for start in range(0, len(cards), per_row):
        columns = st.columns(per_row)
        for column, card in zip(columns, cards[start : start + per_row], strict=False):
            arrow = {1: "up", -1: "down"}.get(card.trend, "off")
            color = {1: "green", -1: "red"}.get(card.trend, "gray")
            column.metric(
                md_escape(card.label),
                md_escape(card.value),
                md_escape(card.delta) if card.delta else None,
                delta_color=color,  # type: ignore[arg-type]
                delta_arrow=arrow,  # type: ignore[arg-type]
                delta_description=md_escape(card.note) if card.note else None,
                border=True,
            )
