using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EdgeAi.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

namespace EdgeAi.Benchmarks;

/// <summary>
/// <c>--only micro</c>: each client's own CPU cost per call, with no network. Every HttpClient answers from memory
/// with the bytes the replay server gave for that route, so what is left is request building, validation,
/// handlers, deserialisation. A profiling aid for changes to the client, not part of the report.
/// </summary>
internal static class Micro
{
    public static async Task RunAsync(Uri baseUrl, string accountId, string apiToken, int iterations, int rounds)
    {
        var api = baseUrl.ToString().TrimEnd('/');
        using var probe = new HttpClient { BaseAddress = new Uri($"{api}/accounts/{accountId}/") };
        probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        var runBytes = await (await probe.PostAsJsonAsync($"ai/run/{HttpTargets.Model}", new RawRunInput([new RawMessage("user", HttpTargets.Message)]), RawJson.Default.RawRunInput)).Content.ReadAsByteArrayAsync();
        var chatBytes = await (await probe.PostAsJsonAsync("ai/v1/chat/completions", new RawChatRequest(HttpTargets.Model, [new RawMessage("user", HttpTargets.Message)]), RawJson.Default.RawChatRequest)).Content.ReadAsByteArrayAsync();
        var handler = new Canned(runBytes, chatBytes);
        var services = new ServiceCollection();
        services.AddEdgeAiClient(o => { o.AccountId = accountId; o.ApiToken = apiToken; o.BaseUrl = baseUrl; }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var sp = services.BuildServiceProvider();
        var edge = sp.GetRequiredService<ITextGenerationClient>();
        var edgeChat = sp.GetRequiredService<IOpenAICompatibleClient>();
        var meai = sp.GetRequiredService<IChatClient>();
        using var raw = new HttpClient(handler, false) { BaseAddress = new Uri($"{api}/accounts/{accountId}/") };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        var bare = new TextGenerationClient(raw);
        var bareChat = new OpenAICompatibleClient(raw);
        var pipeline = sp.GetRequiredService<IHttpClientFactory>().CreateClient(EdgeAiServiceCollectionExtensions.HttpClientName);
        var openAi = new ChatClient(HttpTargets.Model, new ApiKeyCredential(apiToken), new OpenAIClientOptions { Endpoint = new Uri($"{api}/accounts/{accountId}/ai/v1"), Transport = new HttpClientPipelineTransport(new HttpClient(handler, false)) });
        var runInput = () => new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = HttpTargets.Message }] };
        var chatInput = () => new ChatCompletionRequest { Model = HttpTargets.Model, Messages = [new EdgeAi.Client.ChatMessage { Role = "user", Content = HttpTargets.Message }] };
        (string, Func<Task>)[] cases =
        [
            ("raw run", async () => { using var r = await raw.PostAsJsonAsync($"ai/run/{HttpTargets.Model}", new RawRunInput([new RawMessage("user", HttpTargets.Message)]), RawJson.Default.RawRunInput); r.EnsureSuccessStatusCode(); _ = await r.Content.ReadFromJsonAsync(RawJson.Default.RawRunEnvelope); }),
            ("raw run via DI pipeline", async () => { using var r = await pipeline.PostAsJsonAsync($"ai/run/{HttpTargets.Model}", new RawRunInput([new RawMessage("user", HttpTargets.Message)]), RawJson.Default.RawRunInput); r.EnsureSuccessStatusCode(); _ = await r.Content.ReadFromJsonAsync(RawJson.Default.RawRunEnvelope); }),
            ("generated run, plain HttpClient", async () => _ = await bare.Llama31x8bInstructFastAsync(runInput())),
            ("EdgeAi.Client run (DI)", async () => _ = await edge.Llama31x8bInstructFastAsync(runInput())),
            ("raw chat", async () => { using var r = await raw.PostAsJsonAsync("ai/v1/chat/completions", new RawChatRequest(HttpTargets.Model, [new RawMessage("user", HttpTargets.Message)]), RawJson.Default.RawChatRequest); r.EnsureSuccessStatusCode(); _ = await r.Content.ReadFromJsonAsync(RawJson.Default.RawChatCompletion); }),
            ("generated chat, plain HttpClient", async () => _ = await bareChat.CreateChatCompletionAsync(chatInput())),
            ("EdgeAi.Client chat (DI)", async () => _ = await edgeChat.CreateChatCompletionAsync(chatInput())),
            ("MEAI chat (DI)", async () => _ = await meai.GetResponseAsync(HttpTargets.Message)),
            ("OpenAI SDK chat", async () => _ = await openAi.CompleteChatAsync([new UserChatMessage(HttpTargets.Message)])),
        ];
        var best = cases.ToDictionary(c => c.Item1, _ => (Us: double.MaxValue, Bytes: double.MaxValue));
        for (var round = 0; round < rounds; round++)
            foreach (var (name, call) in round % 2 == 0 ? cases : cases.Reverse())
            {
                for (var i = 0; i < iterations / 10; i++) await call();
                var alloc = GC.GetTotalAllocatedBytes(true);
                var t0 = Stopwatch.GetTimestamp();
                for (var i = 0; i < iterations; i++) await call();
                var us = Stopwatch.GetElapsedTime(t0).TotalMicroseconds / iterations;
                var bytes = (GC.GetTotalAllocatedBytes(true) - alloc) / (double)iterations;
                best[name] = (Math.Min(best[name].Us, us), Math.Min(best[name].Bytes, bytes));
            }
        foreach (var (name, (us, bytes)) in best)
            Console.WriteLine($"  micro {name,-36} {us,8:F1} µs/call {bytes / 1024,8:F2} KiB/call");
    }

    private sealed class Canned(byte[] run, byte[] chat) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.RequestUri!.AbsolutePath.Contains("/ai/v1/", StringComparison.Ordinal) ? chat : run;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
