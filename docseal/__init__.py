"""Sealed documents: signed PDFs and signed QR statements, verifiable offline (issue 11, SIGNING_DESIGN.md).

No Django here: the server seals with it and the stand-alone verifier (tools/verify_document.py) checks with it.

- docseal.cbor    deterministic CBOR (RFC 8949 §4.2.1)
- docseal.claims  the statement of a document's facts (CBOR map, keys 1..9)
- docseal.cose    COSE_Sign1 with ES256 over the statement
- docseal.qr      the QR text: PREFIX/V/BASE32(COSE_Sign1)
- docseal.keys    the published keys file (kid = SHA-256(issuer certificate DER)[:8])
- docseal.seal    seal_pdf: the seal QR drawn over the document's QR, seal.txt embedded, PAdES signature
- docseal.verify  verify_pdf: signature, seal, facts against text, first revision's hash
- docseal.demo    demo root and issuer certificates ("DEMO" in the subject) for development and tests
"""
