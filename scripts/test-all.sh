#!/usr/bin/env bash
# Runs every test runner of the repository and prints one closing line "N passed, N failed".
# Each runner writes a machine-readable report into .artifacts/test-results/; the summary sums them.
set -uo pipefail
cd "$(dirname "$0")/.."
exec node scripts/run-tests.mjs "$@"
