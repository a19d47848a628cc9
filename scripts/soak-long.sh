#!/usr/bin/env bash
# Long run of the reliability suites (issue 7): the same test files as CI, at long-run sizes.
#   soak:   20,000 calls (undici transport) + 10,000 (fetch transport) at concurrency 64, 10% faults of every kind
#   fuzz:   RELIABILITY_FUZZ_RUNS=6500 per property -> ~115,000 cases over 14 properties
#   abuse:  1,000 concurrent streams, 300 connections per abuse kind
# Every suite appends its figures as JSON lines to $RELIABILITY_FIGURES; the summary at the end is what
# packages/reliability/RESULTS.md records. Only 127.0.0.1 is used; ports are picked by the OS.
# Usage: bash scripts/soak-long.sh            (override any size with the variables below)
set -uo pipefail
cd "$(dirname "$0")/.."
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out_dir=$PWD/.artifacts/reliability
mkdir -p "$out_dir"
export RELIABILITY_FIGURES=${RELIABILITY_FIGURES:-$out_dir/figures-$stamp.jsonl}
export RELIABILITY_SOAK_CALLS=${RELIABILITY_SOAK_CALLS:-20000}
export RELIABILITY_SOAK_CONCURRENCY=${RELIABILITY_SOAK_CONCURRENCY:-64}
export RELIABILITY_FUZZ_RUNS=${RELIABILITY_FUZZ_RUNS:-6500}
export RELIABILITY_ABUSE_STREAMS=${RELIABILITY_ABUSE_STREAMS:-1000}
export RELIABILITY_ABUSE_CONNECTIONS=${RELIABILITY_ABUSE_CONNECTIONS:-300}
# --expose-gc: RSS samples and heap figures are taken after a full collection.
export NODE_OPTIONS="${NODE_OPTIONS:-} --expose-gc"
: >"$RELIABILITY_FIGURES"
started=$(date +%s)
# One file at a time, so the soak's RSS and the emulator's memory are not mixed with a fuzz run's.
pnpm --filter @edge-ai/reliability exec vitest run --no-file-parallelism --reporter=default --reporter=json \
  --outputFile.json="$out_dir/vitest-$stamp.json" "$@"
status=$?
echo "wall clock: $(( $(date +%s) - started )) s; figures: $RELIABILITY_FIGURES"
node scripts/soak-long-summary.mjs "$RELIABILITY_FIGURES" "$out_dir/vitest-$stamp.json"
exit $status
