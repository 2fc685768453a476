"""The word catalogue: every sentence the interface shows, key -> (Indonesian, English).

One pair per key, so a missing translation cannot be written. `census_core.text.t` looks a key
up and fills in its values; tests/test_words.py checks that every key used exists, every key
defined is used and both languages take the same {placeholders}. A key with the forms
`<key>.one` and `<key>.other` is a plural: `t("<key>", lang, n=3)` picks the form for `n`.
"""

from __future__ import annotations

# Measures, ranking sentences, carried-forward figures.
_CORE: dict[str, tuple[str, str]] = {
    "measure.households": ("KK", "households"),
    "measure.persons": ("jiwa", "persons"),
    "measure.households.long": ("keluarga (KK)", "households (families)"),
    "measure.persons.long": ("penduduk (jiwa)", "persons"),
    "by.count": ("jumlah", "count"),
    "by.percent": ("persentase target", "share of target"),
    "ranking_title": (
        "Peringkat {level} {within} menurut {by}, data s.d. {date}",
        "Ranking of {level} {within} by {by}, data up to {date}",
    ),
    "data_as_of": ("Data s.d. {date}", "Data up to {date}"),
    "stale": ("data {date}", "data of {date}"),
    "derived": ("jumlah dari wilayah di bawahnya", "sum of the regions below"),
    "carried.note": (
        "* belum ada laporan baru: angka terakhir dari {dates}",
        "* no new report: latest figure of {dates}",
    ),
    "carried.card": ("* angka {date}, belum ada laporan baru", "* figure of {date}, no new report"),
    "carried.tooltip": (
        "* angka {date} (belum ada laporan baru)",
        "* figure of {date} (no new report)",
    ),
    "carried.column": ("Angka hari sebelumnya", "Figure of an earlier day"),
    "carried.yes": ("ya", "yes"),
    "carried.no": ("tidak", "no"),
}

