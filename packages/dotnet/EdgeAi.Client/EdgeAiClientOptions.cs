namespace EdgeAi.Client;

/// <summary>
/// Settings of <c>AddEdgeAiClient</c>. The retry defaults mirror the
/// TypeScript client (2 retries, 0.5 s → 8 s exponential backoff with jitter, Retry-After honoured up to 60 s).
/// </summary>
public sealed class EdgeAiClientOptions
{
    /// <summary>The Cloudflare account id (32 hex characters); it becomes part of the base address.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>API token with Workers AI Read + Edit. Sent as a Bearer header; never logged or put in exceptions.</summary>
    public string ApiToken { get; set; } = "";

    /// <summary>API root without the account segment; point it at the local emulator in tests.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.cloudflare.com/client/v4");

    /// <summary>Retries after the first attempt (0 disables retrying).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay; doubles per retry, with jitter.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Longest backoff delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A server's Retry-After above this is ignored in favour of the backoff (a 10-minute wait is never what a caller wants).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed per attempt until the response headers arrive (streams then run as long as they last).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Route model calls through Cloudflare AI Gateway (null: straight to the REST API).</summary>
    public EdgeAiGatewayOptions? Gateway { get; set; }

    /// <summary>Model of the registered Microsoft.Extensions.AI <c>IChatClient</c> when <c>ChatOptions.ModelId</c> is unset.</summary>
    public string ChatModel { get; set; } = "@cf/meta/llama-3.1-8b-instruct-fast";

    /// <summary>Model of the registered <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> when no model is given.</summary>
    public string EmbeddingModel { get; set; } = "@cf/baai/bge-base-en-v1.5";

    /// <summary>The account-scoped base address the generated (relative) paths are resolved against.</summary>
    public Uri AccountBaseAddress =>
        new($"{BaseUrl.AbsoluteUri.TrimEnd('/')}/accounts/{Uri.EscapeDataString(AccountId)}/");

    /// <summary>Prints the settings with the token redacted, so logging the options object is safe.</summary>
    public override string ToString() =>
        $"EdgeAiClientOptions {{ AccountId = {AccountId}, ApiToken = {(ApiToken.Length > 0 ? "[redacted]" : "(empty)")}, BaseUrl = {BaseUrl}, MaxRetries = {MaxRetries} }}";
}
