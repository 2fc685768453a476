"""The upload page under AppTest: sign-in first, check, accept a suggestion, store, undo."""

import re

import pytest
import sqlalchemy as sa

from census_core.store import AlreadyUndone, BatchNotFound, Store, StoreError
from tests.geofixtures import collection, feature

PASSWORD = "sandi-uji"
SNAPSHOT = (
    b"Rekap SPO Kabupaten Jember\nKondisi s.d. 5 Maret 2020\n\n"
    b"No;Kecamatan;Jumlah KK\n1;Kaliwates;4.040\n2;Sumber Sari;4.100\n3;Jelbuk;350\n"
)


@pytest.fixture
def signed_in(app, monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)

    def make():
        at = app("app_pages/unggah.py").run()
        at.text_input(key="sign_in_name").input("Ani")
        at.text_input(key="sign_in_password").input(PASSWORD)
        at.button[0].click().run()
        assert not at.exception
        return at

    return make


def texts(at):
    parts = [e.value for e in at.error] + [e.value for e in at.warning]
    parts += [e.value for e in at.success] + [c.value for c in at.caption]
    parts += [m.value for m in at.markdown]
    # As the reader sees it: Markdown escapes and HTML entities resolved.
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def test_without_password_the_page_offers_no_upload(app, monkeypatch):
    monkeypatch.delenv("CENSUS_UPLOAD_PASSWORD", raising=False)
    at = app("app_pages/unggah.py").run()
    assert not at.exception
    assert "CENSUS_UPLOAD_PASSWORD" in at.info[0].value
    assert len(at.get("file_uploader")) == 0


def test_nothing_shows_before_sign_in_and_wrong_password_is_refused(app, monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    at = app("app_pages/unggah.py").run()
    assert len(at.get("file_uploader")) == 0 and len(at.tabs) == 0
    at.text_input(key="sign_in_name").input("Ani")
    at.text_input(key="sign_in_password").input("salah")
    at.button[0].click().run()
    assert at.error[0].value == "Kata sandi salah."
    assert len(at.get("file_uploader")) == 0


def test_check_then_store_changes_the_standings(signed_in, demo_url):
    at = signed_in()
    at.file_uploader(key="counts_file_0").set_value(("rekap.csv", SNAPSHOT, "text/csv")).run()
    assert not at.exception
    body = texts(at)
    assert "Siap disimpan" in body
    assert "Sumbersari naik dari peringkat 2 ke 1" in body
    preview = at.dataframe[0].value
    assert list(preview["Wilayah"]) == ["Kaliwates", "Sumbersari", "Jelbuk"]
    at.button(key="counts_commit").click().run()
    assert not at.exception
    assert "Tersimpan sebagai batch 3: 2 angka berubah." in texts(at)
    store = Store(demo_url)
    newest = store.batches().iloc[0]
    assert (newest["user"], newest["file_name"], newest["changed"]) == ("Ani", "rekap.csv", 2)
    # The uploader is fresh after a commit: the file cannot be stored twice by a rerun.
    assert at.file_uploader(key="counts_file_1").value is None


def test_rejected_file_stores_nothing_and_suggestion_can_be_accepted(signed_in, demo_url):
    before = Store(demo_url).version()
    at = signed_in()
    data = b"Kecamatan,KK\nKaliwatess,4100\nJelbuk,350\n"
    at.date_input(key="counts_date").set_value("2020-03-05")
    at.file_uploader(key="counts_file_0").set_value(("salah.csv", data, "text/csv")).run()
    body = texts(at)
    assert "Baris 2: 'Kaliwatess' tidak dikenal" in body
    assert len([b for b in at.button if b.key == "counts_commit"]) == 0
    at.button(key="counts_fix_2_35.09.19").click().run()
    assert not at.exception
    assert "Siap disimpan" in texts(at)
    assert Store(demo_url).version() == before


def test_history_undo(signed_in, demo_url):
    at = signed_in()
    at.selectbox(key="undo_batch").set_value(2).run()
    at.button(key="undo").click().run()
    assert not at.exception
    assert "Batch 2 dibatalkan." in texts(at)
    assert bool(Store(demo_url).batches().set_index("id").loc[2, "undone"])


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>.csv",
        '<img src=x onerror="alert(1)">.csv',
        "![x](http://example.invalid/t.png).csv",
    ],
)
def test_file_names_and_cells_never_become_markup(signed_in, name):
    at = signed_in()
    data = b"Kecamatan,KK\n<img src=x onerror=alert(2)>,4100\n[klik](javascript:alert(3)),5\n"
    at.date_input(key="counts_date").set_value("2020-03-05")
    at.file_uploader(key="counts_file_0").set_value((name, data, "text/csv")).run()
    assert not at.exception
    assert "tidak dikenal" in texts(at)
    for element in [*at.error, *at.warning, *at.markdown, *at.caption, *at.success]:
        # Every character Markdown or HTML would act on arrives escaped.
        assert not re.search(r"(?<!\\)[<>\[\]!]", element.value), element.value


