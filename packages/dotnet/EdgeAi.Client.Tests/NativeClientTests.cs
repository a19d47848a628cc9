using System.Text.Json.Serialization;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeAi.Client.Tests;

/// <summary>What makes the shipped client feel like a .NET library: options, metadata, paging, configuration.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class NativeClientTests(EmulatorFixture emulator) : IDisposable
{
    private const string Model = "@cf/meta/llama-3.1-8b-instruct-fast";
    private readonly ServiceProvider _services = ClientFactory.Create(emulator);

    public void Dispose() => _services.Dispose();

    [Fact]
    public void When_the_public_surface_is_reflected_then_no_member_or_parameter_name_has_an_underscore()
    {
        var types = typeof(EdgeAiException).Assembly.GetExportedTypes();
        var offenders = types
            .SelectMany(t => t.GetMembers().Where(m => m.DeclaringType == t).Select(m => $"{t.Name}.{m.Name}"))
            .Concat(types.SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t).SelectMany(m => m.GetParameters().Select(p => $"{t.Name}.{m.Name}({p.Name})"))))
            .Where(n => n.Split('.', 2)[1].Contains('_', StringComparison.Ordinal) && !n.Contains(".get_", StringComparison.Ordinal) && !n.Contains(".set_", StringComparison.Ordinal)
                && !n.Contains(".add_", StringComparison.Ordinal) && !n.Contains(".remove_", StringComparison.Ordinal) && !n.Contains("op_", StringComparison.Ordinal) && !n.EndsWith(".value__", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
        Assert.Equal(typeof(string), typeof(TextGenerationResult).GetProperty(nameof(TextGenerationResult.Response))!.PropertyType);
    }

    [Fact]
    public async Task When_options_carry_session_affinity_and_headers_then_the_call_succeeds_and_reports_its_metadata()
    {
        var chat = _services.GetRequiredService<ITextGenerationClient>();
        var options = new EdgeAiRequestOptions { SessionAffinity = "user-42" };
        options.Headers["x-trace"] = "abc";

        var answer = await chat.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "Hi", MaxTokens = 8 }, options);

        Assert.False(string.IsNullOrEmpty(answer.Result!.Response));
        Assert.Equal(200, options.Response!.StatusCode);
        Assert.NotNull(options.Response.RateLimit);
        Assert.Equal("default", options.Response.RateLimit!.Policy);
    }

    [Fact]
    public async Task When_the_per_call_timeout_passes_then_a_timeout_error_is_thrown()
    {
        using var services = ClientFactory.Create(emulator, o => o.MaxRetries = 0);
        var chat = services.GetRequiredService<ITextGenerationClient>();
        var options = new EdgeAiRequestOptions { Timeout = TimeSpan.FromMilliseconds(100) };
        options.Headers["x-emulator-fault"] = "slow-first-byte:2000";

        var e = await Assert.ThrowsAsync<EdgeAiException>(() => chat.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "Hi" }, options));

        Assert.Equal(EdgeAiErrorKind.Timeout, e.Kind);
    }

    [Fact]
    public async Task When_the_answer_is_json_mode_then_it_reads_as_a_typed_object()
    {
        var chat = _services.GetRequiredService<ITextGenerationClient>();
        var schema = new Dictionary<string, object>
        {
            ["type"] = "object",
            ["properties"] = new Dictionary<string, object> { ["city"] = new Dictionary<string, object> { ["type"] = "string" } },
            ["required"] = new[] { "city" },
        };
        var answer = await chat.Llama33x70bInstructFp8FastAsync(new TextGenerationJsonModeBatchableInput
        {
            Messages = [new TextGenerationJsonModeBatchableInputMessagesItem { Role = "user", Content = "A city?" }],
            ResponseFormat = new TextGenerationJsonModeBatchableInputResponseFormat { Type = TextGenerationJsonModeBatchableInputResponseFormatType.JsonSchema, JsonSchema = schema },
        });

        var city = answer.Result!.ReadResponseAs(TestJson.Default.City);
        Assert.False(string.IsNullOrEmpty(city.Name));
    }

    [Fact]
    public async Task When_all_models_are_searched_then_every_page_is_walked_once()
    {
        var models = _services.GetRequiredService<IModelsClient>();
        var firstPageOnly = await models.SearchModelsAsync(page: 1, perPage: 100);

        var all = new List<Model>();
        await foreach (var m in models.SearchAllModelsAsync(pageSize: 7))
            all.Add(m);

        Assert.True(all.Count > 7, "more than one page");
        Assert.Equal(all.Count, all.Select(m => m.Name).Distinct().Count());
        Assert.Equal(firstPageOnly.ResultInfo?.TotalCount ?? firstPageOnly.Result.Count, all.Count);
    }

    [Fact]
    public async Task When_an_hf_model_streams_then_deltas_arrive()
    {
        var chat = _services.GetRequiredService<ITextGenerationClient>();
        var text = new System.Text.StringBuilder();
        await foreach (var delta in chat.StreamTextAsync("@hf/nousresearch/hermes-2-pro-mistral-7b", new TextGenerationInput { Prompt = "Hi", MaxTokens = 8 }))
            text.Append(delta);
        Assert.True(text.Length > 0);
    }

    [Fact]
    public void When_configuration_misses_the_token_then_start_up_validation_names_the_key()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["EdgeAi:AccountId"] = "not-hex" }).Build();
        var services = new ServiceCollection();
        services.AddEdgeAiClient(config.GetSection("EdgeAi"));
        using var sp = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("EdgeAi:ApiToken is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("EdgeAi:AccountId must be 32 hex characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_two_accounts_are_configured_then_keyed_clients_call_their_own_account()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EdgeAi:AccountId"] = ClientFactory.Account,
            ["EdgeAi:ApiToken"] = "token-a",
            ["EdgeAi:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["EdgeAiEu:AccountId"] = "ffffffffffffffffffffffffffffffff",
            ["EdgeAiEu:ApiToken"] = "token-b",
            ["EdgeAiEu:BaseUrl"] = emulator.BaseUrl.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddEdgeAiClient(config.GetSection("EdgeAi"));
        services.AddEdgeAiClient("eu", config.GetSection("EdgeAiEu"));
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<IStartupValidator>().Validate();

        var eu = sp.GetRequiredKeyedService<ITextGenerationClient>("eu");
        var options = new EdgeAiRequestOptions();
        var answer = await eu.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "Hi", MaxTokens = 4 }, options);

        Assert.True(answer.Success);
        var http = sp.GetRequiredService<IHttpClientFactory>();
        Assert.EndsWith("/accounts/ffffffffffffffffffffffffffffffff/", http.CreateClient(EdgeAiServiceCollectionExtensions.HttpClientNameFor("eu")).BaseAddress!.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith($"/accounts/{ClientFactory.Account}/", http.CreateClient(EdgeAiServiceCollectionExtensions.HttpClientName).BaseAddress!.AbsoluteUri, StringComparison.Ordinal);
    }
}

public sealed record City([property: JsonPropertyName("city")] string Name);

[JsonSerializable(typeof(City))]
internal sealed partial class TestJson : JsonSerializerContext;
