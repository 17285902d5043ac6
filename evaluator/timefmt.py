"""Times as people read them: the stored ISO 8601 instant in the computer's local time,
written the way the UI language writes dates (2019年2月15日 14:05 / 2019-02-15 14:05)."""

from __future__ import annotations

from datetime import datetime

from evaluator import messages


def local_time(iso: str | None, lang: str | None = None) -> str:
    """`iso` (as stored, with its UTC offset) shown in local time; '' for none; the text
    itself when it is not a time (an old record typed by hand)."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if (lang or messages.current_language()) == "zh":
        return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"
    return f"{moment:%Y-%m-%d %H:%M}"


def local_date(iso: str | None, lang: str | None = None) -> str:
    text = local_time(iso, lang)
    return text.rsplit(" ", 1)[0] if " " in text else text
