using Microsoft.Extensions.AI;

namespace EdgeAi.Client.Ai;

/// <summary>
/// Microsoft.Extensions.AI <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over Workers AI's OpenAI-compatible
/// <c>/ai/v1/embeddings</c> (float vectors, usage). Registered by <c>AddEdgeAiClient</c>.
/// </summary>
public sealed class EdgeAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly IOpenAICompatibleClient _client;
    private readonly string _defaultModelId;

    /// <summary>Creates the adapter; <paramref name="defaultModelId"/> is used when <see cref="EmbeddingGenerationOptions.ModelId"/> is unset.</summary>
    /// <param name="client">The generated OpenAI-compatible client.</param>
    /// <param name="defaultModelId">A catalog id such as <c>@cf/baai/bge-base-en-v1.5</c>.</param>
    public EdgeAiEmbeddingGenerator(IOpenAICompatibleClient client, string defaultModelId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultModelId);
        _client = client;
        _defaultModelId = defaultModelId;
        Metadata = new EmbeddingGeneratorMetadata("cloudflare-workers-ai", null, defaultModelId);
    }

    /// <summary>Provider name <c>cloudflare-workers-ai</c> and the default model.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var model = options?.ModelId ?? _defaultModelId;
        var list = await _client.CreateEmbeddingsAsync(new EmbeddingsRequest { Model = model, Input = [.. values], EncodingFormat = EmbeddingsRequestEncodingFormat.Float }, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var embeddings = list.Data.OrderBy(d => d.Index)
            .Select(d => new Embedding<float>(d.Embedding1.Select(x => (float)x).ToArray()) { ModelId = list.Model ?? model, CreatedAt = now });
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = list.Usage is { } u ? new UsageDetails { InputTokenCount = u.PromptTokens, TotalTokenCount = u.TotalTokens } : null,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return Metadata;
        if (serviceType.IsInstanceOfType(this)) return this;
        if (serviceType.IsInstanceOfType(_client)) return _client;
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The generated client's HttpClient belongs to HttpClientFactory.
    }
}
