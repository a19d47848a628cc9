#!/usr/bin/env bash
# Makes sure curl is on PATH for the ecosystem suite's curl rows (ecosystem/test/curl.test.ts), which run Cloudflare's
# documented curl commands against the emulator. Idempotent: does nothing when curl is already there.
# Needs root (or sudo) and access to the Debian mirror when it has to install.
set -euo pipefail

if command -v curl >/dev/null 2>&1; then
  echo "curl present: $(curl --version | head -n 1)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "ensure-curl: curl is missing and this user cannot run apt-get (not root, no sudo)" >&2
  exit 1
fi

echo "ensure-curl: installing curl with apt-get"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y curl
echo "curl installed: $(curl --version | head -n 1)"
