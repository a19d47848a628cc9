#!/usr/bin/env bash
# Proves the export works for a .NET team that runs NSwag with ITS OWN DEFAULT settings: generates a client from
# openapi/dist/edge-ai.nswag.json with `nswag openapi2csclient` (defaults, Newtonsoft.Json and then
# System.Text.Json), fails on NSwag's placeholder names (Anonymous, Response2, Body2...), checks that the
# operations are typed, and builds each client in a throw-away project. Exit 0 only if both compile.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/edge-ai-nswag-defaults.XXXXXX")
trap 'rm -rf "$work"' EXIT
dotnet tool restore >/dev/null

for lib in NewtonsoftJson SystemTextJson; do
  dir="$work/$lib"
  mkdir -p "$dir"
  dotnet nswag openapi2csclient "/input:$root/openapi/dist/edge-ai.nswag.json" "/output:$dir/Client.cs" \
    /namespace:DefaultsCheck "/JsonLibrary:$lib" >/dev/null
  if grep -nE '\b(class|enum) (Anonymous[0-9]*|Response[0-9]+|Body[0-9]*|Anonymous)\b' "$dir/Client.cs"; then
    echo "check-nswag-defaults: $lib output has placeholder type names" >&2
    exit 1
  fi
  # Typed, not object: the chat method takes and returns the named DTOs.
  grep -q 'Task<TextGenerationResponse> Llama31x8bInstructFastAsync(.*TextGenerationInput body' "$dir/Client.cs" \
    || { echo "check-nswag-defaults: $lib chat operation is not typed" >&2; exit 1; }
  grep -q 'Task<FileResponse> StableDiffusionXlBase10Async' "$dir/Client.cs" \
    || { echo "check-nswag-defaults: $lib image operation does not return FileResponse" >&2; exit 1; }
  extra=""
  [ "$lib" = NewtonsoftJson ] && extra='<PackageReference Include="Newtonsoft.Json" Version="13.0.4" />'
  cat > "$dir/DefaultsCheck.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>$extra</ItemGroup>
</Project>
XML
  if ! dotnet build "$dir/DefaultsCheck.csproj" -nologo -v q > "$dir/build.log" 2>&1; then
    grep -E 'error' "$dir/build.log" | head -20 >&2
    echo "check-nswag-defaults: $lib client does not compile" >&2
    exit 1
  fi
  types=$(grep -cE '^    public partial class ' "$dir/Client.cs" || true)
  echo "check-nswag-defaults: $lib default client compiles ($types classes, no placeholder names)"
done
