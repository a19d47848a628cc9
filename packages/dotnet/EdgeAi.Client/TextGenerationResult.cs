using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdgeAi.Client;

public partial class TextGenerationResult
{
    /// <summary>
    /// The JSON-mode answer (<c>response_format</c> <c>json_object</c> / <c>json_schema</c>) as <typeparamref name="T"/>,
    /// AOT-safe through a source-generated <paramref name="typeInfo"/> (e.g. <c>MyJsonContext.Default.City</c>).
    /// </summary>
    /// <exception cref="EdgeAiException">Kind <see cref="EdgeAiErrorKind.Validation"/> when there is no answer or it is not <typeparamref name="T"/> JSON.</exception>
    public T ReadResponseAs<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return JsonSerializer.Deserialize(Response ?? throw NoAnswer(), typeInfo) ?? throw NoAnswer();
        }
        catch (JsonException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Validation, $"the response is not {typeof(T).Name} JSON: {e.Message}", innerException: e);
        }
    }

    /// <summary>The JSON-mode answer as <typeparamref name="T"/> (reflection-based; prefer the <see cref="JsonTypeInfo{T}"/> overload when trimming).</summary>
    /// <exception cref="EdgeAiException">Kind <see cref="EdgeAiErrorKind.Validation"/> when there is no answer or it is not <typeparamref name="T"/> JSON.</exception>
    [RequiresUnreferencedCode("Reflection-based JSON; use ReadResponseAs(JsonTypeInfo<T>) when trimming.")]
    [RequiresDynamicCode("Reflection-based JSON; use ReadResponseAs(JsonTypeInfo<T>) for native AOT.")]
    public T ReadResponseAs<T>() => ReadResponseAs((JsonTypeInfo<T>)WebJson.GetTypeInfo(typeof(T)));

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static EdgeAiException NoAnswer() => new(EdgeAiErrorKind.Validation, "the result has no response to read as JSON");
}
