"""The sentence that says how fresh the data is: latest date, and who uploaded it when."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
from babel.dates import format_datetime

from census_core.text import fmt_date, locale, t, template

# The campaign runs in Indonesia; upload times are shown in Western Indonesia Time (WIB).
LOCAL_TZ = ZoneInfo("Asia/Jakarta")


def upload_time(value: object, lang: str = "id") -> str:
    """A batch time (stored in UTC; naive means UTC) as '6 Maret 07.12' in WIB."""
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    moment: datetime = stamp.to_pydatetime()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    pattern = template("freshness.time_pattern", lang)
    return format_datetime(moment, pattern, tzinfo=LOCAL_TZ, locale=locale(lang))


def freshness_line(
    latest: date | None,
    last_upload: dict[str, object] | None,
    simulated: bool,
    lang: str = "id",
) -> str:
    """'Data s.d. 5 Maret 2020, diunggah 6 Maret 07.12 oleh Rina', or 'Data simulasi, ...'."""
    if latest is None:
        return t("freshness.none", lang)
    day = fmt_date(latest, lang)
    if simulated:
        return t("freshness.simulated", lang, date=day)
    if not last_upload or last_upload.get("created_at") is None:
        return t("data_as_of", lang, date=day)
    when = upload_time(last_upload["created_at"], lang)
    user = str(last_upload.get("user") or "-")
    return t("freshness.uploaded", lang, date=day, when=when, user=user)
