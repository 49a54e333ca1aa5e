"""Reads of the sanctioning competence: the field a violation type belongs to, and the powers a person holds on a
day (models/competence.py). Powers are the officers' to manage in the admin; no API lists them."""

from datetime import date

from django.db.models import Q, QuerySet

from inspections.models import Inspection, SanctionField, SanctioningPower, ViolationType
from inspections.selectors.cases import is_team_leader
from registry.models import User

__all__ = ["sanction_field_of", "sanctioning_power_for_case", "sanctioning_powers_in_force"]


def sanction_field_of(violation_type: ViolationType) -> SanctionField | None:
    """The field whose maximum fine bounds the titles' caps for this act: the row of its decree whose articles hold
    the act's article, else the row for the whole decree; None when the catalogue does not say."""
    rows = SanctionField.objects.filter(decree=violation_type.decree)
    if violation_type.article is not None:
        ranged = rows.filter(article_from__lte=violation_type.article, article_to__gte=violation_type.article).first()
        if ranged is not None:
            return ranged
    return rows.filter(article_from__isnull=True).first()


def sanctioning_powers_in_force(*, actor: User, on: date) -> QuerySet[SanctioningPower]:
    """The actor's powers in force on a day (from valid_from to valid_until, both included), with their title and
    organisation."""
    return (SanctioningPower.objects.filter(user_id=actor.pk, valid_from__lte=on)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
            .select_related("title", "organization", "user"))


def sanctioning_power_for_case(*, actor: User, inspection: Inspection, on: date) -> SanctioningPower | None:
    """The power the actor decides a case under on a day: one held at the case's inspecting body, a team leader's
    only in a case they lead. A holder of several uses their own title before a delegated one, then the highest
    cap (an unconfirmed one last), then the latest."""
    powers = [power for power in sanctioning_powers_in_force(actor=actor, on=on)
              .filter(organization_id=inspection.inspecting_body_id)
              if not power.title.case_leader_only or is_team_leader(actor, inspection)]
    powers.sort(key=lambda power: (power.delegated, power.title.fine_cap_percent is None,
                                   -(power.title.fine_cap_percent or 0), -power.valid_from.toordinal(), power.pk))
    return powers[0] if powers else None
