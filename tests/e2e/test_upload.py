"""The upload flow as an operator meets it: sign in, drop a file, see problems, fix, store."""

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle

PASSWORD = "sandi-e2e"
BAD = (
    "Rekap SPO Kabupaten Jember\nKondisi s.d. 5 Maret 2020\n\n"
    "No;Kecamatan;Jumlah KK\n1;Kaliwatess;4.040\n2;Sumber Sari;4.100\n3;Jelbuk;12,5\n"
)
GOOD = BAD.replace("Kaliwatess", "Kaliwates").replace("12,5", "350")


def drop(page, files) -> None:
    """Drop a file on the counts uploader once the page is still, and wait until the
    uploader shows it (the upload is its own request, before the rerun that reads it)."""
    wait_idle(page)
    page.locator('input[type="file"]').first.set_input_files(files)
    page.locator('[data-testid="stFileChipName"]').first.wait_for(timeout=60_000)
    wait_idle(page)


def test_upload_check_fix_and_store(start_app, page, tmp_path):
    app = start_app(CENSUS_UPLOAD_PASSWORD=PASSWORD)
    page.set_viewport_size({"width": 1366, "height": 1800})  # the whole page in each screenshot
    page.goto(app.url)
    wait_idle(page)
    page.get_by_role("link", name="Unggah").click()
    wait_idle(page)
    assert page.locator('input[type="file"]').count() == 0  # nothing before sign-in
    page.get_by_label("Nama operator").fill("Ani")
    page.get_by_label("Kata sandi operator").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_idle(page)
    page.get_by_text("Masuk sebagai Ani").wait_for()

    evil = "rekap <img src=x onerror=alert(1)>.csv"
    drop(page, {"name": evil, "mimeType": "text/csv", "buffer": BAD.encode()})
    # Streamlit draws as the script runs: wait for the last element, then for the run to end.
    page.get_by_text("Isi berkas").wait_for(timeout=60_000)
    wait_idle(page)
    body = page.inner_text("body")
    assert "Ditolak" in body
    assert "Baris 5: 'Kaliwatess' tidak dikenal" in body
    assert "Baris 7: Jumlah KK '12,5' bukan bilangan bulat" in body
    assert page.get_by_role("button", name="Simpan").count() == 0
    assert page.locator("img[src='x']").count() == 0  # the file name stays text
    assert_no_exception(page)
    screenshot(page, "upload-rejected")

    good = tmp_path / "rekap jember.csv"
    good.write_text(GOOD, encoding="utf-8")
    drop(page, str(good))
    page.get_by_text("Sumbersari naik dari peringkat 2 ke 1", exact=False).wait_for()
    wait_idle(page)
    assert "Siap disimpan" in page.inner_text("body")
    screenshot(page, "upload-ready")
    page.get_by_role("button", name="Simpan").click()
    wait_idle(page)
    page.get_by_text("Tersimpan sebagai batch").first.wait_for()
    assert_no_exception(page)
    page.get_by_role("tab", name="Riwayat").click()
    wait_idle(page)
    screenshot(page, "upload-history")
