"""Test settings: the real settings plus a small app with a scoped model."""

import os

from woonloket.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.scoping"]  # noqa: F405
# Fast hashing in tests; production uses argon2 (settings.PASSWORD_HASHERS).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WOONLOKET_REQUIRE_2FA = False
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

if DATABASES["default"]["ENGINE"] == "woonloket.core.sqlite":  # noqa: F405
    # A file, not shared-cache memory: the concurrent-booking test needs two
    # connections that wait for each other's lock (busy timeout) as in production.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(REPO_DIR / "var" / f"test-{os.getpid()}.sqlite3")}  # noqa: F405