# Settings, sign-in, undo and the data store: what went wrong and what to do.
_FAULTS: dict[str, tuple[str, str]] = {
    "settings.not_date": (
        "Pengaturan {setting} = '{value}' bukan tanggal. Tulis tanggalnya sebagai TTTT-BB-HH, mis. "
        "{setting}=2020-03-31.",
        "The setting {setting} = '{value}' is not a date. Write it as YYYY-MM-DD, e.g. "
        "{setting}=2020-03-31.",
    ),
    "settings.not_number": (
        "Pengaturan {setting} = '{value}' bukan angka. Isi dengan angka.",
        "The setting {setting} = '{value}' is not a number. Set a number.",
    ),
    "settings.pct_range": (
        "Pengaturan {setting} = '{value}' harus di atas 0 dan paling besar 100 (persen), mis. "
        "{setting}=50.",
        "The setting {setting} = '{value}' must be above 0 and at most 100 (percent), e.g. "
        "{setting}=50.",
    ),
    "settings.slide_range": (
        "Pengaturan {setting} = '{value}' harus antara 3 dan 3600 detik, mis. {setting}=15.",
        "The setting {setting} = '{value}' must be between 3 and 3600 seconds, e.g. {setting}=15.",
    ),
    "settings.proxies_range": (
        "Pengaturan {setting} = '{value}' harus bilangan bulat 0 sampai 5: banyaknya proxy "
        "tepercaya di depan aplikasi, mis. {setting}=1 di belakang satu nginx.",
        "The setting {setting} = '{value}' must be a whole number from 0 to 5: the number of "
        "trusted proxies in front of the app, e.g. {setting}=1 behind one nginx.",
    ),
    "auth.too_many": (
        "Terlalu banyak percobaan; coba lagi dalam {seconds} detik.",
        "Too many attempts; try again in {seconds} seconds.",
    ),
    "settings.unknown_region": (
        "Pengaturan {setting} = '{value}' bukan kode wilayah yang dikenal. Isi dengan kode "
        "Kemendagri kabupaten/kota, mis. {setting}=35.09 (Kabupaten Jember).",
        "The setting {setting} = '{value}' is not a known region code. Set the Kemendagri code of "
        "a regency or city, e.g. {setting}=35.09 (Kabupaten Jember).",
    ),
    "undo.already_undone": (
        "Batch {batch} tidak dibatalkan: batch ini sudah dibatalkan sebelumnya. Tidak ada yang "
        "diubah.",
        "Batch {batch} was not undone: it had already been undone. Nothing was changed.",
    ),
    "undo.not_found": (
        "Batch {batch} tidak dibatalkan: batch ini tidak ada. Tidak ada yang diubah.",
        "Batch {batch} was not undone: it does not exist. Nothing was changed.",
    ),
    "undo.refused": (
        "Batch {batch} tidak dibatalkan: penyimpanan data menolak permintaan ini. Tidak ada yang "
        "diubah; coba lagi.",
        "Batch {batch} was not undone: the data store refused the request. Nothing was changed; "
        "try again.",
    ),
    "store.unavailable": (
        "Penyimpanan data tidak dapat dihubungi saat ini. Tidak ada yang disimpan. Halaman ini "
        "mencoba lagi sendiri; bila terus terjadi, hubungi pengelola server (ref {ref}).",
        "The data store cannot be reached right now. Nothing was stored. This page tries again by "
        "itself; if this goes on, contact the server's administrator (ref {ref}).",
    ),
    "store.locked": (
        "Penyimpanan sedang dipakai proses lain; coba lagi sebentar lagi. Tidak ada yang disimpan. "
        "(ref {ref})",
        "The data store is in use by another process; try again in a moment. Nothing was stored. "
        "(ref {ref})",
    ),
    "store.read_only": (
        "Penyimpanan data hanya dapat dibaca (berkas atau foldernya tidak dapat ditulis). Tidak "
        "ada yang disimpan. Hubungi pengelola server (ref {ref}).",
        "The data store can only be read (its file or folder cannot be written). Nothing was "
        "stored. Contact the server's administrator (ref {ref}).",
    ),
    "store.gone": (
        "Penyimpanan data tidak ditemukan lagi (berkas dihapus atau dipindah). Tidak ada yang "
        "disimpan. Hubungi pengelola server (ref {ref}).",
        "The data store is no longer there (its file was deleted or moved). Nothing was stored. "
        "Contact the server's administrator (ref {ref}).",
    ),
    "store.full": (
        "Penyimpanan data penuh (ruang disk server habis). Tidak ada yang disimpan. Hubungi "
        "pengelola server untuk mengosongkan ruang (ref {ref}).",
        "The data store is full (the server's disk has no room left). Nothing was stored. Contact "
        "the server's administrator to free some space (ref {ref}).",
    ),
    "store.bad_url": (
        "Pengaturan CENSUS_DB_URL tidak dapat dipakai: jenis atau alamat penyimpanan data tidak "
        "dikenal. Tidak ada yang disimpan. Perbaiki pengaturan itu atau hubungi pengelola server "
        "(ref {ref}).",
        "The setting CENSUS_DB_URL cannot be used: the kind or address of the data store is not "
        "known. Nothing was stored. Correct that setting or contact the server's administrator "
        "(ref {ref}).",
    ),
}

# The ranking board: its columns, callouts and gainers.
_BOARD: dict[str, tuple[str, str]] = {
    "board.rank": ("Peringkat", "Rank"),
    "board.name": ("Wilayah", "Region"),
    "board.progress": ("Capaian target", "Share of target"),
    "board.percent": ("% target", "% of target"),
    "board.change": ("Perubahan", "Change"),
    "board.rank_change": ("Naik/turun", "Up/down"),
    "board.note": ("Keterangan", "Note"),
    "board.gain": ("Naik {days} hari", "Gain {days} days"),
    "board.gain_pct": ("Naik {days} hari (poin %)", "Gain {days} days (% points)"),
    "board.highest": ("Tertinggi: {name} ({value})", "Highest: {name} ({value})"),
    "board.lowest": ("terendah: {name} ({value})", "lowest: {name} ({value})"),
    "board.no_data": ("belum ada data", "no data yet"),
    "board.carried_day": ("{date} ({regions})", "{date} ({regions})"),
    "n_regions.one": ("{n} wilayah", "{n} region"),
    "n_regions.other": ("{n} wilayah", "{n} regions"),
    "board.gainers_title": (
        "Paling naik dalam {days} hari terakhir (s.d. {date}), menurut {by}",
        "Biggest gains in the last {days} days (up to {date}), by {by}",
    ),
}

# Tabs and columns of the board and kecamatan views.
_VIEWS: dict[str, tuple[str, str]] = {
    "views.tab": ("{level} di {within}", "{level} in {within}"),
    "views.desa": ("Desa/kelurahan di {name}", "Villages of {name}"),
    "average_of": ("Rata-rata {name}", "{name} average"),
}

