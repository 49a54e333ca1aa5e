"""The technician's forms (web/views/technician.py): an instrument registered on the spot, a verification with its
readings, the day of the work list. They check the shape of what was typed, as the API's input serializers do
(registry/api/instruments/serializers.py); the services decide the rest, and their errors land beside the field
they name."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from registry import selectors
from registry.api.instruments.serializers import MAX_READINGS
from registry.models import VerificationKind, VerificationResult
from registry.services import ReadingInput, reading_check
from web.forms import DateInput, PageForm, ServiceForm


class MeasureField(forms.DecimalField):
    """A reading's number as a tablet's keyboard types it: a decimal comma or point, no thousands separator. The
    bounds are the API's (20 digits, 6 of them decimals)."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=20, decimal_places=6,
                         widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}), **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split())
            if "," in value and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


class InstrumentForm(ServiceForm):
    """An instrument the technician found in use but not on the register (POST /api/v1/instruments/'s fields; the
    owner named by its tax code, the code on its papers)."""

    field_names = {"owner": "owner_tax_code"}

    instrument_type = forms.ModelChoiceField(label=_("Instrument type"), queryset=selectors.instrument_type_list(),
                                             empty_label=_("Choose the type"))
    serial_number = forms.CharField(label=_("Serial number"), max_length=100,
                                    help_text=_("As printed on the instrument's plate."))
    manufacturer = forms.CharField(label=_("Manufacturer"), max_length=255)
    model = forms.CharField(label=_("Model"), max_length=255, required=False)
    manufacturer_country = forms.CharField(label=_("Country of manufacture"), max_length=100, required=False)
    year_made = forms.IntegerField(label=_("Year made"), min_value=1900, max_value=2100, required=False,
                                   widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    accuracy_class = forms.CharField(label=_("Accuracy class"), max_length=64, required=False)
    measuring_range = forms.CharField(label=_("Measuring range"), max_length=255, required=False)
    owner_tax_code = forms.CharField(label=_("Owner's tax code"), max_length=14,
                                     help_text=_("The business or hospital that uses the instrument, by the tax code "
                                                 "on its papers."),
                                     widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    location = forms.CharField(label=_("Where it is used"), max_length=500,
                               help_text=_("For example: Cửa hàng xăng dầu số 7, Bắc Hà."))

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        english = translation.get_language() == "en"
        self.fields["instrument_type"].label_from_instance = (
            lambda kind: f"{kind.item}. {kind.name_en if english and kind.name_en else kind.name}")

    def clean_owner_tax_code(self) -> str:
        code = self.cleaned_data["owner_tax_code"].strip()
        self.owner = selectors.owner_find_by_tax_code(actor=self.actor, tax_code=code)
        if self.owner is None:
            raise ValidationError(_("No business or hospital with this tax code is registered. Check the code on "
                                    "the owner's papers, or ask the department to register the owner."),
                                  code="unknown_owner")
        return code

    def service_arguments(self) -> dict:
        """The keyword arguments of services.instrument_register."""
        data = dict(self.cleaned_data)
        del data["owner_tax_code"]
        instrument_type = data.pop("instrument_type")
        return {**data, "instrument_type_id": instrument_type.pk, "owner_id": self.owner.pk}


class VerificationForm(ServiceForm):
    """POST /api/v1/verifications/'s fields but the instrument (the page's) and the readings (their own rows)."""

    kind = forms.ChoiceField(label=_("Form of verification"), choices=VerificationKind.choices)
    performed_on = forms.DateField(label=_("Performed on"), widget=DateInput())
    result = forms.ChoiceField(label=_("Result"), choices=VerificationResult.choices, widget=forms.RadioSelect)
    stamp_number = forms.CharField(label=_("Stamp number"), max_length=64, required=False,
                                   help_text=_("The serial and number of the verification stamp, if one is used."))
    procedure = forms.CharField(label=_("Procedure"), max_length=255, required=False)
    environment = forms.CharField(label=_("Environmental conditions"), max_length=255, required=False,
                                  help_text=_("For example: 27 °C, 70 % RH."))

    def __init__(self, *args, procedure: str = "", **kwargs):
        kwargs.setdefault("initial", {"performed_on": timezone.localdate(), "kind": VerificationKind.PERIODIC})
        super().__init__(*args, **kwargs)
        if procedure:
            self.fields["procedure"].help_text = _("Leave empty to record the type's procedure: %(procedure)s.") % {
                "procedure": procedure}


class ReadingForm(PageForm):
    reference_value = MeasureField(label=_("Reference value"))
    measured_value = MeasureField(label=_("Measured value"))
    unit = forms.CharField(label=_("Unit"), max_length=32, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    max_permissible_error = MeasureField(label=_("Maximum permissible error (±)"), min_value=Decimal(0))

    def reading(self) -> ReadingInput:
        return ReadingInput(**self.cleaned_data)

    def check_as_typed(self, *, number: int, passed: bool) -> dict:
        """What the page says beside a reading while it is typed: nothing for an empty row; for a complete one, its
        error against its maximum permissible error, and the service's own message (the one the API answers) when
        the rule refuses it. Until the row is complete, only the format errors of the fields already typed in."""
        if not self.has_changed():
            return {}
        if not self.is_valid():
            typed = [message for name, messages in self.errors.items()
                     if (self.data.get(self.add_prefix(name)) or "").strip() for message in messages]
            return {"problems": typed}
        reading = self.reading()
        try:
            reading_check(number=number, reading=reading, passed=passed)
        except ValidationError as error:
            return {"reading": reading, "problems": error.messages}
        return {"reading": reading, "problems": []}


class BaseReadingFormSet(forms.BaseFormSet):
    def readings(self) -> list[ReadingInput]:
        """The rows typed in, in their order (a row left empty is skipped)."""
        return [form.reading() for form in self.forms if form.has_changed()]


ReadingFormSet = formset_factory(ReadingForm, formset=BaseReadingFormSet, extra=3, max_num=MAX_READINGS,
                                 validate_max=True, absolute_max=MAX_READINGS)
READINGS_PREFIX = "readings"


def reading_row_index(value) -> int:
    """A row's index as a request gives it (htmx's count of rows, or the row checked), within the formset's bounds."""
    try:
        return min(max(int(value), 0), MAX_READINGS - 1)
    except (TypeError, ValueError):
        return 0


def reading_row_form(index: int, *, data=None, focus: bool = False) -> ReadingForm:
    """The form of one readings row, as the formset builds its rows (same prefix and ids), on its own: a row added in
    place takes the focus; a row checked as typed reads its own fields from the whole form's data."""
    form = ReadingForm(data, prefix=f"{READINGS_PREFIX}-{index}", use_required_attribute=False, empty_permitted=True)
    if focus:
        form.fields["reference_value"].widget.attrs["autofocus"] = True
    return form


class DayForm(PageForm):
    on = forms.DateField(label=_("Day"), required=False, widget=DateInput())

    @property
    def day(self):
        """The day asked for; today when none (or none valid) was."""
        if self.is_bound and self.is_valid() and self.cleaned_data["on"]:
            return self.cleaned_data["on"]
        return timezone.localdate()
