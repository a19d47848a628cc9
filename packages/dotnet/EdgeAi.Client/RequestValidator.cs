using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeAi.Client;

/// <summary>
/// Checks a request body against the contract before it is sent, like the TypeScript client's zod validation:
/// a bad input fails fast with kind <c>validation</c> and never costs a request (or neurons). The schemas come from
/// the 3.1 contract embedded in the assembly, so unions (<c>oneOf</c>/<c>anyOf</c>) keep their real meaning that
/// the NSwag DTOs had to merge away. Supports the keywords the contract uses.
/// Each schema is compiled once, on first use, into a <see cref="Node"/> (property maps, enum sets, regexes):
/// looking keywords and <c>$ref</c>s up in the contract's JSON on every call cost more than the HTTP call itself
/// (decision 0320).
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
    public static void Validate(HttpMethod method, string relativePath, ReadOnlyMemory<byte> body)
    {
        if (method != HttpMethod.Post || body.IsEmpty)
            return;
        var contract = Loaded.Value;
        if (!contract.Bodies.TryGetValue(relativePath, out var schemaName))
            return;
        using var doc = JsonDocument.Parse(body);
        var errors = new List<string>();
        Check(contract.Schema(schemaName), doc.RootElement, "", errors, 0);
        if (errors.Count > 0)
            throw new EdgeAiException(EdgeAiErrorKind.Validation, $"Bad input (not sent): {schemaName}: {string.Join("; ", errors.Take(MaxErrors))}");
    }

    private static void Check(Node? s, JsonElement v, string at, List<string> errors, int depth)
    {
        // A null node is a schema that is not an object (true, or a keyword the contract does not use): accepts all.
        if (depth > 32 || s is null)
            return;
        if (s.Ref is not null)
        {
            Check(s.Resolve(), v, at, errors, depth + 1);
            return;
        }
        if (s.Union is { } members)
        {
            // Valid when any member accepts it (zod's union semantics, as in the TypeScript client);
            // otherwise report the member that came closest, which names the real field.
            List<string>? closest = null;
            foreach (var m in members)
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
        if (s.AllOf is { } all)
            foreach (var m in all)
                Check(m, v, at, errors, depth + 1);
        if (s.Types is { } types && !TypeMatches(types, v))
        {
            errors.Add($"{Name(at)}: expected {s.TypeText}, got {v.ValueKind.ToString().ToLowerInvariant()}");
            return;
        }
        if (s.Enum is { } en && !en.Contains(v.GetRawText()))
            errors.Add($"{Name(at)}: not one of {s.EnumText}");
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                if (s.MinLength is null && s.MaxLength is null && s.Pattern is null) break;
                var text = v.GetString()!;
                if (s.MinLength is double minL && text.Length < minL) errors.Add($"{Name(at)}: shorter than {minL} characters");
                if (s.MaxLength is double maxL && text.Length > maxL) errors.Add($"{Name(at)}: longer than {maxL} characters");
                if (s.Pattern is { } p && !s.Regex.IsMatch(text)) errors.Add($"{Name(at)}: does not match {p}");
                break;
            case JsonValueKind.Number:
                if (s.Minimum is null && s.Maximum is null) break;
                var n = v.GetDouble();
                if (s.Minimum is double min && n < min) errors.Add($"{Name(at)}: below the minimum {min}");
                if (s.Maximum is double max && n > max) errors.Add($"{Name(at)}: above the maximum {max}");
                break;
            case JsonValueKind.Array:
                var count = v.GetArrayLength();
                if (s.MinItems is double minI && count < minI) errors.Add($"{Name(at)}: fewer than {minI} items");
                if (s.MaxItems is double maxI && count > maxI) errors.Add($"{Name(at)}: more than {maxI} items");
                if (s.HasItems)
                {
                    var i = 0;
                    foreach (var item in v.EnumerateArray())
                        Check(s.Items, item, $"{at}.{i++}", errors, depth + 1);
                }
                break;
            case JsonValueKind.Object:
                if (s.Required is { } req)
                    foreach (var name in req)
                        if (!v.TryGetProperty(name, out _)) errors.Add($"{Name(Join(at, name))}: required");
                if (s.Properties is { } props)
                    foreach (var prop in v.EnumerateObject())
                        if (props.TryGetValue(prop.Name, out var ps))
                            Check(ps, prop.Value, Join(at, prop.Name), errors, depth + 1);
                break;
        }
    }

    private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

    private static string Name(string at) => at.Length == 0 ? "(body)" : at;

    private static bool TypeMatches(string?[] types, JsonElement v)
    {
        foreach (var t in types)
            if (Is(t, v))
                return true;
        return false;
    }

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

    /// <summary>One schema object, its keywords read once. <c>null</c> stands for a schema that is not an object.</summary>
    private sealed class Node
    {
        private readonly Contract _contract;
        private Node? _resolved;
        private volatile bool _isResolved;
        private Regex? _regex;

        public Node(Contract contract, JsonElement s)
        {
            _contract = contract;
            if (s.TryGetProperty("$ref", out var r))
            {
                // Siblings of $ref are ignored, as before: the referenced component is the whole schema.
                Ref = RefName(r.GetString()!);
                return;
            }
            foreach (var key in (ReadOnlySpan<string>)["oneOf", "anyOf"])
            {
                if (s.TryGetProperty(key, out var members))
                {
                    Union = [.. members.EnumerateArray().Select(m => Compile(contract, m))];
                    return;
                }
            }
            if (s.TryGetProperty("allOf", out var all))
                AllOf = [.. all.EnumerateArray().Select(m => Compile(contract, m))];
            if (s.TryGetProperty("type", out var type))
            {
                Types = type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString())] : [type.GetString()];
                TypeText = type.ToString().Replace("\"", "", StringComparison.Ordinal);
            }
            if (s.TryGetProperty("enum", out var en))
            {
                Enum = new HashSet<string>(en.EnumerateArray().Select(x => x.GetRawText()), StringComparer.Ordinal);
                EnumText = en.ToString();
            }
            MinLength = Num(s, "minLength");
            MaxLength = Num(s, "maxLength");
            if (s.TryGetProperty("pattern", out var p))
                Pattern = p.GetString()!;
            Minimum = Num(s, "minimum");
            Maximum = Num(s, "maximum");
            MinItems = Num(s, "minItems");
            MaxItems = Num(s, "maxItems");
            if (s.TryGetProperty("items", out var items))
            {
                HasItems = true;
                Items = Compile(contract, items);
            }
            if (s.TryGetProperty("required", out var req))
                Required = [.. req.EnumerateArray().Select(x => x.GetString()!)];
            if (s.TryGetProperty("properties", out var props))
            {
                Properties = new Dictionary<string, Node?>(StringComparer.Ordinal);
                foreach (var prop in props.EnumerateObject())
                    Properties[prop.Name] = Compile(contract, prop.Value);
            }
        }

        public string? Ref { get; }
        public Node?[]? Union { get; }
        public Node?[]? AllOf { get; }
        public string?[]? Types { get; }
        public string? TypeText { get; }
        public HashSet<string>? Enum { get; }
        public string? EnumText { get; }
        public double? MinLength { get; }
        public double? MaxLength { get; }
        public string? Pattern { get; }
        public double? Minimum { get; }
        public double? Maximum { get; }
        public double? MinItems { get; }
        public double? MaxItems { get; }
        public bool HasItems { get; }
        public Node? Items { get; }
        public string[]? Required { get; }
        public Dictionary<string, Node?>? Properties { get; }

        /// <summary>The pattern, compiled on first use (so a pattern .NET cannot parse fails only where it is checked, as before).</summary>
        public Regex Regex => _regex ??= new Regex(Pattern!, RegexOptions.None, TimeSpan.FromMilliseconds(100));

        /// <summary>The component a <c>$ref</c> names (compiled on first use; components may refer to each other in cycles).</summary>
        public Node? Resolve()
        {
            if (!_isResolved)
            {
                _resolved = _contract.Schema(Ref!);
                _isResolved = true;
            }
            return _resolved;
        }

        public static Node? Compile(Contract contract, JsonElement s) => s.ValueKind == JsonValueKind.Object ? new Node(contract, s) : null;

        private static double? Num(JsonElement s, string key) =>
            s.TryGetProperty(key, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetDouble() : null;
    }

    private static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    private sealed class Contract
    {
        // The document stays alive for the process: the compiled nodes are built from elements pointing into it.
        private readonly JsonElement _schemas;
        private readonly ConcurrentDictionary<string, Node?> _compiled = new(StringComparer.Ordinal);

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

        /// <summary>The compiled component schema <paramref name="name"/> (a missing one throws, as a lookup in the JSON did).</summary>
        public Node? Schema(string name) => _compiled.TryGetValue(name, out var node) ? node : _compiled.GetOrAdd(name, Node.Compile(this, _schemas.GetProperty(name)));
    }
}
