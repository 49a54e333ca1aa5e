"""Reading the audit chain: the walk that checks it, and the published daily heads."""

from dataclasses import dataclass

from django.db.models import QuerySet

from audit.chain import GENESIS_HASH, Break, check_link
from audit.models import AuditDailyHead, AuditEntry


@dataclass(frozen=True)
class ChainCheck:
    count: int
    last_sequence: int
    last_hash: str
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def audit_chain_check(*, chunk_size: int = 2000) -> ChainCheck:
    """Walk the chain in sequence order, recompute every hash, and stop at the first entry that was changed,
    removed or inserted out of order; then hold the published daily heads against it (a chain rewritten from some
    entry on, its hashes recomputed, no longer matches the heads copied before)."""
    heads = {head.sequence: head for head in AuditDailyHead.objects.filter(sequence__gt=0)}
    expected, prev_hash, count = 1, GENESIS_HASH, 0
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=chunk_size):
        broken = check_link(expected_sequence=expected, prev_hash=prev_hash, fields=entry.chained_fields(),
                            stored_hash=entry.hash)
        if broken is None and entry.sequence in heads and heads[entry.sequence].hash != entry.hash:
            head = heads[entry.sequence]
            broken = Break(entry.sequence, "published_head",
                           f"entry #{entry.sequence} is not the head published for {head.day.isoformat()}: "
                           f"{entry.hash} instead of {head.hash} (the chain was rewritten up to here)")
        if broken:
            return ChainCheck(count, expected - 1, prev_hash, broken)
        expected, prev_hash, count = entry.sequence + 1, entry.hash, count + 1
    missing = [head for seq, head in sorted(heads.items()) if seq >= expected]
    if missing:
        head = missing[0]
        return ChainCheck(count, expected - 1, prev_hash, Break(
            expected, "removed", f"the head published for {head.day.isoformat()} is #{head.sequence}, but the chain "
                                 f"ends at #{expected - 1}"))
    return ChainCheck(count, expected - 1, prev_hash, None)


def audit_daily_head_list() -> QuerySet[AuditDailyHead]:
    """The published daily heads, the latest day first."""
    return AuditDailyHead.objects.order_by("-day")


def audit_current_head() -> AuditEntry | None:
    """The chain's last entry now, or None while it is empty."""
    return AuditEntry.objects.order_by("-sequence").only("sequence", "at", "hash").first()
