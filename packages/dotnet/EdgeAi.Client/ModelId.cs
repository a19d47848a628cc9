namespace EdgeAi.Client;

/// <summary>Model slugs such as <c>@cf/meta/llama-3.1-8b-instruct-fast</c>.</summary>
public static class ModelId
{
    /// <summary>
    /// Splits a catalog id into the two path segments the streaming operations take. Streaming operations live on
    /// <c>ai/run/@cf/{author}/{model}</c> (an OpenAPI path cannot hold a multi-segment parameter), so only
    /// <c>@cf/</c> models stream through them.
    /// </summary>
    /// <exception cref="ArgumentException">The id is not <c>@cf/&lt;author&gt;/&lt;model&gt;</c>.</exception>
    public static (string Author, string Model) SplitCatalogId(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var parts = modelId.Split('/');
        if (parts.Length != 3 || parts[0] != "@cf" || parts[1].Length == 0 || parts[2].Length == 0)
            throw new ArgumentException($"expected a model id like @cf/<author>/<model>, got \"{modelId}\"", nameof(modelId));
        return (parts[1], parts[2]);
    }
}
