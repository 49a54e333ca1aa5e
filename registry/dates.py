"""Date arithmetic the law counts in: months (licence terms, verification cycles) and working days.

Adding months is done here once: the same day `months` later, clamped to the end of a shorter month.
Working days in Viet Nam skip weekends and public holidays and count make-up working Saturdays: the
`holidays` package knows Tết and the government's day swaps (e.g. Saturday 2026-08-22 worked for Monday
2026-08-31 off); statutory deadlines counted in working days use it.
"""

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays


def last_day_of_month(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@lru_cache(maxsize=16)
def _calendar(first_year: int, last_year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=range(first_year, last_year + 1))


def add_working_days(start: date, days: int) -> date:
    """The day on which `days` working days after `start` have passed (the start day itself not counted)."""
    if days <= 0:
        return start
    holiday_calendar = _calendar(start.year, start.year + 1 + days // 200)
    return holiday_calendar.get_nth_working_day(start, days)


def working_days_between(start: date, end: date) -> int:
    """How many working days after `start` it takes to reach `end`: the inverse of add_working_days
    (`working_days_between(d, add_working_days(d, n)) == n`); negative when `end` is before `start`."""
    if end < start:
        return -working_days_between(end, start)
    if end == start:
        return 0
    holiday_calendar = _calendar(start.year, end.year)
    return holiday_calendar.get_working_days_count(start + timedelta(days=1), end)


def is_working_day(day: date) -> bool:
    return _calendar(day.year, day.year).is_working_day(day)
