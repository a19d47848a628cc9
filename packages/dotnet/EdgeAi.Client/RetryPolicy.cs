using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EdgeAi.Client;

/// <summary>
/// The retry decision, shared with the TypeScript client: connection failures, attempt timeouts and every answer
/// whose error code or status the error table generated from openapi/errors.yaml (ErrorTable.g.cs) marks retryable
/// (408, 409, 429 except 3036, 3040, 5xx). Other 4xx are never retried. Every retried answer waits its
/// Retry-After / retry-after-ms up to the cap, whatever its status, as in TypeScript.
/// </summary>
internal static class RetryPolicy
{
    public static HttpRetryStrategyOptions Create(EdgeAiClientOptions options) => new()
    {
        MaxRetryAttempts = Math.Max(options.MaxRetries, 0),
        BackoffType = DelayBackoffType.Exponential,
        Delay = options.InitialRetryDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => ShouldRetryAsync(args.Outcome, options.MaxRetryAfter, args.Context.CancellationToken),
        DelayGenerator = args => new ValueTask<TimeSpan?>(
            ServerDelay(args.Outcome.Result, options.MaxRetryAfter, DateTimeOffset.UtcNow)
            ?? Backoff(args.AttemptNumber, options.InitialRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble())),
    };

    /// <summary>
    /// The TypeScript (and Stainless) backoff: <c>min(initial × 2^retry, max) × (1 − rand × 0.25)</c>, so a retry
    /// never comes sooner than 75 % of the nominal delay (Polly's decorrelated jitter can go far below it).
    /// </summary>
    public static TimeSpan Backoff(int retriesSoFar, TimeSpan initial, TimeSpan max, double random)
    {
        var nominal = Math.Min(initial.TotalMilliseconds * Math.Pow(2, retriesSoFar), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(nominal * (1 - (random * 0.25)));
    }

    /// <summary>Whether an attempt's outcome is worth another attempt.</summary>
    /// <remarks>A server asking for a longer wait than <paramref name="maxRetryAfter"/> gets no retry: the error
    /// surfaces at once (with its Retry-After) so the caller can schedule it, as in the TypeScript client.</remarks>
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        var response = outcome.Result;
        if (response is null || response.IsSuccessStatusCode)
            return false;
        if (Hint(response, DateTimeOffset.UtcNow) is TimeSpan asked && asked > maxRetryAfter)
            return false;
        // `x-should-retry: true|false` lets the server overrule the status (Stainless convention, as in TypeScript).
        if (response.Headers.TryGetValues("x-should-retry", out var overrule))
        {
            var value = overrule.FirstOrDefault();
            if (value == "true")
                return true;
            if (value == "false")
                return false;
        }
        var body = await ReadBufferedAsync(response, cancellationToken).ConfigureAwait(false);
        return ErrorClassifier.Classify((int)response.StatusCode, body).Retryable;
    }

    /// <summary>
    /// The delay the server asked for (<c>retry-after-ms</c>, then <c>Retry-After</c> as seconds or an HTTP date),
    /// or null to use the backoff: also when the hint is negative or above <paramref name="cap"/>.
    /// </summary>
    public static TimeSpan? ServerDelay(HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now) =>
        response is not null && Hint(response, now) is TimeSpan d && d >= TimeSpan.Zero && d <= cap ? d : null;

    private static TimeSpan? Hint(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(millis);
        if (response.Headers.RetryAfter is RetryConditionHeaderValue ra)
            return ra.Delta ?? (ra.Date is DateTimeOffset at ? at - now : null);
        return null;
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
