"""Lists on the pages: filtered by the API's own FilterSets (the same filters, the same meaning), paginated, and
exported to CSV and XLSX with the same columns (web/exports.py).

A `Table` says what a list is: the selector it reads (called with the signed-in user, so it is scoped as the API
is), the API's FilterSet and which of its filters the page offers (with their labels and widgets), the filters in
force when the visitor has chosen none, the order, and the columns. Several tables share one page: each reads
only its own query parameters, `<name>-<filter>` and `<name>-page`, so filtering or paging one list keeps the
others as they were.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from web.forms import PageForm

PAGE_SIZE = 10
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


@dataclass(frozen=True)
class Column:
    """One column of a list and of its exports: its header and the value of a row (a date stays a date, a number a
    number: each output formats it its own way)."""

    header: str
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class Filter:
    """A filter of the API's FilterSet as the page offers it: its label, and a widget or choices of its own."""

    label: str
    widget: forms.Widget | None = None
    choices: Iterable | None = None
    help_text: str = ""


def date_filter(label: str) -> Filter:
    return Filter(label, widget=forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric",
                                                                        "placeholder": "dd/mm/yyyy"}),
                  help_text=_("Day/month/year, for example 31/12/2026."))


def yes_no_filter(label: str, yes: str, no: str) -> Filter:
    """A true/false filter as a choice of three: any, yes, no (NullBooleanField reads "true" and "false")."""
    return Filter(label, widget=forms.Select(choices=[("", _("Any")), ("true", yes), ("false", no)]))


@dataclass(frozen=True)
class Table:
    name: str  # the prefix of its query parameters and the id of its section
    title: str
    selector: Callable[..., QuerySet]  # selector(actor=user)
    filterset: type[django_filters.FilterSet]
    filters: dict[str, Filter]
    columns: tuple[Column, ...]
    ordering: tuple = ()
    defaults: dict[str, list[str]] = field(default_factory=dict)  # the filters in force until the visitor chooses
    export_name: str = ""  # the exports' file name, without extension
    export_view: str = ""  # the URL name of the export view, given `table` and `fmt`

    def filterset_for(self, request) -> django_filters.FilterSet:
        """The API's FilterSet over the user's scope, bound to this table's parameters (or to its defaults), with
        only the filters the page offers, labelled for people; its form renders as every form of the pages."""
        meta = type("Meta", (self.filterset.Meta,), {"form": PageForm})
        page_class = type(f"Page{self.filterset.__name__}", (self.filterset,), {"Meta": meta})
        queryset = self.selector(actor=request.user)
        if self.ordering:
            queryset = queryset.order_by(*self.ordering)
        filterset = page_class(self._data(request.GET), queryset, prefix=self.name)
        filterset.filters = {name: filterset.filters[name] for name in self.filters}
        for name, offered in self.filters.items():
            chosen = filterset.filters[name]
            chosen.label = offered.label
            if offered.widget is not None:
                chosen.extra["widget"] = offered.widget
            if offered.choices is not None:
                chosen.extra["choices"] = offered.choices
            if offered.help_text:
                chosen.extra["help_text"] = offered.help_text
            if isinstance(chosen, django_filters.DateFilter):
                chosen.extra["input_formats"] = DATE_INPUT_FORMATS
        return filterset

    def _data(self, query: QueryDict) -> QueryDict:
        own = [key for key in query if key.startswith(f"{self.name}-") and key != f"{self.name}-page"]
        if own:
            return query
        data = QueryDict(mutable=True)
        for name, values in self.defaults.items():
            data.setlist(f"{self.name}-{name}", values)
        return data

    def rows(self, request) -> QuerySet:
        return self.filterset_for(request).qs

    def bind(self, request) -> "BoundTable":
        filterset = self.filterset_for(request)
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get(f"{self.name}-page"))
        return BoundTable(self, request, filterset, page)


class BoundTable:
    """A table on one request: its filter form, the page of rows shown, and the addresses of the other pages and of
    the exports (with the filters in force)."""

    def __init__(self, table: Table, request, filterset, page):
        self.table, self.filterset, self.page = table, filterset, page
        self.name, self.title = table.name, table.title
        self._query = request.GET
        self._path = request.path
        own = {key: values for key, values in filterset.data.lists() if key.startswith(f"{table.name}-")}
        self.own_params = [(key, value) for key, values in own.items() for value in values
                           if key != f"{table.name}-page"]
        self.chosen = any(key.startswith(f"{table.name}-") and key != f"{table.name}-page" for key in request.GET)
        # The other tables' parameters, kept as hidden inputs of this table's filter form.
        self.kept_params = [(key, value) for key, values in request.GET.lists() for value in values
                            if not key.startswith(f"{table.name}-")]

    @property
    def form(self):
        return self.filterset.form

    def page_url(self, number: int) -> str:
        query = self._query.copy()
        query.setlist(f"{self.name}-page", [str(number)])
        return f"{self._path}?{query.urlencode()}#{self.name}"

    @property
    def previous_url(self) -> str | None:
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else None

    @property
    def next_url(self) -> str | None:
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else None

    def export_url(self, fmt: str) -> str:
        base = reverse(self.table.export_view, kwargs={"table": self.name, "fmt": fmt})
        return f"{base}?{urlencode(self.own_params)}" if self.own_params else base

    @property
    def csv_url(self) -> str:
        return self.export_url("csv")

    @property
    def xlsx_url(self) -> str:
        return self.export_url("xlsx")


def cell_text(value) -> str:
    """A value as a CSV cell says it: dates dd/mm/yyyy, moments HH:MM dd/mm/yyyy (local), yes/no in words."""
    from web.templatetags.pages import day, moment

    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return day(value)
    return str(value)
