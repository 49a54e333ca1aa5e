"""Sanctioning powers for the tests (domain/inspections.md §6): the catalogue's fields and titles as
load_inspection_catalog loads them, and a power granted to a user as an officer records it in the admin."""

import json
from datetime import date
from pathlib import Path

from inspections.models import SanctioningPower, SanctioningTitle
from inspections.services.catalog import inspection_catalog_load
from registry.models import User

COMPETENCE_FILE = Path(__file__).resolve().parents[2] / "inspections" / "catalog" / "competence.json"
SINCE = date(2020, 1, 1)  # before any decision a test dates


def competence_catalogue() -> None:
    """The real fields (maximum fines) and sanctioning titles (caps), idempotently, without the rest."""
    data = json.loads(COMPETENCE_FILE.read_text(encoding="utf-8"))
    inspection_catalog_load(data={key: data[key] for key in ("sanction_fields", "sanctioning_titles")})


def grant_power(user: User, *, title: str = "dost-director", organization=None, valid_from: date | None = None,
                valid_until: date | None = None, delegation: tuple[str, date, str] | None = None) -> SanctioningPower:
    """`user` holds the catalogue's `title` at `organization` (their own by default); `delegation` is (number,
    date, the deputy's own position) for a deputy by delegation, whose power starts that day unless told."""
    competence_catalogue()
    number, day, position = delegation or ("", None, "")
    power = SanctioningPower(user=user, title=SanctioningTitle.objects.get(code=title),
                             organization=organization or user.organization, valid_from=valid_from or day or SINCE,
                             valid_until=valid_until, position=position, delegation_number=number,
                             delegation_date=day)
    power.full_clean()
    power.save()
    return power
