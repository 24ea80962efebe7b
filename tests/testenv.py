"""Test environment, set before Django reads its settings (loaded with ``-p tests.testenv``).

Plain HTTP for the test servers, a fast password hasher, tasks run immediately
(the worker's own tests switch to the database queue), no manifest for static files.
"""

import os

for key, value in {
    "SECRET_KEY": "tests-only-not-secret",
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "STATIC_MANIFEST": "0",
    "TASKS_BACKEND": "immediate",
    "PASSWORD_HASHERS": "django.contrib.auth.hashers.MD5PasswordHasher",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "BILIM_SITE_URL": "http://testserver",
}.items():
    os.environ.setdefault(key, value)
# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
