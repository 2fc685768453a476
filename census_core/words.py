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

# The levels of the region master (census_core.regions.level_label); plurals for English counts.
_LEVELS: dict[str, tuple[str, str]] = {
    "level.provinsi": ("provinsi", "province"),
    "level.kabupaten": ("kabupaten/kota", "regency/city"),
    "level.kecamatan": ("kecamatan", "district"),
    "level.desa": ("desa/kelurahan", "village"),
    "level.provinsi.plural": ("provinsi", "provinces"),
    "level.kabupaten.plural": ("kabupaten/kota", "regencies/cities"),
    "level.kecamatan.plural": ("kecamatan", "districts"),
    "level.desa.plural": ("desa/kelurahan", "villages"),
}

# Settings, sign-in, undo and the data store: what went wrong and what to do.
_FAULTS: dict[str, tuple[str, str]] = {
    "region.unknown": (
        "Wilayah dengan kode '{code}' tidak dikenal. Pilih wilayah dari daftar atau periksa "
        "tautannya.",
        "No region has the code '{code}'. Choose a region from the list or check the link.",
    ),
    "store.refused": (
        "Penyimpanan data menolak permintaan ini. Tidak ada yang diubah; coba lagi.",
        "The data store refused this request. Nothing was changed; try again.",
    ),
    # A system fault, not the user's: also the upload problem "system_fault".
    "fault.upload": (
        "Kesalahan pada sistem, bukan pada berkas: tidak ada yang disimpan dan data yang tersimpan "
        "tetap seperti semula. Coba lagi nanti; bila terulang, sampaikan kode ref {ref} kepada "
        "pengelola sistem.",
        "A fault in the system, not in the file: nothing was stored and the stored data is as it "
        "was. Try again later; if it happens again, give the system's administrator the code ref "
        "{ref}.",
    ),
    "fault.command": (
        "Kesalahan pada sistem, bukan pada masukan Anda. Coba lagi nanti; bila terulang, sampaikan "
        "kode ref {ref} kepada pengelola sistem.",
        "A fault in the system, not in your input. Try again later; if it happens again, give the "
        "system's administrator the code ref {ref}.",
    ),
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
    "settings.not_url": (
        "Pengaturan {setting} = '{value}' bukan alamat web. Tulis alamat lengkapnya, mis. "
        "{setting}=https://sensus.example.org.",
        "The setting {setting} = '{value}' is not a web address. Write the full address, e.g. "
        "{setting}=https://sensus.example.org.",
    ),
    "settings.pct_range": (
        "Pengaturan {setting} = '{value}' harus di atas 0 dan paling besar 100 (persen), mis. "
        "{setting}=50.",
        "The setting {setting} = '{value}' must be above 0 and at most 100 (percent), e.g. "
        "{setting}=50.",
    ),
    "settings.pace_range": (
        "Pengaturan {setting} = '{value}' harus pecahan dari laju yang diperlukan, di atas 0 dan "
        "paling besar 2, dengan CENSUS_PACE_BEHIND tidak melebihi CENSUS_PACE_PUSH, mis. "
        "CENSUS_PACE_PUSH=1 dan CENSUS_PACE_BEHIND=0,5.",
        "The setting {setting} = '{value}' must be a fraction of the pace needed, above 0 and at "
        "most 2, with CENSUS_PACE_BEHIND not above CENSUS_PACE_PUSH, e.g. CENSUS_PACE_PUSH=1 "
        "and CENSUS_PACE_BEHIND=0,5.",
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
    "board.gain_pct": ("Naik {days} hari (poin %)", "Gain {days} days (% points)"),
    "board.highest": ("Tertinggi: {name} ({value})", "Highest: {name} ({value})"),
    "board.lowest": ("terendah: {name} ({value})", "lowest: {name} ({value})"),
    "board.no_data": ("belum ada data", "no data yet"),
    "board.carried_day": ("{date} ({regions})", "{date} ({regions})"),
    "n_regions.one": ("{n} wilayah", "{n} region"),
    "n_regions.other": ("{n} wilayah", "{n} regions"),
    "board.gainers_title": (
        "Paling naik dalam {days} hari terakhir (s.d. {date}): naik peringkat menurut {by}, "
        "lalu laju yang bertambah dibanding pekan sebelumnya",
        "Biggest climbers in the last {days} days (up to {date}): places gained by {by}, then "
        "pace gained against the week before",
    ),
    "board.places": ("Naik peringkat {days} hari", "Places gained, {days} days"),
    "board.pace_gain": (
        "Laju vs pekan sebelumnya (poin %)",
        "Pace vs the week before (% points)",
    ),
}

# Tabs and columns of the board and kecamatan views.
_VIEWS: dict[str, tuple[str, str]] = {
    "views.tab": ("{level} di {within}", "{level} in {within}"),
    "views.desa": ("Desa/kelurahan di {name}", "Villages of {name}"),
    "average_of": ("Rata-rata {name}", "{name} average"),
}

# The shareable card of a region (census_core.display.card), and its button.
_CARD: dict[str, tuple[str, str]] = {
    "card.brand": ("PANTAU SENSUS 2020", "PANTAU SENSUS 2020"),
    "card.where": ("{level} di {within}", "{level} in {within}"),
    "card.date": ("Data s.d. {date}", "Data up to {date}"),
    "card.change": ("{change} sejak kemarin", "{change} since yesterday"),
    "card.move": ("{move} sejak kemarin", "{move} since yesterday"),
    "card.target": ("dari {target} {measure}", "of {target} {measure}"),
    "card.rank": ("Peringkat", "Rank"),
    "card.pace": ("Perlu per hari", "Needed per day"),
    "card.until": ("{measure} s.d. {date}", "{measure} to {date}"),
    "card.reached": ("target tercapai", "target reached"),
    "card.pace_now": ("laju 7 hari: {pace}/hari", "7-day pace: {pace}/day"),
    "card.trend": ("Capaian target per hari", "Share of target by day"),
    "card.simulated": ("Data simulasi", "Simulated data"),
    "card.file": ("kartu-{slug}-{date}.png", "card-{slug}-{date}.png"),
    "card.download": ("Unduh kartu", "Download card"),
    "card.help": (
        "Gambar PNG seukuran layar ponsel, untuk dibagikan di grup obrolan",
        "A phone-sized PNG picture to share in a chat group",
    ),
}

# Where the pace of the last days leads by the deadline (census_core.standings.trend).
_PROJECTION: dict[str, tuple[str, str]] = {
    "projection.needs_days": (
        "{name}: laju dan proyeksi butuh angka dari dua hari atau lebih.",
        "{name}: a pace and a projection need figures of two days or more.",
    ),
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

# How fresh the data is (census_core.display.freshness).
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

# What moved on a board between two refreshes (census_core.standings.changes).
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
    # `n` picks the form, `count` is n as written ("1.234").
    "changes.more.one": ("dan {count} wilayah lain", "and {count} more region"),
    "changes.more.other": ("dan {count} wilayah lain", "and {count} more regions"),
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

# A headline's KPI cards and sentences (census_core.display.headline_text).
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
    "headline.recent_note": ("rata-rata {days} hari", "{days}-day average"),
    "headline.above": ("Tepat di atas", "Next above"),
    "headline.gap": ("selisih {gap}", "gap {gap}"),
    "headline.gap_note": ("{measure}", "{measure}"),
    "headline.first": ("Teratas", "On top"),
    "headline.needs_days": ("laju butuh angka dua hari", "a pace needs two days' figures"),
    "headline.gain": ("Naik {days} hari ({measure})", "Gain in {days} days ({measure})"),
    "headline.gain_note": ("poin % target", "% points of target"),
    "headline.no_count": (
        "{name} belum punya data s.d. {date}.",
        "{name} has no data up to {date}.",
    ),
    "headline.sentence": (
        "{name} peringkat {rank} dari {of} {level} di {within} menurut {by}: {count} {measure} "
        "({share}), {change} sejak kemarin.",
        "{name} ranks {rank} of {of} {level} in {within} by {by}: {count} {measure} ({share}), "
        "{change} since yesterday.",
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

# Where a figure comes from, and a region's history (census_core.standings.provenance).
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

# The choropleth's legend, tooltips and notes (census_core.charts.maps).
_MAP: dict[str, tuple[str, str]] = {
    "map.rank": ("Peringkat {rank} dari {of}", "Rank {rank} of {of}"),
    "map.change": ("Perubahan sehari: {change}", "Change in a day: {change}"),
    "map.target": ("{pct} dari target", "{pct} of target"),
    "map.standing": ("{name}: {facts}.", "{name}: {facts}."),
    "map.standing_rank": ("peringkat {rank} dari {of}", "rank {rank} of {of}"),
    "map.standing_none": ("{name}: belum ada data.", "{name}: no data yet."),
    "map.no_data": ("Belum ada data", "No data yet"),
    "map.unnamed": (
        "Tidak muat di peta (arahkan kursor ke wilayahnya): {names}.",
        "No room on the map for (hover over the region): {names}.",
    ),
}

# Axes, tooltips and rules of the charts (census_core.charts.charts).
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
    "chart.share": ("% target", "% of target"),  # the Kecamatan page's small chart
}

# The board as a CSV or XLSX file (census_core.display.export).
_EXPORT: dict[str, tuple[str, str]] = {
    "export.csv_id": ("Unduh CSV (Excel Indonesia)", "Download CSV (Indonesian Excel)"),
    "export.download_csv": ("Unduh CSV", "Download CSV"),
    "export.download_xlsx": ("Unduh XLSX", "Download XLSX"),
    "export.rank": ("Peringkat", "Rank"),
    "export.code": ("Kode", "Code"),
    "export.name": ("Wilayah", "Region"),
    "export.count": ("Jumlah {measure}", "Count ({measure})"),
    "export.target": ("Target {measure}", "Target ({measure})"),
    "export.percent": ("Capaian target (%)", "Share of target (%)"),
    "export.change": ("Perubahan sejak kemarin", "Change since yesterday"),
    "export.rank_change": ("Perubahan peringkat", "Rank change"),
    "export.last_date": ("Tanggal data", "Date of data"),
    "export.note": ("Keterangan", "Note"),
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
    "slide.kab": ("Kab. {name}", "Kab. {name}"),
    "slide.ends_sub": ("{n} teratas dan {n} terbawah", "top {n} and bottom {n}"),
    "slide.movers": (
        "Naik dan turun peringkat: {level} {within}",
        "Moved up or down: {level} of {within}",
    ),
    "slide.movers_sub": (
        "dibanding sehari sebelumnya, paling jauh lebih dulu; data s.d. {date}",
        "against the day before, furthest first; data up to {date}",
    ),
    "slide.quiet": (
        "Belum lapor lebih dari {days} hari: {level} {within}",
        "Not reported for more than {days} days: {level} of {within}",
    ),
    "slide.quiet_sub": (
        "{n} wilayah, laporan terlama lebih dulu",
        "{n} regions, the oldest report first",
    ),
    "slide.unnamed": ("Tidak muat di peta", "Not named on the map"),
    "slide.more": ("dan {n} lainnya", "and {n} more"),
    "slide.note_row": (
        "{rank}. {name}: {count} {measure} ({share}), {change} sejak kemarin.",
        "{rank}. {name}: {count} {measure} ({share}), {change} since yesterday.",
    ),
    "present.prev": ("◀ Sebelumnya", "◀ Previous"),
    "present.next": ("Berikutnya ▶", "Next ▶"),
    "present.pause": ("Jeda", "Pause"),
    "present.play": ("▶ Putar", "▶ Play"),
    "present.light": ("Tema terang", "Light theme"),
    "present.dark": ("Tema gelap", "Dark theme"),
    "present.order_full": ("Urutan lengkap", "Full boards"),
    "present.order_short": ("Urutan ringkas", "Short order"),
    "present.paused": ("dijeda", "paused"),
    "present.freeze": ("Bekukan", "Freeze"),
    "present.resume": ("Lanjutkan langsung", "Back to live"),
    "present.frozen": (
        "Dibekukan: data s.d. {date}, sejak {time} WIB",
        "Frozen: data as of {date}, since {time} WIB",
    ),
    "present.since_pattern": ("HH.mm", "HH:mm"),
    "present.new_data": ("data baru tersedia", "new data available"),
    "deck.file": ("bahan-rapat-{date}", "meeting-deck-{date}"),
    "present.download": ("Unduh bahan rapat", "Download the meeting deck"),
    "present.download_day": ("Data s.d. tanggal", "Data up to"),
    "present.download_help": (
        "Slide yang sama dengan layar ini; catatan pembicara berisi kalimatnya. PPTX dapat "
        "disunting dan ditambah slide.",
        "The same slides as this screen; the speaker notes hold their sentences. The PPTX can "
        "be edited and given more slides.",
    ),
    "present.download_pptx": ("PowerPoint (.pptx)", "PowerPoint (.pptx)"),
    "present.download_pdf": ("PDF (.pdf)", "PDF (.pdf)"),
}

# What the boundary checks say (census_core.geo.geocheck, census_core.geo.geo).
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

# Problems found in an uploaded file: what is wrong and what to do (census_core.ingest.problems).
_PROBLEMS: dict[str, tuple[str, str]] = {
    "problem.not_a_spreadsheet": (
        "Berkas ini bukan tabel CSV atau Excel (.xlsx). Simpan ulang sebagai CSV atau .xlsx.",
        "This file is not a CSV or Excel (.xlsx) table. Save it again as CSV or .xlsx.",
    ),
    "problem.unreadable_excel": (
        "Berkas Excel tidak bisa dibaca: isinya rusak atau terpotong. Buka di Excel lalu simpan "
        "ulang sebagai .xlsx.",
        "The Excel file cannot be read: its contents are damaged or cut short. Open it in Excel "
        "and save it again as .xlsx.",
    ),
    "problem.no_sheet": (
        "Lembar '{value}' tidak ada. Lembar yang ada: {sheets}.",
        "There is no sheet '{value}'. The sheets are: {sheets}.",
    ),
    "problem.too_many_rows": (
        "Berkas berisi {value} baris; batasnya {limit}. Pecah menjadi beberapa berkas.",
        "The file has {value} rows; the limit is {limit}. Split it into several files.",
    ),
    "problem.file_too_large": (
        "Berkas lebih besar dari {limit} MB. Pecah menjadi beberapa berkas atau simpan ulang hanya "
        "tabel datanya.",
        "The file is larger than {limit} MB. Split it into several files or save only the data "
        "table again.",
    ),
    "problem.sheet_too_large": (
        "Lembar '{sheet}' mencakup {rows} baris x {cols} kolom; batasnya {max_rows} baris dan "
        "{max_cols} kolom ({max_cells} sel). Simpan ulang hanya tabel datanya (hapus isi dan "
        "format di luar tabel).",
        "Sheet '{sheet}' spans {rows} rows x {cols} columns; the limit is {max_rows} rows and "
        "{max_cols} columns ({max_cells} cells). Save only the data table again (delete what lies "
        "outside it, formatting too).",
    ),
    "problem.unpacked_too_large": (
        "Isi berkas Excel ini {value} MB setelah dibuka; batasnya {limit} MB. Simpan ulang hanya "
        "tabel datanya, tanpa lembar, gambar atau teks lain.",
        "This Excel file unpacks to {value} MB; the limit is {limit} MB. Save only the data table "
        "again, without other sheets, pictures or text.",
    ),
    "problem.cell_too_long": (
        "Berkas memuat sel berisi lebih dari {limit} karakter (batas Excel untuk satu sel). Hapus "
        "teks panjang itu lalu simpan ulang.",
        "The file has a cell of more than {limit} characters (Excel's limit for one cell). Delete "
        "that long text and save again.",
    ),
    "problem.read_limit": (
        "Berkas Excel ini terlalu berat untuk dibaca: melebihi {memory} MB memori atau {seconds} "
        "detik. Simpan ulang hanya tabel datanya sebagai .xlsx atau CSV.",
        "This Excel file is too heavy to read: it needs more than {memory} MB of memory or "
        "{seconds} seconds. Save only the data table again as .xlsx or CSV.",
    ),
    "problem.name_too_long": (
        "{column} berisi {length} karakter; batasnya {limit} karakter untuk nama atau kode "
        "wilayah. Tulis nama wilayahnya saja.",
        "{column} holds {length} characters; the limit is {limit} for a region's name or code. "
        "Write only the region's name.",
    ),
    "problem.empty_file": (
        "Berkas kosong. Isi satu baris judul kolom (mis. Kecamatan, KK) lalu satu baris per "
        "wilayah.",
        "The file is empty. Put one header row (e.g. Kecamatan, KK) and then one row per region.",
    ),
    "problem.no_header": (
        "Tidak ditemukan baris judul kolom dengan kolom wilayah (Kecamatan, Kabupaten, Desa, "
        "Wilayah atau Kode). Tambahkan baris judul di atas data.",
        "No header row with a region column (Kecamatan, Kabupaten, Desa, Wilayah or Kode) was "
        "found. Add a header row above the data.",
    ),
    "problem.no_header_sheets": (
        "Tidak ada lembar dengan baris judul kolom berisi kolom wilayah (Kecamatan, Kabupaten, "
        "Desa, Wilayah atau Kode). Lembar yang ada: {sheets}. Pilih lembar berisi data atau "
        "tambahkan baris judul di atas data.",
        "No sheet has a header row with a region column (Kecamatan, Kabupaten, Desa, Wilayah or "
        "Kode). The sheets are: {sheets}. Choose the sheet with the data or add a header row "
        "above it.",
    ),
    "problem.sheet_chosen": (
        "Lembar pertama '{other}' tidak berisi tabel wilayah; yang dibaca lembar '{value}'. "
        "Pilih lembar lain bila bukan itu datanya.",
        "The first sheet '{other}' holds no table of regions; the sheet read is '{value}'. "
        "Choose another sheet if that is not the data.",
    ),
    "problem.no_count_column": (
        "Tidak ada kolom jumlah (mis. 'KK', 'Jiwa', 'Jumlah') atau kolom tanggal. Beri judul kolom "
        "angka dengan KK atau Jiwa.",
        "There is no count column (e.g. 'KK', 'Jiwa', 'Jumlah') and no date columns. Head the "
        "number column with KK or Jiwa.",
    ),
    "problem.no_target_column": (
        "Tidak ada kolom sasaran (mis. 'KK' atau 'Jiwa'). Beri judul kolom angka dengan KK atau "
        "Jiwa.",
        "There is no target column (e.g. 'KK' or 'Jiwa'). Head the number column with KK or Jiwa.",
    ),
    "problem.no_data": (
        "Tidak ada baris data di bawah baris judul. Isi satu baris per wilayah.",
        "There are no data rows below the header. Put one row per region.",
    ),
    "problem.no_values": (
        "Tidak ada satu angka pun di kolom jumlah. Isi angkanya lalu unggah lagi.",
        "There is not a single number in the count columns. Fill them in and upload again.",
    ),
    "problem.no_date": (
        "Tanggal data tidak ditemukan: tidak ada kolom Tanggal, judul seperti 'Kondisi s.d. 5 "
        "Maret 2020', atau tanggal di nama berkas. Pilih tanggal (--date YYYY-MM-DD).",
        "No date found: no Tanggal column, no title such as 'Kondisi s.d. 5 Maret 2020' and no "
        "date in the file name. Choose the date (--date YYYY-MM-DD).",
    ),
    "problem.missing_region": (
        "Nama wilayah kosong sementara ada angka. Isi nama atau kode wilayah.",
        "The region is empty but the row has numbers. Fill in the region's name or code.",
    ),
    "problem.unknown_code": (
        "Kode '{value}' tidak ada dalam daftar wilayah Kemendagri. Periksa kodenya.",
        "Code '{value}' is not in the Kemendagri region list. Check the code.",
    ),
    "problem.unknown_region": (
        "'{value}' tidak dikenal sebagai {level}{within}.{suggest}",
        "'{value}' is not a known {level}{within}.{suggest}",
    ),
    "problem.ambiguous_desa": (
        "'{value}' adalah nama desa di beberapa kecamatan: {candidates}. Tambahkan kolom "
        "Kecamatan di samping kolom desa, atau gunakan kode desa.",
        "'{value}' is a desa name in several kecamatan: {candidates}. Add a Kecamatan column "
        "beside the desa column, or use the desa code.",
    ),
    "problem.ambiguous_region": (
        "'{value}' cocok dengan beberapa wilayah: {candidates}. Tulis awalan (Kab./Kota) atau "
        "gunakan kode wilayah.",
        "'{value}' fits several regions: {candidates}. Write the prefix (Kab./Kota) or use the "
        "region code.",
    ),
    "problem.mixed_levels": (
        "'{value}' adalah {found}, sedangkan berkas ini berisi {level}. Satu berkas untuk satu "
        "tingkat wilayah.",
        "'{value}' is a {found}, but this file holds {level}. One file per level of region.",
    ),
    "problem.letter_in_number": (
        "{column} '{value}' memuat huruf di antara angka; mungkin maksudnya {meant}. Tulis "
        "angkanya saja.",
        "{column} '{value}' has a letter among its digits; perhaps {meant} is meant. Write the "
        "digits only.",
    ),
    "problem.not_a_number": (
        "{column} '{value}' bukan angka. Tulis bilangan bulat, mis. 4040 atau 4.040.",
        "{column} '{value}' is not a number. Write a whole number, e.g. 4040 or 4,040.",
    ),
    "problem.not_whole_number": (
        "{column} '{value}' bukan bilangan bulat. Jumlah adalah cacah KK/jiwa, tanpa pecahan.",
        "{column} '{value}' is not a whole number. Counts are whole families/persons.",
    ),
    "problem.negative": (
        "{column} '{value}' negatif. Jumlah tidak boleh kurang dari 0.",
        "{column} '{value}' is negative. Counts cannot be below 0.",
    ),
    "problem.too_large": (
        "{column} '{value}' terlalu besar (paling besar {max_count}) untuk satu wilayah. Periksa "
        "angkanya.",
        "{column} '{value}' is too large for one region (at most {max_count}). Check the number.",
    ),
    "problem.formula_without_value": (
        "kolom {column} berisi rumus tanpa nilai tersimpan ('{value}'); buka berkas di Excel atau "
        "LibreOffice lalu simpan ulang agar nilainya ikut tersimpan, kemudian unggah lagi.",
        "column {column} holds a formula with no saved value ('{value}'). Open the file in Excel "
        "or LibreOffice and save it again so that the values are saved, then upload it again.",
    ),
    "problem.bad_date": (
        "{column} '{value}' bukan tanggal. Tulis mis. 2020-03-05, 05/03/2020 atau 5 Maret 2020.",
        "{column} '{value}' is not a date. Write e.g. 2020-03-05, 05/03/2020 or 5 March 2020.",
    ),
    "problem.two_digit_year": (
        "{column} '{value}': tahunnya tidak lengkap. Tulis tahun dengan empat angka, mis. "
        "05/03/2020 atau 2020-03-05.",
        "{column} '{value}': the year is incomplete. Write the year with four digits, e.g. "
        "05/03/2020 or 2020-03-05.",
    ),
    "problem.date_out_of_window": (
        "{column} '{value}' di luar masa sensus: hanya tanggal {first} s.d. {last} yang diterima. "
        "Periksa tanggalnya (tahun empat angka, mis. 5 Maret 2020).",
        "{column} '{value}' is outside the census period: only dates from {first} to {last} are "
        "accepted. Check the date (a four-digit year, e.g. 5 March 2020).",
    ),
    "problem.missing_date": (
        "Tanggal kosong. Isi tanggal data baris ini.",
        "The date is empty. Fill in this row's date.",
    ),
    "problem.future_date": (
        "Tanggal {value} belum terjadi. Periksa tanggalnya.",
        "The date {value} is in the future. Check the date.",
    ),
    "problem.conflict": (
        "{region} tanggal {date} tercantum dua kali dengan angka berbeda ({value} dan {other}, "
        "baris {other_row}). Hapus salah satunya.",
        "{region} on {date} is listed twice with different values ({value} and {other}, row "
        "{other_row}). Remove one of them.",
    ),
    "problem.bad_share": (
        "{column} '{value}' bukan persentase antara 0 dan 100. Tulis mis. 50 atau 50%.",
        "{column} '{value}' is not a percentage between 0 and 100. Write e.g. 50 or 50%.",
    ),
    "problem.empty_value": (
        "{column} kosong; wilayah ini tidak diperbarui.",
        "{column} is empty; this region is not updated.",
    ),
    "problem.duplicate": (
        "{region} tanggal {date} tercantum dua kali (juga di baris {other_row}) dengan angka sama.",
        "{region} on {date} is listed twice (also in row {other_row}) with the same value.",
    ),
    "problem.decrease": (
        "{region}: {value} lebih kecil dari {earlier} pada {earlier_date}. Angka kumulatif "
        "biasanya tidak turun; periksa kembali.",
        "{region}: {value} is lower than {earlier} on {earlier_date}. Cumulative counts do not "
        "usually fall; check it.",
    ),
    "problem.above_base": (
        "{region}: {value} melebihi jumlah sasaran dasar {base}. Periksa angka atau sasarannya.",
        "{region}: {value} is above the base of {base}. Check the count or the target.",
    ),
    "problem.total_mismatch": (
        "Baris jumlah menulis {column} {value}, padahal baris-baris di atasnya berjumlah {sum}. "
        "Baris jumlah tidak disimpan; periksa angkanya.",
        "The total row says {column} {value}, but the rows above it add up to {sum}. Total rows "
        "are not stored; check the numbers.",
    ),
    "problem.inferred": (
        "'{value}' dibaca sebagai {region}, karena wilayah lain bernama sama sudah tercantum. "
        "Tulis awalan (Kab./Kota) agar jelas.",
        "'{value}' is read as {region}, because the other region of that name is listed too. Write "
        "the prefix (Kab./Kota) to make it plain.",
    ),
    "problem.date_disagrees": (
        "Tanggal yang dipilih {value} berbeda dari tanggal di berkas {other}; dipakai {value}.",
        "The chosen date {value} differs from the file's date {other}; {value} is used.",
    ),
    "problem.row": ("Baris {row}: {text}", "Row {row}: {text}"),
    "value.more_than": ("lebih dari {n}", "more than {n}"),  # a count too big to count
    # The parts of "problem.unknown_region" that depend on what the matching found.
    "match.within": (" di {name}", " in {name}"),
    "match.suggest": (" Mungkin maksud Anda: {names}.", " Did you mean: {names}?"),
    "match.spelling": (
        " Periksa ejaannya atau pakai kode wilayah.",
        " Check the spelling or use the region code.",
    ),
}

# What the upload page and the command line say about a file (census_core.ingest.report, effect).
_UPLOADS: dict[str, tuple[str, str]] = {
    "report.shown_effect": (
        "Menampilkan {n} pertama dari {of} wilayah yang berubah, urut peringkat.",
        "Showing the first {n} of {of} regions that change, in board order.",
    ),
    "report.shown_rows": (
        "Menampilkan {n} dari {of} baris: semua baris bermasalah, lalu baris pertama lainnya. "
        "Semua baris tetap diperiksa dan disimpan.",
        "Showing {n} of {of} rows: every row with a problem, then the first of the others. All "
        "rows are checked and stored.",
    ),
    "report.read_targets": (
        "Dibaca: {rows} baris sasaran {level}.",
        "Read: {rows} rows of {level} targets.",
    ),
    "report.read_counts": (
        "Dibaca: {rows} baris {level}, tanggal {when} (tata letak {layout}).",
        "Read: {rows} rows of {level}, date {when} (layout {layout}).",
    ),
    "report.layout.long": ("panjang: wilayah, tanggal, jumlah", "long: region, date, count"),
    "report.layout.snapshot": ("satu tanggal", "one date"),
    "report.layout.wide": ("lebar: satu kolom per tanggal", "wide: one column per date"),
    "report.layout.targets": ("sasaran", "targets"),
    "report.rejected": (
        "Ditolak: {errors} kesalahan harus diperbaiki, {warnings} peringatan. Tidak ada yang "
        "disimpan.",
        "Rejected: {errors} error(s) to fix, {warnings} warning(s). Nothing is stored.",
    ),
    "report.ready": (
        "Siap disimpan; {warnings} peringatan.",
        "Ready to store; {warnings} warning(s).",
    ),
    "report.row": ("Baris", "Row"),
    "report.written": ("Tertulis", "Written"),
    "report.region": ("Wilayah", "Region"),
    "report.code": ("Kode", "Code"),
    "report.notes": ("Catatan", "Notes"),
    "report.measure.households": ("KK", "KK"),
    "report.measure.persons": ("Jiwa", "Persons"),
    "report.time": ("Waktu (WIB)", "Time (WIB)"),
    "report.user": ("Pengguna", "User"),
    "report.file": ("Berkas", "File"),
    "report.kind": ("Jenis", "Kind"),
    "report.rows": ("Baris", "Rows"),
    "report.changed": ("Berubah", "Changed"),
    "report.kind.counts": ("jumlah", "counts"),
    "report.kind.targets": ("sasaran", "targets"),
    "report.kind.demo": ("data simulasi", "simulated data"),
    "report.undone": ("dibatalkan", "undone"),
    "report.active": ("aktif", "active"),
    "report.name": ("Nama", "Name"),
    "report.address": ("Alamat", "Address"),
    "report.result": ("Hasil", "Result"),
    "report.signed_in": ("berhasil", "signed in"),
    "report.wrong": ("salah", "wrong password"),
    # English counts the regions that change, not their level: `{level:.0}` takes it, shows nothing.
    "effect.head.one": ("{n} {level} berubah pada {day}", "{n} region change on {day}{level:.0}"),
    "effect.head.other": (
        "{n} {level} berubah pada {day}",
        "{n} regions change on {day}{level:.0}",
    ),
    "effect.rises": (
        "{name} naik dari peringkat {before} ke {after}",
        "{name} rises from rank {before} to {after}",
    ),
    "effect.falls": (
        "{name} turun dari peringkat {before} ke {after}",
        "{name} falls from rank {before} to {after}",
    ),
    "effect.home": (
        "{name} pada {day} setelah berkas ini: {after} {measure}, peringkat {rank} dari {of} di "
        "{province}, {change} sejak hari sebelumnya (kini {before}, peringkat {rank_before}).",
        "{name} on {day} after this file: {after} {measure}, rank {rank} of {of} in {province}, "
        "{change} since the day before (now {before}, rank {rank_before}).",
    ),
    "effect.differs": (
        "{name}: angkanya sendiri {own} tanggal {day} tetap dipakai, padahal {kids} di dalamnya "
        "berjumlah {children} setelah berkas ini. Unggah ulang angka {name}, atau perbaiki angka "
        "{kids} yang salah.",
        "{name}: its own count {own} of {day} stands, while its {kids} add up to {children} "
        "after this file. Upload {name}'s figure again or correct its {kids}.",
    ),
    "effect.older": (
        "{name}: angka berkas ini ({own}, {day}) lebih lama daripada angka {kids} di dalamnya "
        "({kids_day}), jadi papan memakai jumlah {kids}: {children}. Unggah angka {name} "
        "tanggal {kids_day} bila ingin angkanya sendiri yang dipakai.",
        "{name}: this file's figure ({own}, {day}) is older than its {kids}' ({kids_day}), so "
        "the boards show their sum: {children}. Upload {name}'s figure of {kids_day} to have "
        "its own count shown.",
    ),
    "effect.title_home": ("Sesudah disimpan", "After saving"),
    "effect.title_province": (
        "Papan kabupaten/kota {province} sesudah disimpan",
        "The kabupaten/kota board of {province} after saving",
    ),
    "effect.title_board": ("Papan {level} sesudah disimpan", "The {level} board after saving"),
    "effect.inconsistent": ("Angka yang menjadi tidak selaras", "Figures left inconsistent"),
    "effect.region": ("Wilayah", "Region"),
    "effect.before": ("Sebelum", "Before"),
    "effect.after": ("Sesudah", "After"),
    "effect.change": ("Perubahan", "Change"),
    "effect.rank_before": ("Peringkat sebelum", "Rank before"),
    "effect.rank_after": ("Peringkat sesudah", "Rank after"),
    "cli.accepted": (
        "Diterima: {file} ({level}; {dates}; {rows} rows)",
        "Accepted: {file} ({level}; {dates}; {rows} rows)",
    ),
    "cli.dry_run": ("Uji coba: tidak ada yang disimpan.", "Dry run: nothing stored."),
    "cli.unchanged": ("Tidak ada angka yang berubah.", "Nothing changed."),
    "cli.committed": ("Batch {batch}: {n} angka berubah.", "Batch {batch}: {n} values changed."),
    "cli.failed": ("Gagal: {file}", "Failed: {file}"),
    "cli.rejected": ("Ditolak: {file}", "Rejected: {file}"),
    "cli.history": (
        "Perubahan {name} ({code}), {measure}, terbaru dulu",
        "Changes of {name} ({code}), {measure}, newest first",
    ),
    "cli.no_counts": ("Belum ada angka.", "No counts yet."),
    "cli.undone": (" (dibatalkan)", " (undone)"),
    # backup and restore (census_core/store/backup.py, census_core/cli/keeping.py)
    "backup.written": (
        "Cadangan ditulis: {file} ({batches} batch, {counts} angka, {targets} sasaran, "
        "{events} peristiwa, {boundaries} berkas batas, {sign_ins} catatan masuk).",
        "Backup written: {file} ({batches} batches, {counts} counts, {targets} targets, "
        "{events} events, {boundaries} boundary files, {sign_ins} sign-ins).",
    ),
    "backup.restored": (
        "Dipulihkan dari {file}: {batches} batch, {counts} angka, {targets} sasaran, "
        "{events} peristiwa, {boundaries} berkas batas, {sign_ins} catatan masuk.",
        "Restored from {file}: {batches} batches, {counts} counts, {targets} targets, "
        "{events} events, {boundaries} boundary files, {sign_ins} sign-ins.",
    ),
    "backup.corrupt": (
        "{file} rusak atau terpotong (checksum tidak cocok): tidak ada yang dipulihkan. "
        "Pakai salinan cadangan lain.",
        "{file} is damaged or cut short (checksum mismatch): nothing restored. Use another backup.",
    ),
    "backup.missing": (
        "Berkas {file} tidak bisa dibaca: tidak ada yang dipulihkan.",
        "Cannot read the file {file}: nothing restored.",
    ),
    "backup.newer": (
        "Cadangan ini dibuat oleh versi aplikasi yang lebih baru (format {version}, skema "
        "{schema}; versi ini membaca format {ours}, skema {our_schema}): tidak ada yang "
        "dipulihkan. Perbarui aplikasi lalu coba lagi.",
        "This backup was made by a newer version of the app (format {version}, schema "
        "{schema}; this version reads format {ours}, schema {our_schema}): nothing restored. "
        "Update the app and try again.",
    ),
    "backup.not_empty": (
        "Penyimpanan tujuan sudah berisi data: tidak ada yang dipulihkan. Pulihkan ke "
        "penyimpanan kosong, atau tambahkan --replace untuk mengganti seluruh isinya.",
        "The target store already holds data: nothing restored. Restore into an empty store, "
        "or add --replace to replace all of its contents.",
    ),
    "backup.unknown_region": (
        "Cadangan memuat kode wilayah {code} yang tidak dikenal penyimpanan ini: tidak ada "
        "yang dipulihkan.",
        "The backup holds the region code {code}, unknown to this store: nothing restored.",
    ),
}

# The upload page (app_pages/unggah.py, ui/upload.py).
_UPLOAD_PAGE: dict[str, tuple[str, str]] = {
    "upload.title": ("Unggah data", "Upload data"),
    "upload.tab_counts": ("Jumlah harian", "Daily counts"),
    "upload.tab_targets": ("Sasaran", "Targets"),
    "upload.tab_history": ("Riwayat", "History"),
    "upload.tab_templates": ("Templat", "Templates"),
    "upload.file": ("Berkas CSV atau Excel (.xlsx)", "CSV or Excel (.xlsx) file"),
    "upload.limits": (
        "Paling besar {mb} MB, {rows} baris dan {cols} kolom. Baris 1 adalah baris pertama "
        "berkas, seperti di Excel.",
        "At most {mb} MB, {rows} rows and {cols} columns. Row 1 is the file's first line, as in "
        "Excel.",
    ),
    "upload.options": (
        "Pilihan (bila berkas tidak menyebutkannya)",
        "Options (when the file does not say)",
    ),
    "upload.date": ("Tanggal data", "Date of the data"),
    "upload.measure": ("Kolom 'Jumlah' berisi", "A 'Jumlah' column counts"),
    "upload.measure.households": ("KK (keluarga)", "KK (families)"),
    "upload.measure.persons": ("jiwa", "persons"),
    "upload.level": ("Tingkat wilayah", "Level of the regions"),
    "upload.auto": ("otomatis", "automatic"),
    "upload.sheet": ("Lembar", "Sheet"),
    "upload.sheet_auto": (
        "Otomatis: lembar pertama yang berisi tabel wilayah",
        "Automatic: the first sheet with a table of regions",
    ),
    "upload.errors": ("Kesalahan", "Errors"),
    "upload.warnings": ("Peringatan", "Warnings"),
    "upload.more": (
        "… dan {n} lagi (lihat kolom Catatan).",
        "… and {n} more (see the Notes column).",
    ),
    "upload.suggest": (
        "Pilih wilayah untuk '{text}' (baris {row}):",
        "Pick the region for '{text}' (row {row}):",
    ),
    "upload.preview": ("Isi berkas", "What the file holds"),
    "upload.effect": ("Dampak pada peringkat", "Effect on the standings"),
    "upload.commit": ("Simpan", "Store"),
    "upload.committed": (
        "Tersimpan sebagai batch {batch}: {n} angka berubah.",
        "Stored as batch {batch}: {n} values changed.",
    ),
    "upload.unchanged": (
        "Tidak ada angka yang berubah; tidak ada batch baru.",
        "No value changed; no new batch.",
    ),
    "upload.history": ("Riwayat unggahan", "Upload history"),
    "upload.no_history": ("Belum ada unggahan.", "No uploads yet."),
    "upload.undo_placeholder": ("pilih nomor unggahan", "choose an upload number"),
    "auth.no_sign_ins": ("Belum ada yang masuk dengan kata sandi.", "No sign-ins by password yet."),
    "upload.undo": ("Batalkan batch", "Undo batch"),
    "upload.undo_button": ("Batalkan", "Undo"),
    "upload.undone": ("Batch {batch} dibatalkan.", "Batch {batch} undone."),
}

# Operator sign-in (ui/auth.py).
_SIGN_IN: dict[str, tuple[str, str]] = {
    "auth.off": (
        "Unggah belum diaktifkan. Tetapkan kata sandi operator di variabel lingkungan "
        "`CENSUS_UPLOAD_PASSWORD` atau di `.streamlit/secrets.toml` (atau bagian `[auth]` untuk "
        "masuk dengan akun, dengan daftar `CENSUS_UPLOAD_USERS`), lalu muat ulang halaman.",
        "Uploads are not enabled. Set the operator password in the environment variable "
        "`CENSUS_UPLOAD_PASSWORD` or in `.streamlit/secrets.toml` (or an `[auth]` section for "
        "account sign-in, with the list `CENSUS_UPLOAD_USERS`), then reload the page.",
    ),
    "auth.password": ("Kata sandi operator", "Operator password"),
    "auth.name": ("Nama operator", "Operator name"),
    "auth.choose": ("Pilih nama Anda", "Choose your name"),
    "auth.name_needed": (
        "Tulis nama Anda: riwayat unggahan mencatat siapa yang menyimpan setiap berkas.",
        "Write your name: the upload history records who stored each file.",
    ),
    "auth.choose_needed": (
        "Pilih nama Anda dari daftar operator: riwayat unggahan mencatat siapa yang menyimpan "
        "setiap berkas.",
        "Choose your name from the operators' list: the upload history records who stored each "
        "file.",
    ),
    "auth.submit": ("Masuk", "Sign in"),
    "auth.wrong": ("Kata sandi salah.", "Wrong password."),
    "auth.signed_in": ("Masuk sebagai {user}", "Signed in as {user}"),
    "auth.sign_out": ("Keluar", "Sign out"),
    "auth.login": ("Masuk dengan akun organisasi", "Sign in with your organisation account"),
    "auth.or": ("atau dengan kata sandi operator:", "or with the operator password:"),
    "auth.not_listed": (
        "Akun {email} belum terdaftar sebagai operator. Minta pengelola menambahkannya ke "
        "`CENSUS_UPLOAD_USERS`, lalu masuk lagi.",
        "The account {email} is not listed as an operator. Ask the administrator to add it to "
        "`CENSUS_UPLOAD_USERS`, then sign in again.",
    ),
    "auth.log": ("Riwayat masuk", "Sign-in history"),
}

# Boundary files on the upload page and the map page (ui/boundaries.py).
_BOUNDARIES: dict[str, tuple[str, str]] = {
    "bounds.title": ("Batas wilayah untuk peta", "Boundaries for the map"),
    "bounds.intro": (
        "GeoJSON batas kecamatan, desa atau kabupaten/kota (kode Kemendagri, kode BPS atau nama), "
        "dan bila ada tabel padanan kode BPS–Kemendagri (CSV dengan kolom `code_bps` dan "
        "`code_kemendagri`). Semua server yang memakai basis data ini melihatnya.",
        "GeoJSON boundaries of districts, villages or regencies (Kemendagri code, BPS code or "
        "name), and if you have it a BPS–Kemendagri code crosswalk (CSV with columns `code_bps` "
        "and `code_kemendagri`). Every server sharing this database sees them.",
    ),
    "bounds.sign_in": (
        "Masuk sebagai operator untuk mengunggah batas wilayah.",
        "Sign in as operator to upload boundaries.",
    ),
    "bounds.files": ("Berkas batas wilayah", "Boundary files"),
    "bounds.files_help": (
        "Berkas GeoJSON (.geojson, .json) atau CSV, paling besar {mb} MB per berkas.",
        "GeoJSON (.geojson, .json) or CSV files, at most {mb} MB each.",
    ),
    "bounds.submit": ("Tambahkan batas wilayah", "Add boundaries"),
    "bounds.same": ("{name} sudah tersimpan.", "{name} is already stored."),
    "bounds.saved": (
        "{name} tersimpan: {matched} wilayah cocok, {unmatched} fitur tidak cocok.",
        "{name} saved: {matched} regions matched, {unmatched} features unmatched.",
    ),
    "bounds.saved_similar": (
        "{name} tersimpan: {matched} wilayah cocok ({similar} di antaranya menurut nama yang "
        "mirip, periksa di bawah), {unmatched} fitur tidak cocok.",
        "{name} saved: {matched} regions matched ({similar} of them by similar name, check them "
        "below), {unmatched} features unmatched.",
    ),
    "bounds.saved_water": (
        " {water} fitur perairan (bukan wilayah) dilewati.",
        " {water} water features (not regions) skipped.",
    ),
    "bounds.saved_csv": (
        "{name} tersimpan sebagai tabel padanan kode ({rows} kode).",
        "{name} saved as a code crosswalk ({rows} codes).",
    ),
    "bounds.not_crosswalk": (
        "{name}: CSV ini tidak punya kolom kode BPS dan kode Kemendagri.",
        "{name}: this CSV has no BPS code and Kemendagri code columns.",
    ),
    "bounds.stored": ("Tersimpan", "Stored"),
    "bounds.delete": ("Hapus", "Delete"),
    "bounds.from_dir": (
        "Dari folder batas wilayah server (`CENSUS_GEO_DIR`): {files}",
        "From the server's boundaries folder (`CENSUS_GEO_DIR`): {files}",
    ),
    "bounds.refused": ("{name} tidak disimpan:", "{name} was not stored:"),
    "bounds.simplified": (" Berkas {summary}.", " The file was {summary}."),
    "bounds.dismiss": ("Tutup pesan", "Dismiss"),
    "bounds.skipped": ("Berkas batas wilayah yang dilewati ({n})", "Boundary files skipped ({n})"),
    "bounds.similar": ("Cocok menurut nama yang mirip ({n})", "Matched by similar name ({n})"),
    "bounds.similar_caption": (
        "Ejaan desa atau kecamatan ini di berkas berbeda dari daftar wilayah, jadi dipasangkan "
        "dengan wilayah yang namanya paling mirip di kecamatan atau kabupaten/kota yang sama. "
        "Periksa pasangannya; bila ada yang keliru, perbaiki nama atau kodenya di berkas lalu "
        "unggah lagi.",
        "The file spells these villages or districts differently from the region master, so "
        "each was paired with the most similar name in the same district or regency. Check the "
        "pairs; if one is wrong, fix its name or code in the file and upload it again.",
    ),
    "bounds.col.name": ("Nama di berkas", "Name in the file"),
    "bounds.col.region": ("Nama di daftar wilayah", "Name in the region master"),
    "bounds.col.parent": ("Di wilayah", "Within"),
    "bounds.col.code": ("Kode", "Code"),
    "bounds.col.score": ("Kemiripan", "Similarity"),
    "bounds.col.file": ("Berkas", "File"),
    "bounds.water": (
        "Perairan (danau, waduk, laut), bukan wilayah, tidak digambar: {names}.",
        "Water bodies (lakes, reservoirs, sea), not regions, not drawn: {names}.",
    ),
}

# The router's page names and the shared sidebar (app.py, ui/sidebar.py).
_NAVIGATION: dict[str, tuple[str, str]] = {
    "nav.peringkat": ("Peringkat", "Ranking"),
    "nav.kecamatan": ("Kecamatan", "District"),
    "nav.peta": ("Peta", "Map"),
    "nav.tren": ("Tren", "Trend"),
    "nav.presentasi": ("Presentasi", "Presentation"),
    "nav.unggah": ("Unggah", "Upload"),
    "nav.widget": ("Widget", "Widget"),
    "sidebar.measure": ("Ukuran", "Measure"),
    "sidebar.as_of": ("Data per tanggal", "As of"),
}

# The map page (app_pages/peta.py).
_MAP_PAGE: dict[str, tuple[str, str]] = {
    "peta.title": ("Peta", "Map"),
    "peta.none": (
        "Belum ada batas wilayah, jadi peta belum bisa digambar. Cara menambahkannya: letakkan "
        "berkas GeoJSON batas kecamatan/desa/kabupaten (dan bila ada tabel padanan kode "
        "BPS–Kemendagri dalam CSV) di folder batas wilayah server (variabel lingkungan "
        "`CENSUS_GEO_DIR`), lalu muat ulang halaman; atau unggah berkasnya sebagai operator di "
        "halaman Unggah.",
        "There are no boundaries yet, so the map cannot be drawn. To add them: put GeoJSON files "
        "of district/village/regency boundaries (and, if you have one, a BPS–Kemendagri code "
        "crosswalk as CSV) in the server's boundaries folder (the environment variable "
        "`CENSUS_GEO_DIR`), then reload the page; or upload them as operator on the Unggah "
        "(upload) page.",
    ),
    "peta.level": ("Wilayah", "Regions"),
    "peta.by": ("Warna menurut", "Colour by"),
    "peta.by.percent": ("% dari target", "% of target"),
    "peta.by.count": ("Jumlah", "Count"),
    "peta.elsewhere": (
        "Batas wilayah yang ada tidak mencakup {name}. Tambahkan berkas GeoJSON wilayah ini di "
        "halaman Unggah atau di folder `CENSUS_GEO_DIR`.",
        "The boundaries do not cover {name}. Add GeoJSON files of this region on the Unggah page "
        "or in the `CENSUS_GEO_DIR` folder.",
    ),
    "peta.legend_percent": ("% dari target", "% of target"),
    "peta.legend_count": ("Jumlah {unit}", "Number of {unit}"),
    "peta.click": (
        "Klik sebuah kecamatan untuk membuka halamannya.",
        "Click a district to open its page.",
    ),
    "peta.gaps": (
        "{n} wilayah belum punya batas; operator dapat melihat rinciannya di halaman Unggah.",
        "{n} regions have no boundary yet; operators can see the details on the Unggah page.",
    ),
    "peta.click_kabupaten": (
        "Klik kabupaten/kota sendiri untuk melihat kecamatannya, atau yang lain untuk "
        "peringkatnya.",
        "Click the home regency to see its districts, or another one for its standing.",
    ),
    "peta.report": ("Batas wilayah yang belum cocok ({n})", "Boundaries not matched ({n})"),
    "peta.kind.region": ("wilayah tanpa batas", "region without boundary"),
    "peta.kind.feature": ("fitur tanpa wilayah", "feature without region"),
    "peta.reason.no_region": (
        "tidak ada wilayah dengan kode/nama ini",
        "no region has this code/name",
    ),
    "peta.reason.ambiguous": (
        "nama cocok dengan lebih dari satu wilayah",
        "the name fits more than one region",
    ),
    "peta.reason.no_key": ("tanpa kode dan nama", "no code and no name"),
    "peta.reason.no_geometry": ("tanpa geometri", "no geometry"),
    "peta.reason.unreadable": ("berkas tidak terbaca", "file cannot be read"),
    "peta.reason.similar_tie": (
        "nama mirip dengan lebih dari satu wilayah di kecamatan atau kabupaten/kota yang sama",
        "the name is about as close to more than one region of the same district or regency",
    ),
    "peta.reason.similar_taken": (
        "wilayah yang namanya mirip sudah punya batas dari fitur lain",
        "the region with a similar name already has a boundary from another feature",
    ),
    "peta.col.kind": ("Jenis", "Kind"),
    "peta.col.name": ("Nama", "Name"),
    "peta.col.code": ("Kode", "Code"),
    "peta.col.file": ("Berkas", "File"),
    "peta.col.reason": ("Sebab", "Reason"),
    "peta.col.near": ("Mungkin wilayah ini", "Perhaps this region"),
    "peta.credit": ("Batas wilayah: {credit}", "Boundaries: {credit}"),
}

# The trend page (app_pages/tren.py).
_TREND_PAGE: dict[str, tuple[str, str]] = {
    "tren.title": ("Tren", "Trend"),
    "tren.compare": ("Bandingkan", "Compare"),
    "tren.kind.kecamatan": ("Kecamatan", "Districts"),
    "tren.kind.kabupaten": ("Kabupaten/kota", "Regencies/cities"),
    "tren.pick": ("Wilayah yang dibandingkan", "Regions to compare"),
    "tren.placeholder": ("Pilih sampai 5 wilayah", "Choose up to 5 regions"),
    "tren.cumulative": ("Jumlah kumulatif dan proyeksi", "Cumulative count and projection"),
    "tren.daily": ("Tambahan per hari — {name}", "Added per day — {name}"),
    "tren.versus": ("Dibandingkan dengan rata-rata", "Against the average"),
    "tren.png": ("Unduh PNG", "Download PNG"),
    "tren.daily_needs_days": (
        "Tambahan per hari butuh angka dari dua hari atau lebih; sejauh ini baru ada satu hari.",
        "Daily increments need figures of two days or more; so far there is one day.",
    ),
    "tren.csv_id": ("CSV (Excel Indonesia)", "CSV (Indonesian Excel)"),
    "tren.csv": ("Unduh data (CSV)", "Download data (CSV)"),
    "tren.events": ("Catatan kegiatan", "Event notes"),
    "tren.events_help": (
        "Kegiatan digambar sebagai garis ungu di setiap grafik.",
        "Events are drawn as purple lines on every chart.",
    ),
    "tren.none": ("Belum ada catatan.", "No notes yet."),
    "tren.date": ("Tanggal", "Date"),
    "tren.text": ("Kegiatan", "Event"),
    "tren.add": ("Tambah catatan", "Add note"),
    "tren.delete": ("Hapus", "Delete"),
    "tren.empty_text": ("Tulis kegiatannya.", "Write what happened."),
    "tren.play": ("Putar", "Play"),
    "tren.pause": ("Jeda", "Pause"),
    "tren.play_help": (
        "Menjalankan tanggal hari demi hari sampai hari terakhir; semua halaman ikut tanggal ini.",
        "Steps the date day by day up to the last day; every page follows this date.",
    ),
    "deadline.plain": ("Batas {date}", "Deadline {date}"),
    "deadline.extended": (
        "Batas {date}, diperpanjang dari {original}",
        "Deadline {date}, extended from {original}",
    ),
}

# The pages' own words: Peringkat, Kecamatan and the figure's origin (ui/provenance.py).
_PAGES: dict[str, tuple[str, str]] = {
    "origin.origin": (
        "Asal angka dan riwayat perubahan",
        "Where the figure came from, and its changes",
    ),
    "origin.picker": ("Asal angka wilayah…", "Where a region's figure came from…"),
    "origin.pick": ("Wilayah", "Region"),
    "origin.placeholder": ("pilih wilayah dari papan ini", "pick a region of this board"),
    "origin.history": (
        "Riwayat perubahan angka wilayah ini sendiri, terbaru dulu",
        "Changes of this region's own count, newest first",
    ),
    "origin.no_history": (
        "Belum ada angka wilayah ini sendiri yang diunggah.",
        "No count of this region itself has been uploaded yet.",
    ),
    "start.title": ("Mulai: {name}", "Getting started: {name}"),
    "start.intro": (
        "Belum ada angka untuk {name}. Isi salah satu templat di bawah (wilayahnya sudah "
        "tertulis), lalu unggah di halaman Unggah; papan peringkat terisi sesudahnya.",
        "There are no figures for {name} yet. Fill in one of the templates below (its regions "
        "are already listed), then upload it on the Upload page; the boards fill in after that.",
    ),
    "start.template.kecamatan": (
        "Jumlah KK dan jiwa per kecamatan ({n} kecamatan)",
        "Families and persons per kecamatan ({n} kecamatan)",
    ),
    "start.template.desa": (
        "Jumlah KK dan jiwa per desa/kelurahan ({n} desa/kelurahan)",
        "Families and persons per desa/kelurahan ({n} desa/kelurahan)",
    ),
    "start.template.long": (
        "Jumlah per kecamatan dan tanggal, beberapa hari sekaligus ({n} kecamatan)",
        "Figures per kecamatan and date, several days at once ({n} kecamatan)",
    ),
    "start.template.targets": (
        "Sasaran (penduduk dan KK) per kecamatan ({n} kecamatan)",
        "Targets (population and families) per kecamatan ({n} kecamatan)",
    ),
    "start.bounds": (
        "Peta: unggah batas wilayah {name} (GeoJSON, satu berkas per tingkat) di halaman "
        "Unggah, atau taruh berkasnya di folder CENSUS_GEO_DIR.",
        "Map: upload the boundaries of {name} (GeoJSON, one file per level) on the Upload page, "
        "or put the files in the CENSUS_GEO_DIR folder.",
    ),
    "start.to_upload": ("Ke halaman Unggah", "To the Upload page"),
    "start.simulated": (
        "Ingin mencoba halaman-halamannya dulu? Isi data simulasi wilayah {name} sendiri, "
        'berlabel "Data simulasi"; urungkan di riwayat unggahan sebelum angka sebenarnya masuk.',
        "Want to try the pages first? Fill in simulated data of {name}'s own regions, labelled "
        '"Simulated data"; undo it in the upload history before the real figures go in.',
    ),
    "start.simulated_button": ("Isi data simulasi {name}", "Fill in simulated data of {name}"),
    "start.simulated_sign_in": (
        "Operator yang sudah masuk di halaman Unggah dapat mengisi data simulasi untuk mencoba.",
        "An operator signed in on the Upload page can fill in simulated data to try the pages.",
    ),
    "start.simulated_refused": (
        "Sudah ada data tersimpan; data simulasi tidak diisi.",
        "Data is already stored; no simulated data was filled in.",
    ),
    "peringkat.sort": ("Urutkan menurut", "Sort by"),
    "peringkat.by_count": ("Jumlah {measure}", "Number of {measure}"),
    "peringkat.by_percent": ("Persentase target", "Share of target"),
    "peringkat.by_status": ("Status (tertinggal dulu)", "Status (behind first)"),
    "peringkat.status": ("Status laju", "Pace status"),
    "peringkat.all": ("Semua", "All"),
    "peringkat.search": ("Cari wilayah", "Find a region"),
    "peringkat.placeholder": ("ketik nama, mis. {example}", "type a name, e.g. {example}"),
    "peringkat.no_gains": (
        "Belum ada kenaikan: kenaikan butuh angka dari dua hari atau lebih.",
        "No gains yet: a gain needs figures of two days or more.",
    ),
    "peringkat.gainers": ("Paling naik", "Biggest gains"),
    "peringkat.empty": ("Tidak ada wilayah dengan nama itu.", "No region by that name."),
    "kecamatan.title": ("Kecamatan", "District"),
    "kecamatan.choose": ("Pilih kecamatan", "Choose a kecamatan"),
    "kecamatan.placeholder": ("ketik atau pilih nama kecamatan", "type or pick a kecamatan"),
    "kecamatan.unknown": (
        "Kecamatan “{text}” tidak ditemukan di {home}. Pilih dari daftar.",
        "No kecamatan “{text}” in {home}. Pick one from the list.",
    ),
    "kecamatan.hint": (
        "Pilih kecamatan untuk melihat posisinya. Tautan halaman ini bisa dibagikan.",
        "Choose a kecamatan to see where it stands. The page's link can be shared.",
    ),
    "kecamatan.trend": ("Capaian target per hari", "Share of target day by day"),
    "kecamatan.no_desa": (
        "Belum ada data per desa/kelurahan untuk kecamatan ini.",
        "No village figures for this kecamatan yet.",
    ),
    "page.no_data": (
        "Belum ada data. Unggah data harian di halaman Unggah.",
        "No data yet. Upload the daily counts on the Unggah (upload) page.",
    ),
    # The same, as the Peta and Tren pages have always put it.
    "page.no_data_brief": (
        "Belum ada data. Unggah data harian di halaman Unggah.",
        "No data yet. Upload the daily counts on the Unggah page.",
    ),
}

# The daily message for the coordination group (census_core.display.digest) and sharing.
_DIGEST: dict[str, tuple[str, str]] = {
    "digest.title": ("*Pantau Sensus — {name}, {date}*", "*Pantau Sensus — {name}, {date}*"),
    "digest.standing": (
        "{name}: {count} {measure}, peringkat {rank} dari {of} {level} di {within}.",
        "{name}: {count} {measure}, rank {rank} of {of} {level} in {within}.",
    ),
    "digest.standing_change": (
        "{name}: {count} {measure} ({change} sejak kemarin), peringkat {rank} dari {of} {level} "
        "di {within}.",
        "{name}: {count} {measure} ({change} since yesterday), rank {rank} of {of} {level} in "
        "{within}.",
    ),
    "digest.target": (
        "Capaian target: {pct} dari {source} ({target} {measure}).",
        "Share of target: {pct} of the {source} ({target} {measure}).",
    ),
    "digest.highest": ("Tertinggi: {regions}", "Highest: {regions}"),
    "digest.lowest": ("Terendah: {regions}", "Lowest: {regions}"),
    "digest.entry": ("{rank}. {name} {count}", "{rank}. {name} {count}"),
    "digest.gain": (
        "Paling naik hari ini: {names} ({change} {measure})",
        "Biggest gain today: {names} ({change} {measure})",
    ),
    "digest.no_gain": (
        "Hari ini belum ada kecamatan yang naik.",
        "No kecamatan has gained today yet.",
    ),
    "digest.not_reported": (
        "Belum melapor ({n} kecamatan): {regions}",
        "Not reported yet ({n} kecamatan): {regions}",
    ),
    "digest.late": ("{name} ({note})", "{name} ({note})"),
    "digest.all_reported": ("Semua kecamatan sudah melapor.", "Every kecamatan has reported."),
    "digest.pace": (
        "Perlu {pace} {measure} per hari selama {days} hari lagi agar target tercapai pada "
        "{deadline}.",
        "It needs {pace} {measure} a day for {days} more days to reach the target by {deadline}.",
    ),
    "digest.reached": ("Target sudah tercapai.", "The target is reached."),
    "digest.no_data": ("Belum ada data.", "No data yet."),
    "digest.expander": ("Pesan harian", "Daily message"),
    "digest.help": (
        "Salin teks ini (tombol di pojok kanan atas) ke grup koordinasi.",
        "Copy this text (button at its top right) to the coordination group.",
    ),
    "digest.download": ("Unduh pesan (.txt)", "Download the message (.txt)"),
    "share.whatsapp": ("Bagikan ke WhatsApp", "Share on WhatsApp"),
    "share.help": (
        "Membuka WhatsApp dengan kalimat ini dan tautan halaman; Anda yang mengirimnya.",
        "Opens WhatsApp with this sentence and the page's link; you send it yourself.",
    ),
}

# The widget for the regency's website (app_pages/widget.py, census_core/display/widget.py).
_WIDGET: dict[str, tuple[str, str]] = {
    "widget.carried": ("* angka {date}", "* figure of {date}"),
    "widget.credit": ("Pantau Sensus", "Pantau Sensus"),
    "widget.credit_simulated": ("Pantau Sensus · Data simulasi", "Pantau Sensus · Simulated data"),
    "widget.unknown": (
        "Wilayah “{text}” tidak ada di {home}.",
        "No region “{text}” in {home}.",
    ),
}

# Status against the pace needed (census_core.standings.pace).
_PACE: dict[str, tuple[str, str]] = {
    "pace.status.reached": ("target tercapai", "target reached"),
    "pace.status.on_track": ("sesuai jalur", "on track"),
    "pace.status.push": ("perlu dorongan", "needs a push"),
    "pace.status.behind": ("tertinggal", "behind"),
    "pace.expected": ("tercapai {date}", "reached {date}"),
    "pace.not_before": (
        "tidak tercapai sebelum batas: {pct} pada {date}",
        "not reached before the deadline: {pct} on {date}",
    ),
    "pace.needed": ("Perlu/hari", "Needed/day"),
    "pace.pace_7d": ("Laju 7 hari", "7-day pace"),
    "pace.status": ("Status", "Status"),
    "pace.rank_line": (
        "Peringkat {rank} dari {of} menurut {by}: {gap}.",
        "Rank {rank} of {of} by {by}: {gap}.",
    ),
    "pace.rank_gap": (
        "{gap} {unit} lagi untuk menyusul {name}",
        "{gap} {unit} more to catch {name}",
    ),
    "pace.rank_first": ("teratas", "first"),
    "kecamatan.standing": ("Peringkat dan laju", "Standing and pace"),
    "kecamatan.projection": ("Proyeksi", "Projection"),
    "map.no_status": ("tanpa status (belum ada data atau target)", "no status (no data or target)"),
    "map.pace": (
        "{status}: perlu {needed}/hari, laju 7 hari {pace}/hari",
        "{status}: {needed}/day needed, 7-day pace {pace}/day",
    ),
    "peta.by.status": ("Status laju", "Pace status"),
    "peta.legend_status": ("Status menurut laju 7 hari", "Status at the last 7 days' pace"),
    "pace.status_note": ("laju 7 hari", "7-day pace"),
    "pace.short_of": ("{pct} pada {date}", "{pct} on {date}"),
    "pace.expected_col": ("Perkiraan", "Expected"),
    "pace.range": (
        "Proyeksi {date}: {low} sampai {high} {unit}{share}.",
        "Projection for {date}: {low} to {high} {unit}{share}.",
    ),
    "pace.range_one": (
        "Proyeksi {date} pada laju {window} hari terakhir: {low} {unit}{share}; belum ada "
        "{window} hari yang lebih cepat. SPO 2020 ditutup dengan lonjakan, jadi ini batas bawah.",
        "Projection for {date} at the last {window} days' pace: {low} {unit}{share}; no "
        "{window} days went faster yet. The 2020 SPO ended in a surge, so this is a floor.",
    ),
    "pace.range_share_one": (" ({pct} target)", " ({pct} of target)"),
    "pace.range_share": (" ({low} sampai {high} target)", " ({low} to {high} of target)"),
    "pace.range_which": (
        "Angka bawah memakai laju {window} hari terakhir ({low_pace}/hari), angka atas laju "
        "{window} hari terbaik sejauh ini ({high_pace}/hari, s.d. {best}); SPO 2020 ditutup "
        "dengan lonjakan, jadi angka bawah adalah batas bawah.",
        "The lower figure uses the last {window} days' pace ({low_pace}/day), the upper the best "
        "{window} days so far ({high_pace}/day, to {best}); the 2020 SPO ended in a surge, so the "
        "lower figure is a floor.",
    ),
    "pace.backtest": (
        "Proyeksi {window} hari lalu: {projected}; kenyataan: {actual}.",
        "Projection {window} days ago: {projected}; actual: {actual}.",
    ),
}

_ATTENTION: dict[str, tuple[str, str]] = {
    "target.none": ("tanpa target", "no target"),
    "target.unnamed": ("target {pct}", "target {pct}"),
    "target.named": ("target {name}", "target {name}"),
    "target.share": ("{pct} dari {target}", "{pct} of {target}"),
    "target.choose": ("Target", "Target"),
    "target.basis": (
        "Persentase dihitung terhadap {target}.",
        "Shares are measured against the {target}.",
    ),
    "export.source": ("Sumber target", "Target source"),
    "target.unnamed_export": ("target tanpa nama", "unnamed target"),
    "settings.on_off": (
        "Pengaturan {setting} = '{value}' harus 1 (nyala) atau 0 (mati), mis. {setting}=1.",
        "The setting {setting} = '{value}' must be 1 (on) or 0 (off), e.g. {setting}=1.",
    ),
    "settings.quiet_days_range": (
        "Pengaturan {setting} = '{value}' harus bilangan bulat 0 sampai 366 (hari), mis. "
        "{setting}=2.",
        "The setting {setting} = '{value}' must be a whole number from 0 to 366 (days), e.g. "
        "{setting}=2.",
    ),
    "quiet.title": (
        "Belum lapor lebih dari {days} hari: {n} kecamatan",
        "Not reported for more than {days} days: {n} kecamatan",
    ),
    "quiet.none": (
        "Semua kecamatan sudah lapor dalam {days} hari terakhir.",
        "Every kecamatan has reported within the last {days} days.",
    ),
    "quiet.never": ("{name}: belum pernah lapor", "{name}: never reported"),
    "quiet.since": (
        "{name}: angka terakhir {date} ({days} hari lalu), dikirim {operator}",
        "{name}: last figure {date} ({days} days ago), sent by {operator}",
    ),
    "quiet.partly": (
        "{name}: {n} dari {total} desa belum lapor",
        "{name}: {n} of {total} desa not reported",
    ),
    "quiet.desa": ("— {n} dari {total} desa belum lapor", "— {n} of {total} desa not reported"),
    "chase.title": ("Siapa dikejar hari ini", "Who to chase today"),
    "chase.caption": (
        "Kecamatan dan desa yang tertinggal (laju 7 hari di bawah kebutuhan per hari) atau "
        "belum lapor lebih dari {days} hari; kebutuhan = (target − angka) / {left} hari tersisa.",
        "Kecamatan and desa behind (7-day pace below what is needed per day) or silent for more "
        "than {days} days; needed = (target − figure) / {left} days left.",
    ),
    "chase.none": ("Tidak ada yang perlu dikejar hari ini.", "Nobody to chase today."),
    "chase.name": ("Wilayah", "Region"),
    "chase.level": ("Tingkat", "Level"),
    "chase.within": ("Di", "In"),
    "chase.needed": ("Perlu per hari", "Needed per day"),
    "chase.pace": ("Laju 7 hari per hari", "7-day pace per day"),
    "chase.percent": ("% target", "% of target"),
    "chase.last": ("Lapor terakhir", "Last report"),
    "chase.why": ("Alasan", "Why"),
    "chase.quiet": ("belum lapor", "not reported"),
    "chase.behind": ("tertinggal", "behind"),
    "threshold.line": (
        "{n} dari {of} {level} sudah ≥ {pct} {target}",
        "{n} of {of} {level} at ≥ {pct} of {target}",
    ),
    "threshold.slide": ("Capaian target", "Target reached"),
    "quiet.slide_last": ("Angka terakhir", "Last figure"),
    "quiet.slide_of": ("{n} dari {total}", "{n} of {total}"),
    "threshold.figure": ("{level} ≥ {pct} {target}", "{level} at ≥ {pct} of {target}"),
    "threshold.value": ("{n} dari {of}", "{n} of {of}"),
    "threshold.asof": ("data s.d. {date}", "data up to {date}"),
    "quiet.slide_operator": ("Dikirim oleh", "Sent by"),
    "quiet.slide_desa": ("Desa belum lapor", "Desa not reported"),
}


_AREAS = (
    _ATTENTION,
    _CORE,
    _LEVELS,
    _FAULTS,
    _BOARD,
    _VIEWS,
    _CARD,
    _PROJECTION,
    _PACE,
    _FRESHNESS,
    _CHANGES,
    _HEADLINE,
    _PROVENANCE,
    _MAP,
    _CHART,
    _EXPORT,
    _SLIDES,
    _GEO,
    _PROBLEMS,
    _UPLOADS,
    _UPLOAD_PAGE,
    _SIGN_IN,
    _BOUNDARIES,
    _NAVIGATION,
    _MAP_PAGE,
    _TREND_PAGE,
    _PAGES,
    _DIGEST,
    _WIDGET,
)
CATALOGUE: dict[str, tuple[str, str]] = {}
for _area in _AREAS:
    _twice = CATALOGUE.keys() & _area.keys()
    assert not _twice, f"keys defined twice: {sorted(_twice)}"
    CATALOGUE.update(_area)
