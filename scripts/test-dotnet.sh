#!/usr/bin/env bash
# The .NET part of CI: drift check of the generated C# client, the client library build (net10.0 + net8.0,
# warnings as errors, trim/AOT analyzers), the NSwag/Kiota default clients against the emulator, the packed
# package in a trimmed consumer, and every xunit project against the emulator.
# Writes TRX files to .artifacts/test-results/dotnet/ (xunit results, plus checks.trx for the checks above,
# one test each) and prints "N passed, N failed" for the .NET part.
set -uo pipefail
cd "$(dirname "$0")/.."
out=.artifacts/test-results/dotnet
mkdir -p "$out"
rm -f "$out"/*.trx
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

checks_passed=0
checks_failed=0
check() {
  local name=$1
  shift
  echo "### dotnet check: $name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "FAILED: $name"; fi
}

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }
check "NSwag export and checklist linter behave (node:test)" node --import tsx --test scripts/nswag/export-nswag.test.ts
check "C# client is current (generate-csharp.ts --check)" pnpm exec tsx scripts/generate-csharp.ts --check
check "EdgeAi.Client builds (net10.0, net8.0, warnings as errors)" dotnet build packages/dotnet/EdgeAi.Client -c Release -nologo -v q
# NSwag (Newtonsoft, STJ) and Kiota default clients call the emulator; one TRX row per call (nswag-defaults-*.trx).
check "NSwag and Kiota default clients build and call the emulator" env NSWAG_DEFAULTS_TRX_DIR="$out" bash packages/dotnet/check-nswag-defaults.sh

# The packed package installed from a local feed into a trimmed consumer: metadata, 0 trim warnings, calls work.
check "EdgeAi.Client packs, installs from a local feed and runs trimmed with 0 trim warnings" env PACK_NO_BUILD=1 bash packages/dotnet/check-package.sh

projects=(packages/dotnet/EdgeAi.Client.Tests)
# Other owners' .NET test projects join when present (the C# conformance runner).
[ -d packages/dotnet/EdgeAi.Conformance.Tests ] && projects+=(packages/dotnet/EdgeAi.Conformance.Tests)
[ -d examples/aspnet-minimal/AspNetMinimal.Tests ] && projects+=(examples/aspnet-minimal/AspNetMinimal.Tests)
rc=0
for proj in "${projects[@]}"; do
  name=$(basename "$proj")
  echo "### dotnet test: $name"
  dotnet test "$proj" -c Release -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$out" || rc=1
done

# The checks count as tests too, in a TRX of their own so the repository's summary sums them with xunit.
cat > "$out/checks.trx" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<TestRun name="dotnet checks" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <ResultSummary outcome="$([ $checks_failed -eq 0 ] && echo Completed || echo Failed)">
    <Counters total="$((checks_passed + checks_failed))" executed="$((checks_passed + checks_failed))" passed="$checks_passed" failed="$checks_failed" error="0" timeout="0" aborted="0" inconclusive="0" notExecuted="0" />
  </ResultSummary>
</TestRun>
XML

passed=0
failed=0
for f in "$out"/*.trx; do
  counters=$(grep -o '<Counters [^>]*' "$f" | head -n 1)
  num() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(num passed)))
  failed=$((failed + $(num failed) + $(num error) + $(num timeout) + $(num aborted)))
done
[ $rc -ne 0 ] && [ $failed -eq 0 ] && failed=1
[ $checks_failed -ne 0 ] && rc=1
echo "dotnet: $passed passed, $failed failed"
exit $rc
