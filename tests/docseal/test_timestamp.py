"""seal_pdf with timestamp_url: an RFC 3161 timestamp from a TSA over HTTP (here a local one, pyHanko's dummy
TSA signing with a DEMO certificate under the demo root), which verify_pdf reports."""

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from docseal.seal import seal_pdf
from docseal.verify import verify_pdf
from tests.docseal.conftest import CLAIMS, QR_PREFIX, VERIFY_URL, sample_pdf


def _der(certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


@pytest.fixture
def tsa_url(demo):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's dummy TSA signs RSA only
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "DEMO Time Stamping Authority")]))
        .issuer_name(demo.root.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(demo.root_key, hashes.SHA256())
    )
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(_der(certificate)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    server.shutdown()
    server.server_close()


def test_a_timestamped_seal_reports_its_timestamp(demo, tsa_url):
    sealed = seal_pdf(sample_pdf(), claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL,
                      qr_prefix=QR_PREFIX, reason="Issued", location="Ho Chi Minh City", timestamp_url=tsa_url)
    report = verify_pdf(sealed.pdf, demo.keys())
    assert report.ok, report.lines
    assert report.signature["timestamp"] is not None and report.signature["timestamp_trusted"]
    assert any("timestamped" in line for line in report.lines)


def test_an_unreachable_tsa_fails_the_seal(demo):
    with pytest.raises(Exception):  # noqa: B017 - pyHanko wraps the connection error in its own types
        seal_pdf(sample_pdf(), claims_without_hash=CLAIMS, signer=demo.key_a, link_uri=VERIFY_URL,
                 qr_prefix=QR_PREFIX, reason="Issued", location="Ho Chi Minh City",
                 timestamp_url="http://127.0.0.1:9/tsa")
