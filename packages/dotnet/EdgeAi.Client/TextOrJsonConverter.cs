using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeAi.Client;

/// <summary>
/// Reads any JSON value into a <see cref="string"/>: a string as itself, an object, array, number or boolean as its
/// JSON text. The chat <c>response</c> is text, or an object in JSON mode; the generated DTOs type it as
/// <see cref="string"/> (decision 0261) and <see cref="TextResponseExtensions.ReadResponseAs{T}(ITextResponse, System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>
/// parses it. Writing is unchanged.
/// </summary>
internal sealed class TextOrJsonConverter : JsonConverter<string>
{
    /// <summary>The one instance the client's JSON options carry.</summary>
    public static readonly TextOrJsonConverter Instance = new();

    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        using var value = JsonDocument.ParseValue(ref reader);
        return value.RootElement.GetRawText();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <inheritdoc />
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() ?? "";

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}
