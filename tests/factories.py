"""factory_boy factories shared by every test folder."""

import factory
from stdnum.vn import mst

from registry.models import Instrument, InstrumentType, InstrumentTypeRevision, Organization, User


def _tax_code(n: int) -> str:
    """A valid tax code numbered n (n > 0), unique per n. One base in eleven has no check digit (the weighted sum
    leaves 10): it takes the next province prefix instead, so a factory's sequence never yields an invalid code
    whatever the number of organisations earlier tests created."""
    for prefix in ("01", "02", "03", "04", "06", "08", "09"):
        code = f"{prefix}{n:07d}" + mst.calc_check_digit(f"{prefix}{n:07d}")
        if mst.is_valid(code):
            return code
    raise ValueError(n)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Công ty TNHH Đo lường số {n}")
    tax_code = factory.Sequence(lambda n: _tax_code(n + 100))
    address = "Số 1 đường Hoàng Liên, phường Cốc Lếu"
    province = "Lào Cai"
    kind = "business"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    role = "business"
    organization = factory.SubFactory(OrganizationFactory)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class InstrumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InstrumentType
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"TEST_TYPE_{n}")
    item = 99
    name = "Cân điện tử"
    name_en = "Electronic scale"
    quantity = "mass"

    revision = factory.RelatedFactory(
        "tests.factories.InstrumentTypeRevisionFactory", factory_related_name="instrument_type"
    )


class InstrumentTypeRevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InstrumentTypeRevision

    instrument_type = factory.SubFactory(InstrumentTypeFactory, revision=None)
    legal_basis = "Thông tư 23/2013/TT-BKHCN, Điều 4 (test)"
    in_force_from = "2020-01-01"
    type_approval = True
    initial_verification = True
    periodic_verification = True
    after_repair_verification = True
    verification_cycle_months = 12
    procedure = "ĐLVN 15:2009"


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument

    instrument_type = factory.SubFactory(InstrumentTypeFactory)
    serial_number = factory.Sequence(lambda n: f"SN{n:07d}")
    manufacturer = "Công ty TNHH Thiết bị Đo lường Sông Hồng"
    manufacturer_country = "Việt Nam"
    model = "TSC-60"
    owner = factory.SubFactory(OrganizationFactory)
    location = "Chợ Cốc Lếu, Lào Cai"
    accuracy_class = "III"
    measuring_range = "Max = 60 kg; d = 0,01 kg"


def assigned_to(instrument: Instrument, actor) -> Instrument:
    """The owner chose the actor's verification body for this instrument, so the actor may verify it."""
    Instrument.objects.filter(pk=instrument.pk).update(assigned_body_id=actor.organization_id)
    instrument.assigned_body_id = actor.organization_id
    return instrument
