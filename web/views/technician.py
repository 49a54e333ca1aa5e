"""The technician's pages (issue 10, point 4), made for a tablet at a petrol station: find an instrument by its serial
number (or register it on the spot), record its verification with the readings, watch its certificate be issued,
open it; and the day's work of the body.

The same selectors and services as the API: the instrument lookup of GET /api/v1/instruments/lookup, the
registration of POST /api/v1/instruments/ and the recording of POST /api/v1/verifications/, so the same scope (what
the body registered or was assigned; 404 for the rest) and the same errors. Two small htmx endpoints serve the
verification form: a new readings row, and a reading checked as it is typed by the service's own rule.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from certificates.models import DocumentStatus
from registry import selectors, services
from registry.models import VerificationResult
from web.forms import SerialSearchForm
from web.sections import Link
from web.technician_forms import (
    READINGS_PREFIX,
    DayForm,
    InstrumentForm,
    ReadingFormSet,
    VerificationForm,
    reading_row_form,
    reading_row_index,
)

links = [
    Link(gettext_lazy("Find an instrument"), "web:technician:find",
         gettext_lazy("By its serial number, to record its verification; or register it on the spot.")),
    Link(gettext_lazy("The work of a day"), "web:technician:day",
         gettext_lazy("Your body's verifications of a day, with their certificates.")),
]

# Instruments shown for one serial number: the API's lookup answers at most as many.
LOOKUP_LIMIT = 50
DAY_PAGE_SIZE = 25
# htmx stops polling an element whose answer has this status (htmx's documented "stop polling" code).
STOP_POLLING = 286


def find(request):
    """An instrument by its serial number among those the body may verify; none found offers to register it."""
    form = SerialSearchForm(request.GET if "serial" in request.GET else None)
    instruments = None
    if form.is_valid():
        instruments = selectors.instrument_lookup(actor=request.user,
                                                  serial_number=form.cleaned_data["serial"])[:LOOKUP_LIMIT]
    return render(request, "web/technician/find.html", {"form": form, "instruments": instruments})


def register(request):
    """An instrument in use but not on the register, registered by the body (services.instrument_register)."""
    form = InstrumentForm(request.POST or None, actor=request.user,
                          initial={"serial_number": request.GET.get("serial", "")[:100]})
    if request.method == "POST" and form.is_valid():
        try:
            instrument = services.instrument_register(actor=request.user, **form.service_arguments())
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The instrument is registered. Record its verification."))
            return redirect("web:technician:record", pk=instrument.pk)
    return render(request, "web/technician/register.html", {"form": form})


def record(request, pk: int):
    """A verification of one of the body's instruments with its readings (services.verification_record)."""
    instrument = selectors.instrument_get(actor=request.user, pk=pk)  # another body's instrument: 404
    revision = selectors.current_revision(instrument.instrument_type)
    form = VerificationForm(request.POST or None, procedure=revision.procedure if revision else "")
    readings = ReadingFormSet(request.POST or None, prefix=READINGS_PREFIX)
    if request.method == "POST" and form.is_valid() and readings.is_valid():
        try:
            verification = services.verification_record(actor=request.user, instrument_id=instrument.pk,
                                                        readings=readings.readings(), **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return redirect("web:technician:verification", pk=verification.pk)
    return render(request, "web/technician/record.html",
                  {"instrument": instrument, "form": form, "readings": readings})


@require_GET
def reading_row(request):
    """htmx: one more readings row, numbered from the formset's count, which the answer moves on (out of band)."""
    index = reading_row_index(request.GET.get(f"{READINGS_PREFIX}-TOTAL_FORMS"))
    return render(request, "web/technician/_reading_row.html",
                  {"row": reading_row_form(index, focus=True), "index": index, "total": index + 1})


@require_POST
def reading_check(request):
    """htmx: one readings row checked as it is typed, by the rule services.verification_record applies."""
    index = reading_row_index(request.POST.get("row"))
    check = reading_row_form(index, data=request.POST).check_as_typed(
        number=index + 1, passed=request.POST.get("result") == VerificationResult.PASS)
    return render(request, "web/technician/_reading_check.html", check)


def verification(request, pk: int):
    """A recorded verification, and its certificate as the pipeline takes it from pending to issued."""
    verification = selectors.verification_get(actor=request.user, pk=pk)
    return render(request, "web/technician/verification.html",
                  {"verification": verification, "certificate": _certificate(verification)})


def certificate(request, pk: int):
    """htmx, polled while the certificate is pending: its state; once issued or failed, the polling stops."""
    verification = selectors.verification_get(actor=request.user, pk=pk)
    document = _certificate(verification)
    status = 200 if document is not None and document.status == DocumentStatus.PENDING else STOP_POLLING
    return render(request, "web/technician/_certificate.html",
                  {"verification": verification, "certificate": document}, status=status)


def _certificate(verification):
    """The verification's newest certificate, from its prefetched documents (verification_list orders them)."""
    return next(iter(verification.documents.all()), None)


def day(request):
    """The body's verifications performed on a day (today unless another is asked), the last recorded first."""
    form = DayForm(request.GET or None)
    work = Paginator(selectors.verification_list_of_day(actor=request.user, day=form.day), DAY_PAGE_SIZE)
    return render(request, "web/technician/day.html",
                  {"form": form, "day": form.day, "page": work.get_page(request.GET.get("page"))})


urlpatterns = [
    path("find/", find, name="find"),
    path("instruments/new/", register, name="register"),
    path("instruments/<int:pk>/verify/", record, name="record"),
    path("readings/row/", reading_row, name="reading-row"),
    path("readings/check/", reading_check, name="reading-check"),
    path("verifications/<int:pk>/", verification, name="verification"),
    path("verifications/<int:pk>/certificate/", certificate, name="certificate"),
    path("day/", day, name="day"),
]
