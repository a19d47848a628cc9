using System.Net.Http.Headers;
using Polly.Timeout;

namespace EdgeAi.Client;

/// <summary>
/// Adds the Bearer token, the only place that ever reads <see cref="EdgeAiClientOptions.ApiToken"/>, and removes
/// it from error bodies (a proxy or a debug endpoint may echo request headers) before they can reach an exception.
/// </summary>
internal sealed class BearerTokenHandler(Func<string> token) : DelegatingHandler
{
    private const string Redacted = "[redacted]";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var secret = token();
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", secret);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || secret.Length == 0)
            return response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (body.Contains(secret, StringComparison.Ordinal))
        {
            var scrubbed = new StringContent(body.Replace(secret, Redacted, StringComparison.Ordinal));
            scrubbed.Headers.ContentType = response.Content.Headers.ContentType;
            response.Content = scrubbed;
        }
        return response;
    }
}

/// <summary>
/// Outermost handler: failures that never produced an answer (after the retries) become
/// <see cref="EdgeAiException"/> with kind <c>connection</c> or <c>timeout</c>. Caller cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class TransportErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Connection, $"connection failed: {e.Message}", retryable: true, innerException: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Timeout, $"no answer within {e.Timeout.TotalSeconds:0.###} s", retryable: true, innerException: e);
        }
    }
}
