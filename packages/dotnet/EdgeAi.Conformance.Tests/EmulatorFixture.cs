using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// Starts the emulator CLI on port 0 (its first stdout line names the URL) once for the whole runner, and reads
/// the per-key request log the scenarios' attempts and waits are measured from. The process is this fixture's own
/// and is ended, with its children, on dispose.
/// </summary>
public sealed partial class EmulatorFixture : IAsyncLifetime
{
    private Process? _process;
    private static readonly HttpClient Http = new();

    /// <summary>Base URL for the client (<c>http://127.0.0.1:PORT/client/v4</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("pnpm")
        {
            WorkingDirectory = ScenarioSource.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", "tsx", "--conditions=@edge-ai/source", "packages/mocks/src/cli.ts", "--port", "0", "--quiet" })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator (pnpm exec tsx ...)");

        var firstLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is string line && ListeningLine().Match(line) is { Success: true } m) firstLine.TrySetResult(m.Groups[1].Value);
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        _process.Exited += (_, _) => firstLine.TrySetException(new InvalidOperationException($"the emulator exited early: {stderr}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var done = await Task.WhenAny(firstLine.Task, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false);
        if (done != firstLine.Task)
            throw new TimeoutException($"the emulator printed no listening line within 60 s: {stderr}");
        BaseUrl = new Uri(await firstLine.Task.ConfigureAwait(false));
    }

    /// <summary>A fault key no other run uses.</summary>
    public static string NewFaultKey(string scenarioId) => $"cs-{scenarioId}-{Guid.NewGuid():N}";

    /// <summary>What the emulator logged for <paramref name="key"/>.</summary>
    public async Task<KeyStats> StatsAsync(string key)
    {
        var url = new Uri(BaseUrl, $"/__emulator/requests?key={Uri.EscapeDataString(key)}");
        var body = await Http.GetFromJsonAsync<StatsBody>(url).ConfigureAwait(false)
            ?? throw new InvalidDataException($"empty stats for {key}");
        return new KeyStats(body.Count, body.Timestamps);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private sealed record StatsBody(string Key, int Count, long[] Timestamps);

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/client/v4)")]
    private static partial Regex ListeningLine();
}
