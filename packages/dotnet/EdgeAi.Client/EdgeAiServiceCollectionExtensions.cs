using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace EdgeAi.Client;

/// <summary>Registers the Workers AI clients with HttpClientFactory.</summary>
public static class EdgeAiServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient every generated client uses (add handlers to it via the returned builder).</summary>
    public const string HttpClientName = "EdgeAi";

    /// <summary>
    /// Registers every generated client (<see cref="ITextGenerationClient"/>, <see cref="ITextEmbeddingsClient"/>, …)
    /// on one HttpClient with the Bearer token, the retry policy of the TypeScript client and typed errors.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddEdgeAiClient(o =>
    /// {
    ///     o.AccountId = builder.Configuration["Cloudflare:AccountId"]!;
    ///     o.ApiToken = builder.Configuration["Cloudflare:ApiToken"]!;
    /// });
    /// // later: ITextGenerationClient chat = sp.GetRequiredService&lt;ITextGenerationClient&gt;();
    /// </code>
    /// </example>
    /// <returns>The HttpClient builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddEdgeAiClient(this IServiceCollection services, Action<EdgeAiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EdgeAiClientOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.AccountId), "EdgeAiClientOptions.AccountId is required")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiToken), "EdgeAiClientOptions.ApiToken is required");

        var builder = services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                http.BaseAddress = Options(sp).AccountBaseAddress;
                // Per-attempt timeouts live in the resilience pipeline; a total timeout would cut long streams.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RedactLoggedHeaders(h => h.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                || h.StartsWith("X-Auth-", StringComparison.OrdinalIgnoreCase)
                || h.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
                || h.Equals("cf-aig-authorization", StringComparison.OrdinalIgnoreCase))
            .AddHttpMessageHandler(() => new TransportErrorHandler())
            .AddHttpMessageHandler(sp => new BearerTokenHandler(() => Options(sp).ApiToken))
            .AddHttpMessageHandler(sp => new GatewayHandler(() => Options(sp).Gateway));
        builder.AddResilienceHandler("edge-ai", (pipeline, context) =>
        {
            var options = Options(context.ServiceProvider);
            if (options.MaxRetries > 0)
                pipeline.AddRetry(RetryPolicy.Create(options));
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        });

        GeneratedClients.Register(services, sp => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName));
        return builder;
    }

    private static EdgeAiClientOptions Options(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<EdgeAiClientOptions>>().Value;
}
