using System.Text.Json;
using EdgeAi.TestSupport;

namespace EdgeAi.Client.Tests.Emulator;

/// <summary>
/// Starts the local Workers AI emulator (@edge-ai/mocks, through node) on a free port for the whole test run.
/// Set EDGE_AI_EMULATOR_URL to use one that is already running. Start-up and banner parsing are shared with the
/// other C# test projects (packages/dotnet/TestSupport/EmulatorProcess.cs).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;

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
        _emulator = await EmulatorProcess.StartAsync(RepoRoot.Find(), preferBuilt: true, TimeSpan.FromSeconds(90));
        BaseUrl = _emulator.BaseUrl;
    }

    public Task DisposeAsync()
    {
        _emulator?.Dispose();
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
