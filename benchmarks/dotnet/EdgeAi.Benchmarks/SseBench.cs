using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EdgeAi.Client;

namespace EdgeAi.Benchmarks;

/// <summary>One SSE parsing row: the client's streaming path vs SseParser used directly, on the same bytes.</summary>
internal sealed record SseRow(string Flavour, string Chunking, int InputBytes, int Chunks, int Events, double ClientMBps, double ParserMBps, double Ratio, double Wins, double ClientBytesPerEvent, double ParserBytesPerEvent);

/// <summary>
/// SSE parsing throughput. The input is the TypeScript sse-parse suite's bytes (benchmarks/src/sse-input.ts,
/// written to a file by the harness): native <c>/ai/run</c> events and OpenAI chunks, cut into the same chunkings.
/// "client": <c>StreamEventsAsync</c> / <c>StreamChatCompletionAsync</c> of a generated client whose HttpClient
/// answers these bytes from memory (the whole public streaming path: request, headers, SSE, typed events).
/// "SseParser": System.Net.ServerSentEvents' <see cref="SseParser"/> on the same stream, each event's UTF-8 data
/// deserialised into the same public event type by System.Text.Json (source-generated), stopping at [DONE] —
/// what a hand-written client would do. Passes alternate; the ratio is the median of per-pair time ratios
/// (above 1: the client is faster), as in the TypeScript suite.
/// </summary>
internal static class SseBench
{
    public static async Task<List<SseRow>> RunAsync(IReadOnlyList<(string Flavour, string File)> inputs, IReadOnlyList<string> chunkings, int pairs, Action<string> log)
    {
        var rows = new List<SseRow>();
        foreach (var (flavour, file) in inputs)
        {
            var bytes = await File.ReadAllBytesAsync(file).ConfigureAwait(false);
            foreach (var chunking in chunkings)
            {
                var chunks = Chunk(bytes, chunking);
                Func<Task<int>> client = flavour == "native" ? NativeClient(chunks) : OpenAiClient(chunks);
                Func<Task<int>> parser = flavour == "native" ? Direct(chunks, SseJson.Default.TextGenerationSseEvent) : Direct(chunks, SseJson.Default.ChatCompletionChunk);
                var events = await client().ConfigureAwait(false);
                var parsed = await parser().ConfigureAwait(false);
                if (events != parsed || events == 0) throw new InvalidOperationException($"{flavour}/{chunking}: client read {events} events, SseParser {parsed}");
                for (var i = 0; i < 5; i++) { await client().ConfigureAwait(false); await parser().ConfigureAwait(false); }
                var clientTimes = new double[pairs];
                var parserTimes = new double[pairs];
                var ratios = new double[pairs];
                long clientAlloc = 0, parserAlloc = 0;
                for (var i = 0; i < pairs; i++)
                {
                    var first = i % 2 == 0;
                    (double Ms, long Bytes) a, b;
                    if (first) { a = await Time(client).ConfigureAwait(false); b = await Time(parser).ConfigureAwait(false); }
                    else { b = await Time(parser).ConfigureAwait(false); a = await Time(client).ConfigureAwait(false); }
                    clientTimes[i] = a.Ms; parserTimes[i] = b.Ms; ratios[i] = b.Ms / a.Ms;
                    clientAlloc += a.Bytes; parserAlloc += b.Bytes;
                }
                var row = new SseRow(flavour, chunking, bytes.Length, chunks.Count, events,
                    bytes.Length / (Median(clientTimes) / 1000) / 1e6, bytes.Length / (Median(parserTimes) / 1000) / 1e6,
                    Median(ratios), ratios.Count(r => r > 1) / (double)pairs,
                    clientAlloc / (double)pairs / events, parserAlloc / (double)pairs / events);
                log($"dotnet sse {flavour} {chunking}: client {row.ClientMBps:F1} MB/s, SseParser {row.ParserMBps:F1} MB/s, ratio {row.Ratio:F2}");
                rows.Add(row);
            }
        }
        return rows;
    }

