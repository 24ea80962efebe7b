"""Production defaults: the deploy check is clean with the documented variables."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "SECRET_KEY": "x7#k2!pQz9@vL4$wR8^mN3&bT6*yH1(jF5)cD0_sG-eA+uK=iO~",
    "ALLOWED_HOSTS": "bilim.example.kg",
    "BILIM_SITE_URL": "https://bilim.example.kg",
    "DATABASE_URL": "sqlite:///" + str(ROOT / "var" / "deploy-check.sqlite3"),
    # As docs/deploy.md documents them: HSTS preload is the domain owner's decision.
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SILENCED_SYSTEM_CHECKS": "security.W021",
}


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    # Drop what tests/testenv.py set for the test run, so production defaults apply.
    test_only = {
        "DEBUG",
        "SECRET_KEY",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "STATIC_MANIFEST",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "BILIM_SITE_URL",
    }
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_is_clean_with_production_variables():
    done = _run(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stdout + done.stderr


def test_debug_is_off_unless_set():
    done = _run(
        PRODUCTION, "shell", "-c", "from django.conf import settings; print(settings.DEBUG)"
    )
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_missing_secret_key_stops_the_server_from_starting():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    done = _run(env, "check")
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_missing_site_address_stops_the_server_from_starting():
    """Without it, SMS and QR codes would send people to a machine they cannot reach."""
    env = {k: v for k, v in PRODUCTION.items() if k != "BILIM_SITE_URL"}
    done = _run(env, "check")
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr
    assert "BILIM_SITE_URL" in done.stderr


def test_links_use_the_configured_site_address():
    done = _run(
        PRODUCTION,
        "shell",
        "-c",
        "from django.conf import settings; print(settings.BILIM_SITE_URL)",
    )
    assert done.stdout.strip().splitlines()[-1] == "https://bilim.example.kg"