# Where the pace of the last days leads by the deadline (census_core.trend).
_PROJECTION: dict[str, tuple[str, str]] = {
    "projection.count": (
        "Dengan laju {window} hari terakhir ({pace} {unit}/hari), {name} mencapai {value} {unit} "
        "pada {date}.",
        "At the pace of the last {window} days ({pace} {unit}/day), {name} reaches {value} {unit} "
        "by {date}.",
    ),
    "projection.reached": (
        "Dengan laju {window} hari terakhir ({pace} {unit}/hari), {name} mencapai {pct} target "
        "pada {date}; target {target} {unit} tercapai.",
        "At the pace of the last {window} days ({pace} {unit}/day), {name} reaches {pct} of "
        "target by {date}; the target of {target} {unit} is reached.",
    ),
    "projection.needed": (
        "Dengan laju {window} hari terakhir ({pace} {unit}/hari), {name} mencapai {pct} target "
        "pada {date}; perlu {needed} {unit}/hari untuk mencapai target {target} {unit}.",
        "At the pace of the last {window} days ({pace} {unit}/day), {name} reaches {pct} of "
        "target by {date}; {needed} {unit}/day needed to reach the target of {target} {unit}.",
    ),
    "projection.past": (
        "Batas waktu {deadline} sudah lewat; {name} mencapai {value} {unit}.",
        "The deadline of {deadline} has passed; {name} reached {value} {unit}.",
    ),
}

# How fresh the data is (census_core.freshness).
_FRESHNESS: dict[str, tuple[str, str]] = {
    "freshness.none": ("Belum ada data", "No data yet"),
    "freshness.uploaded": (
        "Data s.d. {date}, diunggah {when} oleh {user}",
        "Data up to {date}, uploaded {when} by {user}",
    ),
    "freshness.simulated": ("Data simulasi, s.d. {date}", "Simulated data, up to {date}"),
    # Babel patterns of an upload's day and time, in Western Indonesia Time.
    "freshness.time_pattern": ("d MMMM HH.mm", "d MMMM HH:mm"),
}

# What moved on a board between two refreshes (census_core.changes).
_CHANGES: dict[str, tuple[str, str]] = {
    "changes.rise": ("{name} naik {n} menjadi {count}", "{name} up {n} to {count}"),
    "changes.fall": ("{name} turun {n} menjadi {count}", "{name} down {n} to {count}"),
    "changes.first": ("{name} melapor {count}", "{name} reports {count}"),
    "changes.back": ("{name} kembali ke {count}", "{name} back to {count}"),
    "changes.gone": ("{name} tanpa angka lagi", "{name} has no figure any more"),
    "changes.up": ("naik ke peringkat {rank}", "up to rank {rank}"),
    "changes.down": ("turun ke peringkat {rank}", "down to rank {rank}"),
    "changes.now": ("kini peringkat {rank}", "now rank {rank}"),
    "changes.enters": ("masuk peringkat {rank}", "enters at rank {rank}"),
    "changes.leaves": ("keluar dari peringkat", "leaves the ranking"),
    "changes.more": ("dan {n} wilayah lain", "and {n} more regions"),
    "changes.new": ("Data baru", "New data"),
    "changes.updated": ("Data diperbarui", "Data updated"),
    "changes.same": (
        "Data diperbarui; jumlah dan peringkat tidak berubah",
        "Data updated; no count or rank changed",
    ),
    "changes.undone.one": ("Batch {ids} dibatalkan", "Batch {ids} undone"),
    "changes.undone.other": ("Batch {ids} dibatalkan", "Batches {ids} undone"),
    "changes.ids": ("{first} dan {last}", "{first} and {last}"),
}

