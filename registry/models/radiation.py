"""Diagnostic X-ray equipment, radiation workers and their doses, licence applications and licences
(Decree 142/2020/NĐ-CP; from 2026 Law 94/2025/QH15 and Decree 332/2025). Legal numbers are LegalParameters."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models.instruments import SerialIdentityMixin, VerificationResult
from registry.models.organizations import Organization


class XrayDeviceKind(models.TextChoices):
    CT = "ct", _("CT scanner")
    FLUOROSCOPY = "fluoroscopy", _("Fluoroscopy")
    GENERAL_RADIOGRAPHY = "general_radiography", _("General radiography")
    MAMMOGRAPHY = "mammography", _("Mammography")
    DENTAL_INTRAORAL = "dental_intraoral", _("Dental intra-oral")
    DENTAL_PANORAMIC = "dental_panoramic", _("Dental panoramic")
    C_ARM = "c_arm", _("C-arm")
    MOBILE = "mobile", _("Mobile X-ray")
    BONE_DENSITOMETRY = "bone_densitometry", _("Bone densitometry")


class XrayDeviceStatus(models.TextChoices):
    IN_USE = "in_use", _("In use")
    STORED = "stored", _("Stored")
    DISPOSED = "disposed", _("Disposed")


class XrayDevice(SerialIdentityMixin, models.Model):
    """A diagnostic X-ray unit of a facility; its verification state is kept from the latest verification."""

    facility = models.ForeignKey(Organization, verbose_name=_("facility"), on_delete=models.PROTECT,
                                 related_name="xray_devices")
    kind = models.CharField(_("kind"), max_length=32, choices=XrayDeviceKind.choices)
    manufacturer = models.CharField(_("manufacturer"), max_length=255)
    model = models.CharField(_("model"), max_length=255)
    serial_number = models.CharField(_("serial number"), max_length=100)
    serial_key = models.CharField(max_length=100, editable=False)
    manufacturer_key = models.CharField(max_length=255, editable=False)
    year_made = models.PositiveSmallIntegerField(_("year made"), null=True, blank=True,
                                                 validators=[MinValueValidator(1950), MaxValueValidator(2100)])
    room = models.CharField(_("room"), max_length=255, blank=True)
    max_kv = models.DecimalField(_("maximum kV"), max_digits=6, decimal_places=1, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    max_ma = models.DecimalField(_("maximum mA"), max_digits=8, decimal_places=1, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    status = models.CharField(_("status"), max_length=16, choices=XrayDeviceStatus.choices,
                              default=XrayDeviceStatus.IN_USE)
    created_at = models.DateTimeField(auto_now_add=True)
    last_verified_on = models.DateField(null=True, blank=True)
    last_result = models.CharField(max_length=8, choices=VerificationResult.choices, blank=True)
    valid_until = models.DateField(_("verification valid until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["manufacturer_key", "serial_key"], name="xray_device_unique_serial"),
        ]
        indexes = [models.Index(fields=["facility", "kind"]), models.Index(fields=["valid_until"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.model} {self.serial_number}"



class XrayDeviceVerification(models.Model):
    """A verification of an X-ray unit by a registered technical service (Joint Circular 13/2014 Art. 9)."""

    device = models.ForeignKey(XrayDevice, on_delete=models.PROTECT, related_name="verifications")
    performed_on = models.DateField(_("performed on"))
    body_name = models.CharField(_("verification body"), max_length=255)
    result = models.CharField(_("result"), max_length=8, choices=VerificationResult.choices)
    certificate_number = models.CharField(_("certificate number"), max_length=64, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    cycle_legal_basis = models.CharField(max_length=255, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-performed_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(result="pass") | models.Q(valid_until__isnull=True),
                                   name="xray_verification_fail_has_no_valid_until"),
        ]

    def __str__(self) -> str:
        return f"{self.device} {self.performed_on} {self.result}"


class RadiationWorker(models.Model):
    """A person doing radiation work at a facility; the certificate has no expiry (Decree 142 Art. 37.2)."""

    facility = models.ForeignKey(Organization, verbose_name=_("facility"), on_delete=models.PROTECT,
                                 related_name="radiation_workers")
    full_name = models.CharField(_("full name"), max_length=255)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    job = models.CharField(_("job"), max_length=255)
    certificate_number = models.CharField(_("radiation worker certificate number"), max_length=64, blank=True)
    certificate_issuer = models.CharField(_("certificate issuer"), max_length=255, blank=True)
    certificate_issued_on = models.DateField(_("certificate issued on"), null=True, blank=True)
    is_safety_officer = models.BooleanField(_("radiation safety officer"), default=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name", "id"]
        indexes = [models.Index(fields=["facility", "is_safety_officer"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def has_certificate(self) -> bool:
        return bool(self.certificate_number)


class DoseReading(models.Model):
    """A personal dose reading, Hp(10) in mSv, for a monitoring period (read at least every 3 months)."""

    worker = models.ForeignKey(RadiationWorker, on_delete=models.PROTECT, related_name="dose_readings")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    hp10_msv = models.DecimalField(_("Hp(10) in mSv"), max_digits=8, decimal_places=3,
                                   validators=[MinValueValidator(0)])
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["worker_id", "-period_end"]
        constraints = [
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="dose_period_ordered"),
            models.CheckConstraint(condition=models.Q(hp10_msv__gte=0), name="dose_not_negative"),
            models.UniqueConstraint(fields=["worker", "period_start", "period_end"], name="dose_unique_period"),
        ]

    def __str__(self) -> str:
        return f"{self.worker} {self.period_start}–{self.period_end}: {self.hp10_msv} mSv"


class DoseAlertKind(models.TextChoices):
    ANNUAL = "annual", _("Over the single-year limit")
    FIVE_YEAR_AVERAGE = "five_year_average", _("Over the five-year average limit")


class DoseAlert(models.Model):
    """A worker's dose over a limit of Decree 142/2020 Art. 5.2; it flags the worker and the facility."""

    worker = models.ForeignKey(RadiationWorker, on_delete=models.PROTECT, related_name="dose_alerts")
    facility = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="dose_alerts")
    kind = models.CharField(max_length=24, choices=DoseAlertKind.choices)
    year = models.PositiveSmallIntegerField()
    total_msv = models.DecimalField(max_digits=9, decimal_places=3)
    limit_msv = models.DecimalField(max_digits=9, decimal_places=3)
    legal_basis = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "kind", "year"], name="dose_alert_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.worker} {self.kind} {self.year}: {self.total_msv} > {self.limit_msv} mSv"


