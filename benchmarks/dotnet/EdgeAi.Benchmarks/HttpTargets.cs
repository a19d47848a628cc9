using System.ClientModel;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using EdgeAi.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

namespace EdgeAi.Benchmarks;

/// <summary>
/// The .NET clients, each as a <see cref="BenchTarget"/> on the same server (the TypeScript harness's replay
/// server): raw HttpClient + System.Text.Json, EdgeAi.Client as registered by <c>AddEdgeAiClient</c>, the
/// Microsoft.Extensions.AI adapter over it, the OpenAI .NET SDK. Every call sends the same message as the
/// TypeScript client suite and checks the answer it got.
/// </summary>
internal sealed class HttpTargets : IDisposable
{
    public const string Model = "@cf/meta/llama-3.1-8b-instruct-fast";
    public const string Message = "Say hello in five words.";
    private readonly ServiceProvider _services;
    private readonly HttpClient _raw;

    public HttpTargets(Uri baseUrl, string accountId, string apiToken, bool profile = false)
    {
        var api = baseUrl.ToString().TrimEnd('/');
        var services = new ServiceCollection();
        services.AddEdgeAiClient(o => { o.AccountId = accountId; o.ApiToken = apiToken; o.BaseUrl = baseUrl; });
        _services = services.BuildServiceProvider();
        var edge = _services.GetRequiredService<ITextGenerationClient>();
        var edgeOpenAi = _services.GetRequiredService<IOpenAICompatibleClient>();
        var meai = _services.GetRequiredService<IChatClient>();
        _raw = new HttpClient { BaseAddress = new Uri($"{api}/accounts/{accountId}/") };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        var openAi = new ChatClient(Model, new ApiKeyCredential(apiToken), new OpenAIClientOptions { Endpoint = new Uri($"{api}/accounts/{accountId}/ai/v1") });

        Targets =
        [
            new("HttpClient+STJ run", $"raw HttpClient PostAsJsonAsync /ai/run/{Model} + ReadFromJsonAsync (System.Text.Json source-generated types)", async () =>
            {
                using var response = await _raw.PostAsJsonAsync($"ai/run/{Model}", new RawRunInput([new RawMessage("user", Message)]), RawJson.Default.RawRunInput).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync(RawJson.Default.RawRunEnvelope).ConfigureAwait(false);
                Check(body?.Result?.Response);
            }),
            new("EdgeAi.Client run", $"ITextGenerationClient.Llama31x8bInstructFastAsync(new TextGenerationInput {{ Messages }}) from AddEdgeAiClient (validation, retries, timeouts on)", async () =>
            {
                var answer = await edge.Llama31x8bInstructFastAsync(new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = Message }] }).ConfigureAwait(false);
                Check(answer.Result?.Response);
            }),
            new("HttpClient+STJ chat", "raw HttpClient PostAsJsonAsync /ai/v1/chat/completions + ReadFromJsonAsync (System.Text.Json source-generated types)", async () =>
            {
                using var response = await _raw.PostAsJsonAsync("ai/v1/chat/completions", new RawChatRequest(Model, [new RawMessage("user", Message)]), RawJson.Default.RawChatRequest).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync(RawJson.Default.RawChatCompletion).ConfigureAwait(false);
                Check(body?.Choices is [{ Message.Content: var content }, ..] ? content : null);
            }),
            new("EdgeAi.Client chat", "IOpenAICompatibleClient.CreateChatCompletionAsync(new ChatCompletionRequest { Model, Messages }) from AddEdgeAiClient", async () =>
            {
                var answer = await edgeOpenAi.CreateChatCompletionAsync(new ChatCompletionRequest { Model = Model, Messages = [new EdgeAi.Client.ChatMessage { Role = "user", Content = Message }] }).ConfigureAwait(false);
                Check(answer.Choices[0].Message.Content);
            }),
            new("MEAI IChatClient chat", "Microsoft.Extensions.AI IChatClient.GetResponseAsync(message) (EdgeAiChatClient from AddEdgeAiClient, over the row above)", async () =>
            {
                var answer = await meai.GetResponseAsync(Message).ConfigureAwait(false);
                Check(answer.Text);
            }),
            new("OpenAI SDK chat", "OpenAI .NET SDK 2.15.0 ChatClient.CompleteChatAsync(new UserChatMessage(message)), Endpoint …/ai/v1", async () =>
            {
                var answer = await openAi.CompleteChatAsync([new UserChatMessage(Message)]).ConfigureAwait(false);
                Check(answer.Value.Content[0].Text);
            }),
        ];
        if (!profile) return;
        // Where EdgeAi.Client's time goes (--profile): the generated client without the DI handler pipeline, and
        // the raw call through the DI pipeline without the generated client.
        var bare = new TextGenerationClient(_raw);
        // The same registration with the handlers added after AddEdgeAiClient's own removed one kind at a time.
        ITextGenerationClient Without(Func<DelegatingHandler, bool> drop)
        {
            var sc = new ServiceCollection();
            sc.AddEdgeAiClient(o => { o.AccountId = accountId; o.ApiToken = apiToken; o.BaseUrl = baseUrl; })
                .ConfigureAdditionalHttpMessageHandlers((handlers, _) => { foreach (var h in handlers.Where(drop).ToList()) handlers.Remove(h); });
            return sc.BuildServiceProvider().GetRequiredService<ITextGenerationClient>();
        }
        var noResilience = Without(h => h.GetType().Name.Contains("Resilience", StringComparison.Ordinal));
        var noHandlers = Without(_ => true);
        var noToken = Without(h => h.GetType().Name == "BearerTokenHandler");
        var noTransport = Without(h => h.GetType().Name == "TransportErrorHandler");
        var noGateway = Without(h => h.GetType().Name == "GatewayHandler");
        var pipeline = _services.GetRequiredService<IHttpClientFactory>().CreateClient(EdgeAiServiceCollectionExtensions.HttpClientName);
        Targets =
        [
            .. Targets,
            new("profile: generated client, plain HttpClient", "", async () =>
            {
                var answer = await bare.Llama31x8bInstructFastAsync(new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = Message }] }).ConfigureAwait(false);
                Check(answer.Result?.Response);
            }),
            new("profile: EdgeAi.Client run without resilience", "", async () =>
            {
                var answer = await noResilience.Llama31x8bInstructFastAsync(new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = Message }] }).ConfigureAwait(false);
                Check(answer.Result?.Response);
            }),
            new("profile: EdgeAi.Client run without token handler", "", async () => Check((await noToken.Llama31x8bInstructFastAsync(new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = Message }] }).ConfigureAwait(false)).Result?.Response)),
            new("profile: EdgeAi.Client run without transport handler", "", async () => Check((await noTransport.Llama31x8bInstructFastAsync(new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = Message }] }).ConfigureAwait(false)).Result?.Response)),
            new("profile: EdgeAi.Client run without gateway handler", "", async () => Check((await noGateway.Llama31x8bInstructFastAsync(new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = Message }] }).ConfigureAwait(false)).Result?.Response)),
            new("profile: EdgeAi.Client run without added handlers", "", async () =>
            {
                var answer = await noHandlers.Llama31x8bInstructFastAsync(new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = Message }] }).ConfigureAwait(false);
                Check(answer.Result?.Response);
            }),
            new("profile: raw, bytes + Content-Length", "", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"ai/run/{Model}") { Content = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new RawRunInput([new RawMessage("user", Message)]), RawJson.Default.RawRunInput)) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _raw.SendAsync(request).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync(RawJson.Default.RawRunEnvelope).ConfigureAwait(false);
                Check(body?.Result?.Response);
            }),
            new("profile: raw, headers-read + bytes", "", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"ai/run/{Model}") { Content = JsonContent.Create(new RawRunInput([new RawMessage("user", Message)]), RawJson.Default.RawRunInput) };
                using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                Check(System.Text.Json.JsonSerializer.Deserialize(bytes, RawJson.Default.RawRunEnvelope)?.Result?.Response);
            }),
            new("profile: raw call, DI pipeline", "", async () =>
            {
                using var response = await pipeline.PostAsJsonAsync($"ai/run/{Model}", new RawRunInput([new RawMessage("user", Message)]), RawJson.Default.RawRunInput).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync(RawJson.Default.RawRunEnvelope).ConfigureAwait(false);
                Check(body?.Result?.Response);
            }),
        ];
    }

    public IReadOnlyList<BenchTarget> Targets { get; }

    private static void Check(string? text)
    {
        if (string.IsNullOrEmpty(text)) throw new InvalidOperationException("no answer text");
    }

    public void Dispose()
    {
        _services.Dispose();
        _raw.Dispose();
    }
}

internal sealed record RawMessage([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("content")] string Content);

internal sealed record RawRunInput([property: JsonPropertyName("messages")] RawMessage[] Messages);

internal sealed record RawRunResult([property: JsonPropertyName("response")] string? Response);

internal sealed record RawRunEnvelope([property: JsonPropertyName("result")] RawRunResult? Result, [property: JsonPropertyName("success")] bool Success);

internal sealed record RawChatRequest([property: JsonPropertyName("model")] string Model, [property: JsonPropertyName("messages")] RawMessage[] Messages);

internal sealed record RawChoice([property: JsonPropertyName("message")] RawMessage? Message);

internal sealed record RawChatCompletion([property: JsonPropertyName("choices")] RawChoice[]? Choices);

[JsonSerializable(typeof(RawRunInput))]
[JsonSerializable(typeof(RawRunEnvelope))]
[JsonSerializable(typeof(RawChatRequest))]
[JsonSerializable(typeof(RawChatCompletion))]
internal sealed partial class RawJson : JsonSerializerContext;
