"""Working days in Viet Nam: weekends and public holidays skipped, make-up working Saturdays counted.

The `holidays` package knows Tết and the government's day swaps (e.g. Saturday 2026-08-22 worked for
Monday 2026-08-31 off); statutory deadlines counted in working days use it.
"""

from datetime import date
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _calendar(first_year: int, last_year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=range(first_year, last_year + 1))


def add_working_days(start: date, days: int) -> date:
    """The day on which `days` working days after `start` have passed (the start day itself not counted)."""
    if days <= 0:
        return start
    calendar = _calendar(start.year, start.year + 1 + days // 200)
    return calendar.get_nth_working_day(start, days)


def is_working_day(day: date) -> bool:
    return _calendar(day.year, day.year).is_working_day(day)
