"""Issue 15: a revised file with four kinds of problem has all four named in the first check."""

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle
from tests.e2e.test_upload import PASSWORD, drop

REVISED = (
    "Rekap SPO Kabupaten Jember (revisi)\nKondisi s.d. 5 Maret 2020\n\n"
    "No;Kecamatan;Jumlah KK\n"
    "1;Kaliwatess;4.040\n"  # row 5: misspelt
    "2;Sumber Sari;41O0\n"  # row 6: a letter O
    "3;Jelbuk;1\n"  # row 7: below what the store holds for an earlier day
    "4;Ajung;900\n"
    "5;Ajung;950\n"  # row 9: the same kecamatan again, another value
    "JUMLAH;;9.000\n"
)


def test_every_problem_in_the_first_check(start_app, page):
    app = start_app(CENSUS_UPLOAD_PASSWORD=PASSWORD)
    page.set_viewport_size({"width": 1366, "height": 1800})
    page.goto(app.url)
    wait_idle(page)
    page.get_by_role("link", name="Unggah").click()
    wait_idle(page)
    page.get_by_label("Nama operator").fill("Ani")
    page.get_by_label("Kata sandi operator").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_idle(page)
    page.get_by_text("Masuk sebagai Ani").wait_for()

    drop(page, {"name": "rekap revisi.csv", "mimeType": "text/csv", "buffer": REVISED.encode()})
    page.get_by_text("Isi berkas").wait_for(timeout=60_000)
    wait_idle(page)
    body = page.inner_text("body")
    assert "Ditolak" in body
    assert "Baris 5: 'Kaliwatess' tidak dikenal" in body  # the name
    assert "Baris 6: Jumlah KK '41O0' memuat huruf" in body  # the number
    assert "Baris 9: Ajung tanggal 5 Maret 2020 tercantum dua kali" in body  # both rows
    assert "baris 8" in body
    assert "Baris 7: Jelbuk: 1 lebih kecil dari" in body  # the fall
    assert "Baris 10: Baris jumlah menulis Jumlah KK 9.000" in body
    assert page.get_by_role("button", name="Simpan").count() == 0
    assert_no_exception(page)
    screenshot(page, "upload-all-problems")
    page.screenshot(path="/tmp/s19/check-all-problems.png", full_page=True)
