using System.Text;
using System.Text.Json;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
    public static void ConfigureJson(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.Converters.Add(TextOrJsonConverter.Instance);
        // Source-generated metadata: no reflection, so trimmed and native-AOT apps keep working (0 IL warnings).
        // In a trimmed app, `object` properties (the generic run's input, union-typed fields) take JSON-shaped
        // values: strings, numbers, booleans, arrays, Dictionary<string, object>, List<object>, JsonElement, JsonNode.
        settings.TypeInfoResolver = Resolver();
    }

    /// <summary>
    /// The source-generated context; plus reflection for the caller's own types in <c>object</c> properties (an
    /// anonymous object as a batch request, say) only where reflection-based JSON is on. PublishTrimmed and
    /// PublishAot turn <see cref="JsonSerializer.IsReflectionEnabledByDefault"/> off, and the trimmer then removes
    /// that branch: what the suppressions below rely on (the pattern Microsoft.Extensions.AI uses).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault, false in trimmed and AOT apps.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault, false in trimmed and AOT apps.")]
    private static IJsonTypeInfoResolver Resolver() => JsonSerializer.IsReflectionEnabledByDefault
        ? JsonTypeInfoResolver.Combine(EdgeAiJsonContext.Default, new DefaultJsonTypeInfoResolver())
        : EdgeAiJsonContext.Default;

    /// <summary>An enum's wire value (its JsonStringEnumMemberName) for query strings, through the JSON metadata.</summary>
    public static string? EnumWireValue(object value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var json = JsonSerializer.Serialize(value, options.GetTypeInfo(value.GetType()));
        return json.Length >= 2 && json[0] == '"' ? json[1..^1] : null;
    }

    /// <summary>
    /// Runs before every generated request is sent: literal slug slashes, then the contract check of the body
    /// (<see cref="RequestValidator"/>), so an invalid input throws kind <c>validation</c> and is never sent.
    /// </summary>
    public static void Prepare(HttpRequestMessage request, StringBuilder urlBuilder)
    {
        var url = urlBuilder.ToString();
        var fixedUrl = RestoreSlugSlashes(url);
        if (RequestScope.RunPrefix is { } prefix)
            fixedUrl = fixedUrl.Replace("ai/run/@cf/", $"ai/run/{prefix}/", StringComparison.Ordinal);
        if (!ReferenceEquals(fixedUrl, url))
            urlBuilder.Clear().Append(fixedUrl);
        RequestScope.Apply(request);
        if (request.Content is null)
            return;
        var query = fixedUrl.IndexOf('?', StringComparison.Ordinal);
        using var body = new MemoryStream(request.Content.Headers.ContentLength is long n and > 0 and < int.MaxValue ? (int)n : 256);
        request.Content.ReadAsStream().CopyTo(body);
        RequestValidator.Validate(request.Method, query < 0 ? fixedUrl : fixedUrl[..query], body.GetBuffer().AsMemory(0, (int)body.Length));
    }

    /// <summary>Runs after every generated request's answer arrives: its metadata goes to the call's options.</summary>
    public static void Process(HttpResponseMessage response) => RequestScope.Record(response);

    /// <summary>
    /// NSwag escapes path parameters with <c>Uri.EscapeDataString</c>, turning the model slug
    /// <c>@cf/meta/llama</c> into <c>%40cf%2Fmeta%2Fllama</c>; the API answers that with 400 / code 7000.
    /// The run path's model segment gets its literal <c>@</c> and <c>/</c> back before the request is sent.
    /// </summary>
    public static void RestoreSlugSlashes(StringBuilder urlBuilder)
    {
        ArgumentNullException.ThrowIfNull(urlBuilder);
        var url = urlBuilder.ToString();
        var restored = RestoreSlugSlashes(url);
        if (!ReferenceEquals(restored, url))
            urlBuilder.Clear().Append(restored);
    }

    /// <summary><see cref="RestoreSlugSlashes(StringBuilder)"/> on a string; the same instance when nothing was escaped.</summary>
    public static string RestoreSlugSlashes(string url)
    {
        const string marker = "ai/run/";
        var start = url.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return url;
        start += marker.Length;
        var end = url.IndexOf('?', start);
        if (end < 0)
            end = url.Length;
        // The catalog's literal paths carry the slug unescaped: nothing to restore, nothing to allocate.
        if (url.AsSpan(start, end - start).IndexOf('%') < 0)
            return url;
        var slug = url[start..end]
            .Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
            .Replace("%40", "@", StringComparison.Ordinal);
        return string.Concat(url.AsSpan(0, start), slug, url.AsSpan(end));
    }

    /// <summary>A buffered JSON body without its UTF-8 byte order mark, for System.Text.Json.</summary>
    public static ReadOnlySpan<byte> Utf8Json(byte[] body) =>
        body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body.AsSpan(3) : body;

    /// <summary>
    /// A buffered body as text, decoded as <see cref="HttpContent.ReadAsStringAsync()"/> would (byte order mark, else
    /// the Content-Type charset, else UTF-8): only for error answers and unreadable bodies, which exceptions carry.
    /// </summary>
    public static string Text(HttpContent content, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(body);
        Encoding? encoding = null;
        var preamble = 0;
        foreach (var candidate in (ReadOnlySpan<Encoding>)[Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF32])
        {
            var bom = candidate.Preamble;
            if (bom.Length > 0 && body.AsSpan().StartsWith(bom))
            {
                encoding = candidate;
                preamble = bom.Length;
                break;
            }
        }
        if (encoding is null && content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read as UTF-8, the only encoding JSON has.
            }
        }
        return (encoding ?? Encoding.UTF8).GetString(body, preamble, body.Length - preamble);
    }
}
