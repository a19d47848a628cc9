using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
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
        var items = SseParser.Create(file.Stream).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = items.ConfigureAwait(false);
        var done = false;
        var count = 0;
        while (await MoveNextAsync(items, count).ConfigureAwait(false))
        {
            var data = items.Current.Data;
            if (data == "[DONE]")
            {
                done = true;
                break;
            }
            if (string.IsNullOrWhiteSpace(data))
                continue;
            count++;
            yield return Parse<T>(data, count);
        }
        if (!done)
            throw new EdgeAiException(EdgeAiErrorKind.Stream, $"the event stream ended after {count} events without data: [DONE] (truncated)", retryable: true);
    }

    private static bool IsJson(FileResponse file) =>
        file.Headers.TryGetValue("Content-Type", out var values) && values.Any(v => v.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<SseItem<string>> items, int count)
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

    private static T Parse<T>(string data, int index)
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
}
