"""The topic catalogue loader: idempotent, officers' edits kept unless --update (issue 9 point 1)."""

import io

import pytest
from django.core.management import call_command

from inspections.models import ChecklistItem, Topic

pytestmark = pytest.mark.django_db


def _load(*args) -> None:
    call_command("load_inspection_topics", *args, stdout=io.StringIO())


def test_loading_twice_writes_each_row_once():
    _load()
    counts = (Topic.objects.count(), ChecklistItem.objects.count())

    _load()

    assert (Topic.objects.count(), ChecklistItem.objects.count()) == counts
    assert {"metrology", "radiation-safety", "goods-quality-labelling", "steel", "lpg", "gold-jewellery"} <= set(
        Topic.objects.values_list("code", flat=True))


def test_an_officers_edit_survives_a_reload_but_not_an_update():
    _load()
    item = ChecklistItem.objects.get(topic__code="metrology", code="verification")
    ChecklistItem.objects.filter(pk=item.pk).update(legal_basis="Sửa bởi cán bộ")

    _load()
    kept = ChecklistItem.objects.get(pk=item.pk).legal_basis
    _load("--update")

    assert kept == "Sửa bởi cán bộ"
    assert ChecklistItem.objects.get(pk=item.pk).legal_basis == item.legal_basis


def test_each_topic_has_at_most_one_item_the_registry_prefills():
    _load()

    for topic in Topic.objects.all():
        assert topic.checklist_items.filter(checks_verification=True).count() <= 1
    assert ChecklistItem.objects.get(topic__code="metrology", checks_verification=True).code == "verification"
