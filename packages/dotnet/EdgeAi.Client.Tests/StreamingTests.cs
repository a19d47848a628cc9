using System.Text;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Client.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class StreamingTests(EmulatorFixture emulator) : IDisposable
{
    private const string Model = "@cf/meta/llama-3.1-8b-instruct-fast";
    private readonly ServiceProvider _services = ClientFactory.Create(emulator);

    private ITextGenerationClient Chat => _services.GetRequiredService<ITextGenerationClient>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task When_a_prompt_is_streamed_then_several_typed_events_arrive_and_the_last_carries_usage()
    {
        var events = new List<TextGenerationSseEvent>();
        await foreach (var e in Chat.StreamEventsAsync(Model, new TextGenerationInput { Prompt = "Tell me a story", MaxTokens = 12 }))
            events.Add(e);

        Assert.True(events.Count > 2);
        Assert.Contains(events, e => !string.IsNullOrEmpty(e.Response));
        Assert.NotNull(events[^1].Usage);
    }

    [Fact]
    public async Task When_text_deltas_are_streamed_then_they_join_into_the_answer()
    {
        var text = new StringBuilder();
        await foreach (var delta in Chat.StreamTextAsync(Model, new TextGenerationInput { Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = "Hi" }], MaxTokens = 8 }))
            text.Append(delta);

        Assert.False(string.IsNullOrWhiteSpace(text.ToString()));
    }

    [Fact]
    public async Task When_the_stream_is_cut_before_done_then_a_stream_error_is_thrown()
    {
        using var fault = Faults.Inject("stream-cut:2", out _);

        var error = await Assert.ThrowsAsync<EdgeAiException>(async () =>
        {
            await foreach (var e in Chat.StreamEventsAsync(Model, new TextGenerationInput { Prompt = "long", MaxTokens = 20 }))
            {
            }
        });

        Assert.Equal(EdgeAiErrorKind.Stream, error.Kind);
    }

    [Fact]
    public async Task When_the_model_answers_json_to_a_stream_request_then_one_event_carries_the_whole_text()
    {
        using var fault = Faults.Inject("json-for-stream", out _);

        var events = new List<TextGenerationSseEvent>();
        await foreach (var e in Chat.StreamEventsAsync(Model, new TextGenerationInput { Prompt = "hi" }))
            events.Add(e);

        var only = Assert.Single(events);
        Assert.False(string.IsNullOrEmpty(only.Response));
    }

    [Fact]
    public async Task When_a_stream_request_is_rate_limited_before_it_starts_then_it_is_retried_and_streams()
    {
        using var fault = Faults.Inject("rate-limit:0", out var key);

        var count = 0;
        await foreach (var e in Chat.StreamEventsAsync(Model, new TextGenerationInput { Prompt = "hi", MaxTokens = 4 }))
            count++;

        Assert.True(count > 0);
        Assert.Equal(2, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_an_openai_chat_completion_is_streamed_then_chunks_arrive()
    {
        var chunks = new List<ChatCompletionChunk>();
        var request = new ChatCompletionRequest { Model = Model, Messages = [new ChatMessage { Role = "user", Content = "Hi" }], MaxTokens = 8 };
        await foreach (var c in _services.GetRequiredService<IOpenAICompatibleClient>().StreamChatCompletionAsync(request))
            chunks.Add(c);

        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.Object));
    }

    [Fact]
    public async Task When_the_chat_completions_endpoint_answers_json_to_a_stream_request_then_one_chunk_carries_the_message()
    {
        using var fault = Faults.Inject("json-for-stream", out _);
        var request = new ChatCompletionRequest { Model = Model, Messages = [new ChatMessage { Role = "user", Content = "Hi" }] };

        var chunks = new List<ChatCompletionChunk>();
        await foreach (var c in _services.GetRequiredService<IOpenAICompatibleClient>().StreamChatCompletionAsync(request))
            chunks.Add(c);

        var only = Assert.Single(chunks);
        Assert.False(string.IsNullOrEmpty(only.Choices![0].Delta!.Content));
    }

    [Fact]
    public async Task When_a_model_id_is_not_a_catalog_slug_then_streaming_refuses_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var e in Chat.StreamEventsAsync("llama", new TextGenerationInput { Prompt = "x" }))
            {
            }
        });

        Assert.Contains("@cf/<author>/<model>", error.Message, StringComparison.Ordinal);
    }
}