# A headline's KPI cards and sentences (census_core.headline_text).
_HEADLINE: dict[str, tuple[str, str]] = {
    "headline.count": ("{measure} terdata", "{measure} counted"),
    "headline.rank": ("Peringkat di {within}", "Rank in {within}"),
    "headline.rank_value": ("{rank} dari {of}", "{rank} of {of}"),
    "headline.percent": ("Capaian target", "Share of target"),
    "headline.days_left": ("Sisa hari", "Days left"),
    "headline.pace": ("Perlu per hari ({measure})", "Needed per day ({measure})"),
    "headline.since_yesterday": ("sejak kemarin", "since yesterday"),
    "headline.up": ("naik {n}", "up {n}"),
    "headline.down": ("turun {n}", "down {n}"),
    "headline.same": ("tetap", "no change"),
    "headline.target_of": ("dari {target}", "of {target}"),
    "headline.target_note": (
        "{measure}; target = {pct} dari seluruh {measure}",
        "{measure}; target = {pct} of all {measure}",
    ),
    "headline.until": ("s.d. {date}", "to {date}"),
    "headline.recent": ("kini {value}", "now {value}"),
    "headline.recent_note": ("rata-rata 7 hari", "7-day average"),
    "headline.above": ("Tepat di atas", "Next above"),
    "headline.gap": ("selisih {gap}", "gap {gap}"),
    "headline.gap_note": ("{measure}", "{measure}"),
    "headline.first": ("Teratas", "On top"),
    "headline.gain": ("Naik 7 hari ({measure})", "Gain in 7 days ({measure})"),
    "headline.gain_note": ("poin % target", "% points of target"),
    "headline.no_count": (
        "{name} belum punya data s.d. {date}.",
        "{name} has no data up to {date}.",
    ),
    "headline.sentence": (
        "{name} peringkat {rank} dari {of} {level} di {within} menurut {by}: {count} {measure} "
        "({pct} dari target), {change} sejak kemarin.",
        "{name} ranks {rank} of {of} {level} in {within} by {by}: {count} {measure} ({pct} of "
        "target), {change} since yesterday.",
    ),
    "headline.pace_sentence": (
        "Agar target {target} {measure} ({target_pct} dari seluruh {measure}) tercapai pada "
        "{deadline} perlu {pace} {measure} per hari selama {days} hari lagi.",
        "To reach the target of {target} {measure} ({target_pct} of all {measure}) by {deadline} "
        "it needs {pace} {measure} a day for {days} more days.",
    ),
    "headline.reached": (
        "Target {target} {measure} ({target_pct} dari seluruh {measure}) sudah tercapai.",
        "The target of {target} {measure} ({target_pct} of all {measure}) is reached.",
    ),
    "headline.over": ("Batas waktu {deadline} sudah lewat.", "The deadline {deadline} has passed."),
    "headline.stale": ("Angka terakhir {name}: {note}.", "Latest figure of {name}: {note}."),
    "headline.by_count": ("jumlah {measure}", "number of {measure}"),
}

# Where a figure comes from, and a region's history (census_core.provenance).
_PROVENANCE: dict[str, tuple[str, str]] = {
    "provenance.none": (
        "{name}: belum ada angka s.d. {day}.",
        "{name}: no figure yet up to {day}.",
    ),
    "provenance.figure": (
        "{name}: {value} {measure} pada {day} — {what}{carried}; {source}.",
        "{name}: {value} {measure} on {day} — {what}{carried}; {source}.",
    ),
    "provenance.own": ("angka sendiri tanggal {date}", "own count of {date}"),
    "provenance.sum": (
        "jumlah dari {parts} {level}, bagian terbaru tanggal {date}",
        "sum of {parts} {level} figures, newest part of {date}",
    ),
    "provenance.carried": (
        ", dibawa maju karena belum ada angka baru",
        ", carried forward: no newer figure yet",
    ),
    "provenance.from_own": ("dari batch {batch} ({upload})", "from batch {batch} ({upload})"),
    "provenance.from_sum": (
        "terbaru dari batch {batch} ({upload})",
        "newest from batch {batch} ({upload})",
    ),
    "provenance.upload": (
        "berkas {file}, diunggah {user} {time} WIB",
        "file {file}, uploaded by {user} {time} WIB",
    ),
    "provenance.unknown": ("asal angka tidak tercatat", "source not recorded"),
    "provenance.batch": ("Batch", "Batch"),
    "provenance.date": ("Tanggal data", "Date of data"),
    "provenance.before": ("Sebelum", "Before"),
    "provenance.after": ("Sesudah", "After"),
    "provenance.file": ("Berkas", "File"),
    "provenance.user": ("Pengunggah", "Uploaded by"),
    "provenance.time": ("Waktu unggah (WIB)", "Upload time (WIB)"),
    "provenance.note": ("Keterangan", "Note"),
    "provenance.undone": ("dibatalkan", "undone"),
}

