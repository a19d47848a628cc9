using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EdgeAi.Client;

/// <summary>Typed <see cref="IAsyncEnumerable{T}"/> streaming over the generated SSE operations.</summary>
public static class StreamingExtensions
{
    /// <summary>
    /// Streams a text-generation answer as events (native <c>{response}</c> deltas or OpenAI chunks, one merged
    /// type). <paramref name="input"/> is the model's own input type (any <see cref="IStreamableInput"/>);
    /// sets <c>stream: true</c> on it. A model that ignores streaming and answers
    /// JSON yields one event with the whole text.
    /// </summary>
    /// <example>
    /// <code>
    /// await foreach (var e in client.StreamEventsAsync("@cf/meta/llama-3.1-8b-instruct-fast", new TextGenerationInput { Prompt = "Hi" }))
    ///     Console.Write(e.Response);
    /// </code>
    /// </example>
    public static IAsyncEnumerable<TextGenerationSseEvent> StreamEventsAsync(this ITextGenerationClient client, string modelId, IStreamableInput input, CancellationToken cancellationToken = default) =>
        client.StreamEventsAsync(modelId, input, options: null, cancellationToken);

    /// <summary>
    /// <see cref="StreamEventsAsync(ITextGenerationClient, string, IStreamableInput, CancellationToken)"/> with per-call
    /// options (session affinity, headers; <see cref="EdgeAiRequestOptions.Timeout"/> bounds the time to the first byte).
    /// <c>@cf/</c> and <c>@hf/</c> models stream.
    /// </summary>
    public static async IAsyncEnumerable<TextGenerationSseEvent> StreamEventsAsync(this ITextGenerationClient client, string modelId, IStreamableInput input, EdgeAiRequestOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        var (ns, author, model) = ModelId.SplitCatalogId(modelId);
        input.Stream = true;
        using var file = await RequestScope.RunAsync(options, ct => client.StreamAsync(author, model, input, ct), cancellationToken, ns == "@cf" ? null : ns).ConfigureAwait(false);
        await foreach (var e in SseReader.ReadAsync(file, FromJsonAnswer, cancellationToken).ConfigureAwait(false))
            yield return e;
    }

    /// <summary>The text deltas of <see cref="StreamEventsAsync(ITextGenerationClient, string, IStreamableInput, CancellationToken)"/> (native <c>response</c> or the chunk's <c>delta.content</c>).</summary>
    public static async IAsyncEnumerable<string> StreamTextAsync(this ITextGenerationClient client, string modelId, IStreamableInput input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in client.StreamEventsAsync(modelId, input, cancellationToken).ConfigureAwait(false))
        {
            var text = e.Response ?? (e.Choices is { Count: > 0 } c ? c[0].Delta?.Content : null);
            if (!string.IsNullOrEmpty(text))
                yield return text;
        }
    }

    /// <summary>Streams an OpenAI-compatible chat completion as <see cref="ChatCompletionChunk"/> events (sets <c>stream: true</c>).</summary>
    public static async IAsyncEnumerable<ChatCompletionChunk> StreamChatCompletionAsync(this IOpenAICompatibleClient client, ChatCompletionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        request.Stream = true;
        using var file = await client.StreamAsync("v1", request, cancellationToken: cancellationToken).ConfigureAwait(false);
        await foreach (var e in SseReader.ReadAsync(file, ChunkFromJsonAnswer, cancellationToken).ConfigureAwait(false))
            yield return e;
    }

    /// <summary>A whole chat.completion where a stream was asked for: one chunk carrying the complete message.</summary>
    private static IEnumerable<ChatCompletionChunk> ChunkFromJsonAnswer(string body)
    {
        ChatCompletion? completion;
        try
        {
            completion = JsonSerializer.Deserialize(body, SseReader.Info<ChatCompletion>());
        }
        catch (JsonException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Validation, $"expected an event stream or a chat.completion: {e.Message}", innerException: e);
        }
        if (completion is null)
            throw new EdgeAiException(EdgeAiErrorKind.Validation, "expected an event stream or a chat.completion, got null");
        return
        [
            new ChatCompletionChunk
            {
                Id = completion.Id,
                Object = "chat.completion.chunk",
                Created = completion.Created,
                Model = completion.Model,
                Usage = completion.Usage,
                Choices = [.. (completion.Choices ?? []).Select(c => new ChatCompletionChunkChoice
                {
                    Index = c.Index,
                    FinishReason = c.FinishReason,
                    Delta = new ChatCompletionChunkChoiceDelta { Role = c.Message?.Role, Content = c.Message?.Content, ReasoningContent = c.Message?.ReasoningContent },
                })],
            },
        ];
    }

    /// <summary>A JSON envelope where a stream was asked for (gpt-oss, Kimi): one event carrying the whole answer.</summary>
    private static IEnumerable<TextGenerationSseEvent> FromJsonAnswer(string body)
    {
        TextGenerationResponse? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SseReader.Info<TextGenerationResponse>());
        }
        catch (JsonException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Validation, $"expected an event stream or a JSON envelope: {e.Message}", innerException: e);
        }
        var result = envelope?.Result;
        var text = result?.Response ?? (result?.Choices is { Count: > 0 } c ? c[0].Message?.Content : null);
        return [new TextGenerationSseEvent { Response = text ?? "", Usage = UsageOf(result?.Usage) }];
    }

    /// <summary>The result's <c>usage</c> (untyped there: native and OpenAI answers shape it differently) as <see cref="Usage"/>.</summary>
    private static Usage? UsageOf(object? usage) => usage switch
    {
        null => null,
        Usage typed => typed,
        JsonElement { ValueKind: JsonValueKind.Object } json => json.Deserialize(SseReader.Info<Usage>()),
        _ => null,
    };
}
