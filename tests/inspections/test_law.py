"""The law's arithmetic (inspections/law.py): amounts in words and figures, fine ranges, the fine rule of Decree
118/2021 Art. 9 (as amended by 68/2025), and the deadlines over Tết, counted by hand in each test's comment.

The calendar is registry.dates' (the `holidays` package): Tết 2026 is Mon 16 - Fri 20 February (with the weekends
14-15 and 21-22 all nine days off); Tết 2027 is Thu 4 - Wed 10 February; Saturday 2026-08-22 is worked for
Monday 2026-08-31 off, and 1-2 September 2026 are National Day.
"""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from inspections import law
from inspections.law import DAYS, MONTHS, WORKING_DAYS, FineRange, Period

# --- amounts in words (inspections.md §4, every row of its table and its conventions) ----------------------------


@pytest.mark.parametrize(("amount", "words"), [
    (1_500_000, "Một triệu năm trăm nghìn đồng"),
    (1_005_000, "Một triệu không trăm lẻ năm nghìn đồng"),
    (105, "Một trăm lẻ năm đồng"),
    (21, "Hai mươi mốt đồng"),
    (25, "Hai mươi lăm đồng"),
    (15, "Mười lăm đồng"),
    (24_500_000, "Hai mươi bốn triệu năm trăm nghìn đồng"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
    (2_000_000_000, "Hai tỷ đồng"),
    (2_000_500, "Hai triệu năm trăm đồng"),
    (101, "Một trăm lẻ một đồng"),  # "một" after lẻ, not "mốt"
    (11, "Mười một đồng"),  # "một" after mười, not "mốt"
    (14, "Mười bốn đồng"),
    (24, "Hai mươi bốn đồng"),  # "bốn", never "tư", in a legal document
    (5, "Năm đồng"),  # standing alone: "năm", not "lăm"
    (500, "Năm trăm đồng"),
    (750_000, "Bảy trăm năm mươi nghìn đồng"),
    (1_000_001, "Một triệu không trăm lẻ một đồng"),
    (115, "Một trăm mười lăm đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (0, "Không đồng"),
])
def test_amount_in_words_follows_the_convention(amount, words):
    assert law.amount_in_words(amount) == words


def test_amount_in_words_says_linh_where_the_deployment_chooses_it():
    assert law.amount_in_words(1_005_000, zero_tens="linh") == "Một triệu không trăm linh năm nghìn đồng"


@pytest.mark.parametrize("amount", [-1, 1.5, Decimal("10"), True, "1000"])
def test_amount_in_words_refuses_anything_but_a_whole_non_negative_int(amount):
    with pytest.raises(ValueError):
        law.amount_in_words(amount)


@pytest.mark.parametrize(("amount", "text"), [(1_500_000, "1.500.000"), (500, "500"), (2_000_000_000, "2.000.000.000"),
                                              (0, "0")])
def test_format_vnd_writes_dots_between_thousands(amount, text):
    assert law.format_vnd(amount) == text


# --- fine ranges ----------------------------------------------------------------------------------------------


def test_fine_range_of_an_individual_is_the_decree_s():
    assert law.fine_range(500_000, 1_000_000, 2, organization=False) == FineRange(500_000, 1_000_000)


def test_fine_range_of_an_organization_is_the_individual_s_times_the_multiplier():
    # Decree 119/2017 Art. 10.1 (the demo's violation): 500.000-1.000.000 for an individual, ×2 for the business.
    fine = law.fine_range(500_000, 1_000_000, Decimal("2.00"), organization=True)

    assert fine == FineRange(1_000_000, 2_000_000)
    assert fine.average == 1_500_000


def test_fine_range_with_a_fractional_multiplier_rounds_down_to_the_dong():
    assert law.fine_range(333_333, 500_000, Decimal("1.5"), organization=True) == FineRange(499_999, 750_000)


def test_fine_range_says_whose_it_is_and_why():
    individual = law.fine_range(500_000, 1_000_000, Decimal("2.00"), organization=False)
    organization = law.fine_range(500_000, 1_000_000, Decimal("1.5"), organization=True)

    with translation.override("en"):
        assert individual.described().startswith("from 500.000 to 1.000.000 VND for an individual (cá nhân): a "
                                                  "household business or a person")
        assert organization.described() == ("from 750.000 to 1.500.000 VND for an organization (tổ chức): the "
                                             "individual's range × 1,5 (Decree 119/2017 Art. 3)")
    with translation.override("vi"):
        assert individual.described().startswith("từ 500.000 đến 1.000.000 đồng đối với cá nhân")
        assert organization.described().startswith("từ 750.000 đến 1.500.000 đồng đối với tổ chức: gấp 1,5 lần")
    assert FineRange(1, 2).described() == FineRange(1, 2).text()  # whose, not said


def test_a_refusal_for_an_individual_names_the_individual_s_range():
    rule = law.fine_rule(law.fine_range(500_000, 1_000_000, 2, organization=False))

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        law.fine_amount_check(1_500_000, rule)  # an organisation's average, above an individual's maximum

    assert ("The fine of 1.500.000 VND is outside the range from 500.000 to 1.000.000 VND for an individual (cá "
            "nhân)") in refused.value.message_dict["amount"][0]


def test_violation_fine_range_refuses_an_unconfirmed_amount_naming_the_type():
    unconfirmed = SimpleNamespace(code="USE_G2_VIOLATION_BAND2", fine_min_individual=None, fine_max_individual=None,
                                  organization_multiplier=Decimal(2))

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        law.violation_fine_range(unconfirmed, organization=True)

    message = refused.value.message_dict["violation_type"][0]
    assert "USE_G2_VIOLATION_BAND2" in message and "not confirmed" in message


def test_violation_fine_range_of_an_organization_needs_the_multiplier():
    no_multiplier = SimpleNamespace(code="X", fine_min_individual=1, fine_max_individual=2,
                                    organization_multiplier=None)

    assert law.violation_fine_range(no_multiplier, organization=False) == FineRange(1, 2)
    with pytest.raises(ValidationError):
        law.violation_fine_range(no_multiplier, organization=True)


# --- the fine rule (Decree 118/2021 Art. 9 as amended by 68/2025) -----------------------------------------------

ORGANIZATION_10_1 = FineRange(1_000_000, 2_000_000)


@pytest.mark.parametrize(("aggravating", "mitigating", "basis", "lower", "upper"), [
    (0, 0, law.AVERAGE, 1_500_000, 1_500_000),
    (1, 1, law.AVERAGE, 1_500_000, 1_500_000),  # offset one against one
    (3, 3, law.AVERAGE, 1_500_000, 1_500_000),
    (0, 1, law.BELOW_AVERAGE, 1_000_000, 1_500_000),
    (0, 2, law.MINIMUM, 1_000_000, 1_000_000),
    (1, 4, law.MINIMUM, 1_000_000, 1_000_000),
    (1, 0, law.ABOVE_AVERAGE, 1_500_000, 2_000_000),
    (2, 1, law.ABOVE_AVERAGE, 1_500_000, 2_000_000),
    (2, 0, law.MAXIMUM, 2_000_000, 2_000_000),
    (5, 1, law.MAXIMUM, 2_000_000, 2_000_000),
])
def test_fine_rule_by_the_net_circumstances(aggravating, mitigating, basis, lower, upper):
    rule = law.fine_rule(ORGANIZATION_10_1, aggravating=aggravating, mitigating=mitigating)

    assert (rule.basis, rule.lower, rule.upper) == (basis, lower, upper)


def test_fine_rule_without_circumstances_fixes_the_demo_s_1_500_000():
    rule = law.fine_rule(ORGANIZATION_10_1)

    assert rule.fixed == 1_500_000
    assert law.fine_amount_check(1_500_000, rule) == 1_500_000
    assert law.amount_in_words(rule.fixed) == "Một triệu năm trăm nghìn đồng"


def test_fine_rule_with_one_mitigating_circumstance_is_open_strictly_inside():
    # inspections.md §3's example: an individual under Art. 10.1 with one mitigating circumstance: (500.000; 750.000).
    rule = law.fine_rule(FineRange(500_000, 1_000_000), mitigating=1)

    assert rule.fixed is None
    assert law.fine_amount_check(600_000, rule) == 600_000
    assert law.fine_amount_check(749_999, rule) == 749_999
    for bound in (500_000, 750_000):
        with pytest.raises(ValidationError):
            law.fine_amount_check(bound, rule)


def test_fine_rule_of_a_range_of_one_amount_fixes_it():
    rule = law.fine_rule(FineRange(700_000, 700_000), aggravating=1)

    assert rule.fixed == 700_000


def test_fine_rule_refuses_negative_counts():
    with pytest.raises(ValueError):
        law.fine_rule(ORGANIZATION_10_1, mitigating=-1)


def test_fine_outside_the_range_is_refused_naming_the_range_in_vietnamese():
    rule = law.fine_rule(ORGANIZATION_10_1)

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        law.fine_amount_check(2_500_000, rule, field="fine")

    message = refused.value.message_dict["fine"][0]
    assert "2.500.000" in message
    assert "từ 1.000.000 đến 2.000.000 đồng" in message


def test_fine_inside_the_range_but_not_the_rule_s_is_refused_with_what_the_rule_allows():
    rule = law.fine_rule(ORGANIZATION_10_1, aggravating=1)

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        law.fine_amount_check(1_200_000, rule)

    message = refused.value.message_dict["amount"][0]
    assert "above 1.500.000 VND and below 2.000.000 VND" in message
    assert "from 1.000.000 to 2.000.000 VND" in message


def test_fine_not_the_fixed_amount_is_refused_naming_it_in_vietnamese():
    rule = law.fine_rule(ORGANIZATION_10_1, mitigating=2)

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        law.fine_amount_check(1_500_000, rule)

    message = refused.value.message_dict["amount"][0]
    assert "1.000.000 đồng" in message and "tối thiểu" in message


@pytest.mark.parametrize("amount", [1_500_000.0, Decimal("1500000"), "1500000", True])
def test_fine_amount_is_a_whole_int(amount):
    with pytest.raises(ValidationError):
        law.fine_amount_check(amount, law.fine_rule(ORGANIZATION_10_1))


# --- deadlines ------------------------------------------------------------------------------------------------

DECISION_PERIODS = {"default": Period(7, WORKING_DAYS), "transfer": Period(10, WORKING_DAYS),
                    "explanation": Period(1, MONTHS), "complex": Period(2, MONTHS)}


def test_decision_due_in_7_working_days_over_tet_2026():
    # Record Thu 12/02/2026. Working days: Fri 13 (1); Sat 14 - Sun 22 are Tết and weekends; Mon 23 (2), Tue 24 (3),
    # Wed 25 (4), Thu 26 (5), Fri 27 (6), Mon 02/03 (7).
    assert law.decision_due(date(2026, 2, 12), periods=DECISION_PERIODS) == date(2026, 3, 2)


def test_decision_due_in_10_working_days_when_the_file_is_transferred_over_tet_2026():
    # As above to Mon 02/03 (7), then Tue 03 (8), Wed 04 (9), Thu 05/03 (10).
    assert law.decision_due(date(2026, 2, 12), "transfer", periods=DECISION_PERIODS) == date(2026, 3, 5)


def test_decision_due_in_7_working_days_over_tet_2027():
    # Record Wed 03/02/2027. Thu 4 - Wed 10 are Tết (with the weekend 6-7): Thu 11 (1), Fri 12 (2), Mon 15 (3),
    # Tue 16 (4), Wed 17 (5), Thu 18 (6), Fri 19/02/2027 (7).
    assert law.decision_due(date(2027, 2, 3), periods=DECISION_PERIODS) == date(2027, 2, 19)


def test_decision_due_counts_the_swapped_saturday_and_skips_national_day_2026():
    # Record Thu 20/08/2026: Fri 21 (1), Sat 22 worked for Mon 31 (2), Mon 24 (3) ... Fri 28 (7).
    assert law.decision_due(date(2026, 8, 20), periods=DECISION_PERIODS) == date(2026, 8, 28)
    # Transferred: Mon 31 off (swapped), Tue 01 and Wed 02/09 National Day: Thu 03 (8), Fri 04 (9), Mon 07/09 (10).
    assert law.decision_due(date(2026, 8, 20), "transfer", periods=DECISION_PERIODS) == date(2026, 9, 7)


def test_decision_due_in_one_month_ending_in_tet_ends_on_the_next_working_day():
    # Record Fri 16/01/2026 + 1 month = Mon 16/02/2026, Tết eve: the period ends on the next working day, Mon 23/02.
    assert law.decision_due(date(2026, 1, 16), "explanation", periods=DECISION_PERIODS) == date(2026, 2, 23)


def test_decision_due_in_two_months_for_a_complex_case():
    # Record Wed 17/12/2025 + 2 months = Tue 17/02/2026 (Tết) -> Mon 23/02/2026.
    assert law.decision_due(date(2025, 12, 17), "complex", periods=DECISION_PERIODS) == date(2026, 2, 23)
    # Record Sat 31/01/2026 + 1 month = 28/02/2026 (a Saturday: the month's end, clamped) -> Mon 02/03/2026.
    assert law.decision_due(date(2026, 1, 31), "explanation", periods=DECISION_PERIODS) == date(2026, 3, 2)


def test_decision_due_refuses_an_unknown_case():
    with pytest.raises(ValueError):
        law.decision_due(date(2026, 3, 2), "urgent", periods=DECISION_PERIODS)


def test_payment_due_in_10_calendar_days():
    # Received Mon 02/03/2026 + 10 days = Thu 12/03/2026, a working day.
    assert law.payment_due(date(2026, 3, 2), days=10) == date(2026, 3, 12)


def test_payment_due_ending_on_a_saturday_ends_on_monday():
    # Received Wed 04/03/2026 + 10 days = Sat 14/03 -> Mon 16/03/2026 (Civil Code: the next working day).
    assert law.payment_due(date(2026, 3, 4), days=10) == date(2026, 3, 16)


def test_payment_due_ending_in_tet_ends_after_it():
    # Received Fri 06/02/2026 + 10 days = Mon 16/02 (Tết eve); Tết and the weekend run to Sun 22 -> Mon 23/02/2026.
    assert law.payment_due(date(2026, 2, 6), days=10) == date(2026, 2, 23)


def test_payment_due_on_a_swapped_working_saturday_stays_there():
    # Received Wed 12/08/2026 + 10 days = Sat 22/08/2026, a working day (worked for Mon 31/08).
    assert law.payment_due(date(2026, 8, 12), days=10) == date(2026, 8, 22)


def test_period_end_refuses_an_unknown_unit():
    with pytest.raises(ValueError):
        law.period_end(date(2026, 3, 2), Period(1, "weeks"))


def test_period_end_in_days_from_a_new_year_s_eve():
    # From Wed 31/12/2025 + 1 day = Thu 01/01/2026, New Year's Day -> Fri 02/01/2026.
    assert law.period_end(date(2025, 12, 31), Period(1, DAYS)) == date(2026, 1, 2)


# --- the sanctioning limitation (Law Art. 6) ---------------------------------------------------------------------

ONE_YEAR, TWO_YEARS = Period(12, MONTHS), Period(24, MONTHS)


def test_sanction_limitation_of_one_year_ends_on_the_same_day_a_year_later():
    # Act ended Tue 10/03/2025; + 1 year = Tue 10/03/2026, a working day.
    on_the_day = law.sanction_barred(date(2025, 3, 10), date(2026, 3, 10), period=ONE_YEAR)
    the_day_after = law.sanction_barred(date(2025, 3, 10), date(2026, 3, 11), period=ONE_YEAR)

    assert on_the_day == law.Limitation(ends_on=date(2026, 3, 10), barred=False)
    assert the_day_after == law.Limitation(ends_on=date(2026, 3, 10), barred=True)


def test_sanction_limitation_ending_in_tet_runs_to_the_next_working_day():
    # Act ended Sun 16/02/2025; + 1 year = Mon 16/02/2026 (Tết eve) -> Mon 23/02/2026.
    assert not law.sanction_barred(date(2025, 2, 16), date(2026, 2, 23), period=ONE_YEAR).barred
    assert law.sanction_barred(date(2025, 2, 16), date(2026, 2, 24), period=ONE_YEAR).barred


def test_sanction_limitation_of_two_years_for_atomic_energy():
    # Act ended Fri 10/05/2024; + 2 years = Sun 10/05/2026 -> Mon 11/05/2026. One year would have barred it.
    limitation = law.sanction_barred(date(2024, 5, 10), date(2026, 5, 11), period=TWO_YEARS)

    assert limitation == law.Limitation(ends_on=date(2026, 5, 11), barred=False)
    assert law.sanction_barred(date(2024, 5, 10), date(2026, 5, 11), period=ONE_YEAR).barred


def test_sanction_limitation_check_refuses_a_barred_decision_naming_the_end_in_vietnamese():
    limitation = law.sanction_barred(date(2025, 3, 10), date(2026, 3, 11), period=ONE_YEAR)

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        law.sanction_limitation_check(limitation)

    message = refused.value.message_dict["decided_on"][0]
    assert "10/03/2026" in message and "thời hiệu" in message


def test_sanction_limitation_check_lets_a_timely_decision_pass():
    law.sanction_limitation_check(law.sanction_barred(date(2025, 3, 10), date(2026, 3, 10), period=ONE_YEAR))
