using System.Diagnostics;
using System.Text;

namespace EdgeAi.TestSupport;

/// <summary>
/// The local Workers AI emulator (@edge-ai/mocks) as a child process on port 0, its URL read from the first stdout
/// line. Linked as source (<c>&lt;Compile Include=... Link=...&gt;</c>) into every C# test project that needs the emulator, so the
/// start-up and the banner parsing live in one place; each project's fixture keeps its own extras (presets, the
/// per-key request-log reader). The process is ended, with its children, on dispose.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    /// <summary>The emulator's first stdout line starts with this, then names the API root (packages/mocks/src/cli.ts).</summary>
    public const string Banner = "edge-ai emulator listening on ";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The API root, e.g. http://127.0.0.1:41234/client/v4.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// Starts the CLI from <paramref name="repoRoot"/>: the built packages/mocks/dist/cli.js through node when
    /// <paramref name="preferBuilt"/> is set, the build exists and EDGE_AI_EMULATOR_FROM_SOURCE is unset;
    /// otherwise the TypeScript source through <c>pnpm exec tsx</c>. Fails with the child's stderr when the first
    /// line is not the banner, the child exits first, or nothing arrives within <paramref name="timeout"/>.
    /// <paramref name="extraArgs"/> go to the CLI as they are (the benchmarks pass <c>--no-rate-limits</c>).
    /// </summary>
    public static async Task<EmulatorProcess> StartAsync(string repoRoot, bool preferBuilt, TimeSpan timeout, params string[] extraArgs)
    {
        var built = Path.Combine(repoRoot, "packages/mocks/dist/cli.js");
        var start = preferBuilt && File.Exists(built) && Environment.GetEnvironmentVariable("EDGE_AI_EMULATOR_FROM_SOURCE") is null
            ? new ProcessStartInfo("node", [built, "--port", "0", "--quiet", .. extraArgs])
            : new ProcessStartInfo("pnpm", ["exec", "tsx", "--conditions=@edge-ai/source", "packages/mocks/src/cli.ts", "--port", "0", "--quiet", .. extraArgs]);
        start.WorkingDirectory = repoRoot;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the emulator ({start.FileName})");

        var firstLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        string Stderr() { lock (stderr) return stderr.ToString(); }
        // Reading stdout by events also keeps draining it after the first line, so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not string line || firstLine.Task.IsCompleted) return;
            if (line.StartsWith(Banner, StringComparison.Ordinal)) firstLine.TrySetResult(line[Banner.Length..].Trim());
            else firstLine.TrySetException(new InvalidOperationException($"unexpected emulator output: {line} {Stderr()}"));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Exited += (_, _) => firstLine.TrySetException(new InvalidOperationException($"the emulator exited early: {Stderr()}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var done = await Task.WhenAny(firstLine.Task, Task.Delay(timeout)).ConfigureAwait(false);
            if (done != firstLine.Task)
                throw new TimeoutException($"the emulator printed no listening line within {timeout.TotalSeconds} s: {Stderr()}");
            return new EmulatorProcess(process, new Uri(await firstLine.Task.ConfigureAwait(false)));
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
    }
}

/// <summary>Finds the repository root (the folder holding pnpm-workspace.yaml) above the test binaries.</summary>
internal static class RepoRoot
{
    /// <summary>The nearest folder above <see cref="AppContext.BaseDirectory"/> holding pnpm-workspace.yaml.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "pnpm-workspace.yaml")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (pnpm-workspace.yaml) not found above " + AppContext.BaseDirectory);
    }
}
