"""The registry's answer to `certificates`: who may read, download and manage documents (DESIGN.md §4)."""

from django.db.models import QuerySet

from certificates.permissions import DocumentAccess
from registry.models import Role
from registry.permissions import role_of


def _visible(actor, documents: QuerySet) -> QuerySet:
    """All for officers and inspectors; what a technician's body issued; what a business owns."""
    role = role_of(actor)
    if role in (Role.OFFICER, Role.INSPECTOR):
        return documents
    if role == Role.TECHNICIAN:
        return documents.filter(issuer_id=actor.organization_id)
    if role == Role.BUSINESS:
        return documents.filter(owner_id=actor.organization_id)
    return documents.none()


def _may_manage(actor) -> bool:
    return role_of(actor) == Role.OFFICER


# The PDF goes to whoever sees the document: an inspector prints its own case's records to have them signed on site
# (a kind's own scope keeps another team's from it), a technician the certificate its body has just issued.
REGISTRY_DOCUMENT_ACCESS = DocumentAccess(visible=_visible, downloadable=_visible, may_manage=_may_manage)