def test_english(signed_in):
    at = signed_in()
    at.session_state["lang"] = "en"
    at.file_uploader(key="counts_file_0").set_value(("rekap.csv", SNAPSHOT, "text/csv")).run()
    assert "Ready to store" in texts(at)
    assert "Sumbersari rises from rank 2 to 1" in texts(at)


def test_targets_upload(signed_in, demo_url):
    at = signed_in()
    data = b"Kecamatan;KK;Jiwa;Target (%)\nKaliwates;30.000;110.000;60\n"
    at.file_uploader(key="targets_file_0").set_value(("sasaran.csv", data, "text/csv")).run()
    assert "Siap disimpan" in texts(at)
    at.button(key="targets_commit").click().run()
    assert "Tersimpan sebagai batch 3: 2 angka berubah." in texts(at)
    # A file naming no source replaces the target being looked at (Pemkab 50%).
    targets = Store(demo_url).current_targets().set_index(["region", "measure", "source"])
    assert targets.loc[("35.09.19", "households", "Pemkab 50%"), "base"] == 30000
    assert targets.loc[("35.09.19", "households", "BPS 22%"), "base"] != 30000


def test_templates_and_limits_are_offered(signed_in):
    at = signed_in()
    uploader = at.get("file_uploader")[0]
    assert "20 MB" in uploader.proto.help and "250.000" in uploader.proto.help
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["XLSX", "CSV"] * 4  # kecamatan, desa, several days, targets
    text = "\n".join(m.value for m in at.markdown)
    assert "(31 kecamatan)" in text and "(248 desa/kelurahan)" in text


AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "uji-cookie-rahasia",
    "client_id": "pantau-sensus",
    "client_secret": "uji",
    "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
}


def account_page(app, monkeypatch, user):
    monkeypatch.delenv("CENSUS_UPLOAD_PASSWORD", raising=False)
    monkeypatch.setenv("CENSUS_UPLOAD_USERS", "Ani@BPS.go.id, budi@jemberkab.go.id")
    at = app("app_pages/unggah.py")
    at.secrets["auth"] = AUTH
    at.user = user
    return at.run()


def test_with_an_identity_provider_the_page_asks_for_an_account_first(app, monkeypatch):
    at = account_page(app, monkeypatch, {"is_logged_in": False})
    assert not at.exception
    assert at.button(key="account_login").label == "Masuk dengan akun organisasi"
    assert len(at.get("file_uploader")) == 0
    assert not at.text_input  # no password form when no password is set


def test_a_listed_account_may_upload(app, monkeypatch):
    at = account_page(app, monkeypatch, {"is_logged_in": True, "email": "ani@bps.go.id"})
    assert not at.exception
    assert "ani@bps.go.id" in texts(at)
    assert len(at.get("file_uploader")) > 0


def test_an_account_not_on_the_list_is_refused(app, monkeypatch):
    at = account_page(app, monkeypatch, {"is_logged_in": True, "email": "tamu@gmail.com"})
    assert not at.exception
    assert "tamu@gmail.com belum terdaftar sebagai operator" in texts(at)
    assert len(at.get("file_uploader")) == 0


def test_a_boundary_upload_counts_similar_names_and_water_apart(signed_in, monkeypatch, tmp_path):
    monkeypatch.setenv("CENSUS_GEO_DIR", str(tmp_path / "geo"))
    at = signed_in()
    data = collection(
        feature({"code_bps": "3522120", "name": "Sumberejo"}),
        feature({"code_bps": "3522888", "name": "Perairan"}),
        feature({"code_bps": "3511151", "name": "Ijen"}),
    )
    at.file_uploader(key="boundary_files").set_value([("kec.geojson", data, "application/json")])
    next(b for b in at.button if b.label == "Tambahkan batas wilayah").click().run()
    assert not at.exception
    said = texts(at)
    assert (
        "kec.geojson tersimpan: 1 wilayah cocok (1 di antaranya menurut nama yang mirip, periksa "
        "di bawah), 1 fitur tidak cocok. 1 fitur perairan (bukan wilayah) dilewati." in said
    )
    table = next(e for e in at.expander if "nama yang mirip" in e.label).dataframe[0].value
    assert list(zip(table["Nama di berkas"], table["Di wilayah"], strict=True)) == [
        ("Sumberejo", "Kabupaten Bojonegoro")
    ]


