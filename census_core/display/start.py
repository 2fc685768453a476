"""The operator's first hour in any regency: what to fill in, where boundaries go, and
simulated data of the regency's own regions to try the pages with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from census_core.regions import Regions, short_name
from census_core.text import fmt_int, t


@dataclass(frozen=True)
class TemplateFile:
    """One blank file to offer: its label, the template kind and whether it lists the desa."""

    label: str
    kind: str  # 'snapshot', 'long' or 'targets' (census_core.ingest.templates)
    desa: bool
    file_stem: str


@dataclass(frozen=True)
class StartView:
    title: str
    intro: str
    files: list[TemplateFile]
    bounds: str
    simulated: str
    simulated_button: str


def start_view(regions: Regions, home: str, lang: str = "id") -> StartView:
    """The start section of `home`: every name in it is the home's own."""
    name = regions.name(home)
    short = short_name(name)
    n_kec = len(regions.descendants(home, "kecamatan"))
    n_desa = len(regions.descendants(home, "desa"))
    # A file name of plain letters, digits and hyphens, whatever the region's name holds.
    stem = "-".join(re.findall(r"[a-z0-9]+", short.lower())) or "wilayah"
    files = [
        TemplateFile(
            t("start.template.kecamatan", lang, n=fmt_int(n_kec, lang)),
            "snapshot",
            False,
            f"templat-kecamatan-{stem}",
        ),
        TemplateFile(
            t("start.template.desa", lang, n=fmt_int(n_desa, lang)),
            "snapshot",
            True,
            f"templat-desa-{stem}",
        ),
        TemplateFile(
            t("start.template.long", lang, n=fmt_int(n_kec, lang)),
            "long",
            False,
            f"templat-harian-{stem}",
        ),
        TemplateFile(
            t("start.template.targets", lang, n=fmt_int(n_kec, lang)),
            "targets",
            False,
            f"templat-sasaran-{stem}",
        ),
    ]
    return StartView(
        title=t("start.title", lang, name=name),
        intro=t("start.intro", lang, name=name),
        files=files,
        bounds=t("start.bounds", lang, name=name),
        simulated=t("start.simulated", lang, name=name),
        simulated_button=t("start.simulated_button", lang, name=short),
    )
