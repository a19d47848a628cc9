using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeAi.Client;

/// <summary>
/// What every generated client does through NSwag's partial hooks (wired per client in Generated/ClientHooks.g.cs).
/// </summary>
internal static class EdgeAiClientHooks
{
    /// <summary>
    /// Optional properties are nullable in the generated DTOs; without this, System.Text.Json would send
    /// <c>"prompt": null</c> next to <c>messages</c>, which the API treats as a different (invalid) input.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

    /// <summary>
    /// NSwag escapes path parameters with <c>Uri.EscapeDataString</c>, turning the model slug
    /// <c>@cf/meta/llama</c> into <c>%40cf%2Fmeta%2Fllama</c>; the API answers that with 400 / code 7000.
    /// The run path's model segment gets its literal <c>@</c> and <c>/</c> back before the request is sent.
    /// </summary>
    public static void RestoreSlugSlashes(StringBuilder urlBuilder)
    {
        const string marker = "ai/run/";
        var url = urlBuilder.ToString();
        var start = url.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return;
        start += marker.Length;
        var end = url.IndexOf('?', start);
        if (end < 0)
            end = url.Length;
        var slug = url[start..end]
            .Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
            .Replace("%40", "@", StringComparison.Ordinal);
        urlBuilder.Clear().Append(url, 0, start).Append(slug).Append(url, end, url.Length - end);
    }
}
