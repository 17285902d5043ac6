"""Stored times are read in local time, written the way the UI language writes dates."""

from __future__ import annotations

import os
import time

import pytest

from evaluator.timefmt import local_date, local_time


@pytest.fixture
def shanghai() -> object:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_utc_is_shown_in_local_time(shanghai: object) -> None:
    assert local_time("2019-02-15T06:05:00+00:00", "zh") == "2019年2月15日 14:05"
    assert local_time("2019-02-15T06:05:00+00:00", "en") == "2019-02-15 14:05"
    assert local_date("2019-02-15T06:05:00+00:00", "zh") == "2019年2月15日"


def test_nothing_and_text_that_is_no_time() -> None:
    assert local_time(None) == ""
    assert local_time("") == ""
    assert local_time("上周五", "zh") == "上周五"
