using System.Net.Http.Json;
using EdgeAi.TestSupport;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// Starts the emulator CLI on port 0 once for the whole runner (through the shared
/// packages/dotnet/TestSupport/EmulatorProcess.cs, always from source), and reads the per-key request log the
/// scenarios' attempts and waits are measured from. The process is this fixture's own and is ended, with its
/// children, on dispose.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;
    private static readonly HttpClient Http = new();

    /// <summary>Base URL for the client (<c>http://127.0.0.1:PORT/client/v4</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _emulator = await EmulatorProcess.StartAsync(ScenarioSource.RepoRoot, preferBuilt: false, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        BaseUrl = _emulator.BaseUrl;
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
        _emulator?.Dispose();
        return Task.CompletedTask;
    }

    private sealed record StatsBody(string Key, int Count, long[] Timestamps);
}
