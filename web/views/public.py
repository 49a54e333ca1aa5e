"""The public home: anyone looks a document up by its number or its QR code, and an instrument up by its serial."""

from math import ceil

from django.http import Http404
from django.shortcuts import redirect, render

from certificates.selectors import document_get_public, document_list_public_by_number, document_public_status
from registry.selectors import instrument_public_lookup
from web.forms import DocumentLookupForm, SerialSearchForm
from web.throttling import public_lookup_wait


def home(request):
    """Both searches are GET forms on this page; each answer is listed below its form. A QR code's token opens the
    document's verification page (/verify/<token>), which shows what the paper says; a number lists the documents
    that bear it with their public facts only (numbers can be guessed, tokens cannot)."""
    lookup = DocumentLookupForm(request.GET if "q" in request.GET else None, auto_id="lookup_%s")
    serial = SerialSearchForm(request.GET if "serial" in request.GET else None, auto_id="serial_%s")
    context = {"lookup": lookup, "serial": serial}
    if lookup.is_bound or serial.is_bound:
        wait = public_lookup_wait(request)
        if wait is not None:
            response = render(request, "web/throttled.html", {"seconds": ceil(wait)}, status=429)
            response["Retry-After"] = str(ceil(wait))
            return response
    if lookup.is_valid():
        if lookup.token:
            try:
                return redirect("verify-page", token=document_get_public(token=lookup.token).token)
            except Http404:
                pass  # not a token after all: perhaps a number
        context["documents"] = [(document, document_public_status(document))
                                for document in document_list_public_by_number(number=lookup.cleaned_data["q"])]
    if serial.is_valid():
        context["instruments"] = instrument_public_lookup(serial_number=serial.cleaned_data["serial"])
    return render(request, "web/home.html", context)
