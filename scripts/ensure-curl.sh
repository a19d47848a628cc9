#!/usr/bin/env bash
# Makes sure curl is on PATH for the ecosystem suite's curl rows (ecosystem/test/curl.test.ts), which run Cloudflare's
# documented curl commands against the emulator. Idempotent: does nothing when curl is already there.
# Needs root (or sudo) and access to the Debian mirror when it has to install.
set -euo pipefail
source "$(dirname "$0")/lib/apt-install.sh"

if command -v curl >/dev/null 2>&1; then
  echo "curl present: $(curl --version | head -n 1)"
  exit 0
fi

apt_install ensure-curl curl curl
echo "curl installed: $(curl --version | head -n 1)"
