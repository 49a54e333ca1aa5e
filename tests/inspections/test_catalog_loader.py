"""The catalogue of sanctions as `load_inspection_catalog` loads it (inspections/catalog/*.json): what it holds,
that unconfirmed values stay null, that a reload keeps officers' edits unless --update, and that the files are
sound (every row passes the admin's checks)."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from inspections import law
from inspections.models import Circumstance, Confidence, ViolationType
from registry.models import LegalParameter

pytestmark = pytest.mark.django_db

CATALOG = Path(__file__).resolve().parents[2] / "inspections" / "catalog"


def _load(*args) -> str:
    out = io.StringIO()
    call_command("load_inspection_catalog", *args, stdout=out)
    return out.getvalue()


def _rows(key: str) -> list[dict]:
    return [row for path in sorted(CATALOG.glob("*.json"))
            for row in json.loads(path.read_text(encoding="utf-8")).get(key, [])]


def test_load_writes_every_row_of_the_files(catalog):
    output = _load()

    assert ViolationType.objects.count() == len(_rows("violation_types")) == 23
    assert Circumstance.objects.count() == len(_rows("circumstances")) == 20
    keys = {row["key"] for row in _rows("parameters")}
    assert LegalParameter.objects.filter(key__in=keys).count() == len(_rows("parameters")) == 19
    assert "23 violation types" in output


def test_art_10_1_is_confirmed_at_500_000_to_1_000_000_and_doubles_for_an_organization(art_10_1):
    assert (art_10_1.fine_min_individual, art_10_1.fine_max_individual) == (500_000, 1_000_000)
    assert art_10_1.confidence == Confidence.CONFIRMED
    assert (art_10_1.article, art_10_1.clause) == (10, 1)
    fine = law.violation_fine_range(art_10_1, organization=True)
    assert (fine.minimum, fine.maximum, fine.average) == (1_000_000, 2_000_000, 1_500_000)
    assert art_10_1.provision == ("khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định "
                                  "số 126/2021/NĐ-CP")


def test_unconfirmed_amounts_stay_null_and_are_never_marked_confirmed(inspection_catalog):
    unconfirmed = ViolationType.objects.filter(fine_min_individual__isnull=True)

    assert set(unconfirmed.values_list("code", flat=True)) >= {"USE_G2_VIOLATION_BAND2", "SEAL_TAMPERING",
                                                                "XRAY_NO_LICENCE", "SHORT_MEASURE_GAIN_GT100M"}
    assert not unconfirmed.filter(confidence=Confidence.CONFIRMED).exists()
    assert not any(row.fine_confirmed for row in unconfirmed)


def test_every_row_carries_its_legal_basis_confidence_and_source(inspection_catalog):
    for row in [*ViolationType.objects.all(), *Circumstance.objects.all()]:
        assert row.legal_basis and row.confidence and row.source, row.code
    for parameter in LegalParameter.objects.filter(key__in={row["key"] for row in _rows("parameters")}):
        assert parameter.legal_basis and parameter.confidence, parameter.key


def test_every_limitation_group_names_a_limitation_in_the_catalogue(inspection_catalog):
    groups = set(ViolationType.objects.values_list("limitation_group", flat=True))

    assert groups == {"default", "atomic_energy", "goods_trading"}
    for group in groups:
        assert LegalParameter.objects.filter(key=f"penalty-sanction-limitation-{group}").exists()


def test_atomic_energy_rows_have_the_two_year_limitation(inspection_catalog):
    assert set(ViolationType.objects.filter(decree="107/2013/NĐ-CP").values_list("limitation_group", flat=True)) == {
        "atomic_energy"}


def test_circumstances_are_twelve_aggravating_points_and_eight_mitigating_clauses(inspection_catalog):
    aggravating = Circumstance.objects.filter(kind="aggravating", article=10, clause=1)
    mitigating = Circumstance.objects.filter(kind="mitigating", article=9)

    assert "".join(aggravating.order_by("id").values_list("point", flat=True)) == "abcdđeghiklm"
    assert sorted(mitigating.values_list("clause", flat=True)) == list(range(1, 9))
    assert aggravating.get(point="đ").provision == "điểm đ khoản 1 Điều 10"


def test_reload_writes_nothing_and_keeps_an_officer_s_edit(inspection_catalog):
    band2 = ViolationType.objects.get(code="USE_G2_VIOLATION_BAND2")
    band2.fine_min_individual, band2.fine_max_individual = 1_000_000, 2_000_000
    band2.save()

    output = _load()

    band2.refresh_from_db()
    assert (band2.fine_min_individual, band2.fine_max_individual) == (1_000_000, 2_000_000)
    assert "0 violation types" in output and "0 parameters" in output
    assert ViolationType.objects.count() == 23


def test_reload_with_update_overwrites_from_the_files(inspection_catalog):
    ViolationType.objects.filter(code="USE_G2_VIOLATION_BAND2").update(fine_min_individual=1, fine_max_individual=2)
    LegalParameter.objects.filter(key="penalty-payment-deadline").update(value=30)

    _load("--update")

    band2 = ViolationType.objects.get(code="USE_G2_VIOLATION_BAND2")
    assert (band2.fine_min_individual, band2.fine_max_individual) == (None, None)
    assert LegalParameter.objects.get(key="penalty-payment-deadline").value == 10
    assert ViolationType.objects.count() == 23


def test_an_amendment_in_the_file_is_a_new_row_of_the_same_code(inspection_catalog):
    from inspections.services import inspection_catalog_load

    amended = {**_rows("violation_types")[0], "in_force_from": "2027-01-01", "fine_max_individual": 3_000_000}

    written = inspection_catalog_load(data={"violation_types": [amended]})

    assert written["violation_types"] == 1
    assert ViolationType.objects.filter(code=amended["code"]).count() == 2


def test_a_file_row_that_breaks_the_rules_is_refused_and_writes_nothing(inspection_catalog):
    from django.core.exceptions import ValidationError

    from inspections.services import inspection_catalog_load

    good = {**_rows("violation_types")[0], "code": "NEW_GOOD", "in_force_from": "2027-01-01"}
    bad = {**good, "code": "NEW_BAD", "fine_min_individual": 5_000_000, "fine_max_individual": 1_000_000}

    with pytest.raises(ValidationError):
        inspection_catalog_load(data={"violation_types": [good, bad]})

    assert not ViolationType.objects.filter(code__startswith="NEW_").exists()
