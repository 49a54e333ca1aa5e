"""What the business's pages print of the registers' states: `{% load business_pages %}`."""

from django import template

register = template.Library()


@register.filter
def instrument_status(value: str) -> str:
    """valid, due_soon ("due within 60 days"), expired, failed, never_verified as the compliance page counts them."""
    from web.views.business import status_label

    return str(status_label(value))


@register.filter
def license_status(value: str) -> str:
    """A licence's list status (active, expiring, expired, suspended, revoked, superseded) in words."""
    from web.views.business import LICENSE_STATUS_LABELS

    return str(LICENSE_STATUS_LABELS.get(value, value))


@register.filter
def balance(decision) -> int:
    """What remains to be paid of a penalty decision (penalty_decision_list annotates paid_amount)."""
    return decision.total_fine - decision.paid_amount


@register.filter
def document_number(subject) -> str:
    """The number of a subject's newest document (a decision's, a licence's), from its prefetched documents."""
    from web.views.business import _number_of

    return _number_of(subject)
