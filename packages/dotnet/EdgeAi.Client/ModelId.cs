namespace EdgeAi.Client;

/// <summary>Model slugs such as <c>@cf/meta/llama-3.1-8b-instruct-fast</c>.</summary>
public static class ModelId
{
    /// <summary>
    /// Splits a catalog id (<c>@cf/&lt;author&gt;/&lt;model&gt;</c> or <c>@hf/&lt;author&gt;/&lt;model&gt;</c>) into its namespace
    /// and the two path segments the streaming operation takes. That operation lives on
    /// <c>ai/run/@cf/{author}/{model}</c> (an OpenAPI path cannot hold a multi-segment parameter); an <c>@hf/</c>
    /// model gets its namespace put back in the URL by the request hook.
    /// </summary>
    /// <exception cref="ArgumentException">The id is not <c>@cf/</c> or <c>@hf/</c> followed by author and model.</exception>
    public static (string Namespace, string Author, string Model) SplitCatalogId(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var parts = modelId.Split('/');
        if (parts.Length != 3 || parts[0] is not ("@cf" or "@hf") || parts[1].Length == 0 || parts[2].Length == 0)
            throw new ArgumentException($"expected a model id like @cf/<author>/<model> or @hf/<author>/<model>, got \"{modelId}\"", nameof(modelId));
        return (parts[0], parts[1], parts[2]);
    }
}
