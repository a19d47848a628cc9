using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeAi.Client;

/// <summary>
/// Typed events over the binary <see cref="FileResponse"/> that the export gives streaming operations (NSwag has
/// no SSE support). Parses with System.Net.ServerSentEvents, stops at <c>data: [DONE]</c>, and reports a stream
/// that ends without it as truncated (kind <c>stream</c>).
/// </summary>
internal static class SseReader
{
    internal static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Source-generated metadata for <typeparamref name="T"/> from <see cref="Json"/> (trim-safe).</summary>
    internal static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Info<T>() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        EdgeAiClientHooks.ConfigureJson(options);
        return options;
    }

    /// <param name="file">The answer of a streaming operation; disposed by the caller.</param>
    /// <param name="fromJsonAnswer">Maps a JSON answer (a model that ignored <c>stream: true</c>) to events.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(FileResponse file, Func<string, IEnumerable<T>> fromJsonAnswer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (IsJson(file))
        {
            using var reader = new StreamReader(file.Stream);
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            foreach (var e in fromJsonAnswer(text))
                yield return e;
            yield break;
        }
        // Events are parsed from their UTF-8 bytes as the parser hands them over: no string per event, no
        // transcoding back to UTF-8 for System.Text.Json (decision 0320).
        var count = 0;
        var parser = SseParser.Create(file.Stream, (_, data) =>
        {
            if (data.SequenceEqual("[DONE]"u8))
                return Item<T>.Done;
            if (IsBlank(data))
                return Item<T>.Blank;
            return new Item<T>(Parse<T>(data, ++count), ItemKind.Event);
        });
        var items = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = items.ConfigureAwait(false);
        var done = false;
        while (await MoveNextAsync(items, count).ConfigureAwait(false))
        {
            var item = items.Current.Data;
            if (item.Kind == ItemKind.Done)
            {
                done = true;
                break;
            }
            if (item.Kind == ItemKind.Event)
                yield return item.Value!;
        }
        if (!done)
            throw new EdgeAiException(EdgeAiErrorKind.Stream, $"the event stream ended after {count} events without data: [DONE] (truncated)", retryable: true);
    }

    private static bool IsJson(FileResponse file) =>
        file.Headers.TryGetValue("Content-Type", out var values) && values.Any(v => v.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static async ValueTask<bool> MoveNextAsync<T>(IAsyncEnumerator<SseItem<Item<T>>> items, int count)
    {
        try
        {
            return await items.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Stream, $"the event stream broke off after {count} events: {e.Message}", retryable: true, innerException: e);
        }
    }

    /// <summary><see cref="string.IsNullOrWhiteSpace(string)"/> of the decoded data, without decoding it in the usual case.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> data)
    {
        var decode = false;
        foreach (var b in data)
        {
            if (b is > 0x20 and < 0x7F)
                return false;
            // Other control characters and non-ASCII text: the decoded string decides, as before.
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C))
                decode = true;
        }
        return !decode || string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(data));
    }

    private static T Parse<T>(ReadOnlySpan<byte> data, int index)
    {
        try
        {
            return JsonSerializer.Deserialize(data, Info<T>())
                ?? throw new EdgeAiException(EdgeAiErrorKind.Stream, $"event {index} is null");
        }
        catch (JsonException)
        {
            // Malformed UTF-8 decodes to U+FFFD as text but fails as bytes: the text decides, as it did before.
            return ParseText<T>(Encoding.UTF8.GetString(data), index);
        }
    }

    private static T ParseText<T>(string data, int index)
    {
        try
        {
            return JsonSerializer.Deserialize(data, Info<T>())
                ?? throw new EdgeAiException(EdgeAiErrorKind.Stream, $"event {index} is null");
        }
        catch (JsonException e)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Stream, $"event {index} is not a valid {typeof(T).Name}: {e.Message}", innerException: e);
        }
    }

    private enum ItemKind : byte
    {
        Event,
        Done,
        Blank,
    }

    /// <summary>What the parser callback makes of one event: a typed event, the end marker, or nothing.</summary>
    private readonly record struct Item<T>(T? Value, ItemKind Kind)
    {
        public static Item<T> Done => new(default, ItemKind.Done);

        public static Item<T> Blank => new(default, ItemKind.Blank);
    }
}
