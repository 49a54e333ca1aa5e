"""`manage.py check --deploy`: production signs with real keys under a readable root."""

from pathlib import Path

from cryptography import x509
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

MIN_PASSPHRASE = 16


@register(Tags.security, deploy=True)
def signing_keys_check(app_configs, **kwargs):
    signing = settings.DOCUMENT_SIGNING
    problems = []
    if signing["DEMO_KEYS"]:
        problems.append(Error("DOCUMENT_SIGNING_DEMO_KEYS is on: documents would be signed by demo keys.",
                              id="signing.E001"))
    root = Path(signing["ROOT_CERT"])
    try:
        x509.load_pem_x509_certificate(root.read_bytes())
    except (OSError, ValueError) as exc:
        problems.append(Error(f"The root certificate {root} (DOCUMENT_SIGNING_ROOT_CERT) cannot be read: {exc}",
                              hint="Set DOCUMENT_SIGNING_ROOT_CERT to the PEM of the CA that issues the issuers' "
                                   "certificates.", id="signing.E002"))
    if len(signing["PASSPHRASE"]) < MIN_PASSPHRASE:
        problems.append(Warning(f"DOCUMENT_SIGNING_PASSPHRASE is shorter than {MIN_PASSPHRASE} characters.",
                                id="signing.W001"))
    return problems
