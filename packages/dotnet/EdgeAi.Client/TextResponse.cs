using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdgeAi.Client;

/// <summary>
/// A model answer whose <c>response</c> is text, or a JSON object in JSON mode (the generated result types that carry
/// one implement it, see Generated/TextResponses.g.cs). <see cref="TextResponseExtensions.ReadResponseAs{T}(ITextResponse, JsonTypeInfo{T})"/> reads the JSON.
/// </summary>
public interface ITextResponse
{
    /// <summary>The answer text; in JSON mode the JSON text of the object the model produced.</summary>
    string? Response { get; }
}

/// <summary>Typed access to JSON-mode answers (<c>response_format</c> <c>json_object</c> / <c>json_schema</c>).</summary>
public static class TextResponseExtensions
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON-mode answer as <typeparamref name="T"/>, AOT-safe through a source-generated <paramref name="typeInfo"/>.</summary>
    /// <typeparam name="T">The shape the JSON schema describes.</typeparam>
    /// <param name="result">A result with a <c>response</c>.</param>
    /// <param name="typeInfo">For example <c>MyJsonContext.Default.City</c>.</param>
    /// <returns>The parsed answer.</returns>
    /// <exception cref="EdgeAiException">Kind <see cref="EdgeAiErrorKind.Validation"/> when there is no answer or it is not <typeparamref name="T"/> JSON.</exception>
    public static T ReadResponseAs<T>(this ITextResponse result, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return JsonSerializer.Deserialize(result.Response ?? throw NoAnswer(), typeInfo) ?? throw NoAnswer();
        }
        catch (JsonException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Validation, $"the response is not {typeof(T).Name} JSON: {e.Message}", innerException: e);
        }
    }

    /// <summary>The JSON-mode answer as <typeparamref name="T"/> (reflection-based; prefer the <see cref="JsonTypeInfo{T}"/> overload when trimming).</summary>
    /// <typeparam name="T">The shape the JSON schema describes.</typeparam>
    /// <param name="result">A result with a <c>response</c>.</param>
    /// <returns>The parsed answer.</returns>
    /// <exception cref="EdgeAiException">Kind <see cref="EdgeAiErrorKind.Validation"/> when there is no answer or it is not <typeparamref name="T"/> JSON.</exception>
    [RequiresUnreferencedCode("Reflection-based JSON; use ReadResponseAs(JsonTypeInfo<T>) when trimming.")]
    [RequiresDynamicCode("Reflection-based JSON; use ReadResponseAs(JsonTypeInfo<T>) for native AOT.")]
    public static T ReadResponseAs<T>(this ITextResponse result) => result.ReadResponseAs((JsonTypeInfo<T>)WebJson.GetTypeInfo(typeof(T)));

    private static EdgeAiException NoAnswer() => new(EdgeAiErrorKind.Validation, "the result has no response to read as JSON");
}
