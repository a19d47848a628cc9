using System.Net;
using System.Net.Http.Json;
using AspNetMinimal;
using EdgeAi.Client;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetMinimal.Tests;

/// <summary>The example app, started in memory with WebApplicationFactory, talking to the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ExampleApiTests(EmulatorFixture emulator) : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private HttpClient App(string? upstreamFault = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("EdgeAi:AccountId", "023e105f4ecef8ad9ca31a8372d0c353");
            b.UseSetting("EdgeAi:ApiToken", "example-test-token");
            b.UseSetting("EdgeAi:BaseUrl", emulator.BaseUrl.ToString());
            if (upstreamFault is not null)
                b.ConfigureTestServices(s => s.AddHttpClient(EdgeAiServiceCollectionExtensions.HttpClientName)
                    .AddHttpMessageHandler(() => new FixedFault(upstreamFault)));
        });
        _owned.Add(factory);
        return factory.CreateClient();
    }

    public void Dispose() => _owned.ForEach(d => d.Dispose());

    [Fact]
    public async Task When_chat_is_posted_then_the_model_reply_comes_back()
    {
        var response = await App().PostAsJsonAsync("/chat", new ChatRequest("Capital of France?"));

        response.EnsureSuccessStatusCode();
        var reply = await response.Content.ReadFromJsonAsync<ChatReply>();
        Assert.False(string.IsNullOrWhiteSpace(reply!.Reply));
    }

    [Fact]
    public async Task When_chat_is_streamed_then_sse_deltas_are_relayed_and_end_with_done()
    {
        var response = await App().PostAsJsonAsync("/chat/stream", new ChatRequest("Tell me a story"));

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var data = body.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l[6..]).ToList();
        Assert.True(data.Count > 2, body);
        Assert.Equal("[DONE]", data[^1]);
    }

    [Fact]
    public async Task When_texts_are_embedded_then_one_768_dimension_vector_per_text_comes_back()
    {
        var response = await App().PostAsJsonAsync("/embed", new EmbedRequest(["a", "b", "c"]));

        response.EnsureSuccessStatusCode();
        var reply = await response.Content.ReadFromJsonAsync<EmbedReply>();
        Assert.Equal(768, reply!.Dimensions);
        Assert.Equal(3, reply.Vectors.Count);
    }

    [Fact]
    public async Task When_an_image_is_requested_then_png_bytes_come_back_with_their_content_type()
    {
        var response = await App().PostAsJsonAsync("/image", new ImageRequest("a lighthouse at dusk"));

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    [Fact]
    public async Task When_the_daily_quota_is_exhausted_upstream_then_chat_answers_429_with_the_kind()
    {
        var response = await App(upstreamFault: "quota").PostAsJsonAsync("/chat", new ChatRequest("hi"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("quota_exhausted", problem!["kind"].ToString());
        Assert.Equal("3036", problem["code"].ToString());
    }

    [Fact]
    public void When_the_token_is_missing_then_the_app_refuses_to_start_and_names_the_setting()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("EdgeAi:AccountId", "023e105f4ecef8ad9ca31a8372d0c353");
            b.UseSetting("EdgeAi:BaseUrl", emulator.BaseUrl.ToString());
        });

        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("EdgeAi:ApiToken is required", e.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Makes every upstream request of the app carry one emulator fault.</summary>
    private sealed class FixedFault(string steps) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("x-emulator-fault", steps);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
