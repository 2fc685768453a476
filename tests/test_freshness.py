from datetime import UTC, date, datetime

import pytest

from census_core.display.freshness import freshness_line, upload_time

UPLOAD = {"created_at": datetime(2020, 3, 6, 0, 12, tzinfo=UTC), "user": "Rina"}


@pytest.mark.parametrize(
    "latest,upload,simulated,lang,expected",
    [
        # An operator's upload: the data's date, then when (WIB) and by whom.
        (
            date(2020, 3, 5),
            UPLOAD,
            False,
            "id",
            "Data s.d. 5 Maret 2020, diunggah 6 Maret 07.12 oleh Rina",
        ),
        (
            date(2020, 3, 5),
            UPLOAD,
            False,
            "en",
            "Data up to 5 March 2020, uploaded 6 March 07:12 by Rina",
        ),
        # The demo is labelled as simulated, wherever it is shown.
        (date(2020, 3, 5), UPLOAD, True, "id", "Data simulasi, s.d. 5 Maret 2020"),
        (date(2020, 3, 5), UPLOAD, True, "en", "Simulated data, up to 5 March 2020"),
        # Nothing stored, or no batch to name.
        (None, None, False, "id", "Belum ada data"),
        (date(2020, 3, 5), None, False, "id", "Data s.d. 5 Maret 2020"),
    ],
)
def test_freshness_line(latest, upload, simulated, lang, expected):
    assert freshness_line(latest, upload, simulated, lang) == expected


def test_a_naive_stored_time_is_read_as_utc():
    assert upload_time(datetime(2020, 3, 6, 0, 12)) == "6 Maret 07.12"
