using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EdgeAi.Client;

/// <summary>
/// The retry decision, shared with the TypeScript client: connection failures, attempt timeouts and every answer
/// whose error code or status the contract's error table marks retryable (408, 409, 429 except 3036, 3040, 5xx).
/// Other 4xx are never retried.
/// </summary>
internal static class RetryPolicy
{
    public static HttpRetryStrategyOptions Create(EdgeAiClientOptions options) => new()
    {
        MaxRetryAttempts = Math.Max(options.MaxRetries, 0),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.InitialRetryDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
        DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome.Result, options.MaxRetryAfter, DateTimeOffset.UtcNow)),
    };

    /// <summary>Whether an attempt's outcome is worth another attempt.</summary>
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        var response = outcome.Result;
        if (response is null || response.IsSuccessStatusCode)
            return false;
        var body = await ReadBufferedAsync(response, cancellationToken).ConfigureAwait(false);
        return ErrorClassifier.Classify((int)response.StatusCode, body).Retryable;
    }

    /// <summary>
    /// The delay the server asked for (<c>retry-after-ms</c>, then <c>Retry-After</c> as seconds or an HTTP date),
    /// or null to use the backoff: also when the hint is negative or above <paramref name="cap"/>.
    /// </summary>
    public static TimeSpan? ServerDelay(HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now)
    {
        if (response is null)
            return null;
        TimeSpan? hint = null;
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            hint = TimeSpan.FromMilliseconds(millis);
        else if (response.Headers.RetryAfter is RetryConditionHeaderValue ra)
            hint = ra.Delta ?? (ra.Date is DateTimeOffset at ? at - now : null);
        return hint is TimeSpan d && d >= TimeSpan.Zero && d <= cap ? d : null;
    }

    /// <summary>Error bodies are small; buffering them lets the generated client read them again afterwards.</summary>
    private static async Task<string?> ReadBufferedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#endif
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
