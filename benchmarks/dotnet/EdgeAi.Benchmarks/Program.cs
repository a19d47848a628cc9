using System.ClientModel;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EdgeAi.Client;
using EdgeAi.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

var config = ManualConfig.CreateEmpty()
    .AddJob(Job.Default.WithWarmupCount(6).WithIterationCount(20).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
    .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summary = BenchmarkRunner.Run<ClientBenchmarks>(config);
var path = Path.Combine(RepoRoot.Find(), "benchmarks/results/dotnet-latest.md");
File.WriteAllText(path, Report.Markdown(summary));
Console.WriteLine($"wrote {path}");

/// <summary>One chat call per benchmark, every client on the same emulator process.</summary>
[MemoryDiagnoser]
public class ClientBenchmarks
{
    private const string Model = "@cf/meta/llama-3.1-8b-instruct-fast";
    private const string Account = "0123456789abcdef0123456789abcdef";
    private EmulatorProcess _emulator = null!;
    private ServiceProvider _services = null!;
    private HttpClient _raw = null!;
    private ITextGenerationClient _edge = null!;
    private IOpenAICompatibleClient _edgeOpenAi = null!;
    private IChatClient _meai = null!;
    private ChatClient _openAi = null!;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = EmulatorProcess.StartAsync(RepoRoot.Find(), preferBuilt: true, TimeSpan.FromSeconds(60), "--no-rate-limits").GetAwaiter().GetResult();
        var api = _emulator.BaseUrl.ToString().TrimEnd('/');
        var services = new ServiceCollection();
        services.AddEdgeAiClient(o => { o.AccountId = Account; o.ApiToken = "bench"; o.BaseUrl = _emulator.BaseUrl; });
        _services = services.BuildServiceProvider();
        _edge = _services.GetRequiredService<ITextGenerationClient>();
        _edgeOpenAi = _services.GetRequiredService<IOpenAICompatibleClient>();
        _meai = _services.GetRequiredService<IChatClient>();
        _raw = new HttpClient { BaseAddress = new Uri($"{api}/accounts/{Account}/") };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
        _openAi = new ChatClient(Model, new ApiKeyCredential("bench"), new OpenAIClientOptions { Endpoint = new Uri($"{api}/accounts/{Account}/ai/v1") });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _raw.Dispose();
        _emulator.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ, /ai/run")]
    public async Task<string?> RawRun()
    {
        using var response = await _raw.PostAsJsonAsync($"ai/run/{Model}", new RawInput("Hello"), RawJson.Default.RawInput);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(RawJson.Default.RawEnvelope);
        return body?.Result?.Response;
    }

    [Benchmark(Description = "EdgeAi.Client, /ai/run")]
    public async Task<string?> EdgeAiRun() => (await _edge.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "Hello" })).Result?.Response;

    [Benchmark(Description = "EdgeAi.Client, /ai/v1 chat")]
    public async Task<string?> EdgeAiOpenAi() =>
        (await _edgeOpenAi.CreateChatCompletionAsync(new ChatCompletionRequest { Model = Model, Messages = [new EdgeAi.Client.ChatMessage { Role = "user", Content = "Hello" }] })).Choices[0].Message.Content;

    [Benchmark(Description = "MEAI IChatClient over EdgeAi.Client, /ai/v1")]
    public async Task<string> Meai() => (await _meai.GetResponseAsync("Hello")).Text;

    [Benchmark(Description = "OpenAI .NET SDK 2.15.0, /ai/v1 chat")]
    public async Task<string> OpenAiSdk() => (await _openAi.CompleteChatAsync([new UserChatMessage("Hello")])).Value.Content[0].Text;
}

public sealed record RawInput([property: JsonPropertyName("prompt")] string Prompt);

public sealed record RawResult([property: JsonPropertyName("response")] string? Response);

public sealed record RawEnvelope([property: JsonPropertyName("result")] RawResult? Result);

[JsonSerializable(typeof(RawInput))]
[JsonSerializable(typeof(RawEnvelope))]
internal sealed partial class RawJson : JsonSerializerContext;

internal static class Report
{
    public static string Markdown(Summary summary)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# edge-ai .NET benchmarks");
        sb.AppendLine();
        sb.AppendLine($"Generated {DateTime.UtcNow:O} by `dotnet run -c Release --project benchmarks/dotnet/EdgeAi.Benchmarks` (BenchmarkDotNet 0.15.8, in-process, 6 warm-up + 20 measured iterations). {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}. All clients call ONE emulator process on 127.0.0.1 (no rate limits), one call at a time: the emulator's own time (a few hundred µs) is in every row, so ratios understate client differences. The OpenAI goal of the issue (≥ 1.5x) was set against the TypeScript harness's replay server; against the emulator it cannot show. Shared machine: compare ratios within this run only.");
        sb.AppendLine();
        sb.AppendLine("| client | median µs | mean µs ± error | allocated per call | throughput ratio (median) |");
        sb.AppendLine("| --- | --- | --- | --- | --- |");
        var reports = summary.Reports.Where(r => r.ResultStatistics is not null).ToList();
        string Name(BenchmarkReport r) => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
        double Median(string d) => reports.First(r => Name(r).Contains(d, StringComparison.Ordinal)).ResultStatistics!.Median;
        var raw = Median("raw HttpClient");
        var openAi = Median("OpenAI .NET SDK");
        var edgeV1 = Median("EdgeAi.Client, /ai/v1");
        foreach (var r in reports)
        {
            var stats = r.ResultStatistics!;
            var alloc = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase);
            var name = Name(r);
            var ratio = name switch
            {
                _ when name.StartsWith("EdgeAi.Client, /ai/run", StringComparison.Ordinal) => $"{raw / stats.Median:F2}x raw HttpClient + STJ (goal ≥ 0.8x) {(raw / stats.Median >= 0.8 ? "✓" : "✗")}",
                _ when name.StartsWith("EdgeAi.Client, /ai/v1", StringComparison.Ordinal) => $"{openAi / stats.Median:F2}x OpenAI SDK (goal ≥ 1.5x) {(openAi / stats.Median >= 1.5 ? "✓" : "✗")}",
                _ when name.StartsWith("MEAI", StringComparison.Ordinal) => $"adapter overhead: {stats.Median / edgeV1:F2}x the time of EdgeAi.Client on /ai/v1",
                _ => "",
            };
            sb.AppendLine($"| {name} | {stats.Median / 1000:F1} | {stats.Mean / 1000:F1} ± {stats.StandardError / 1000:F1} | {(alloc is long a ? $"{a / 1024.0:F1} KiB" : "n/a")} | {ratio} |");
        }
        sb.AppendLine();
        sb.AppendLine("Not measured here: SSE parsing throughput against System.Net.ServerSentEvents used directly (EdgeAi.Client parses with it).");
        return sb.ToString();
    }
}
