"""Working days as the law counts them (registry/dates.py): weekends, Vietnamese public holidays, make-up days."""

from datetime import date

import pytest

from registry.dates import add_working_days, working_days_between


def test_working_days_between_skips_the_tet_holidays():
    # Tết 2026: Monday 16 to Friday 20 February were public holidays.
    assert working_days_between(date(2026, 2, 12), date(2026, 2, 26)) == 5  # 13 Feb, then 23–26 Feb


def test_working_days_between_counts_the_days_after_the_start_up_to_the_end():
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 9)) == 1  # Friday to Monday
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 8)) == 0  # Friday to Sunday: none yet


def test_working_days_between_is_negative_when_the_end_has_passed():
    assert working_days_between(date(2026, 3, 10), date(2026, 3, 6)) == -2  # Monday 9 and Tuesday 10


@pytest.mark.parametrize("start", [date(2026, 2, 12), date(2026, 4, 24), date(2026, 8, 21), date(2026, 12, 30)])
@pytest.mark.parametrize("days", [1, 5, 25])
def test_working_days_between_undoes_add_working_days(start, days):
    assert working_days_between(start, add_working_days(start, days)) == days
