using System.Diagnostics;

namespace EdgeAi.Benchmarks;

/// <summary>One call of a target: a whole request/response round trip, body consumed.</summary>
internal delegate Task LoadCall();

/// <summary>Something to measure side by side with the others.</summary>
internal sealed record BenchTarget(string Name, string Description, LoadCall Call);

/// <summary>Figures of one measured window (latencies in milliseconds).</summary>
internal sealed record LoadResult(int Concurrency, long Requests, long Errors, string? FirstError, double ElapsedMs, double Rps, double P50, double P99, double AllocatedBytesPerCall, double CpuUsPerCall);

/// <summary>The reported round of one target at one concurrency, with every round's rate.</summary>
internal sealed record Measurement(LoadResult Median, double BestRps, double[] RoundsRps, double MinAllocatedBytesPerCall, double MinCpuUsPerCall);

/// <summary>
/// The TypeScript harness's load generator (benchmarks/src/load.ts, compare.ts) in C#: a closed loop of
/// <c>concurrency</c> callers, a warm-up whose samples are dropped, a measured window bounded by time and count;
/// targets alternate order round by round and the median-rate round is reported with the best round beside it.
/// Allocations per call come from <see cref="GC.GetTotalAllocatedBytes(bool)"/> over the measured window (every
/// thread of this process: the client's own work, the handlers, the socket reads; the server is another process).
/// CPU per call is this process's user + system time over the window (<see cref="Environment.CpuUsage"/>) divided
/// by the calls: other processes' load stretches wall time far more than it stretches a process's own CPU time.
/// </summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(LoadCall call, int concurrency, int warmupMs, int durationMs, long maxRequests)
    {
        if (warmupMs > 0)
        {
            var warmEnd = Stopwatch.GetTimestamp() + Ticks(warmupMs);
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (Stopwatch.GetTimestamp() < warmEnd)
                {
                    try { await call().ConfigureAwait(false); }
                    catch (Exception) { /* counted in the measured window */ }
                }
            })).ConfigureAwait(false);
        }
        var latencies = new double[Math.Min(maxRequests, 1 << 20)];
        long requests = 0, errors = 0, started = 0;
        string? firstError = null;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        var end = start + Ticks(durationMs);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Read(ref started) < maxRequests && Stopwatch.GetTimestamp() < end)
            {
                Interlocked.Increment(ref started);
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    await call().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref errors) == 1) firstError = $"{e.GetType().Name}: {e.Message}";
                    continue;
                }
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                var i = Interlocked.Increment(ref requests) - 1;
                if (i < latencies.Length) latencies[i] = ms;
            }
        })).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var sorted = latencies.AsSpan(0, (int)Math.Min(requests, latencies.Length)).ToArray();
        Array.Sort(sorted);
        return new LoadResult(concurrency, requests, errors, firstError, elapsed, requests / (elapsed / 1000), Percentile(sorted, 50), Percentile(sorted, 99),
            requests + errors == 0 ? double.NaN : (double)allocated / (requests + errors),
            requests + errors == 0 ? double.NaN : cpu.TotalMicroseconds / (requests + errors));
    }

    /// <summary>Every target alone for <paramref name="ms"/> at concurrency 1 (JIT, connections, replay recordings).</summary>
    public static async Task PrimeAsync(IReadOnlyList<BenchTarget> targets, int ms)
    {
        foreach (var t in targets)
        {
            var r = await RunAsync(t.Call, 1, 0, ms, long.MaxValue).ConfigureAwait(false);
            if (r.Requests == 0) throw new InvalidOperationException($"{t.Name} failed before measuring: {r.FirstError ?? "no call completed"}");
        }
    }

    public static async Task<Dictionary<string, Dictionary<int, Measurement>>> CompareAsync(
        IReadOnlyList<BenchTarget> targets, IEnumerable<int> concurrencies, int rounds, int warmupMs, int durationMs, long maxRequests, Action<string> log)
    {
        var output = targets.ToDictionary(t => t.Name, _ => new Dictionary<int, Measurement>());
        foreach (var c in concurrencies)
        {
            var results = targets.Select(_ => new List<LoadResult>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                var order = Enumerable.Range(0, targets.Count).ToArray();
                if (round % 2 == 1) Array.Reverse(order);
                foreach (var i in order)
                {
                    var r = await RunAsync(targets[i].Call, c, warmupMs, durationMs, maxRequests).ConfigureAwait(false);
                    results[i].Add(r);
                    log($"dotnet {targets[i].Name} c={c}: {r.Rps:F0} req/s p50 {r.P50:F3} ms p99 {r.P99:F3} ms {r.AllocatedBytesPerCall / 1024:F1} KiB/call {r.CpuUsPerCall:F1} µs CPU/call{(r.Errors > 0 ? $" errors {r.Errors} ({r.FirstError})" : "")}");
                }
            }
            for (var i = 0; i < targets.Count; i++)
            {
                var sorted = results[i].OrderBy(r => r.Rps).ToList();
                output[targets[i].Name][c] = new Measurement(sorted[(sorted.Count - 1) / 2], sorted[^1].Rps, [.. results[i].Select(r => r.Rps)], results[i].Min(r => r.AllocatedBytesPerCall), results[i].Min(r => r.CpuUsPerCall));
            }
        }
        return output;
    }

    private static long Ticks(int ms) => ms * Stopwatch.Frequency / 1000;

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
