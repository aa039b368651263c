#!/usr/bin/env bash
# Installs what PDF rendering and the page tests need, from Debian, only when missing:
# Chromium (driven by Puppeteer, which never downloads a browser here), poppler-utils
# (pdftotext/pdfinfo/pdftoppm in the tests) and the Liberation and DejaVu fonts the documents use.
# Idempotent: a second run installs nothing. Called by .ci/run.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -q 'LiberationSans' || need+=(fonts-liberation)
fc-list 2>/dev/null | grep -q 'DejaVuSans' || need+=(fonts-dejavu-core)

if [ ${#need[@]} -eq 0 ]; then
  echo "install-chromium: chromium, poppler-utils and fonts already present"
  exit 0
fi

echo "install-chromium: installing ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-chromium: done ($(chromium --version 2>/dev/null | head -1))"
