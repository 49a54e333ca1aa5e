"""What the pages' templates print: dates as dd/mm/yyyy, numbers and money with Vietnamese separators (in both
languages: they are the registers' own forms), the nav of the signed-in user's role, the department's name."""

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.numberformat import format as number_format
from django.utils.translation import gettext as _

from web.labels import DOCUMENT_STATUS_LABELS, VERIFICATION_STATUS_LABELS
from web.sections import links_for, sections

register = template.Library()


@register.filter
def day(value: date | datetime | None) -> str:
    """A date, or a moment's local date, as dd/mm/yyyy; nothing for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime("%d/%m/%Y")


@register.filter
def moment(value: datetime | None) -> str:
    """A moment in local time as HH:MM dd/mm/yyyy; nothing for none."""
    if value is None or value == "":
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime("%H:%M %d/%m/%Y")


@register.filter
def num(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """A number with dots between thousands and a decimal comma: 8147 -> 8.147, 20.04 -> 20,04."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal) and decimals is None:
        value = value.normalize()
    return number_format(value, decimal_sep=",", decimal_pos=decimals, grouping=3, thousand_sep=".",
                         force_grouping=True)


@register.filter
def vnd(value: int | None) -> str:
    """Whole VND: 1500000 -> "1.500.000 đồng" ("1.500.000 VND" in English)."""
    if value is None or value == "":
        return ""
    return _("%(amount)s VND") % {"amount": num(int(value))}


@register.filter
def in_language(vietnamese: str, english: str) -> str:
    """The English name when the page is in English and there is one; the Vietnamese otherwise."""
    return english if english and translation.get_language() == "en" else vietnamese


@register.simple_tag
def department_name() -> str:
    return settings.DEPARTMENT_NAME


@register.simple_tag
def department_address() -> str:
    return settings.DEPARTMENT_ADDRESS


@register.simple_tag(takes_context=True)
def nav_links(context) -> list[dict]:
    """The signed-in user's start page and pages, each with its address and whether it is the page shown."""
    request = context.get("request")
    if request is None:  # the 500 page is rendered without a request
        return []
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False) or user.role not in sections():
        return []
    items = [(_("Start"), reverse(f"web:{user.role}:start"))]
    items += [(link.label, reverse(link.url_name)) for link in links_for(user)]
    return [{"label": label, "url": url, "current": request.path == url} for label, url in items]


@register.filter
def verification_status(value: str) -> str:
    """valid, due_soon, expired, failed, never_verified as the pages say them."""
    return str(VERIFICATION_STATUS_LABELS.get(value, value))


@register.filter
def document_status(value: str) -> str:
    """A published document's public status (valid, expired, suspended, superseded, revoked) as the pages say it."""
    return str(DOCUMENT_STATUS_LABELS.get(value, value))