class LicenseApplicationKind(models.TextChoices):
    NEW = "new", _("New licence")
    RENEWAL = "renewal", _("Renewal")
    AMENDMENT = "amendment", _("Amendment")
    REISSUE = "reissue", _("Re-issue")


class LicenseApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    REFUSED = "refused", _("Refused")
    ISSUED = "issued", _("Issued")


class ChecklistItem(models.Model):
    """A document a file of this kind must hold (Decree 142 Art. 20 for new, Art. 30.3 for renewal)."""

    application_kind = models.CharField(max_length=16, choices=LicenseApplicationKind.choices)
    code = models.SlugField(max_length=64)
    name = models.CharField(max_length=500)
    legal_basis = models.CharField(max_length=255)
    required = models.BooleanField(default=True)
    confidence = models.CharField(max_length=64, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application_kind", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["application_kind", "code"], name="checklist_item_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.application_kind}: {self.name}"


class LicenseApplication(models.Model):
    """A facility's file for a licence to use diagnostic X-ray equipment, and the checks run on it."""

    facility = models.ForeignKey(Organization, verbose_name=_("facility"), on_delete=models.PROTECT,
                                 related_name="license_applications")
    kind = models.CharField(_("kind"), max_length=16, choices=LicenseApplicationKind.choices)
    status = models.CharField(_("status"), max_length=16, choices=LicenseApplicationStatus.choices,
                              default=LicenseApplicationStatus.SUBMITTED)
    filed_on = models.DateField(_("filed on"))
    previous_license = models.ForeignKey("RadiationLicense", on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="follow_up_applications")
    devices = models.ManyToManyField(XrayDevice, related_name="license_applications")
    safety_officer = models.ForeignKey(RadiationWorker, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="+")
    dosimetry_provider = models.CharField(_("personal dosimetry provider"), max_length=255, blank=True)
    dosimetry_contract_number = models.CharField(_("personal dosimetry contract"), max_length=64, blank=True)
    requested_changes = models.TextField(_("requested changes"), blank=True)
    completeness_deadline = models.DateField(_("completeness check due"))
    processing_deadline = models.DateField(_("decision due"))
    refusal_reasons = models.JSONField(default=list, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[devices])

    class Meta:
        ordering = ["-filed_on", "-id"]
        indexes = [models.Index(fields=["facility", "status"])]

    def __str__(self) -> str:
        return f"{self.facility} {self.kind} {self.filed_on}"


