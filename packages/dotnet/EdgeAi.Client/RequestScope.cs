namespace EdgeAi.Client;

/// <summary>
/// Carries a call's <see cref="EdgeAiRequestOptions"/> from the overload that takes it into NSwag's
/// <c>PrepareRequest</c>/<c>ProcessResponse</c> hooks (an <see cref="AsyncLocal{T}"/>, so concurrent calls never mix).
/// </summary>
internal static class RequestScope
{
    private static readonly AsyncLocal<EdgeAiRequestOptions?> CurrentOptions = new();
    private static readonly AsyncLocal<string?> CurrentRunPrefix = new();

    /// <summary>The options of the call running on this async flow, if any.</summary>
    public static EdgeAiRequestOptions? Current => CurrentOptions.Value;

    /// <summary>A model namespace other than <c>@cf</c> for the streaming operation's <c>/ai/run/@cf/{author}/{model}</c> path.</summary>
    public static string? RunPrefix => CurrentRunPrefix.Value;

    /// <summary>Runs <paramref name="call"/> with <paramref name="options"/> in scope and its <see cref="EdgeAiRequestOptions.Timeout"/> applied.</summary>
    public static async Task<T> RunAsync<T>(EdgeAiRequestOptions? options, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, string? runPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        CurrentOptions.Value = options;
        CurrentRunPrefix.Value = runPrefix;
        if (options?.Timeout is not TimeSpan timeout)
            return await call(cancellationToken).ConfigureAwait(false);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            return await call(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && cts.IsCancellationRequested)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Timeout, $"the call did not finish within its timeout ({timeout.TotalSeconds:0.###} s)", retryable: true, innerException: e);
        }
    }

    /// <summary>Adds the scoped headers to an outgoing request (the Bearer handler owns Authorization).</summary>
    public static void Apply(HttpRequestMessage request)
    {
        if (Current is not { } options) return;
        if (options.SessionAffinity is { Length: > 0 } affinity)
            request.Headers.TryAddWithoutValidation("x-session-affinity", affinity);
        foreach (var (name, value) in options.Headers)
        {
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)) continue;
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>Records the answer's metadata on the scoped options.</summary>
    public static void Record(HttpResponseMessage response)
    {
        if (Current is { } options) options.Response = EdgeAiResponseInfo.From(response);
    }
}
