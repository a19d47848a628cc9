using System.Globalization;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// Judges one run against its scenario; a port of conformance/src/evaluate.ts with the same sentences, so a
/// scenario fails for the same reasons in both runners.
/// </summary>
public static class Evaluator
{
    /// <summary>Resolution of the emulator's request timestamps; a measured gap may be this much short of the true one.</summary>
    public const int ClockGranularityMs = 1;

    /// <summary>The smallest gap between consecutive attempts, or null with fewer than two.</summary>
    public static long? MinGapMs(IReadOnlyList<long> timestamps)
    {
        long? min = null;
        for (var i = 1; i < timestamps.Count; i++)
        {
            var gap = timestamps[i] - timestamps[i - 1];
            if (min is null || gap < min) min = gap;
        }
        return min;
    }

    private static string Describe(Outcome outcome) => outcome switch
    {
        JsonOutcome => "a json result",
        ImageOutcome => "a image result",
        StreamOutcome => "a stream result",
        ErrorOutcome e => $"{e.TypeName} (kind {e.Kind ?? "none"}, code {Show(e.Code)}, status {Show(e.Status)}): {e.Message}",
        _ => outcome.GetType().Name,
    };

    private static string Show(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "none";

    /// <summary>Every way the outcome and the emulator's log differ from the scenario (empty = passed).</summary>
    public static IReadOnlyList<string> Evaluate(Scenario scenario, Outcome outcome, KeyStats stats)
    {
        var f = new List<string>();
        var expect = scenario.Expect;
        if (stats.Count != expect.Attempts)
            f.Add($"attempts: the emulator saw {stats.Count}, expected {expect.Attempts}");
        if (expect.MinWaitMs is int minWait)
        {
            var gap = MinGapMs(stats.Timestamps);
            if (gap is null) f.Add($"minWaitMs: fewer than two attempts, cannot measure a wait of {minWait} ms");
            // The emulator stamps arrivals in whole milliseconds (Date.now), so a true gap of 14.9 ms can read as 14.
            else if (gap + ClockGranularityMs < minWait) f.Add($"minWaitMs: attempts {gap} ms apart, expected at least {minWait} ms");
        }

        if (expect.Error is ErrorExpectation want)
        {
            if (outcome is not ErrorOutcome e)
            {
                f.Add($"expected error {want.Kind}, got {Describe(outcome)}");
                return f;
            }
            if (e.Kind != want.Kind) f.Add($"error kind: expected {want.Kind}, got {Describe(outcome)}");
            else if (!e.MatchesTableType) f.Add($"error type: {e.TypeName} is not the type error-kinds.json names for {want.Kind}");
            if (want.Code is int code && e.Code != code) f.Add($"error code: expected {code}, got {Show(e.Code)}");
            if (want.Status is int status && e.Status != status) f.Add($"error status: expected {status}, got {Show(e.Status)}");
            if (want.AfterChunks is int after && e.ChunksBeforeError < after)
                f.Add($"stream error after {e.ChunksBeforeError} chunk(s), expected at least {after}");
            return f;
        }

        var r = expect.Result!;
        switch (r.Type, outcome)
        {
            case ("json", JsonOutcome json):
                f.AddRange(JsonChecks.Run(json.Value, r.Checks ?? []).Select(m => $"result {m}"));
                break;
            case ("image", ImageOutcome img):
                if (!img.MediaType.StartsWith(r.MediaType!, StringComparison.OrdinalIgnoreCase))
                    f.Add($"image media type: expected {r.MediaType}, got {img.MediaType}");
                if (r.MinBytes is int minBytes && img.Bytes.Length < minBytes)
                    f.Add($"image: {img.Bytes.Length} bytes, expected at least {minBytes}");
                if (r.MagicHex is string magic)
                {
                    var head = Convert.ToHexStringLower(img.Bytes.AsSpan(0, Math.Min(img.Bytes.Length, magic.Length / 2)));
                    if (head != magic) f.Add($"image: starts with {head}, expected {magic}");
                }
                break;
            case ("stream", StreamOutcome s):
                var n = s.Chunks.Count;
                if (r.MinChunks is int minC && n < minC) f.Add($"stream: {n} chunk(s), expected at least {minC}");
                if (r.MaxChunks is int maxC && n > maxC) f.Add($"stream: {n} chunk(s), expected at most {maxC}");
                var text = string.Concat(s.Chunks.Select(c => c.Text));
                if (r.TextMinLength is int minT && text.Length < minT) f.Add($"stream text: {text.Length} characters, expected at least {minT}");
                if (r.Usage == true && !s.Chunks.Any(c => c.HasUsage)) f.Add("stream: no chunk carried usage");
                if (r.ToolCalls == true && !s.Chunks.Any(c => c.HasToolCalls)) f.Add("stream: no chunk carried tool calls");
                break;
            default:
                f.Add($"expected a {r.Type} result, got {Describe(outcome)}");
                break;
        }
        return f;
    }
}
