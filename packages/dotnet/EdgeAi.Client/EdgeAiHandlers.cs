using System.Net.Http.Headers;
using Polly.Timeout;

namespace EdgeAi.Client;

/// <summary>Adds the Bearer token; the only place that ever reads <see cref="EdgeAiClientOptions.ApiToken"/>.</summary>
internal sealed class BearerTokenHandler(Func<string> token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", token());
        return base.SendAsync(request, cancellationToken);
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
