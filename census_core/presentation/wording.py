"""The words of the meeting screen's slides, in Bahasa Indonesia and English."""

from __future__ import annotations

_TEXT = {
    "id": {
        "campaign": "Sensus Penduduk Online 2020",
        "page": "halaman {page} dari {pages}",
        "col.rank": "#",
        "col.change": "Sehari",
        "col.move": "Posisi",
        "col.percent": "% target",
        "highest": "Tertinggi: {name} ({value})",
        "lowest": "Terendah: {name} ({value})",
        "tag.top": "tertinggi",
        "tag.bottom": "terendah",
        "tag.home": "kita",
        "map": "Peta capaian {level} {within}",
        "trend": "Tren menuju {date}",
        "pending": "Belum tersedia di versi ini.",
        "no_map": "Belum ada batas wilayah untuk peta. Tambahkan GeoJSON di halaman Unggah.",
        "map_sub": "Warna menurut persentase target, data s.d. {date}",
        "legend": "% dari target",
        "no_data": "Belum ada data. Unggah data harian di halaman Unggah.",
        "unnamed": "Tidak muat di peta",
        "more": "dan {n} lainnya",
    },
    "en": {
        "campaign": "Online Population Census 2020",
        "page": "page {page} of {pages}",
        "col.rank": "#",
        "col.change": "Day",
        "col.move": "Place",
        "col.percent": "% target",
        "highest": "Highest: {name} ({value})",
        "lowest": "Lowest: {name} ({value})",
        "tag.top": "highest",
        "tag.bottom": "lowest",
        "tag.home": "home",
        "map": "Map of {level} in {within}",
        "trend": "Trend towards {date}",
        "pending": "Not available in this version yet.",
        "no_map": "No boundaries for the map yet. Add GeoJSON on the Upload page.",
        "map_sub": "Coloured by share of target, data up to {date}",
        "legend": "% of target",
        "no_data": "No data yet. Upload the daily counts on the Upload page.",
        "unnamed": "Not named on the map",
        "more": "and {n} more",
    },
}


def words(lang: str) -> dict[str, str]:
    """The slides' words in `lang`, Indonesian for a language they do not speak."""
    return _TEXT.get(lang, _TEXT["id"])
