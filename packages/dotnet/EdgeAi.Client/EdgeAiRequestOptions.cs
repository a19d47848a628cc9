namespace EdgeAi.Client;

/// <summary>
/// Per-call extras for any generated operation: pass it to the overload that takes it (for example
/// <c>chat.Llama31x8bInstructFastAsync(input, new EdgeAiRequestOptions { SessionAffinity = "user-42" }, ct)</c>).
/// After the call, <see cref="Response"/> describes the HTTP answer (status, <c>cf-ray</c>, rate limit).
/// One instance per call: the options object is where that call's response metadata lands.
/// </summary>
public sealed class EdgeAiRequestOptions
{
    /// <summary>Sent as <c>x-session-affinity</c>: routes a conversation's requests to the same instance (prefix caching).</summary>
    public string? SessionAffinity { get; set; }

    /// <summary>Extra request headers (for example AI Gateway or tracing headers). <c>Authorization</c> is ignored here.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Total time for this call, retries included; when it passes, the call throws <see cref="EdgeAiException"/> of kind
    /// <see cref="EdgeAiErrorKind.Timeout"/>. <c>null</c> keeps the client's per-attempt timeout only.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The last HTTP answer of this call (set on success and on API errors); <c>null</c> before the call.</summary>
    public EdgeAiResponseInfo? Response { get; internal set; }
}
