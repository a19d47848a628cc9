#!/usr/bin/env bash
# Proves the export works, AT RUN TIME, for a .NET team that generates its own client with the tools' DEFAULT
# settings (the README's "generate it yourself" path, exactly):
#   1. `nswag openapi2csclient` with defaults (Newtonsoft.Json), 2. the same with /JsonLibrary:SystemTextJson,
#   3. `kiota generate -l CSharp` with defaults.
# Each client goes into a throw-away console project (the `dotnet new console` defaults: net10.0, nullable and
# implicit usings on), must build with no warnings and no placeholder names (Anonymous, Response2...), then calls the
# emulator (packages/mocks/dist/cli.js on port 0) with only the base URL and an Authorization header: prompt and
# messages chat, streaming, embeddings, SDXL bytes, flux, whisper, translation, models search, /ai/v1 chat, and
# errors 401/5007/429 with their code readable. One line per call; with NSWAG_DEFAULTS_TRX_DIR set, one TRX per run
# so scripts/test-dotnet.sh counts every call. Exit 0 only if all three runs pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/edge-ai-nswag-defaults.XXXXXX")
trap 'rm -rf "$work"' EXIT
trx_dir=${NSWAG_DEFAULTS_TRX_DIR:-}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true
dotnet tool restore >/dev/null
[ -f packages/mocks/dist/cli.js ] || { echo "check-nswag-defaults: build the emulator first (pnpm --filter @edge-ai/mocks build)" >&2; exit 1; }
spec="$root/openapi/dist/edge-ai.nswag.json"
harness="$root/packages/dotnet/NswagDefaults"
status=0

# A console project as `dotnet new console` makes it, plus the harness sources and the packages the client needs.
project() { # dir, packages xml, extra property xml, program file
  cat > "$1/DefaultsCheck.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    $3
  </PropertyGroup>
  <ItemGroup>$2</ItemGroup>
  <ItemGroup>
    <Compile Include="$harness/DefaultsHarness.cs" />
    <Compile Include="$harness/$4" />
    <Compile Include="$root/packages/dotnet/TestSupport/EmulatorProcess.cs" />
  </ItemGroup>
</Project>
XML
}

run() { # name, dir
  if ! dotnet build "$2/DefaultsCheck.csproj" -nologo -v q -c Release -o "$2/bin" > "$2/build.log" 2>&1; then
    grep -E 'error|warning' "$2/build.log" | sort -u | head -20 >&2
    echo "check-nswag-defaults: $1 client does not build without warnings" >&2
    status=1
    return
  fi
  dotnet "$2/bin/DefaultsCheck.dll" "$root" "${trx_dir:+$trx_dir/$1.trx}" || status=1
}

for lib in NewtonsoftJson SystemTextJson; do
  dir="$work/$lib"
  mkdir -p "$dir"
  dotnet nswag openapi2csclient "/input:$spec" "/output:$dir/Client.cs" /namespace:DefaultsCheck "/JsonLibrary:$lib" >/dev/null
  if grep -nE '\b(class|enum) (Anonymous[0-9]*|Response[0-9]+|Body[0-9]*|Anonymous)\b' "$dir/Client.cs"; then
    echo "check-nswag-defaults: $lib output has placeholder type names" >&2
    exit 1
  fi
  if [ "$lib" = NewtonsoftJson ]; then
    project "$dir" '<PackageReference Include="Newtonsoft.Json" Version="13.0.4" />' "" NswagDefaultsProgram.cs
    run nswag-defaults-newtonsoft "$dir"
  else
    # The one line System.Text.Json users add by hand (README, decision 0260): NSwag 14's STJ output has no
    # per-property ignore condition, so without it every unset property goes out as `null`, which the API rejects.
    for c in $(grep -oE '^    public partial class \w+Client *$' "$dir/Client.cs" | awk '{print $4}'); do
      printf 'namespace DefaultsCheck { public partial class %s { static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) => settings.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull; } }\n' "$c"
    done > "$dir/StjNullHandling.cs"
    project "$dir" "" "<DefineConstants>\$(DefineConstants);NSWAG_STJ</DefineConstants>" NswagDefaultsProgram.cs
    run nswag-defaults-stj "$dir"
  fi
done

dir="$work/Kiota"
mkdir -p "$dir"
dotnet kiota generate -l CSharp -d "$spec" -o "$dir/Client" -n KiotaCheck.Client -c EdgeAiKiotaClient --log-level Error > "$dir/kiota.log" 2>&1 \
  || { cat "$dir/kiota.log" >&2; echo "check-nswag-defaults: kiota generate failed" >&2; exit 1; }
kiota_packages=""
for p in Abstractions Http.HttpClientLibrary Serialization.Json Serialization.Text Serialization.Form Serialization.Multipart; do
  kiota_packages+="<PackageReference Include=\"Microsoft.Kiota.$p\" Version=\"2.1.6\" />"
done
project "$dir" "$kiota_packages" "" KiotaDefaultsProgram.cs
run kiota-defaults "$dir"
exit $status
