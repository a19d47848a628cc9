#!/usr/bin/env bash
# Makes sure Debian's chromium is installed at /usr/bin/chromium for the docs browser test
# (packages/docs/test). Idempotent: does nothing when chromium is already there.
# Needs root (or sudo) and access to the Debian mirror; prints the installed version.
set -euo pipefail
source "$(dirname "$0")/lib/apt-install.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
version() { "$CHROMIUM" --version 2>/dev/null || echo 'version unknown'; }

if [ -x "$CHROMIUM" ]; then
  echo "chromium present: $CHROMIUM ($(version))"
  exit 0
fi

apt_install ensure-chromium chromium "$CHROMIUM"
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "chromium installed: $CHROMIUM ($(version))"
