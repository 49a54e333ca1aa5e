import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashes(settings):
    """These tests log in hundreds of times; PBKDF2's million rounds would make each login take a second here.
    The hasher is not what they test (it is used before every fixture user is created, so all agree)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
