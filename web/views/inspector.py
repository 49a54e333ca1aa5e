"""The inspector's pages (issue 10, point 6), made for a phone on site: the cases of the inspector's teams, a case
with its subjects, a subject's checklist (findings with a note and a photo from the camera), the devices examined
there found by serial, and a violation filed.

The same selectors and services as the API: a case is read through inspections.selectors.cases (another team's
case is a 404, as on GET /api/v1/inspections/{id}/), and written through inspections.services: finding_record and
evidence_attach (POST .../findings and .../evidence), examined_item_add (.../items), violation_add (POST
/api/v1/violations/), so the same rules and the same errors, shown beside the field that caused them.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspections.models import ExaminedItemKind, InspectionStatus
from inspections.selectors import cases as selectors
from inspections.selectors import circumstance_list, violation_types_in_force
from inspections.selectors.penalties import violation_list
from inspections.services import cases as services
from inspections.services import penalties
from registry.scans import SCAN_TYPES
from web.inspector_forms import ExaminedItemForm, FindingForm, ViolationForm, act_date_of
from web.sections import Link
from web.templatetags.pages import in_language

links = [
    Link(gettext_lazy("Your cases"), "web:inspector:cases",
         gettext_lazy("The cases of your teams: the checklist of each subject, findings with photos, violations.")),
]

CASES_PAGE_SIZE = 20
# The statuses in which a team works at the site (services.cases and services.penalties say the same).
WORK_STATUSES = (InspectionStatus.OPEN, InspectionStatus.FINDINGS_RECORDED)


def cases(request):
    """The cases of the inspector's teams, newest first (inspections.selectors.cases.inspection_list)."""
    page = Paginator(selectors.inspection_list(actor=request.user), CASES_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "web/inspector/cases.html", {"page": page})


def case(request, pk: int):
    """A case: its decision, team and subjects, and the violations filed in it."""
    inspection = selectors.inspection_get(actor=request.user, pk=pk)  # another team's case: 404
    return render(request, "web/inspector/case.html", {
        "inspection": inspection,
        "team": selectors.team_of(inspection),
        "subjects": selectors.subject_list(actor=request.user, inspection=inspection),
        "violations": violation_list(actor=request.user).filter(inspection=inspection).order_by("id"),
        "can_file": inspection.status in WORK_STATUSES,
    })


def _subject(request, pk: int, subject_id: int):
    inspection = selectors.inspection_get(actor=request.user, pk=pk)
    subject = get_object_or_404(selectors.subject_list(actor=request.user, inspection=inspection), pk=subject_id)
    return inspection, subject


def subject(request, pk: int, subject_id: int):
    """A subject: the devices examined there (and a form to add one by serial), and the checklist for the
    establishment as a whole."""
    inspection, subject = _subject(request, pk, subject_id)
    item_form = ExaminedItemForm(initial={"examined_on": timezone.localdate()}, auto_id="item_%s")
    return _checklist(request, inspection, subject, None, {"item_form": item_form})


def item(request, pk: int, subject_id: int, item_id: int):
    """One device examined at a subject: its checklist, with the registry's pre-filled finding if it had lapsed."""
    inspection, subject = _subject(request, pk, subject_id)
    examined = get_object_or_404(
        selectors.examined_item_list(actor=request.user, inspection=inspection).filter(subject=subject), pk=item_id)
    return _checklist(request, inspection, subject, examined, {})


def _checklist(request, inspection, subject, examined, context):
    """The checklist page of a subject (examined=None) or of a device examined there; a POST records one point's
    finding and its photo together: a photo refused leaves the finding as it was."""
    bound = None
    if request.method == "POST":
        bound = FindingForm(request.POST, request.FILES, auto_id=f"finding-{request.POST.get('checklist_item')}-%s")
        if bound.is_valid():
            try:
                _record_finding(request, inspection, subject, examined, bound.cleaned_data)
            except ValidationError as error:
                bound.add_service_error(error)
            else:
                messages.success(request, _("Saved."))
                return redirect(f"{request.path}#point-{bound.cleaned_data['checklist_item']}")
    rows = []
    for row in selectors.checklist_rows(actor=request.user, inspection=inspection, subject=subject,
                                        examined_item=examined):
        if bound is not None and str(row.item.pk) == str(bound.data.get("checklist_item")):
            form, bound = bound, None
        else:
            initial = {"checklist_item": row.item.pk}
            if row.finding is not None:
                initial |= {"result": row.finding.result, "note": row.finding.note}
            form = FindingForm(initial=initial, auto_id=f"finding-{row.item.pk}-%s")
        rows.append((row, form))
    if bound is not None:  # a point that is not on the checklist: said above the list
        messages.error(request, _("This item is not on the checklist of the case's topic."))
    context |= {"inspection": inspection, "subject": subject, "examined": examined, "rows": rows,
                "items": selectors.examined_item_list(actor=request.user, inspection=inspection).filter(
                    subject=subject),
                "can_work": inspection.status == InspectionStatus.OPEN}
    status = 400 if request.method == "POST" else 200
    return render(request, "web/inspector/checklist.html", context, status=status)


