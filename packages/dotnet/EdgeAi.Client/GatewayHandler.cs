namespace EdgeAi.Client;

/// <summary>
/// Rewrites model calls (<c>/accounts/{id}/ai/run/…</c>, <c>/accounts/{id}/ai/v1/…</c>) onto the AI Gateway URL
/// form and adds the gateway headers; other requests pass untouched. Idempotent, so a retried request that was
/// already rewritten is left as it is. Reports the gateway's answer headers to <see cref="EdgeAiGatewayOptions.OnResponse"/>.
/// </summary>
internal sealed class GatewayHandler(Func<EdgeAiGatewayOptions?> gateway) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var g = gateway();
        var target = g is null || string.IsNullOrEmpty(g.Id) || request.RequestUri is null ? null : Rewrite(request.RequestUri, g);
        // Without a gateway the request passes straight through (no async state machine on every call).
        return target is null ? base.SendAsync(request, cancellationToken) : SendThroughGatewayAsync(request, target, g!, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendThroughGatewayAsync(HttpRequestMessage request, Uri target, EdgeAiGatewayOptions g, CancellationToken cancellationToken)
    {
        request.RequestUri = target;
        foreach (var (name, value) in g.Headers())
            if (!request.Headers.Contains(name))
                request.Headers.TryAddWithoutValidation(name, value);
        if (!string.IsNullOrEmpty(g.Authorization) && !request.Headers.Contains("cf-aig-authorization"))
            request.Headers.TryAddWithoutValidation("cf-aig-authorization", $"Bearer {g.Authorization}");

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        g.OnResponse?.Invoke(new GatewayResponseInfo((int)response.StatusCode, Header(response, "cf-aig-cache-status"), Header(response, "cf-aig-log-id"), Header(response, "cf-aig-event-id")));
        return response;
    }

    /// <summary>The gateway URL for an API URL, or null for a request the gateway does not serve.</summary>
    internal static Uri? Rewrite(Uri uri, EdgeAiGatewayOptions g)
    {
        var path = uri.AbsolutePath;
        var accounts = path.IndexOf("/accounts/", StringComparison.Ordinal);
        if (accounts < 0)
            return null;
        var afterAccounts = path[(accounts + "/accounts/".Length)..];
        var slash = afterAccounts.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return null;
        var account = afterAccounts[..slash];
        var rest = afterAccounts[slash..];
        string below;
        if (rest.StartsWith("/ai/run/", StringComparison.Ordinal))
            below = rest["/ai/run/".Length..];
        else if (rest.StartsWith("/ai/v1/", StringComparison.Ordinal))
            below = "v1/" + rest["/ai/v1/".Length..];
        else
            return null;
        var root = g.BaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{account}/{Uri.EscapeDataString(g.Id)}/workers-ai/{below}{uri.Query}");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
