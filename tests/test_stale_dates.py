"""F708: a project's summary still pointing at a deadline already gone."""

from __future__ import annotations

import datetime as dt

from generator.rules.stale_dates import deadline_days

D = dt.date


def test_dates_editors_write_before_a_deadline_word_are_found():
    text = "请在2026年12月18日前办理补偿登记，12月1日之前交材料，3月5日截止；1月2日召开会议"
    assert deadline_days(text, D(2026, 11, 20)) == [
        ("2026年12月18日前", D(2026, 12, 18)), ("12月1日之前", D(2026, 12, 1)), ("3月5日截止", D(2027, 3, 5))]


def test_a_date_without_a_year_takes_the_year_of_the_update_unless_that_is_long_before_it():
    assert deadline_days("6月30日前搬迁", D(2026, 11, 20)) == [("6月30日前搬迁"[:6], D(2026, 6, 30))]
    assert deadline_days("1月15日前签约", D(2026, 11, 20)) == [("1月15日前", D(2027, 1, 15))]


def test_impossible_dates_are_left_alone():
    assert deadline_days("2月30日前", D(2026, 1, 5)) == []
