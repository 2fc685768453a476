"""Slides of who needs attention: how many kecamatan passed each threshold, who has gone quiet."""

from __future__ import annotations

from datetime import date

import pandas as pd

from census_core.display.attention import target_label, thresholds
from census_core.presentation.board_pages import page_slices
from census_core.presentation.slide import Figure, Row, Slide
from census_core.regions import level_label, short_name
from census_core.settings import Settings
from census_core.text import fmt_date, fmt_int, fmt_pct, t


def threshold_slide(
    kec: pd.DataFrame, settings: Settings, source: str | None, day: date, lang: str = "id"
) -> Slide:
    """'24 dari 31' kecamatan at or above each threshold of CENSUS_THRESHOLDS."""
    label = target_label(source, settings, lang)
    level = level_label("kecamatan", lang, plural=True)
    figures = tuple(
        Figure(
            label=t(
                "threshold.figure",
                lang,
                level=level,
                pct=fmt_pct(x.pct, lang, 0 if float(x.pct).is_integer() else 1),
                target=label,
            ),
            value=t("threshold.value", lang, n=fmt_int(x.reached, lang), of=fmt_int(x.of, lang)),
        )
        for x in thresholds(kec, settings.thresholds)
    )
    return Slide(
        "headline",
        t("threshold.slide", lang),
        t("threshold.asof", lang, date=fmt_date(day, lang)),
        figures=figures,
        key="thresholds",
    )


def quiet_slides(
    quiet: pd.DataFrame, quiet_days: int, title: str, day: date, lang: str = "id"
) -> list[Slide]:
    """'Belum lapor': one row per quiet kecamatan (attention.quiet_regions), in pages."""
    if quiet.empty:
        return [
            Slide("headline", title, message=t("quiet.none", lang, days=quiet_days), key="quiet")
        ]
    rows = [
        Row(
            rank=fmt_int(i, lang),
            name=short_name(str(rec["name"])),
            count=fmt_date(rec["last_date"], lang) if pd.notna(rec["last_date"]) else "–",
            percent=str(rec["operator"] or "–"),
            change=(
                t(
                    "quiet.slide_of",
                    lang,
                    n=fmt_int(rec["desa_missing"], lang),
                    total=fmt_int(rec["desa_total"], lang),
                )
                if rec["desa_missing"]
                else "–"
            ),
            move="",
        )
        for i, rec in enumerate(quiet.to_dict("records"), 1)
    ]
    columns = (
        t("slide.col.rank", lang),
        level_label("kecamatan", lang).capitalize(),
        t("quiet.slide_last", lang),
        t("quiet.slide_operator", lang),
        t("quiet.slide_desa", lang),
        "",
    )
    pages = page_slices(len(rows))
    return [
        Slide(
            "board",
            title,
            t("slide.page", lang, page=i + 1, pages=len(pages)),
            columns=columns,
            rows=tuple(rows[part]),
            key=f"quiet-{i + 1}",
        )
        for i, part in enumerate(pages)
    ]
