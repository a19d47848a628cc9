using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeAi.Client;

/// <summary>
/// Checks a request body against the contract before it is sent, like the TypeScript client's zod validation:
/// a bad input fails fast with kind <c>validation</c> and never costs a request (or neurons). The schemas come from
/// the 3.1 contract embedded in the assembly, so unions (<c>oneOf</c>/<c>anyOf</c>) keep their real meaning that
/// the NSwag DTOs had to merge away. Supports the keywords the contract uses.
/// </summary>
internal static class RequestValidator
{
    private const string AccountPrefix = "/accounts/{account_id}/";
    private const int MaxErrors = 5;
    private static readonly Lazy<Contract> Loaded = new(Contract.Load, isThreadSafe: true);

    /// <summary>Throws <see cref="EdgeAiException"/> (validation) when <paramref name="body"/> breaks the operation's input schema.</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="relativePath">Path relative to the account base, literal slug slashes restored, without query.</param>
    /// <param name="body">The serialized JSON body.</param>
    public static void Validate(HttpMethod method, string relativePath, ReadOnlySpan<byte> body)
    {
        if (method != HttpMethod.Post || body.IsEmpty)
            return;
        var contract = Loaded.Value;
        if (!contract.Bodies.TryGetValue(relativePath, out var schemaName))
            return;
        using var doc = JsonDocument.Parse(body.ToArray());
        var errors = new List<string>();
        contract.Check(contract.Schema(schemaName), doc.RootElement, "", errors, 0);
        if (errors.Count > 0)
            throw new EdgeAiException(EdgeAiErrorKind.Validation, $"Bad input (not sent): {schemaName}: {string.Join("; ", errors.Take(MaxErrors))}");
    }

    private sealed class Contract
    {
        // The document stays alive for the process: every JsonElement below points into it.
        private readonly JsonElement _schemas;

        private Contract(JsonDocument doc)
        {
            _schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
            foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
            {
                // Literal paths only: the generic {model_name} run takes any JSON.
                if (!path.Name.StartsWith(AccountPrefix, StringComparison.Ordinal) || path.Name[AccountPrefix.Length..].Contains('{', StringComparison.Ordinal))
                    continue;
                if (path.Value.TryGetProperty("post", out var post)
                    && post.TryGetProperty("requestBody", out var rb)
                    && rb.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var s)
                    && s.TryGetProperty("$ref", out var r))
                    Bodies[path.Name[AccountPrefix.Length..]] = RefName(r.GetString()!);
            }
        }

        /// <summary>Literal operation path (relative to the account) → input component name.</summary>
        public Dictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

        public static Contract Load()
        {
            using var stream = typeof(RequestValidator).Assembly.GetManifestResourceStream("edge-ai.openapi.json")
                ?? throw new InvalidOperationException("embedded contract edge-ai.openapi.json is missing");
            return new Contract(JsonDocument.Parse(stream));
        }

        public JsonElement Schema(string name) => _schemas.GetProperty(name);

        private static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

        public void Check(JsonElement s, JsonElement v, string at, List<string> errors, int depth)
        {
            if (depth > 32 || s.ValueKind != JsonValueKind.Object)
                return;
            if (s.TryGetProperty("$ref", out var r))
            {
                Check(Schema(RefName(r.GetString()!)), v, at, errors, depth + 1);
                return;
            }
            foreach (var key in (ReadOnlySpan<string>)["oneOf", "anyOf"])
            {
                if (s.TryGetProperty(key, out var members))
                {
                    // Valid when any member accepts it (zod's union semantics, as in the TypeScript client);
                    // otherwise report the member that came closest, which names the real field.
                    List<string>? closest = null;
                    foreach (var m in members.EnumerateArray())
                    {
                        var e = new List<string>();
                        Check(m, v, at, e, depth + 1);
                        if (e.Count == 0)
                            return;
                        if (closest is null || e.Count < closest.Count)
                            closest = e;
                    }
                    errors.AddRange(closest ?? [$"{Name(at)}: matches none of the allowed shapes"]);
                    return;
                }
            }
            if (s.TryGetProperty("allOf", out var all))
                foreach (var m in all.EnumerateArray())
                    Check(m, v, at, errors, depth + 1);
            if (s.TryGetProperty("type", out var type) && !TypeMatches(type, v))
            {
                errors.Add($"{Name(at)}: expected {type.ToString().Replace("\"", "", StringComparison.Ordinal)}, got {v.ValueKind.ToString().ToLowerInvariant()}");
                return;
            }
            if (s.TryGetProperty("enum", out var en) && !en.EnumerateArray().Any(x => x.GetRawText() == v.GetRawText()))
                errors.Add($"{Name(at)}: not one of {en}");
            switch (v.ValueKind)
            {
                case JsonValueKind.String:
                    var text = v.GetString()!;
                    if (Num(s, "minLength") is double minL && text.Length < minL) errors.Add($"{Name(at)}: shorter than {minL} characters");
                    if (Num(s, "maxLength") is double maxL && text.Length > maxL) errors.Add($"{Name(at)}: longer than {maxL} characters");
                    if (s.TryGetProperty("pattern", out var p) && !Regex.IsMatch(text, p.GetString()!, RegexOptions.None, TimeSpan.FromMilliseconds(100))) errors.Add($"{Name(at)}: does not match {p.GetString()}");
                    break;
                case JsonValueKind.Number:
                    var n = v.GetDouble();
                    if (Num(s, "minimum") is double min && n < min) errors.Add($"{Name(at)}: below the minimum {min}");
                    if (Num(s, "maximum") is double max && n > max) errors.Add($"{Name(at)}: above the maximum {max}");
                    break;
                case JsonValueKind.Array:
                    var count = v.GetArrayLength();
                    if (Num(s, "minItems") is double minI && count < minI) errors.Add($"{Name(at)}: fewer than {minI} items");
                    if (Num(s, "maxItems") is double maxI && count > maxI) errors.Add($"{Name(at)}: more than {maxI} items");
                    if (s.TryGetProperty("items", out var items))
                    {
                        var i = 0;
                        foreach (var item in v.EnumerateArray())
                            Check(items, item, $"{at}.{i++}", errors, depth + 1);
                    }
                    break;
                case JsonValueKind.Object:
                    if (s.TryGetProperty("required", out var req))
                        foreach (var name in req.EnumerateArray().Select(x => x.GetString()!))
                            if (!v.TryGetProperty(name, out _)) errors.Add($"{Name(Join(at, name))}: required");
                    if (s.TryGetProperty("properties", out var props))
                        foreach (var prop in v.EnumerateObject())
                            if (props.TryGetProperty(prop.Name, out var ps))
                                Check(ps, prop.Value, Join(at, prop.Name), errors, depth + 1);
                    break;
            }
        }

        private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

        private static string Name(string at) => at.Length == 0 ? "(body)" : at;

        private static double? Num(JsonElement s, string key) =>
            s.TryGetProperty(key, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetDouble() : null;

        private static bool TypeMatches(JsonElement type, JsonElement v) => type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => Is(t.GetString(), v))
            : Is(type.GetString(), v);

        private static bool Is(string? type, JsonElement v) => type switch
        {
            "object" => v.ValueKind == JsonValueKind.Object,
            "array" => v.ValueKind == JsonValueKind.Array,
            "string" => v.ValueKind == JsonValueKind.String,
            "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => v.ValueKind == JsonValueKind.Null,
            "number" => v.ValueKind == JsonValueKind.Number,
            "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && Math.Abs(d % 1) < double.Epsilon,
            _ => true,
        };
    }
}
