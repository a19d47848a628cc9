using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace EdgeAi.Client;

/// <summary>Registers the Workers AI clients with HttpClientFactory.</summary>
public static class EdgeAiServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient every generated client of the default registration uses.</summary>
    public const string HttpClientName = "EdgeAi";

    /// <summary>
    /// Registers every generated client (<see cref="ITextGenerationClient"/>, <see cref="ITextEmbeddingsClient"/>, …),
    /// the Microsoft.Extensions.AI adapters, on one HttpClient with the Bearer token, the retry policy of the
    /// TypeScript client and typed errors. The options are checked when the host starts (<c>ValidateOnStart</c>).
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddEdgeAiClient(o =>
    /// {
    ///     o.AccountId = builder.Configuration["Cloudflare:AccountId"]!;
    ///     o.ApiToken = builder.Configuration["Cloudflare:ApiToken"]!;
    /// });
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HttpClient builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddEdgeAiClient(this IServiceCollection services, Action<EdgeAiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddEdgeAiClientCore(name: null, o => o.Configure(configure));
    }

    /// <summary>
    /// Registers the clients from a configuration section (for example <c>configuration.GetSection("EdgeAi")</c> with
    /// <c>AccountId</c>, <c>ApiToken</c>, optional <c>BaseUrl</c>, <c>MaxRetries</c>, <c>AttemptTimeout</c>…). A missing or
    /// malformed value stops the host at start-up with a message naming the configuration key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <see cref="EdgeAiClientOptions"/>.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddEdgeAiClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddEdgeAiClientCore(name: null, o => o.Bind(section), SectionPath(section));
    }

    /// <summary>
    /// Registers a second (third…) account under <paramref name="name"/>: every client is then a keyed service, e.g.
    /// <c>sp.GetRequiredKeyedService&lt;ITextGenerationClient&gt;("eu")</c> or <c>[FromKeyedServices("eu")]</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key of this account's clients and options.</param>
    /// <param name="section">The section holding this account's <see cref="EdgeAiClientOptions"/>.</param>
    /// <returns>The HttpClient builder of this account.</returns>
    public static IHttpClientBuilder AddEdgeAiClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(section);
        return services.AddEdgeAiClientCore(name, o => o.Bind(section), SectionPath(section));
    }

    /// <summary>Registers a named account configured in code (see <see cref="AddEdgeAiClient(IServiceCollection, string, IConfiguration)"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key of this account's clients and options.</param>
    /// <param name="configure">Sets this account's options.</param>
    /// <returns>The HttpClient builder of this account.</returns>
    public static IHttpClientBuilder AddEdgeAiClient(this IServiceCollection services, string name, Action<EdgeAiClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddEdgeAiClientCore(name, o => o.Configure(configure));
    }

    /// <summary>The HttpClient name of a registration (<see cref="HttpClientName"/>, or <c>EdgeAi:{name}</c>).</summary>
    /// <param name="name">The registration's key, or <c>null</c> for the default one.</param>
    /// <returns>The HttpClient name.</returns>
    public static string HttpClientNameFor(string? name) => name is null ? HttpClientName : $"{HttpClientName}:{name}";

    private static IHttpClientBuilder AddEdgeAiClientCore(this IServiceCollection services, string? name, Action<OptionsBuilder<EdgeAiClientOptions>> configure, string? configPath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsName = name ?? Microsoft.Extensions.Options.Options.DefaultName;
        var builderOptions = services.AddOptions<EdgeAiClientOptions>(optionsName);
        configure(builderOptions);
        builderOptions.ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeAiClientOptions>>(new EdgeAiClientOptionsValidator(optionsName, configPath));

        var clientName = HttpClientNameFor(name);
        EdgeAiClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<EdgeAiClientOptions>>().Get(optionsName);
        var builder = services.AddHttpClient(clientName, (sp, http) =>
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

        HttpClient Http(IServiceProvider sp) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);
        if (name is null) GeneratedClients.Register(services, Http);
        else GeneratedClients.RegisterKeyed(services, name, Http);
        AiAdapters.Register(services, name);
        return builder;
    }

    private static string? SectionPath(IConfiguration section) => (section as IConfigurationSection)?.Path;
}

/// <summary>Start-up checks of <see cref="EdgeAiClientOptions"/> with messages that name the configuration key to fix.</summary>
internal sealed class EdgeAiClientOptionsValidator(string name, string? configPath) : IValidateOptions<EdgeAiClientOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, EdgeAiClientOptions options)
    {
        if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
            return ValidateOptionsResult.Skip;
        string Key(string property) => configPath is null ? $"EdgeAiClientOptions.{property}" : $"{configPath}:{property}";
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AccountId))
            failures.Add($"{Key("AccountId")} is required: the Cloudflare account id (32 hex characters, dashboard → Workers AI).");
        else if (options.AccountId.Length != 32 || !options.AccountId.All(Uri.IsHexDigit))
            failures.Add($"{Key("AccountId")} must be 32 hex characters (got {options.AccountId.Length} characters).");
        if (string.IsNullOrWhiteSpace(options.ApiToken))
            failures.Add($"{Key("ApiToken")} is required: an API token with Workers AI Read and Edit (keep it in user secrets or the environment).");
        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri)
            failures.Add($"{Key("BaseUrl")} must be an absolute URL (default https://api.cloudflare.com/client/v4).");
        if (options.MaxRetries is < 0 or > 10)
            failures.Add($"{Key("MaxRetries")} must be between 0 and 10 (got {options.MaxRetries}).");
        if (options.AttemptTimeout <= TimeSpan.Zero)
            failures.Add($"{Key("AttemptTimeout")} must be positive (got {options.AttemptTimeout}).");
        if (options.InitialRetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.InitialRetryDelay)
            failures.Add($"{Key("InitialRetryDelay")}/{Key("MaxRetryDelay")} must satisfy 0 <= initial <= max.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
