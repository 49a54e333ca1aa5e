"""The inspector's forms (issue 10, point 6): the shape of what is typed on a phone at the site; the services of
inspections.services decide the rest (the same ones as the API's), and their errors land beside these fields."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspections.models import ExaminedItemKind, FindingResult
from registry.validators import DateBounds, normalize_serial, today
from web.forms import DateInput, ServiceForm

# The API's bounds (inspections/api/*/serializers.py): the same input is refused the same way on both.
CASE_DATE = DateBounds(earliest=date(2000, 1, 1), latest=today)
NOTE_MAX = 4000
FACTS_MAX = 5000
TEXT_MAX = 500


class FindingForm(ServiceForm):
    """One checklist point: its result, a note, and a photo from the phone's camera (services.finding_record, then
    services.evidence_attach with the file checked whole, at most 20 MB)."""

    checklist_item = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    result = forms.ChoiceField(label=_("Result"), choices=FindingResult.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), max_length=NOTE_MAX, required=False,
                           help_text=_("What was seen, measured or said; it goes into the check record."),
                           widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(
        label=_("Photo"), required=False,
        help_text=_("Take it with the phone's camera, or choose a JPEG or PNG image of at most 20 MB."),
        widget=forms.FileInput(attrs={"accept": "image/*", "capture": "environment"}))

    field_names = {"finding": "checklist_item"}


class ExaminedItemForm(ServiceForm):
    """A device examined at the subject: found on the register by its serial, else recorded as found
    (services.examined_item_add)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ExaminedItemKind.choices, initial=ExaminedItemKind.INSTRUMENT,
                             widget=forms.RadioSelect)
    serial_number = forms.CharField(
        label=_("Serial number"), max_length=100,
        help_text=_("As printed on the plate; case and spaces do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}))
    description = forms.CharField(
        label=_("Description, if not on the register"), max_length=TEXT_MAX, required=False,
        help_text=_("Only for a device the register does not know: what it is, its maker and model."))
    examined_on = forms.DateField(label=_("Examined on"), validators=[CASE_DATE], widget=DateInput)

    def clean_serial_number(self) -> str:
        serial = normalize_serial(self.cleaned_data["serial_number"])
        if not serial:
            raise ValidationError(_("Enter the serial number printed on the device."), code="blank")
        return serial


class ViolationForm(ServiceForm):
    """A violation found in the case (services.violation_add): the violator among the subjects, the type in force
    on the day of the act, the instruments concerned, the facts and the circumstances."""

    violator = forms.TypedChoiceField(label=_("Violator"), coerce=int)
    act_date = forms.DateField(
        label=_("Date of the act"), validators=[CASE_DATE], widget=DateInput,
        help_text=_("The violation types offered are those in force on this day."))
    violation_type = forms.TypedChoiceField(label=_("Violation type"), coerce=int)
    instruments = forms.TypedMultipleChoiceField(
        label=_("Instruments concerned"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Registered instruments of the violator examined in this case."))
    facts = forms.CharField(label=_("Facts"), max_length=FACTS_MAX, widget=forms.Textarea(attrs={"rows": 5}),
                            help_text=_("What was found, as the violation record will state it."))
    place = forms.CharField(label=_("Place of the act"), max_length=TEXT_MAX, required=False)
    circumstances = forms.TypedMultipleChoiceField(
        label=_("Circumstances"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Aggravating or mitigating circumstances of the Law (Art. 9 and 10), if any."))

    def __init__(self, *args, violators, violation_types, instruments, circumstances, reload_url: str, **kwargs):
        super().__init__(*args, **kwargs)
        # A new day reloads the types in force on it in place (htmx: this page's answer, its select only).
        select = f"#{self.auto_id % 'violation_type'}"
        self.fields["act_date"].widget.attrs.update({
            "hx-get": reload_url, "hx-trigger": "change", "hx-select": select, "hx-target": select,
            "hx-swap": "outerHTML"})
        self.fields["violator"].choices = violators
        self.fields["violation_type"].choices = [("", _("Choose the violation type")), *violation_types]
        self.fields["instruments"].choices = instruments
        self.fields["circumstances"].choices = circumstances
        if not instruments:
            self.fields["instruments"].help_text = _("No registered instrument has been examined in this case yet.")


def act_date_of(data) -> date:
    """The day whose violation types the form offers: the one typed (when it is a date), else today."""
    try:
        return date.fromisoformat((data or {}).get("act_date", ""))
    except (TypeError, ValueError):
        return timezone.localdate()