def test_a_province_wide_file_is_previewed_in_part_and_stored_whole(signed_in, demo_url, regions):
    """Every desa of Jawa Timur over 35 days: more cells than a styled table takes at once."""
    from datetime import date, timedelta

    desa = regions.descendants("35", "desa")
    days = [date(2020, 2, 15) + timedelta(days=d) for d in range(35)]
    lines = ["kode;" + ";".join(d.isoformat() for d in days)]
    lines += [code + ";" + ";".join(str(10 + d) for d in range(35)) for code in desa]
    at = signed_in()
    at.file_uploader(key="counts_file_0").set_value(
        ("jatim.csv", "\n".join(lines).encode(), "text/csv")
    ).run()
    assert not at.exception
    body = texts(at)
    assert "Siap disimpan" in body
    assert "Menampilkan 2.000 dari 8.494 baris" in body
    assert len(at.dataframe[0].value) == 2000
    at.button(key="counts_commit").click().run()
    assert not at.exception
    # Indonesian digits; a few values equal the demo's and do not count as changes.
    assert re.search(r"Tersimpan sebagai batch 3: 29\d\.\d{3} angka berubah\.", texts(at))


def _fail_undo(monkeypatch, error):
    def undo(self, batch_id, user=""):
        raise error

    monkeypatch.setattr(Store, "undo", undo)


@pytest.mark.parametrize(
    "error,lang,expected",
    [
        (
            AlreadyUndone("Batch 2 is already undone"),
            "id",
            "Batch 2 tidak dibatalkan: batch ini sudah dibatalkan sebelumnya. "
            "Tidak ada yang diubah.",
        ),
        (
            BatchNotFound("Batch 2 does not exist"),
            "id",
            "Batch 2 tidak dibatalkan: batch ini tidak ada. Tidak ada yang diubah.",
        ),
        (
            StoreError("database is locked"),
            "id",
            "Batch 2 tidak dibatalkan: penyimpanan data menolak permintaan ini. "
            "Tidak ada yang diubah; coba lagi.",
        ),
        (
            AlreadyUndone("Batch 2 is already undone"),
            "en",
            "Batch 2 was not undone: it had already been undone. Nothing was changed.",
        ),
    ],
)
def test_a_failed_undo_is_an_error_in_the_users_language(
    signed_in, demo_url, monkeypatch, error, lang, expected
):
    at = signed_in()
    if lang == "en":
        at.radio(key="lang").set_value("en").run()
    _fail_undo(monkeypatch, error)
    at.selectbox(key="undo_batch").set_value(2).run()
    at.button(key="undo").click().run()
    assert not at.exception
    assert [e.value for e in at.success] == []
    assert expected in [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]
    assert not bool(Store(demo_url).batches().set_index("id").loc[2, "undone"])


def test_undo_of_a_batch_another_operator_just_undid(signed_in, demo_url):
    at = signed_in()
    at.selectbox(key="undo_batch").set_value(2).run()
    Store(demo_url).undo(2, user="Budi")  # in another session, between choosing and clicking
    at.button(key="undo").click().run()
    assert not at.exception
    # The choice is gone from the list (the batch is no longer active): nothing claims success.
    assert [e.value for e in at.success] == []
    assert at.selectbox(key="undo_batch").value is None


SHOWN = ("error", "warning", "success", "info", "caption", "markdown", "text", "title", "subheader")


def _all_text(at) -> str:
    parts = [e.value for kind in SHOWN for e in getattr(at, kind)]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


@pytest.mark.parametrize("lang,folder", [("id", "folder batas wilayah server"),
                                         ("en", "server's boundaries folder")])  # fmt: skip
def test_the_boundaries_folder_is_named_by_its_setting_not_its_server_path(
    signed_in, monkeypatch, tmp_path, lang, folder
):
    geo = tmp_path / "rahasia-server" / "geo"
    geo.mkdir(parents=True)
    (geo / "kec.geojson").write_bytes(collection(feature({"name": "Jelbuk"})))
    monkeypatch.setenv("CENSUS_GEO_DIR", str(geo))
    at = signed_in()
    if lang == "en":
        at.radio(key="lang").set_value("en").run()
    assert not at.exception
    said = _all_text(at)
    assert "kec.geojson" in said and "CENSUS_GEO_DIR" in said and folder in said
    assert "rahasia-server" not in said and str(tmp_path) not in said


