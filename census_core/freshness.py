"""The sentence that says how fresh the data is: latest date, and who uploaded it when."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
from babel.dates import format_datetime

from census_core.text import fmt_date

# The campaign runs in Indonesia; upload times are shown in Western Indonesia Time (WIB).
LOCAL_TZ = ZoneInfo("Asia/Jakarta")
_LOCALES = {"id": "id_ID", "en": "en_US"}
_TEXT = {
    "id": {
        "none": "Belum ada data",
        "upto": "Data s.d. {date}",
        "uploaded": "Data s.d. {date}, diunggah {when} oleh {user}",
        "simulated": "Data simulasi, s.d. {date}",
        "when": "d MMMM HH.mm",
    },
    "en": {
        "none": "No data yet",
        "upto": "Data up to {date}",
        "uploaded": "Data up to {date}, uploaded {when} by {user}",
        "simulated": "Simulated data, up to {date}",
        "when": "d MMMM HH:mm",
    },
}


def upload_time(value: object, lang: str = "id") -> str:
    """A batch time (stored in UTC; naive means UTC) as '6 Maret 07.12' in WIB."""
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    moment: datetime = stamp.to_pydatetime()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    words = _TEXT.get(lang, _TEXT["id"])
    return format_datetime(moment, words["when"], tzinfo=LOCAL_TZ, locale=_LOCALES[lang])


def freshness_line(
    latest: date | None,
    last_upload: dict[str, object] | None,
    simulated: bool,
    lang: str = "id",
) -> str:
    """'Data s.d. 5 Maret 2020, diunggah 6 Maret 07.12 oleh Rina', or 'Data simulasi, ...'."""
    words = _TEXT.get(lang, _TEXT["id"])
    if latest is None:
        return words["none"]
    day = fmt_date(latest, lang)
    if simulated:
        return words["simulated"].format(date=day)
    if not last_upload or last_upload.get("created_at") is None:
        return words["upto"].format(date=day)
    when = upload_time(last_upload["created_at"], lang)
    user = str(last_upload.get("user") or "-")
    return words["uploaded"].format(date=day, when=when, user=user)