    private static async Task<(double, long)> Time(Func<Task<int>> pass)
    {
        var total = GC.GetTotalAllocatedBytes(precise: true);
        var t0 = Stopwatch.GetTimestamp();
        await pass().ConfigureAwait(false);
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        return (ms, GC.GetTotalAllocatedBytes(precise: true) - total);
    }

    private static double Median(double[] values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>"whole", "per-event" or "fixed N B": the pieces a reader gets, as in the TypeScript suite.</summary>
    internal static List<ReadOnlyMemory<byte>> Chunk(byte[] bytes, string chunking)
    {
        var chunks = new List<ReadOnlyMemory<byte>>();
        if (chunking == "whole")
        {
            chunks.Add(bytes);
        }
        else if (chunking == "per-event")
        {
            var start = 0;
            for (var i = 1; i < bytes.Length; i++)
                if (bytes[i] == '\n' && bytes[i - 1] == '\n')
                {
                    chunks.Add(bytes.AsMemory(start, i + 1 - start));
                    start = i + 1;
                }
            if (start < bytes.Length) chunks.Add(bytes.AsMemory(start));
        }
        else if (chunking.StartsWith("fixed ", StringComparison.Ordinal) && int.TryParse(chunking.AsSpan(6).TrimEnd(" B"), out var size) && size > 0)
        {
            for (var i = 0; i < bytes.Length; i += size) chunks.Add(bytes.AsMemory(i, Math.Min(size, bytes.Length - i)));
        }
        else
        {
            throw new ArgumentException($"unknown chunking \"{chunking}\" (whole, per-event, fixed N B)");
        }
        return chunks;
    }

    private static Func<Task<int>> NativeClient(List<ReadOnlyMemory<byte>> chunks)
    {
        var client = new TextGenerationClient(MemoryHttp(chunks));
        return async () =>
        {
            var n = 0;
            await foreach (var e in client.StreamEventsAsync(HttpTargets.Model, new TextGenerationInput { Prompt = "Hi" }).ConfigureAwait(false))
                n += e is null ? 0 : 1;
            return n;
        };
    }

    private static Func<Task<int>> OpenAiClient(List<ReadOnlyMemory<byte>> chunks)
    {
        var client = new OpenAICompatibleClient(MemoryHttp(chunks));
        return async () =>
        {
            var n = 0;
            await foreach (var e in client.StreamChatCompletionAsync(new ChatCompletionRequest { Model = HttpTargets.Model, Messages = [new EdgeAi.Client.ChatMessage { Role = "user", Content = "Hi" }] }).ConfigureAwait(false))
                n += e is null ? 0 : 1;
            return n;
        };
    }

    private static Func<Task<int>> Direct<T>(List<ReadOnlyMemory<byte>> chunks, JsonTypeInfo<T> info) where T : class => async () =>
    {
        var n = 0;
        var parser = SseParser.Create(new ChunkedStream(chunks), (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, info));
        await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            if (item.Data is null) break;
            n++;
        }
        return n;
    };

    private static HttpClient MemoryHttp(List<ReadOnlyMemory<byte>> chunks) =>
        new(new MemoryHandler(chunks)) { BaseAddress = new Uri("http://sse.bench.invalid/client/v4/accounts/0123456789abcdef0123456789abcdef/") };

    /// <summary>Answers every request with the SSE bytes, handed out chunk by chunk.</summary>
    private sealed class MemoryHandler(List<ReadOnlyMemory<byte>> chunks) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new ChunkedStream(chunks));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A read-only stream that never returns more than the current chunk, as a socket hands over one packet.</summary>
    internal sealed class ChunkedStream(List<ReadOnlyMemory<byte>> chunks) : Stream
    {
        private int _chunk;
        private int _offset;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_chunk >= chunks.Count || buffer.IsEmpty) return 0;
            var current = chunks[_chunk].Span[_offset..];
            var n = Math.Min(current.Length, buffer.Length);
            current[..n].CopyTo(buffer);
            _offset += n;
            if (_offset == chunks[_chunk].Length) { _chunk++; _offset = 0; }
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

[JsonSerializable(typeof(TextGenerationSseEvent))]
[JsonSerializable(typeof(ChatCompletionChunk))]
internal sealed partial class SseJson : JsonSerializerContext;
