"""The issuers' signing keys (issue 11): one ECDSA P-256 key and X.509 certificate per issuing organisation, for
the PDF's PAdES signature and the QR code's signed statement; rotation, revocation and the published keys file.

- models.py: `SigningKey`, every key an issuer ever signed with (active, retired, revoked).
- keys.py: `issuer_key(issuer) -> LoadedKey` (the active key loaded from its PKCS#12 file, cached per process),
  `SigningKeyError`, and the demo root and demo keys of development.
- services.py: rotate, revoke, import a PKCS#12 file, create the demo keys.
- published.py: `keys_file()`, the public JSON every verifier needs (SIGNING_DESIGN.md).
"""
