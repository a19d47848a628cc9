using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeAi.Benchmarks;

// The C# half of `pnpm bench` (suite `dotnet`, benchmarks/src/suites/dotnet.ts): the harness starts the emulator
// and the replay server, writes the SSE input, runs this program with their URL and reads the JSON it writes.
//   EdgeAi.Benchmarks --base-url http://127.0.0.1:PORT/client/v4 --out result.json
//     [--rounds 5] [--warmup-ms 200] [--duration-ms 600] [--prime-ms 700] [--max-requests N] [--concurrency 1,16]
//     [--sse native=FILE --sse openai=FILE] [--sse-chunkings "whole;fixed 65536 B;per-event"] [--sse-pairs 80]
//     [--only http|sse|micro] [--profile yes] [--targets "name part;name part"]
var a = Args.Parse(args);
var log = (string line) => Console.WriteLine($"  {line}");
var output = new BenchOutput
{
    Runtime = $".NET {Environment.Version}",
    Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
    ProcessorCount = Environment.ProcessorCount,
    Gc = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
};
if (a.Only == "micro")
{
    await Micro.RunAsync(new Uri(a.Require("base-url")), a.Get("account", "0123456789abcdef0123456789abcdef"), a.Get("token", "bench-token"), a.Int("iterations", 20_000), a.Int("rounds", 5));
    return;
}
if (a.Only is null or "http")
{
    using var targets = new HttpTargets(new Uri(a.Require("base-url")), a.Get("account", "0123456789abcdef0123456789abcdef"), a.Get("token", "bench-token"), a.Get("profile", "no") == "yes");
    // --targets "a;b": only the targets whose names contain one of these (profiling runs).
    var chosen = a.Get("targets", "") is { Length: > 0 } filter
        ? [.. targets.Targets.Where(t => filter.Split(';').Any(f => t.Name.Contains(f, StringComparison.Ordinal)))]
        : targets.Targets;
    await Load.PrimeAsync(chosen, a.Int("prime-ms", 700));
    log($"dotnet: primed {chosen.Count} targets");
    var byTarget = await Load.CompareAsync(chosen, a.Get("concurrency", "1,16").Split(',').Select(int.Parse), a.Int("rounds", 5), a.Int("warmup-ms", 200), a.Int("duration-ms", 600), a.Int("max-requests", 200_000), log);
    output.Http = [.. chosen.Select(t => new HttpRow(t.Name, t.Description, byTarget[t.Name].ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value)))];
}
if (a.Only is null or "sse")
{
    var inputs = a.All("sse").Select(s => s.Split('=', 2)).Select(p => (p[0], p[1])).ToList();
    var chunkings = a.Get("sse-chunkings", "whole;fixed 65536 B;per-event;fixed 1024 B;fixed 37 B").Split(';');
    output.SsePairs = a.Int("sse-pairs", 80);
    output.Sse = inputs.Count == 0 ? [] : await SseBench.RunAsync(inputs, chunkings, output.SsePairs, log);
}
await File.WriteAllTextAsync(a.Require("out"), JsonSerializer.Serialize(output, OutputJson.Default.BenchOutput));
log($"dotnet: wrote {a.Require("out")}");

/// <summary>What this program hands to the TypeScript harness.</summary>
internal sealed class BenchOutput
{
    public string Runtime { get; set; } = "";
    public string Os { get; set; } = "";
    public int ProcessorCount { get; set; }
    public string Gc { get; set; } = "";
    public List<HttpRow> Http { get; set; } = [];
    public int SsePairs { get; set; }
    public List<SseRow> Sse { get; set; } = [];
}

internal sealed record HttpRow(string Name, string Description, Dictionary<string, Measurement> ByConcurrency);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, WriteIndented = true)]
[JsonSerializable(typeof(BenchOutput))]
internal sealed partial class OutputJson : JsonSerializerContext;

/// <summary>--name value pairs; a repeated name keeps every value.</summary>
internal sealed class Args
{
    private readonly List<(string Name, string Value)> _pairs = [];

    public static Args Parse(string[] argv)
    {
        var a = new Args();
        for (var i = 0; i < argv.Length; i++)
        {
            if (!argv[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= argv.Length)
                throw new ArgumentException($"expected --name value, got \"{argv[i]}\"");
            a._pairs.Add((argv[i][2..], argv[++i]));
        }
        return a;
    }

    public string? Only => _pairs.LastOrDefault(p => p.Name == "only").Value;
    public string Get(string name, string fallback) => _pairs.LastOrDefault(p => p.Name == name).Value ?? fallback;
    public string Require(string name) => _pairs.LastOrDefault(p => p.Name == name).Value ?? throw new ArgumentException($"--{name} is required");
    public int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
    public IEnumerable<string> All(string name) => _pairs.Where(p => p.Name == name).Select(p => p.Value);
}
