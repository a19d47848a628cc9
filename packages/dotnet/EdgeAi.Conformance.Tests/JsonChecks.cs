using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// The scenario <c>checks</c> language, evaluated on the JSON form of a result. A line-for-line port of
/// conformance/src/json-checks.ts: paths of dotted keys, <c>[n]</c> and <c>[*]</c>; type, equals, oneOf, length and
/// number bounds, pattern, base64 magic bytes, absent. Both runners must judge a result alike.
/// </summary>
public static partial class JsonChecks
{
    private abstract record Segment;
    private sealed record Key(string Name) : Segment;
    private sealed record Index(int At) : Segment;
    private sealed record All : Segment;

    private static List<Segment> ParsePath(string path)
    {
        var segments = new List<Segment>();
        var pos = 0;
        var expectKey = true;
        while (pos < path.Length)
        {
            var m = PathToken().Match(path, pos);
            if (!m.Success || m.Index != pos)
                throw new FormatException($"bad path \"{path}\" at offset {pos}");
            if (m.Groups[1].Success)
            {
                if (!expectKey)
                    throw new FormatException($"bad path \"{path}\": missing \".\" before \"{m.Groups[1].Value}\"");
                segments.Add(new Key(m.Groups[1].Value));
                expectKey = false;
            }
            else if (m.Groups[2].Success)
            {
                segments.Add(m.Groups[2].Value == "*" ? new All() : new Index(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
                expectKey = false;
            }
            else
            {
                expectKey = true;
            }
            pos += m.Length;
        }
        return segments;
    }

    /// <summary>Every value the path reaches with its concrete path; missing values are reported as not found.</summary>
    private static List<(string At, bool Found, JsonNode? Value)> Select(JsonNode? root, string path)
    {
        var current = new List<(string At, bool Found, JsonNode? Value)> { ("", true, root) };
        foreach (var seg in ParsePath(path))
        {
            var next = new List<(string, bool, JsonNode?)>();
            foreach (var (at, found, value) in current)
            {
                switch (seg)
                {
                    case Key k:
                        var hasKey = found && value is JsonObject o && o.ContainsKey(k.Name);
                        next.Add((at.Length > 0 ? $"{at}.{k.Name}" : k.Name, hasKey, hasKey ? ((JsonObject)value!)[k.Name] : null));
                        break;
                    case Index i:
                        var inRange = found && value is JsonArray a && i.At < a.Count;
                        next.Add(($"{at}[{i.At}]", inRange, inRange ? ((JsonArray)value!)[i.At] : null));
                        break;
                    default:
                        if (found && value is JsonArray arr && arr.Count > 0)
                            for (var j = 0; j < arr.Count; j++) next.Add(($"{at}[{j}]", true, arr[j]));
                        else
                            next.Add(($"{at}[*]", false, null));
                        break;
                }
            }
            current = next;
        }
        return current;
    }

    private static string TypeOf(JsonNode? v) => v switch
    {
        null => "null",
        JsonArray => "array",
        JsonObject => "object",
        JsonValue val => val.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "null",
    };

    private static double? Number(JsonNode? v) =>
        v is JsonValue val && val.GetValueKind() == JsonValueKind.Number ? val.GetValue<double>() : null;

    private static bool MatchesType(JsonNode? v, string type) =>
        type == "integer" ? Number(v) is double d && Math.Floor(d) == d && !double.IsInfinity(d) : TypeOf(v) == type;

    private static string Show(JsonNode? v) => v is null ? "null" : v.ToJsonString();

    private static List<string> CheckOne(string at, bool found, JsonNode? v, JsonObject c)
    {
        var where = at.Length > 0 ? at : "(root)";
        var absentValue = !found || v is null;
        if (c.ContainsKey("absent"))
            return absentValue ? [] : [$"{where}: expected absent, got {Show(v)}"];
        if (!found)
            return [$"{where}: missing"];
        var o = new List<string>();
        if (c["type"]?.GetValue<string>() is string type && !MatchesType(v, type))
            o.Add($"{where}: expected {type}, got {TypeOf(v)}");
        if (c.ContainsKey("equals") && !JsonNode.DeepEquals(Normalize(v), Normalize(c["equals"])))
            o.Add($"{where}: expected {Show(c["equals"])}, got {Show(v)}");
        if (c["oneOf"] is JsonArray options && !options.Any(x => JsonNode.DeepEquals(Normalize(v), Normalize(x))))
            o.Add($"{where}: {Show(v)} is not one of {Show(options)}");
        int? length = v is JsonArray arr ? arr.Count : TypeOf(v) == "string" ? v!.GetValue<string>().Length : null;
        if (c["minLength"] is JsonNode minL && (length is null || length < minL.GetValue<int>()))
            o.Add($"{where}: length {length?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} < {minL.GetValue<int>()}");
        if (c["maxLength"] is JsonNode maxL && (length is null || length > maxL.GetValue<int>()))
            o.Add($"{where}: length {length?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} > {maxL.GetValue<int>()}");
        if (c["minimum"] is JsonNode min && !(Number(v) is double n1 && n1 >= min.GetValue<double>()))
            o.Add($"{where}: {Show(v)} < {min.ToJsonString()}");
        if (c["maximum"] is JsonNode max && !(Number(v) is double n2 && n2 <= max.GetValue<double>()))
            o.Add($"{where}: {Show(v)} > {max.ToJsonString()}");
        if (c["pattern"]?.GetValue<string>() is string pattern && !(TypeOf(v) == "string" && Regex.IsMatch(v!.GetValue<string>(), pattern)))
            o.Add($"{where}: {Show(v)} does not match /{pattern}/");
        if (c["base64MagicHex"]?.GetValue<string>() is string magic && !Base64StartsWith(v, magic))
            o.Add($"{where}: not base64 starting with bytes {magic}");
        return o;
    }

    /// <summary>Numbers compare by value (1 == 1.0), as in JavaScript.</summary>
    private static JsonNode? Normalize(JsonNode? v) => v switch
    {
        JsonValue val when val.GetValueKind() == JsonValueKind.Number => JsonValue.Create(val.GetValue<double>()),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        JsonObject o => new JsonObject(o.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, Normalize(kv.Value)))),
        _ => v?.DeepClone(),
    };

    private static bool Base64StartsWith(JsonNode? v, string magicHex)
    {
        if (TypeOf(v) != "string")
            return false;
        try
        {
            var bytes = Convert.FromBase64String(v!.GetValue<string>());
            var want = Convert.FromHexString(magicHex);
            return bytes.Length >= want.Length && bytes.AsSpan(0, want.Length).SequenceEqual(want);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Runs every check against <paramref name="root"/>; one message per failure (empty = all passed).</summary>
    public static IReadOnlyList<string> Run(JsonNode? root, IEnumerable<JsonObject> checks) =>
        [.. checks.SelectMany(c => Select(root, c["path"]!.GetValue<string>()).SelectMany(s => CheckOne(s.At, s.Found, s.Value, c)))];

    [GeneratedRegex(@"\G(?:([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\*)\]|(\.))")]
    private static partial Regex PathToken();
}
