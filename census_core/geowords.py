"""What the boundary checks say (`census_core.geocheck`): reason -> (Indonesian, English)."""

from __future__ import annotations

FIX = (
    "Ekspor ulang dari QGIS/ArcGIS sebagai GeoJSON dalam WGS84 / EPSG:4326.",
    "Export it again from QGIS/ArcGIS as GeoJSON in WGS84 / EPSG:4326.",
)
SPLIT = (
    "Sederhanakan dulu (QGIS: Vektor › Alat Geometri › Sederhanakan) atau pecah per "
    "kabupaten/kota.",
    "Simplify it first (QGIS: Vector › Geometry Tools › Simplify) or split it by regency.",
)

MESSAGES: dict[str, tuple[str, str]] = {
    "too_big": (
        f"Berkas {{size}} MB; paling besar {{limit}} MB. {SPLIT[0]}",
        f"The file is {{size}} MB; at most {{limit}} MB. {SPLIT[1]}",
    ),
    "too_deep": (
        "Berkas bersarang terlalu dalam ({value} tingkat; GeoJSON batas wilayah cukup {limit}), "
        f"jadi bukan GeoJSON batas wilayah. {FIX[0]}",
        "The file is nested too deep ({value} levels; boundary GeoJSON needs {limit}), so it is "
        f"no boundary GeoJSON. {FIX[1]}",
    ),
    "too_many_points": (
        f"Berkas berisi lebih dari {{limit}} titik. {SPLIT[0]}",
        f"The file holds more than {{limit}} points. {SPLIT[1]}",
    ),
    "too_many_features": (
        "Berkas berisi {value} fitur; paling banyak {limit}. Pecah per kabupaten/kota.",
        "The file holds {value} features; at most {limit}. Split it by regency.",
    ),
    "too_dense": (
        "Berkas masih {value} titik setelah disederhanakan (ketelitian {metres} m); paling "
        "banyak {limit}. Pecah per kabupaten/kota.",
        "The file still holds {value} points once simplified (to {metres} m); at most {limit}. "
        "Split it by regency.",
    ),
    "not_utf8": (
        f"Berkas ini bukan teks UTF-8, jadi bukan GeoJSON. {FIX[0]}",
        f"The file is not UTF-8 text, so it is no GeoJSON. {FIX[1]}",
    ),
    "not_json": (
        f"Berkas ini bukan GeoJSON: JSON rusak di baris {{line}} kolom {{column}}. {FIX[0]}",
        f"The file is no GeoJSON: broken JSON at line {{line}} column {{column}}. {FIX[1]}",
    ),
    "not_geojson": (
        f"Berkas ini bukan GeoJSON FeatureCollection. {FIX[0]}",
        f"The file is not a GeoJSON FeatureCollection. {FIX[1]}",
    ),
    "no_features": (
        "Berkas tidak berisi satu fitur pun. Ekspor lapisan batas wilayah yang berisi poligon.",
        "The file holds no feature. Export the boundary layer that holds the polygons.",
    ),
    "not_feature": (
        "bukan fitur GeoJSON ('{value}'). Hapus isian ini.",
        "not a GeoJSON feature ('{value}'). Remove this entry.",
    ),
    "geometry_type": (
        "geometri {value}, bukan Polygon atau MultiPolygon; peta hanya menggambar poligon "
        "batas wilayah.",
        "a {value} geometry, not a Polygon or MultiPolygon; the map draws boundary polygons only.",
    ),
    "empty_geometry": (
        "poligon kosong, tanpa titik. Hapus fitur ini atau gambar ulang batasnya.",
        "an empty polygon, with no points. Remove the feature or draw its boundary again.",
    ),
    "bad_structure": (
        f"susunan koordinat bukan GeoJSON ('{{value}}' tempat sepasang [bujur, lintang]). {FIX[0]}",
        f"coordinates not laid out as GeoJSON ('{{value}}' where a [lon, lat] pair belongs). "
        f"{FIX[1]}",
    ),
    "ring_short": (
        "cincin poligon hanya {value} titik; paling sedikit 4 (titik pertama diulang di akhir).",
        "a polygon ring of only {value} points; at least 4 (the first repeated at the end).",
    ),
    "ring_open": (
        "cincin poligon tidak tertutup: titik terakhir harus sama dengan titik pertama. "
        "Perbaiki geometrinya (QGIS: Perbaiki Geometri) lalu ekspor ulang.",
        "a polygon ring that is not closed: its last point must equal its first. Fix the "
        "geometry (QGIS: Fix Geometries) and export it again.",
    ),
    "not_number": (
        "koordinat '{value}' bukan angka. Ekspor ulang sehingga koordinat tertulis sebagai "
        "angka, bukan teks.",
        "coordinate '{value}' is not a number. Export again so coordinates are numbers, not text.",
    ),
    "not_finite": (
        "koordinat '{value}' bukan angka yang bisa dipakai (NaN, Infinity atau terlalu besar). "
        "Perbaiki titik ini.",
        "coordinate '{value}' is no usable number (NaN, Infinity or too large). Fix this point.",
    ),
    "out_of_range": (
        "{axis} {value} di luar {low}..{high} derajat. Perbaiki titik ini; koordinat harus "
        "dalam derajat WGS84 / EPSG:4326.",
        "{axis} {value} is outside {low}..{high} degrees. Fix this point; coordinates must be "
        "degrees in WGS84 / EPSG:4326.",
    ),
    "metres": (
        "Sebagian besar koordinat tampaknya dalam meter (mis. UTM), bukan derajat; ekspor ulang "
        "dalam WGS84 / EPSG:4326.",
        "Most coordinates seem to be in metres (e.g. UTM), not degrees; export again in WGS84 / "
        "EPSG:4326.",
    ),
    "swapped": (
        "Koordinat lon/lat tertukar: tertulis [lintang, bujur], padahal GeoJSON menulis "
        "[bujur, lintang]. Ekspor ulang dalam WGS84 / EPSG:4326 dengan bujur lebih dulu.",
        "Coordinates have lon/lat swapped: written [lat, lon] where GeoJSON writes [lon, lat]. "
        "Export again in WGS84 / EPSG:4326, longitude first.",
    ),
    "outside": (
        "Sebagian besar koordinat di luar Indonesia (sekitar bujur {lon}, lintang {lat}; "
        f"Indonesia: bujur 94..142, lintang -11..6). Periksa sistem koordinatnya. {FIX[0]}",
        "Most coordinates lie outside Indonesia (about lon {lon}, lat {lat}; Indonesia: lon "
        f"94..142, lat -11..6). Check the coordinate system. {FIX[1]}",
    ),
    "system_fault": (
        "Kesalahan pada sistem saat membaca berkas ini, bukan pada berkasnya; sampaikan kode "
        "ref {ref} kepada pengelola sistem.",
        "A fault in the system while reading this file, not in the file; give the system's "
        "administrator the code ref {ref}.",
    ),
}

# Words around the messages: the feature, the axes, the summary, the refusal, the note.
WORDS: dict[str, tuple[str, str]] = {
    "feature": ("Fitur", "Feature"),
    "lon": ("bujur", "longitude"),
    "lat": ("lintang", "latitude"),
    "more": ("… dan {n} masalah lain.", "… and {n} more problems."),
    "simplified": (
        "disederhanakan dari {before} ke {after} titik (ketelitian sekitar {metres} m)",
        "simplified from {before} to {after} points (to about {metres} m)",
    ),
    "skipped": (
        "{file} dilewati: {problem} Peta digambar tanpa berkas ini. Operator: hapus berkas ini "
        "di halaman Unggah (atau dari folder `CENSUS_GEO_DIR`), perbaiki, lalu unggah lagi.",
        "{file} skipped: {problem} The map is drawn without it. Operator: delete this file on "
        "the Unggah page (or from the `CENSUS_GEO_DIR` folder), fix it and upload it again.",
    ),
}


def say(key: str, lang: str, **values: object) -> str:
    """The message `key` (of MESSAGES or WORDS) in `lang`, filled in."""
    pair = MESSAGES.get(key) or WORDS[key]
    return pair[1 if lang == "en" else 0].format(**values)
