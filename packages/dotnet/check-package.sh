#!/usr/bin/env bash
# Proves the NuGet package is ready to publish and usable as shipped:
#   1. `dotnet pack` (reusing the Release build): id, version = the contract's info.version, licence, readme,
#      repository, .snupkg symbols; the nuspec is checked for each;
#   2. a new console project installs it from a local feed and is published TRIMMED (PublishTrimmed, linux-x64,
#      self-contained); every IL/trim warning is counted (goal: 0) and printed as "trim warnings: N";
#   3. the trimmed app calls the emulator (DI + configuration binding, a model method, streaming, MEAI chat and
#      embeddings, a typed 5007 error).
# Exit 0 only when all three hold.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/edge-ai-package.XXXXXX")
emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
version=$(grep -oE '<VersionPrefix>[^<]+' packages/dotnet/EdgeAi.Client/Generated/Package.g.props | cut -d'>' -f2)
contract=$(node -e 'console.log(require("./openapi/dist/edge-ai.nswag.json").info.version)')
[ "$version" = "$contract" ] || { echo "check-package: package version $version != contract version $contract" >&2; exit 1; }

dotnet pack packages/dotnet/EdgeAi.Client -c Release -nologo -v q -o "$work/feed" ${PACK_NO_BUILD:+--no-build} > "$work/pack.log" 2>&1 \
  || { cat "$work/pack.log" >&2; exit 1; }
nupkg="$work/feed/EdgeAi.Client.$version.nupkg"
[ -f "$nupkg" ] && [ -f "$work/feed/EdgeAi.Client.$version.snupkg" ] || { echo "check-package: .nupkg/.snupkg missing" >&2; ls "$work/feed" >&2; exit 1; }
nuspec=$(unzip -p "$nupkg" EdgeAi.Client.nuspec)
for want in "<id>EdgeAi.Client</id>" "<version>$version</version>" '<license type="expression">MIT</license>' "<readme>README.md</readme>" "<repository type=\"git\"" "<description>Typed .NET client"; do
  grep -qF "$want" <<<"$nuspec" || { echo "check-package: nuspec lacks $want" >&2; exit 1; }
done
# Listed into a variable first: with pipefail, `unzip -l | grep -q` fails at random when grep exits on its match
# and unzip then writes into the closed pipe (SIGPIPE).
listing=$(unzip -l "$nupkg")
grep -q " README.md$" <<<"$listing" || { echo "check-package: README.md not packed" >&2; exit 1; }
echo "check-package: packed EdgeAi.Client $version (.nupkg + .snupkg, metadata complete)"

app="$work/app"
mkdir -p "$app"
cp packages/dotnet/PackageCheck/Program.cs "$app/"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="edge-ai-local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > "$app/PackageCheck.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
    <PublishTrimmed>true</PublishTrimmed>
    <TrimmerSingleWarn>false</TrimmerSingleWarn>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="EdgeAi.Client" Version="$version" />
    <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.15" />
  </ItemGroup>
</Project>
XML
# The package comes from the local feed only (its own restore folder, so no cached copy can stand in for it);
# its dependencies from the configured sources.
dotnet publish "$app/PackageCheck.csproj" -c Release -nologo -o "$app/out" > "$app/publish.log" 2>&1 \
  || { grep -E "error" "$app/publish.log" | sort -u | head -20 >&2; exit 1; }
[ -f "$work/packages/edgeai.client/$version/edgeai.client.$version.nupkg" ] || { echo "check-package: EdgeAi.Client was not restored from the local feed" >&2; exit 1; }
trim=$(grep -oE "warning IL[0-9]+[^[]*" "$app/publish.log" | sort -u || true)
count=$(grep -c . <<<"$trim" || true)
echo "check-package: trimmed publish of a consumer: trim warnings: $count"
[ "$count" -eq 0 ] || { echo "$trim" >&2; exit 1; }

node packages/mocks/dist/cli.js --port 0 --quiet > "$work/emulator.out" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/emulator.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^edge-ai emulator listening on //p' "$work/emulator.out" | head -1)
[ -n "$url" ] || { cat "$work/emulator.out" >&2; exit 1; }
"$app/out/PackageCheck" "$url"
