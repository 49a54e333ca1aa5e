"""The API of the instrument register: the catalogue, instruments and their verifications."""
