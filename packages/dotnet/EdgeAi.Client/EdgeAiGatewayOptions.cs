using System.Text.Json;

namespace EdgeAi.Client;

/// <summary>
/// Routes model calls through Cloudflare AI Gateway (<c>{BaseUrl}/{account}/{Id}/workers-ai/...</c>) with its
/// <c>cf-aig-*</c> request headers; discovery stays on the REST API. Facts and sources: docs/ai-gateway.md.
/// </summary>
public sealed class EdgeAiGatewayOptions
{
    /// <summary>The gateway's name (its id in the URL).</summary>
    public string Id { get; set; } = "";

    /// <summary>Where AI Gateway lives; the emulator serves the same form at <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://gateway.ai.cloudflare.com/v1");

    /// <summary>Token of an authenticated gateway, sent as <c>cf-aig-authorization: Bearer …</c>; never logged.</summary>
    public string? Authorization { get; set; }

    /// <summary>Cache lifetime (<c>cf-aig-cache-ttl</c>, whole seconds; the gateway accepts 60 s to one month).</summary>
    public TimeSpan? CacheTtl { get; set; }

    /// <summary>Bypass the gateway cache (<c>cf-aig-skip-cache</c>).</summary>
    public bool? SkipCache { get; set; }

    /// <summary>Your own cache key (<c>cf-aig-cache-key</c>).</summary>
    public string? CacheKey { get; set; }

    /// <summary>Up to five string, number or boolean tags for the log entry (<c>cf-aig-metadata</c>, JSON).</summary>
    public IDictionary<string, object>? Metadata { get; set; }

    /// <summary>Overrides the gateway's log setting (<c>cf-aig-collect-log</c>).</summary>
    public bool? CollectLog { get; set; }

    /// <summary>Called with the gateway's answer headers of every call that went through it (errors included).</summary>
    public Action<GatewayResponseInfo>? OnResponse { get; set; }

    /// <summary>The <c>cf-aig-*</c> headers these settings stand for (without the authorization).</summary>
    public IReadOnlyDictionary<string, string> Headers()
    {
        var h = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (CacheTtl is { } ttl) h["cf-aig-cache-ttl"] = ((long)ttl.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (SkipCache is { } skip) h["cf-aig-skip-cache"] = skip ? "true" : "false";
        if (!string.IsNullOrEmpty(CacheKey)) h["cf-aig-cache-key"] = CacheKey;
        if (Metadata is { Count: > 0 }) h["cf-aig-metadata"] = JsonSerializer.Serialize(Metadata, EdgeAiJsonContext.Default.IDictionaryStringObject);
        if (CollectLog is { } log) h["cf-aig-collect-log"] = log ? "true" : "false";
        return h;
    }

    /// <summary>Prints the settings with the gateway token redacted.</summary>
    public override string ToString() =>
        $"EdgeAiGatewayOptions {{ Id = {Id}, BaseUrl = {BaseUrl}, Authorization = {(string.IsNullOrEmpty(Authorization) ? "(none)" : "[redacted]")} }}";
}

/// <summary>What AI Gateway said about one answer.</summary>
/// <param name="Status">HTTP status of the answer.</param>
/// <param name="CacheStatus"><c>cf-aig-cache-status</c>: HIT or MISS.</param>
/// <param name="LogId"><c>cf-aig-log-id</c>, absent when logging is off.</param>
/// <param name="EventId"><c>cf-aig-event-id</c>.</param>
public sealed record GatewayResponseInfo(int Status, string? CacheStatus, string? LogId, string? EventId);
