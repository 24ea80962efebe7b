#!/usr/bin/env bash
# Install everything Bilim needs into this checkout, idempotently:
# system packages (when missing), Python dependencies from uv.lock, front-end
# assets from package-lock.json, compiled translations, and the database schema.
# Usage: scripts/setup.sh [--with-browser]   (the browser is needed by the e2e tests)
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION="0.13.9"
need_apt=()
command -v msgfmt >/dev/null || need_apt+=(gettext)
command -v npm >/dev/null || need_apt+=(nodejs npm)
if [[ "${1:-}" == "--with-browser" ]]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
  # The tests read QR codes back from images and text back from PDFs.
  command -v zbarimg >/dev/null || need_apt+=(zbar-tools)
  command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
fi
if ((${#need_apt[@]})); then
  echo "==> installing system packages: ${need_apt[*]}"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

if [[ ! -x .tools/bin/uv ]]; then
  echo "==> installing uv $UV_VERSION"
  python3 -m venv .tools
  .tools/bin/pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
echo "==> Python dependencies (uv.lock)"
.tools/bin/uv sync --frozen --quiet

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "==> front-end assets (package-lock.json)"
  npm ci --no-audit --no-fund --silent
fi

echo "==> translations"
# Compiled from the project's own catalogs only; needs no settings.
(cd src/bilim && env -u DJANGO_SETTINGS_MODULE ../../.venv/bin/django-admin compilemessages -v 0)