# The choropleth's legend, tooltips and notes (census_core.maps).
_MAP: dict[str, tuple[str, str]] = {
    "map.rank": ("Peringkat {rank} dari {of}", "Rank {rank} of {of}"),
    "map.change": ("Perubahan sehari: {change}", "Change in a day: {change}"),
    "map.target": ("{pct} dari target", "{pct} of target"),
    "map.no_data": ("Belum ada data", "No data yet"),
    "map.unnamed": (
        "Tidak muat di peta (arahkan kursor ke wilayahnya): {names}.",
        "No room on the map for (hover over the region): {names}.",
    ),
}

# Axes, tooltips and rules of the charts (census_core.charts).
_CHART: dict[str, tuple[str, str]] = {
    "chart.date": ("Tanggal", "Date"),
    "chart.cumulative": ("Jumlah {unit} (kumulatif)", "{unit} (cumulative)"),
    "chart.daily": ("{unit} per hari", "{unit} per day"),
    "chart.average": ("Rata-rata 7 hari", "7-day average"),
    "chart.percent": ("Capaian target (%)", "Share of target (%)"),
    "chart.target": ("Target {name}", "Target {name}"),
    "chart.deadline": ("Batas {date}", "Deadline {date}"),
    "chart.region": ("Wilayah", "Region"),
    "chart.value": ("Jumlah", "Count"),
    "chart.event": ("Catatan", "Note"),
}

# The meeting screen's slides and buttons (census_core.presentation, ui/present.py).
_SLIDES: dict[str, tuple[str, str]] = {
    "slide.campaign": ("Sensus Penduduk Online 2020", "Online Population Census 2020"),
    "slide.page": ("halaman {page} dari {pages}", "page {page} of {pages}"),
    "slide.col.rank": ("#", "#"),
    "slide.col.change": ("Sehari", "Day"),
    "slide.col.move": ("Posisi", "Place"),
    "slide.col.percent": ("% target", "% target"),
    "slide.highest": ("Tertinggi: {name} ({value})", "Highest: {name} ({value})"),
    "slide.lowest": ("Terendah: {name} ({value})", "Lowest: {name} ({value})"),
    "slide.tag.top": ("tertinggi", "highest"),
    "slide.tag.bottom": ("terendah", "lowest"),
    "slide.tag.home": ("kita", "home"),
    "slide.map": ("Peta capaian {level} {within}", "Map of {level} in {within}"),
    "slide.trend": ("Tren menuju {date}", "Trend towards {date}"),
    "slide.pending": ("Belum tersedia di versi ini.", "Not available in this version yet."),
    "slide.no_map": (
        "Belum ada batas wilayah untuk peta. Tambahkan GeoJSON di halaman Unggah.",
        "No boundaries for the map yet. Add GeoJSON on the Upload page.",
    ),
    "slide.map_sub": (
        "Warna menurut persentase target, data s.d. {date}",
        "Coloured by share of target, data up to {date}",
    ),
    "slide.legend": ("% dari target", "% of target"),
    "slide.no_data": (
        "Belum ada data. Unggah data harian di halaman Unggah.",
        "No data yet. Upload the daily counts on the Upload page.",
    ),
    "slide.unnamed": ("Tidak muat di peta", "Not named on the map"),
    "slide.more": ("dan {n} lainnya", "and {n} more"),
    "present.prev": ("◀ Sebelumnya", "◀ Previous"),
    "present.next": ("Berikutnya ▶", "Next ▶"),
    "present.pause": ("Jeda", "Pause"),
    "present.play": ("▶ Putar", "▶ Play"),
    "present.light": ("Tema terang", "Light theme"),
    "present.dark": ("Tema gelap", "Dark theme"),
    "present.paused": ("dijeda", "paused"),
}