class ApplicationAttachment(models.Model):
    """One checklist document of a file: an uploaded file or a reference to a paper document."""

    application = models.ForeignKey(LicenseApplication, on_delete=models.CASCADE, related_name="attachments")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    # Stored as <uuid>.<extension of the detected type>: the client's name and type are never trusted.
    file = models.FileField(upload_to="applications/%Y/", blank=True)
    content_type = models.CharField(max_length=64, blank=True)
    original_name = models.CharField(max_length=120, blank=True, help_text="The client's file name, shown only.")
    reference = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "item"], name="attachment_unique_item"),
            models.CheckConstraint(condition=~models.Q(file="") | ~models.Q(reference=""),
                                   name="attachment_has_file_or_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.item.code}"


class ApplicationCheck(models.Model):
    """The result of one prerequisite check the service ran on an application, with its own reason."""

    application = models.ForeignKey(LicenseApplication, on_delete=models.CASCADE, related_name="checks")
    code = models.SlugField(max_length=64)
    passed = models.BooleanField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["application_id", "id"]

    def __str__(self) -> str:
        return f"{self.code}: {'ok' if self.passed else self.reason}"


class RadiationLicenseStatus(models.TextChoices):
    """Stored states; `expiring` and `expired` are read from the dates."""

    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded")


class RadiationLicense(models.Model):
    """A licence for radiation work (use of diagnostic X-ray) issued to a facility."""

    facility = models.ForeignKey(Organization, verbose_name=_("facility"), on_delete=models.PROTECT,
                                 related_name="radiation_licenses")
    # None for a licence issued on paper before the service existed and transcribed (license_transcribe).
    application = models.OneToOneField(LicenseApplication, on_delete=models.PROTECT, related_name="license",
                                       null=True, blank=True)
    kind = models.CharField(max_length=16, choices=LicenseApplicationKind.choices)
    # A transcribed paper licence: its number as printed, and the scan of the paper (stored under a server name).
    paper_number = models.CharField(_("paper licence number"), max_length=64, blank=True)
    paper_scan = models.FileField(upload_to="licenses/paper/%Y/", blank=True)
    devices = models.ManyToManyField(XrayDevice, related_name="licenses")
    safety_officer = models.ForeignKey(RadiationWorker, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="+")
    conditions = models.TextField(_("conditions"), blank=True, help_text=_("One condition per line."))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(_("status"), max_length=16, choices=RadiationLicenseStatus.choices,
                              default=RadiationLicenseStatus.ACTIVE)
    previous = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    issuer = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(blank=True)
    documents = GenericRelation("certificates.Document", content_type_field="subject_type",
                                object_id_field="subject_id")
    history = HistoricalRecords(m2m_fields=[devices])

    class Meta:
        ordering = ["-valid_from", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(valid_until__gt=models.F("valid_from")),
                                   name="license_period_ordered"),
            models.CheckConstraint(condition=models.Q(status="active") | ~models.Q(status_reason=""),
                                   name="license_status_change_has_reason"),
            # Every licence was decided on an application here, or transcribed from a numbered paper licence.
            models.CheckConstraint(condition=models.Q(application__isnull=False) | ~models.Q(paper_number=""),
                                   name="license_from_application_or_paper"),
            models.UniqueConstraint(fields=["issuer", "paper_number"], condition=~models.Q(paper_number=""),
                                    name="license_paper_number_transcribed_once"),
        ]
        indexes = [models.Index(fields=["facility", "status"]), models.Index(fields=["valid_until"])]

    def __str__(self) -> str:
        return f"{self.facility} {self.valid_from}–{self.valid_until}"

    @property
    def transcribed(self) -> bool:
        return bool(self.paper_number)

    @property
    def condition_lines(self) -> list[str]:
        return [line.strip() for line in self.conditions.splitlines() if line.strip()]
