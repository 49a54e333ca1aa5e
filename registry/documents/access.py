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


def _downloadable(actor, documents: QuerySet) -> QuerySet:
    """The PDF goes to officers, to the owner organisation's users, and to the technicians of the body that issued
    it: the body prints the certificate it signs and seals for the owner (Circular 24/2013 Art. 41; issue 10)."""
    role = role_of(actor)
    if role == Role.OFFICER:
        return documents
    if role == Role.TECHNICIAN:
        return documents.filter(issuer_id=actor.organization_id)
    if role == Role.BUSINESS:
        return documents.filter(owner_id=actor.organization_id)
    return documents.none()


def _may_manage(actor) -> bool:
    return role_of(actor) == Role.OFFICER


REGISTRY_DOCUMENT_ACCESS = DocumentAccess(visible=_visible, downloadable=_downloadable, may_manage=_may_manage)
