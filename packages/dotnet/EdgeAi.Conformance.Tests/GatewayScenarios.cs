using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAi.Client;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// The AI Gateway scenarios (conformance/gateway, same schema as conformance/scenarios): the gateway settings of a
/// scenario's call become <see cref="EdgeAiClientOptions.Gateway"/>, the answer headers of each run are captured per
/// fault key, and <c>expect.gateway</c> is judged against the last run's (docs/ai-gateway.md).
/// </summary>
public static class GatewayScenarios
{
    private static readonly Lazy<IReadOnlyList<(Scenario Scenario, JsonObject Raw)>> All = new(Load);
    private static readonly ConcurrentDictionary<string, GatewayResponseInfo> LastSeen = new(StringComparer.Ordinal);

    /// <summary>Every gateway scenario, files in ordinal name order.</summary>
    public static IReadOnlyList<Scenario> Scenarios => [.. All.Value.Select(s => s.Scenario)];

    private static JsonObject? RawCall(string id) =>
        All.Value.FirstOrDefault(s => s.Scenario.Id == id).Raw?["call"] as JsonObject;

    /// <summary>How many times the scenario's call is made (<c>call.repeat</c>, default 1).</summary>
    public static int Repeat(string id) => RawCall(id)?["repeat"]?.GetValue<int>() ?? 1;

    /// <summary>The gateway option for a scenario's client (null when the scenario is not a gateway scenario).</summary>
    public static EdgeAiGatewayOptions? OptionsFor(string id, Uri emulatorBaseUrl, string faultKey)
    {
        if (RawCall(id)?["gateway"] is not JsonObject g)
            return null;
        return new EdgeAiGatewayOptions
        {
            Id = g["id"]!.GetValue<string>(),
            BaseUrl = new Uri(new Uri(emulatorBaseUrl.GetLeftPart(UriPartial.Authority)), "/v1"),
            Authorization = g["authorization"]?.GetValue<string>(),
            CacheTtl = g["cacheTtl"] is { } ttl ? TimeSpan.FromSeconds(ttl.GetValue<int>()) : null,
            SkipCache = g["skipCache"]?.GetValue<bool>(),
            CacheKey = g["cacheKey"]?.GetValue<string>(),
            CollectLog = g["collectLog"]?.GetValue<bool>(),
            OnResponse = info => LastSeen[faultKey] = info,
        };
    }

    /// <summary>Every way the last answer's gateway headers differ from <c>expect.gateway</c>.</summary>
    public static List<string> Evaluate(string id, string faultKey)
    {
        var failures = new List<string>();
        if (All.Value.FirstOrDefault(s => s.Scenario.Id == id).Raw?["expect"]?["gateway"] is not JsonObject want)
            return failures;
        if (!LastSeen.TryGetValue(faultKey, out var info))
            return ["gateway: no answer went through the gateway"];
        if (want["cacheStatus"]?.GetValue<string>() is { } status && info.CacheStatus != status)
            failures.Add($"gateway cache status: expected {status}, got {info.CacheStatus ?? "none"}");
        if (want["logId"]?.GetValue<bool>() is { } logId && (info.LogId is not null) != logId)
            failures.Add($"gateway log id: expected {(logId ? "one" : "none")}, got {info.LogId ?? "none"}");
        return failures;
    }

    private static List<(Scenario, JsonObject)> Load()
    {
        var dir = Path.Combine(ScenarioSource.ConformanceDir, "gateway");
        var list = new List<(Scenario, JsonObject)>();
        foreach (var path in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            var parsed = JsonSerializer.Deserialize<ScenarioFile>(text, ScenarioJson.Options) ?? throw new InvalidDataException($"{path}: empty");
            var raw = (JsonNode.Parse(text)!["scenarios"] as JsonArray)!;
            for (var i = 0; i < parsed.Scenarios.Count; i++)
                list.Add((parsed.Scenarios[i] with { File = Path.GetFileName(path) }, raw[i]!.AsObject()));
        }
        return list;
    }
}
