using System.ComponentModel;
using System.Text.Json;
using EdgeAi.Client.Ai;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace EdgeAi.Client.Tests;

/// <summary>The Microsoft.Extensions.AI adapters registered by AddEdgeAiClient, against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class AiAdapterTests(EmulatorFixture emulator) : IDisposable
{
    private readonly ServiceProvider _services = ClientFactory.Create(emulator);

    private IChatClient Chat => _services.GetRequiredService<IChatClient>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task When_the_chat_client_is_asked_then_text_and_usage_come_back()
    {
        var response = await Chat.GetResponseAsync([new AiChatMessage(ChatRole.System, "Be brief."), new AiChatMessage(ChatRole.User, "Hello")], new ChatOptions { MaxOutputTokens = 32 });

        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Equal(ChatRole.Assistant, response.Messages.Single().Role);
        Assert.True(response.Usage?.TotalTokenCount > 0);
        Assert.Equal("cloudflare-workers-ai", Chat.GetService<ChatClientMetadata>()!.ProviderName);
    }

    [Fact]
    public async Task When_the_chat_client_streams_then_updates_join_into_the_text_and_usage_arrives()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in Chat.GetStreamingResponseAsync([new AiChatMessage(ChatRole.User, "Tell me a story")], new ChatOptions { MaxOutputTokens = 16 }))
            updates.Add(u);

        var response = updates.ToChatResponse();
        Assert.True(updates.Count > 1, "several updates");
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.True(response.Usage?.TotalTokenCount > 0);
    }

    [Fact]
    public async Task When_a_tool_is_offered_then_a_function_call_comes_back_and_the_pipeline_invokes_it()
    {
        var calls = 0;
        var weather = AIFunctionFactory.Create(([Description("City name")] string city) => { calls++; return $"Sunny in {city}"; }, "get_weather", "Current weather of a city");
        using var chat = new ChatClientBuilder(Chat).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync([new AiChatMessage(ChatRole.User, "What is the weather in Lisbon? Use the tool.")], new ChatOptions { ModelId = "@cf/meta/llama-3.3-70b-instruct-fp8-fast", Tools = [weather], ToolMode = ChatToolMode.RequireAny });

        Assert.True(calls >= 1, "the tool ran");
        Assert.Contains(response.Messages, m => m.Contents.OfType<FunctionCallContent>().Any(c => c.Name == "get_weather"));
        Assert.Contains(response.Messages, m => m.Contents.OfType<FunctionResultContent>().Any());
    }

    [Fact]
    public async Task When_a_json_schema_response_format_is_set_then_the_answer_follows_it()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"},"country":{"type":"string"}},"required":["city","country"]}""").RootElement;

        var response = await Chat.GetResponseAsync([new AiChatMessage(ChatRole.User, "A city and its country")], new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "place") });

        using var answer = JsonDocument.Parse(response.Text);
        Assert.Equal(JsonValueKind.String, answer.RootElement.GetProperty("city").ValueKind);
        Assert.Equal(JsonValueKind.String, answer.RootElement.GetProperty("country").ValueKind);
    }

    [Fact]
    public async Task When_texts_are_embedded_then_one_float_vector_per_text_comes_back()
    {
        var generator = _services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["first", "second", "third"]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(768, e.Vector.Length));
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
        Assert.IsType<EdgeAiEmbeddingGenerator>(generator);
    }

    [Fact]
    public async Task When_the_api_refuses_then_the_chat_client_throws_the_typed_error()
    {
        using var services = ClientFactory.Create(emulator, o => o.MaxRetries = 0);
        var chat = services.GetRequiredService<IChatClient>();

        var e = await Assert.ThrowsAnyAsync<EdgeAiException>(() => chat.GetResponseAsync([new AiChatMessage(ChatRole.User, "Hi")], new ChatOptions { ModelId = "@cf/nobody/no-such-model" }));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal(5007, e.Code);
    }
}
