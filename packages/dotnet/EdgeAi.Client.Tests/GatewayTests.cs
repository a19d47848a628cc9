using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Client.Tests;

/// <summary>EdgeAiClientOptions.Gateway against the emulator's AI Gateway form (docs/ai-gateway.md).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class GatewayTests(EmulatorFixture emulator)
{
    private ServiceProvider Services(EdgeAiGatewayOptions gateway) =>
        ClientFactory.Create(emulator, o =>
        {
            gateway.BaseUrl = new Uri(emulator.Origin, "/v1");
            o.Gateway = gateway;
        });

    [Fact]
    public async Task When_the_same_call_goes_through_the_gateway_twice_then_the_second_is_a_cache_hit_with_the_same_answer()
    {
        var seen = new List<GatewayResponseInfo>();
        using var services = Services(new EdgeAiGatewayOptions { Id = "dotnet-hit", CacheTtl = TimeSpan.FromHours(1), OnResponse = seen.Add });
        var client = services.GetRequiredService<ITextEmbeddingsClient>();
        var input = new TextEmbeddingsBatchableInput { Text = [$"dotnet gateway {Guid.NewGuid()}"] };

        var first = await client.BgeBaseEnV15Async(input);
        var second = await client.BgeBaseEnV15Async(input);

        Assert.Equal(["MISS", "HIT"], seen.Select(s => s.CacheStatus));
        Assert.NotNull(seen[0].LogId);
        Assert.Equal(first.Result!.Shape, second.Result!.Shape);
    }

    [Fact]
    public async Task When_skip_cache_is_set_then_every_call_is_a_miss()
    {
        var seen = new List<GatewayResponseInfo>();
        using var services = Services(new EdgeAiGatewayOptions { Id = "dotnet-skip", SkipCache = true, CollectLog = false, OnResponse = seen.Add });
        var client = services.GetRequiredService<ITextEmbeddingsClient>();
        var input = new TextEmbeddingsBatchableInput { Text = ["dotnet skip"] };

        await client.BgeBaseEnV15Async(input);
        await client.BgeBaseEnV15Async(input);

        Assert.Equal(["MISS", "MISS"], seen.Select(s => s.CacheStatus));
        Assert.All(seen, s => Assert.Null(s.LogId));
    }

    [Fact]
    public async Task When_an_authenticated_gateway_gets_no_token_then_an_authentication_error_with_code_2009_is_thrown()
    {
        using var services = Services(new EdgeAiGatewayOptions { Id = "dotnet-auth" });
        var client = services.GetRequiredService<ITextEmbeddingsClient>();

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => client.BgeBaseEnV15Async(new TextEmbeddingsBatchableInput { Text = ["x"] }));

        Assert.Equal(EdgeAiErrorKind.Authentication, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2009, error.Code);

        using var authed = Services(new EdgeAiGatewayOptions { Id = "dotnet-auth", Authorization = "dotnet-gateway-token" });
        var answer = await authed.GetRequiredService<ITextEmbeddingsClient>().BgeBaseEnV15Async(new TextEmbeddingsBatchableInput { Text = ["x"] });
        Assert.Equal(768, answer.Result!.Shape![1]);
    }

    [Fact]
    public void When_a_url_is_not_a_model_call_then_it_is_not_rewritten()
    {
        var g = new EdgeAiGatewayOptions { Id = "gw" };
        Assert.Null(GatewayHandler.Rewrite(new Uri("https://api.cloudflare.com/client/v4/accounts/abc/ai/models/search?per_page=5"), g));
        Assert.Equal(
            "https://gateway.ai.cloudflare.com/v1/abc/gw/workers-ai/@cf/meta/llama-3.1-8b-instruct?queueRequest=true",
            GatewayHandler.Rewrite(new Uri("https://api.cloudflare.com/client/v4/accounts/abc/ai/run/@cf/meta/llama-3.1-8b-instruct?queueRequest=true"), g)!.AbsoluteUri);
        Assert.Equal(
            "https://gateway.ai.cloudflare.com/v1/abc/gw/workers-ai/v1/chat/completions",
            GatewayHandler.Rewrite(new Uri("https://api.cloudflare.com/client/v4/accounts/abc/ai/v1/chat/completions"), g)!.AbsoluteUri);
        Assert.DoesNotContain("secret", new EdgeAiGatewayOptions { Id = "gw", Authorization = "secret-token" }.ToString(), StringComparison.Ordinal);
    }
}
