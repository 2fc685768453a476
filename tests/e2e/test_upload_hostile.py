"""A hostile workbook dropped on /unggah is refused in words, and the server keeps serving."""

from tests import hostile
from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle
from tests.e2e.test_upload import PASSWORD, drop


def test_a_cell_at_xfd240000_is_refused_and_the_server_lives(start_app, browser, page):
    app = start_app(CENSUS_UPLOAD_PASSWORD=PASSWORD)
    page.goto(f"{app.url}/unggah")
    wait_idle(page)
    page.get_by_label("Nama operator").fill("Ani")
    page.get_by_label("Kata sandi operator").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_idle(page)
    page.get_by_text("Masuk sebagai Ani").wait_for()

    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    drop(page, {"name": "rekap.xlsx", "mimeType": mime, "buffer": hostile.far_cell()})
    said = "Lembar 'Sheet1' mencakup 240.000 baris x 16.384 kolom"
    page.get_by_text(said, exact=False).wait_for(timeout=30_000)
    wait_idle(page)
    body = page.inner_text("body")
    assert "Ditolak" in body and "batasnya 250.000 baris dan 400 kolom" in body
    assert "Simpan ulang hanya tabel datanya" in body
    assert page.get_by_role("button", name="Simpan").count() == 0
    assert_no_exception(page)
    screenshot(page, "upload-hostile-refused")

    # Another session, opened after the drop: the server still serves the meeting's screen.
    assert app.proc.poll() is None
    other = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    try:
        screen = other.new_page()
        screen.goto(f"{app.url}/presentasi?embed=true")
        screen.get_by_text("36.464").first.wait_for(timeout=60_000)
        wait_idle(screen)
        assert_no_exception(screen)
    finally:
        other.close()
    assert app.proc.poll() is None
