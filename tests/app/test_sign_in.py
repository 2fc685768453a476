"""Guessing the operator password: throttled per session and address, and recorded."""

import re

from census_core.access.throttle import Throttle
from census_core.store import Store

PASSWORD = "sandi-uji"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _try(at, password, name="Tebak"):
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    at.button[0].click().run()
    assert not at.exception
    return " ".join(e.value for e in at.error)


def test_fifty_wrong_passwords_meet_a_wait_and_every_checked_one_is_recorded(
    app, monkeypatch, demo_url
):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    clock = Clock()
    monkeypatch.setattr("ui.auth._THROTTLE", Throttle(clock))
    at = app("app_pages/unggah.py").run()
    answers = [_try(at, f"tebakan-{n}") for n in range(50)]
    assert answers[:4] == ["Kata sandi salah."] * 4
    assert answers[4] == "Kata sandi salah. Terlalu banyak percobaan; coba lagi dalam 10 detik."
    # From then on the password is not even looked at, the right one included.
    assert all(a == "Terlalu banyak percobaan; coba lagi dalam 10 detik." for a in answers[5:])
    assert _try(at, PASSWORD) == "Terlalu banyak percobaan; coba lagi dalam 10 detik."
    assert len(at.get("file_uploader")) == 0
    # A new browser session from the same address waits too.
    other = app("app_pages/unggah.py").run()
    assert _try(other, PASSWORD).startswith("Terlalu banyak percobaan")
    # Only the five checked attempts are recorded, with the name and the address.
    recorded = Store(demo_url).sign_ins()
    assert list(recorded["ok"]) == [False] * 5 and set(recorded["address"]) == {"localhost"}
    # After the wait the next wrong one costs double; after that wait the right one gets in.
    clock.now += 10
    assert _try(at, "lagi-salah").endswith("coba lagi dalam 20 detik.")
    clock.now += 20
    assert _try(at, PASSWORD, name="Ani\x00\x1b") == ""
    assert len(at.get("file_uploader")) > 0
    body = re.sub(r"\\(.)", r"\1", " ".join(c.value for c in at.caption))
    assert "Masuk sebagai Ani" in body
    history = [e for e in at.expander if e.label == "Riwayat masuk"]
    assert history, [e.label for e in at.expander]
    [table] = history[0].dataframe
    assert list(table.value["Hasil"][:2]) == ["berhasil", "salah"]
    assert list(table.value["Nama"][:1]) == ["Ani"]


def test_the_wait_is_said_in_english(app, monkeypatch):
    monkeypatch.setenv("CENSUS_UPLOAD_PASSWORD", PASSWORD)
    at = app("app_pages/unggah.py")
    at.session_state["lang"] = "en"
    at.run()
    answers = [_try(at, "wrong") for _ in range(6)]
    assert answers[-1] == "Too many attempts; try again in 10 seconds."
