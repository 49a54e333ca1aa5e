"""The inspections' answer to the notice engine (certificates.notices): open remedies past their deadline and
fines unpaid past their payment due date, each a source with its stages as data (catalog/notice_stages.json).

Registered in InspectionsConfig.ready(); the registry never learns of them. The notices land in the violator's
daily digest beside the registry's.
"""

from datetime import date, timedelta

from django.db.models import F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from certificates.notices.sources import Candidate, NoticeSource
from certificates.selectors import document_newest_number
from inspections.models import Payment, PenaltyDecision, Remedy, RemedyStatus


def _remedy_rows(as_of: date, horizon: int) -> QuerySet:
    return Remedy.objects.filter(status=RemedyStatus.OPEN, deadline__lte=as_of + timedelta(days=horizon))


def _remedy_candidate(row: dict) -> Candidate:
    return Candidate(row["id"], row["decision__violator_id"], row["deadline"], None,
                     f"Biện pháp khắc phục hậu quả: {row['text']}", row["instrument__serial_number"] or "", "")


def _decision_rows(as_of: date, horizon: int) -> QuerySet:
    paid = (Payment.objects.filter(decision_id=OuterRef("pk")).order_by().values("decision_id")
            .annotate(total=Sum("amount")).values("total"))
    return PenaltyDecision.objects.filter(payment_due_on__lte=as_of + timedelta(days=horizon)).annotate(
        paid_amount=Coalesce(Subquery(paid), Value(0))).filter(paid_amount__lt=F("total_fine")).annotate(
        document_number=document_newest_number(PenaltyDecision))


def _decision_candidate(row: dict) -> Candidate:
    """Cites the decision as documents cite each other, "số … ngày …": its number (01/QĐ-XPHC) recurs every year."""
    balance = row["total_fine"] - row["paid_amount"]
    cited = f"số {row['document_number']} " if row["document_number"] else ""
    return Candidate(row["id"], row["violator_id"], row["payment_due_on"], None,
                     f"Tiền phạt chưa nộp theo quyết định xử phạt {cited}ngày {row['decided_on'].strftime('%d/%m/%Y')}"
                     f": {balance:,} đồng".replace(",", "."), "", "")


REMEDY_OVERDUE = NoticeSource(
    key="remedy_overdue", label=_("Remedy past its deadline"),
    digest_label="Biện pháp khắc phục hậu quả", digest_topic="biện pháp khắc phục hậu quả",
    legal_reminder=("Biện pháp khắc phục hậu quả phải được thực hiện trong thời hạn ghi trong quyết định xử phạt; "
                    "quá thời hạn mà không tự nguyện chấp hành thì bị cưỡng chế thi hành (Luật Xử lý vi phạm hành "
                    "chính, Điều 85, Điều 86)."),
    model=Remedy, rows=_remedy_rows,
    fields=("id", "decision__violator_id", "deadline", "text", "instrument__serial_number"),
    candidate=_remedy_candidate, due_field="deadline",
)
FINE_UNPAID = NoticeSource(
    key="fine_unpaid", label=_("Fine unpaid past its due date"),
    digest_label="Nộp tiền phạt vi phạm hành chính", digest_topic="tiền phạt vi phạm hành chính",
    legal_reminder=("Tiền phạt phải được nộp trong thời hạn 10 ngày kể từ ngày nhận quyết định xử phạt; quá thời "
                    "hạn thì bị cưỡng chế và phải nộp thêm tiền chậm nộp (Luật Xử lý vi phạm hành chính, Điều 73, "
                    "Điều 78)."),
    model=PenaltyDecision, rows=_decision_rows,
    fields=("id", "violator_id", "payment_due_on", "decided_on", "total_fine", "paid_amount", "document_number"),
    candidate=_decision_candidate, due_field="payment_due_on",
)
SOURCES = (REMEDY_OVERDUE, FINE_UNPAID)