# What the boundary checks say (census_core.geocheck, census_core.geo).
_GEO: dict[str, tuple[str, str]] = {
    "geo.too_big": (
        "Berkas {size} MB; paling besar {limit} MB. Sederhanakan dulu (QGIS: Vektor › Alat "
        "Geometri › Sederhanakan) atau pecah per kabupaten/kota.",
        "The file is {size} MB; at most {limit} MB. Simplify it first (QGIS: Vector › Geometry "
        "Tools › Simplify) or split it by regency.",
    ),
    "geo.too_deep": (
        "Berkas bersarang terlalu dalam ({value} tingkat; GeoJSON batas wilayah cukup {limit}), "
        "jadi bukan GeoJSON batas wilayah. Ekspor ulang dari QGIS/ArcGIS sebagai GeoJSON dalam "
        "WGS84 / EPSG:4326.",
        "The file is nested too deep ({value} levels; boundary GeoJSON needs {limit}), so it is no "
        "boundary GeoJSON. Export it again from QGIS/ArcGIS as GeoJSON in WGS84 / EPSG:4326.",
    ),
    "geo.too_many_points": (
        "Berkas berisi lebih dari {limit} titik. Sederhanakan dulu (QGIS: Vektor › Alat Geometri › "
        "Sederhanakan) atau pecah per kabupaten/kota.",
        "The file holds more than {limit} points. Simplify it first (QGIS: Vector › Geometry Tools "
        "› Simplify) or split it by regency.",
    ),
    "geo.too_many_features": (
        "Berkas berisi {value} fitur; paling banyak {limit}. Pecah per kabupaten/kota.",
        "The file holds {value} features; at most {limit}. Split it by regency.",
    ),
    "geo.too_dense": (
        "Berkas masih {value} titik setelah disederhanakan (ketelitian {metres} m); paling banyak "
        "{limit}. Pecah per kabupaten/kota.",
        "The file still holds {value} points once simplified (to {metres} m); at most {limit}. "
        "Split it by regency.",
    ),
    "geo.not_utf8": (
        "Berkas ini bukan teks UTF-8, jadi bukan GeoJSON. Ekspor ulang dari QGIS/ArcGIS sebagai "
        "GeoJSON dalam WGS84 / EPSG:4326.",
        "The file is not UTF-8 text, so it is no GeoJSON. Export it again from QGIS/ArcGIS as "
        "GeoJSON in WGS84 / EPSG:4326.",
    ),
    "geo.not_json": (
        "Berkas ini bukan GeoJSON: JSON rusak di baris {line} kolom {column}. Ekspor ulang dari "
        "QGIS/ArcGIS sebagai GeoJSON dalam WGS84 / EPSG:4326.",
        "The file is no GeoJSON: broken JSON at line {line} column {column}. Export it again from "
        "QGIS/ArcGIS as GeoJSON in WGS84 / EPSG:4326.",
    ),
    "geo.not_geojson": (
        "Berkas ini bukan GeoJSON FeatureCollection. Ekspor ulang dari QGIS/ArcGIS sebagai GeoJSON "
        "dalam WGS84 / EPSG:4326.",
        "The file is not a GeoJSON FeatureCollection. Export it again from QGIS/ArcGIS as GeoJSON "
        "in WGS84 / EPSG:4326.",
    ),
    "geo.no_features": (
        "Berkas tidak berisi satu fitur pun. Ekspor lapisan batas wilayah yang berisi poligon.",
        "The file holds no feature. Export the boundary layer that holds the polygons.",
    ),
    "geo.not_feature": (
        "bukan fitur GeoJSON ('{value}'). Hapus isian ini.",
        "not a GeoJSON feature ('{value}'). Remove this entry.",
    ),
    "geo.geometry_type": (
        "geometri {value}, bukan Polygon atau MultiPolygon; peta hanya menggambar poligon batas "
        "wilayah.",
        "a {value} geometry, not a Polygon or MultiPolygon; the map draws boundary polygons only.",
    ),
    "geo.empty_geometry": (
        "poligon kosong, tanpa titik. Hapus fitur ini atau gambar ulang batasnya.",
        "an empty polygon, with no points. Remove the feature or draw its boundary again.",
    ),
    "geo.bad_structure": (
        "susunan koordinat bukan GeoJSON ('{value}' tempat sepasang [bujur, lintang]). Ekspor "
        "ulang dari QGIS/ArcGIS sebagai GeoJSON dalam WGS84 / EPSG:4326.",
        "coordinates not laid out as GeoJSON ('{value}' where a [lon, lat] pair belongs). Export "
        "it again from QGIS/ArcGIS as GeoJSON in WGS84 / EPSG:4326.",
    ),
    "geo.ring_short": (
        "cincin poligon hanya {value} titik; paling sedikit 4 (titik pertama diulang di akhir).",
        "a polygon ring of only {value} points; at least 4 (the first repeated at the end).",
    ),
    "geo.ring_open": (
        "cincin poligon tidak tertutup: titik terakhir harus sama dengan titik pertama. Perbaiki "
        "geometrinya (QGIS: Perbaiki Geometri) lalu ekspor ulang.",
        "a polygon ring that is not closed: its last point must equal its first. Fix the geometry "
        "(QGIS: Fix Geometries) and export it again.",
    ),
    "geo.not_number": (
        "koordinat '{value}' bukan angka. Ekspor ulang sehingga koordinat tertulis sebagai angka, "
        "bukan teks.",
        "coordinate '{value}' is not a number. Export again so coordinates are numbers, not text.",
    ),
    "geo.not_finite": (
        "koordinat '{value}' bukan angka yang bisa dipakai (NaN, Infinity atau terlalu besar). "
        "Perbaiki titik ini.",
        "coordinate '{value}' is no usable number (NaN, Infinity or too large). Fix this point.",
    ),
    "geo.out_of_range": (
        "{axis} {value} di luar {low}..{high} derajat. Perbaiki titik ini; koordinat harus dalam "
        "derajat WGS84 / EPSG:4326.",
        "{axis} {value} is outside {low}..{high} degrees. Fix this point; coordinates must be "
        "degrees in WGS84 / EPSG:4326.",
    ),
    "geo.metres": (
        "Sebagian besar koordinat tampaknya dalam meter (mis. UTM), bukan derajat; ekspor ulang "
        "dalam WGS84 / EPSG:4326.",
        "Most coordinates seem to be in metres (e.g. UTM), not degrees; export again in WGS84 / "
        "EPSG:4326.",
    ),
    "geo.swapped": (
        "Koordinat lon/lat tertukar: tertulis [lintang, bujur], padahal GeoJSON menulis [bujur, "
        "lintang]. Ekspor ulang dalam WGS84 / EPSG:4326 dengan bujur lebih dulu.",
        "Coordinates have lon/lat swapped: written [lat, lon] where GeoJSON writes [lon, lat]. "
        "Export again in WGS84 / EPSG:4326, longitude first.",
    ),
    "geo.outside": (
        "Sebagian besar koordinat di luar Indonesia (sekitar bujur {lon}, lintang {lat}; "
        "Indonesia: bujur 94..142, lintang -11..6). Periksa sistem koordinatnya. Ekspor ulang dari "
        "QGIS/ArcGIS sebagai GeoJSON dalam WGS84 / EPSG:4326.",
        "Most coordinates lie outside Indonesia (about lon {lon}, lat {lat}; Indonesia: lon "
        "94..142, lat -11..6). Check the coordinate system. Export it again from QGIS/ArcGIS as "
        "GeoJSON in WGS84 / EPSG:4326.",
    ),
    "geo.system_fault": (
        "Kesalahan pada sistem saat membaca berkas ini, bukan pada berkasnya; sampaikan kode ref "
        "{ref} kepada pengelola sistem.",
        "A fault in the system while reading this file, not in the file; give the system's "
        "administrator the code ref {ref}.",
    ),
    "geo.feature": ("Fitur", "Feature"),
    "geo.lon": ("bujur", "longitude"),
    "geo.lat": ("lintang", "latitude"),
    "geo.more": ("… dan {n} masalah lain.", "… and {n} more problems."),
    "geo.simplified": (
        "disederhanakan dari {before} ke {after} titik (ketelitian sekitar {metres} m)",
        "simplified from {before} to {after} points (to about {metres} m)",
    ),
    "geo.skipped": (
        "{file} dilewati: {problem} Peta digambar tanpa berkas ini. Operator: hapus berkas ini di "
        "halaman Unggah (atau dari folder `CENSUS_GEO_DIR`), perbaiki, lalu unggah lagi.",
        "{file} skipped: {problem} The map is drawn without it. Operator: delete this file on the "
        "Unggah page (or from the `CENSUS_GEO_DIR` folder), fix it and upload it again.",
    ),
}

_AREAS = (
    _CORE,
    _FAULTS,
    _BOARD,
    _VIEWS,
    _PROJECTION,
    _FRESHNESS,
    _CHANGES,
    _HEADLINE,
    _PROVENANCE,
    _MAP,
    _CHART,
    _SLIDES,
    _GEO,
)
CATALOGUE: dict[str, tuple[str, str]] = {}
for _area in _AREAS:
    _twice = CATALOGUE.keys() & _area.keys()
    assert not _twice, f"keys defined twice: {sorted(_twice)}"
    CATALOGUE.update(_area)
