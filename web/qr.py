"""The authenticator app's set-up, as a person reads it: the otpauth:// address as a QR code, the secret as text."""

from base64 import b32encode

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice


def qr_data_uri(text: str) -> str:
    """An SVG image of the QR code of `text`, as a data: address (the CSP allows data: images, no file is kept)."""
    return segno.make(text, error="m").svg_data_uri(scale=5, border=4, dark="#000", light="#fff")


def secret_for_people(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, as authenticator apps take it when typed (spaces are ignored)."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