@transaction.atomic
def _record_finding(request, inspection, subject, examined, data) -> None:
    finding = services.finding_record(
        actor=request.user, inspection_id=inspection.pk, subject_id=subject.pk,
        checklist_item_id=data["checklist_item"], examined_item_id=examined.pk if examined else None,
        result=data["result"], note=data["note"])
    if data["file"]:
        services.evidence_attach(actor=request.user, inspection_id=inspection.pk, finding_id=finding.pk,
                                 file=data["file"])


def item_add(request, pk: int, subject_id: int):
    """Add a device examined at the subject, by serial (services.examined_item_add); on to its checklist."""
    inspection, subject = _subject(request, pk, subject_id)
    form = ExaminedItemForm(request.POST or None, auto_id="item_%s",
                            initial={"examined_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            examined = services.examined_item_add(actor=request.user, inspection_id=inspection.pk,
                                                  subject_id=subject.pk, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            if examined.registered:
                messages.success(request, _("Found on the register and added."))
            else:
                messages.success(request, _("Not on the register: added as found."))
            return redirect("web:inspector:item", pk=inspection.pk, subject_id=subject.pk, item_id=examined.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/inspector/item_add.html",
                  {"inspection": inspection, "subject": subject, "form": form}, status=status)


def evidence(request, pk: int, evidence_id: int):
    """An evidence file, for those who see its finding: always as a file, with the type found (as the API serves
    it)."""
    inspection = selectors.inspection_get(actor=request.user, pk=pk)
    found = selectors.evidence_get(actor=request.user, inspection=inspection, pk=evidence_id)
    extension = {t.content_type: t.extension for t in SCAN_TYPES}.get(found.content_type, "bin")
    response = FileResponse(found.file.open("rb"), as_attachment=True, filename=f"evidence-{found.pk}.{extension}",
                            content_type=found.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def violation_new(request, pk: int):
    """File a violation of the case (services.penalties.violation_add). The types offered are those in force on
    the act's day; changing the day reloads them (htmx, or the form's answer without JavaScript)."""
    inspection = selectors.inspection_get(actor=request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    on = act_date_of(request.POST if data is not None else request.GET)
    subjects = selectors.subject_list(actor=request.user, inspection=inspection)
    examined = selectors.examined_item_list(actor=request.user, inspection=inspection).filter(
        kind=ExaminedItemKind.INSTRUMENT, instrument__isnull=False)
    form = ViolationForm(
        data, auto_id="violation_%s", initial={"act_date": on, "violator": _only(subjects)},
        violators=[(s.organization_id, s.organization.name) for s in subjects],
        violation_types=[(t.pk, _violation_type_label(t)) for t in violation_types_in_force(on=on)],
        instruments=[(i.instrument_id, _instrument_label(i)) for i in examined],
        circumstances=[(c.pk, f"{c.get_kind_display()}: {in_language(c.description, c.description_en)}")
                       for c in circumstance_list(actor=request.user)],
        reload_url=request.path)
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            penalties.violation_add(
                actor=request.user, inspection_id=inspection.pk, violator_id=cleaned["violator"],
                violation_type_id=cleaned["violation_type"], facts=cleaned["facts"], act_date=cleaned["act_date"],
                place=cleaned["place"], instrument_ids=cleaned["instruments"],
                circumstance_ids=cleaned["circumstances"])
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The violation is filed."))
            return redirect(reverse("web:inspector:case", kwargs={"pk": inspection.pk}) + "#violations")
    status = 400 if data is not None else 200
    return render(request, "web/inspector/violation_new.html",
                  {"inspection": inspection, "form": form, "on": on}, status=status)


def _only(subjects):
    """The violator chosen in advance when the case checks one organisation."""
    ids = [subject.organization_id for subject in subjects]
    return ids[0] if len(ids) == 1 else None


def _violation_type_label(violation_type) -> str:
    reference = ".".join(str(part) for part in (violation_type.article, violation_type.clause, violation_type.point)
                         if part)
    return _("Art. %(reference)s, Decree %(decree)s: %(text)s") % {
        "reference": reference, "decree": violation_type.decree,
        "text": in_language(violation_type.description, violation_type.description_en)}


def _instrument_label(examined) -> str:
    instrument = examined.instrument
    name = in_language(instrument.instrument_type.name, instrument.instrument_type.name_en)
    return f"{name} {instrument.serial_number} ({examined.subject.organization.name})"


urlpatterns = [
    path("cases/", cases, name="cases"),
    path("cases/<int:pk>/", case, name="case"),
    path("cases/<int:pk>/subjects/<int:subject_id>/", subject, name="subject"),
    path("cases/<int:pk>/subjects/<int:subject_id>/items/", item_add, name="item-add"),
    path("cases/<int:pk>/subjects/<int:subject_id>/items/<int:item_id>/", item, name="item"),
    path("cases/<int:pk>/evidence/<int:evidence_id>/", evidence, name="evidence"),
    path("cases/<int:pk>/violations/new/", violation_new, name="violation-new"),
]