def fault_ref(message, caplog, logger):
    """The page's reference, found in the server log with the traceback of the fault."""
    ref = re.search(r"ref ([0-9A-F]{6})\b", message).group(1)
    [record] = [r for r in caplog.records if ref in r.getMessage()]
    assert record.name == logger and record.exc_info is not None
    return ref


def test_a_store_fault_on_storing_is_named_the_systems_and_stores_nothing(
    signed_in, demo_url, monkeypatch, caplog
):
    def locked(*args, **kwargs):  # inside the commit's transaction, after its batch row
        raise sa.exc.OperationalError("INSERT INTO counts ...", {}, Exception("disk I/O error"))

    before = Store(demo_url).batches()["id"].tolist()
    monkeypatch.setattr(Store, "_insert_counts", locked)
    at = signed_in()
    at.file_uploader(key="counts_file_0").set_value(("rekap.csv", SNAPSHOT, "text/csv")).run()
    at.button(key="counts_commit").click().run()
    assert not at.exception
    message = texts(at)
    assert "Kesalahan pada sistem, bukan pada berkas" in message
    assert "tidak ada yang disimpan" in message and "Tersimpan" not in message
    fault_ref(message, caplog, "census_core.services")
    assert Store(demo_url).batches()["id"].tolist() == before


def test_a_fault_while_checking_is_the_verdict_in_english(signed_in, monkeypatch, caplog):
    from census_core.ingest import service

    def broken(*args, **kwargs):
        raise RuntimeError("effect failed")

    working = service.standings_effect
    monkeypatch.setattr(service, "standings_effect", broken)
    at = signed_in()
    at.session_state["lang"] = "en"
    at.file_uploader(key="counts_file_0").set_value(("rekap.csv", SNAPSHOT, "text/csv")).run()
    assert not at.exception
    [verdict] = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]
    assert verdict.startswith("A fault in the system, not in the file: nothing was stored")
    assert "Rejected" not in texts(at)
    assert [b for b in at.button if b.key == "counts_commit"] == []
    fault_ref(verdict, caplog, "census_core.ingest.service")
    # Once the fault has passed, the same file is checked again, not remembered as failed.
    monkeypatch.setattr(service, "standings_effect", working)
    at.run()
    assert "Ready to store" in texts(at) and not at.exception


def test_a_rejected_file_shows_every_problem_and_one_choice_fixes_every_row(signed_in):
    """Issue 15: a misspelt name on two rows, a letter O, a kecamatan twice: one check."""
    at = signed_in()
    data = b"Kecamatan,KK\nKaliwatess,4100\nJelbuk,35O\nAjung,900\nAjung,950\nKaliwatess,4100\n"
    at.date_input(key="counts_date").set_value("2020-03-05")
    at.file_uploader(key="counts_file_0").set_value(("revisi.csv", data, "text/csv")).run()
    body = texts(at)
    assert "Baris 2: 'Kaliwatess' tidak dikenal" in body
    assert "Baris 3: KK '35O' memuat huruf" in body and "Baris 5: Ajung" in body
    assert "Pilih wilayah untuk 'Kaliwatess' (baris 2, 6):" in body
    preview = at.dataframe[0].value
    assert list(preview["KK"])[:2] == ["4.100", "✖ 35O"]  # the numbers, each problem marked
    assert preview[preview.columns[1]].iloc[0] == "✖ Kaliwatess"
    at.button(key="counts_fix_2_35.09.19").click().run()
    assert not at.exception
    body = texts(at)
    assert "Kaliwatess" not in "\n".join(e.value for e in at.error)  # both rows fixed at once
    assert "35O" in body  # the other problems remain named


def test_a_cover_sheet_is_passed_over_and_the_sheet_read_is_named(signed_in):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Sampul"
    book.active.append(["LAPORAN HARIAN SPO 2020"])
    data_sheet = book.create_sheet("Rekap")
    for row in (["Kondisi s.d. 5 Maret 2020"], ["Kecamatan", "KK"], ["Kaliwates", 4100]):
        data_sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    at = signed_in()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="counts_file_0").set_value(("rekap.xlsx", buffer.getvalue(), xlsx)).run()
    assert not at.exception
    assert at.selectbox(key="counts_sheet").value is None  # none chosen: found by the check
    body = texts(at)
    assert "Siap disimpan" in body
    assert "yang dibaca lembar 'Rekap'" in body
