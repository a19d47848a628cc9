using System.Diagnostics;
using System.Text.Json;

namespace EdgeAi.Client.Tests.Emulator;

/// <summary>
/// Starts the local Workers AI emulator (@edge-ai/mocks, through node) on a free port for the whole test run.
/// Set EDGE_AI_EMULATOR_URL to use one that is already running.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private const string Banner = "edge-ai emulator listening on ";
    private Process? _process;

    /// <summary>The API root, e.g. http://127.0.0.1:41234/client/v4.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Origin of the emulator's own endpoints (/__emulator/...).</summary>
    public Uri Origin => new(BaseUrl.GetLeftPart(UriPartial.Authority));

    public async Task InitializeAsync()
    {
        var preset = Environment.GetEnvironmentVariable("EDGE_AI_EMULATOR_URL");
        if (!string.IsNullOrEmpty(preset))
        {
            BaseUrl = new Uri(preset);
            return;
        }
        var root = RepoRoot.Find();
        var built = Path.Combine(root, "packages/mocks/dist/cli.js");
        var start = File.Exists(built) && Environment.GetEnvironmentVariable("EDGE_AI_EMULATOR_FROM_SOURCE") is null
            ? new ProcessStartInfo("node", [built, "--port", "0", "--quiet"])
            : new ProcessStartInfo("pnpm", ["exec", "tsx", "--conditions=@edge-ai/source", "packages/mocks/src/cli.ts", "--port", "0", "--quiet"]);
        start.WorkingDirectory = root;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var line = await _process.StandardOutput.ReadLineAsync(cts.Token);
        if (line is null || !line.StartsWith(Banner, StringComparison.Ordinal))
            throw new InvalidOperationException($"unexpected emulator output: {line}");
        BaseUrl = new Uri(line[Banner.Length..].Trim());
        // Keep draining stdout so the child never blocks on a full pipe.
        _ = Task.Run(async () => { while (await _process.StandardOutput.ReadLineAsync() is not null) { } });
    }

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

    /// <summary>How many requests carried <c>x-emulator-fault-key: key</c>, and when (ms since epoch).</summary>
    public async Task<(int Count, double[] Timestamps)> RequestsAsync(string key)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(Origin, $"/__emulator/requests?key={Uri.EscapeDataString(key)}"));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var stamps = root.TryGetProperty("timestamps", out var t) ? t.EnumerateArray().Select(x => x.GetDouble()).ToArray() : [];
        return (root.GetProperty("count").GetInt32(), stamps);
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator";
}

internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "pnpm-workspace.yaml")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (pnpm-workspace.yaml) not found above " + AppContext.BaseDirectory);
    }
}
