"""How each kind writes its numbers: the register's "KĐ-2026/000123", and the administrative documents' numbers as
the law's forms print them after "Số:" (Decree 30/2020: a leading 0 below 10, no year); and their file names."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from certificates.filenames import ascii_filename, document_filename
from certificates.kinds import ADMINISTRATIVE_NUMBER, KindSpec, kind_spec, register_kind


def _spec(number_format: str, kind: str = "test_kind") -> KindSpec:
    return KindSpec(kind=kind, label="Test", number_prefix="QĐ-XPHC", describe=None, build_context=None,
                    render=None, number_format=number_format)


@pytest.mark.parametrize(("kind", "number"), [
    ("verification_certificate", "KĐ-2026/000001"),
    ("radiation_license", "GP-2026/000001"),
    ("expiry_notice", "TB-2026/000001"),
])
def test_the_registers_keep_their_numbers_with_the_year(kind, number):
    assert kind_spec(kind).number(sequence=1, year=2026) == number


@pytest.mark.parametrize(("kind", "number"), [
    ("penalty_decision", "01/QĐ-XPHC"),  # MQĐ02, "285/QĐ-XPHC" in practice (inspections.md §1.1)
    ("violation_record", "01/BB-VPHC"),  # MBB01 (Decree 118/2021)
    ("check_record", "01/BB-KT"),  # form 5.BBKT (Circular 28/2013 as amended by 10/2022)
])
def test_the_inspection_documents_are_numbered_as_the_forms_show(kind, number):
    assert kind_spec(kind).number(sequence=1, year=2026) == number


@pytest.mark.parametrize(("sequence", "number"), [(1, "01/QĐ-XPHC"), (9, "09/QĐ-XPHC"), (10, "10/QĐ-XPHC"),
                                                  (285, "285/QĐ-XPHC"), (1000, "1000/QĐ-XPHC")])
def test_an_administrative_number_has_a_leading_zero_below_ten_only(sequence, number):
    assert _spec(ADMINISTRATIVE_NUMBER).number(sequence=sequence, year=2026) == number


@pytest.mark.parametrize("number_format", ["{prefix}-{year}", "{sequence:02d}/{type}", "{sequence:02q}"])
def test_a_format_without_the_sequence_or_that_fails_stops_startup(number_format):
    with pytest.raises(ImproperlyConfigured):
        register_kind(_spec(number_format))

    with pytest.raises(LookupError):
        kind_spec("test_kind")


def test_a_format_whose_numbers_may_not_fit_the_column_stops_startup():
    with pytest.raises(ImproperlyConfigured, match="fit"):
        register_kind(_spec("{sequence}/" + "X" * 60))


@pytest.mark.parametrize(("number", "filename"), [
    ("KĐ-2026/000123", "KD-2026-000123.pdf"),
    ("01/QĐ-XPHC", "01-QD-XPHC.pdf"),
    ("01/BB-VPHC", "01-BB-VPHC.pdf"),
    ("a b/\"c\"\\đ;", "a-b-c-d.pdf"),  # nothing a header or a file system could misread
])
def test_ascii_filename_folds_the_number_to_safe_ascii(number, filename):
    assert ascii_filename(number) == filename


def test_a_document_whose_number_has_no_year_is_filed_with_its_year():
    decision = SimpleNamespace(kind="penalty_decision", number="01/QĐ-XPHC", year=2025)
    certificate = SimpleNamespace(kind="verification_certificate", number="KĐ-2026/000123", year=2026)

    assert document_filename(decision) == "01-QD-XPHC-2025.pdf"
    assert document_filename(certificate) == "KD-2026-000123.pdf"
