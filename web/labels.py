"""The words the pages show for the registers' states, where the models' own labels read wrong on a page.

"Failed" is both a document that could not be rendered ("Lỗi") and a verification that did not pass ("Không đạt"):
one msgid cannot say both, so the pages say a failed verification with a msgid of its own."""

from django.utils.translation import gettext_lazy as _

from certificates.models import PublicStatus
from registry.models import VerificationStatus

VERIFICATION_STATUS_LABELS = {
    **{status: status.label for status in VerificationStatus},
    VerificationStatus.FAILED: _("Failed verification"),
}

# A published document's public status: the model's labels read right.
DOCUMENT_STATUS_LABELS = {status: status.label for status in PublicStatus}
