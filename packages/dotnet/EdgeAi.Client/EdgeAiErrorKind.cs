namespace EdgeAi.Client;

/// <summary>
/// Stable, language-neutral names of error categories. The TypeScript client and the conformance table use the
/// same strings, so logs and dashboards can group failures across languages.
/// </summary>
/// <remarks>
/// The TypeScript kind <c>abort</c> has no exception here: a cancelled call surfaces as the usual
/// <see cref="OperationCanceledException"/>, which ASP.NET Core and every .NET caller already expect.
/// </remarks>
public static class EdgeAiErrorKind
{
    /// <summary>401 or code 10000: the token is missing, malformed or revoked.</summary>
    public const string Authentication = "authentication";
    /// <summary>403: the token or account may not do this (plan, licence, private model).</summary>
    public const string Permission = "permission";
    /// <summary>404, or an unknown model / unroutable URL (5007, 3042, 7000, 7003).</summary>
    public const string NotFound = "not_found";
    /// <summary>413 / 3006: the request body is too large.</summary>
    public const string TooLarge = "too_large";
    /// <summary>429 without a more specific code: wait for Retry-After.</summary>
    public const string RateLimited = "rate_limited";
    /// <summary>3040: out of capacity right now; retryable.</summary>
    public const string Capacity = "capacity";
    /// <summary>3036: the daily free allocation is used up; never retried (resets 00:00 UTC).</summary>
    public const string QuotaExhausted = "quota_exhausted";
    /// <summary>408, 3007/3008, or the client-side attempt timeout.</summary>
    public const string Timeout = "timeout";
    /// <summary>Any other 4xx: the input is invalid for this model.</summary>
    public const string BadRequest = "bad_request";
    /// <summary>5xx, including a proxy's HTML 502.</summary>
    public const string Server = "server";
    /// <summary>The connection failed or was reset before an answer arrived.</summary>
    public const string Connection = "connection";
    /// <summary>Reserved for parity with TypeScript; .NET throws <see cref="OperationCanceledException"/> instead.</summary>
    public const string Abort = "abort";
    /// <summary>A 2xx answer whose body does not match the contract.</summary>
    public const string Validation = "validation";
    /// <summary>An event stream broke off or carried an unreadable event.</summary>
    public const string Stream = "stream";
}
