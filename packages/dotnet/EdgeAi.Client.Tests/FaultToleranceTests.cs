using System.Diagnostics;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Client.Tests;

/// <summary>
/// The fault-injection soak of packages/reliability (issue 7), at a size fit for every CI run, for the C# client:
/// concurrent calls against the emulator with 10 % injected faults of every kind. Each call must settle before its
/// deadline with a result or an <see cref="EdgeAiException"/>; the emulator's per-key request log must show the same
/// attempt counts the TypeScript soak demands (recovery after exactly n+1 attempts, at most three, 3036 and mid-stream
/// cuts exactly one); attempt timeouts must cut slow answers instead of waiting for them.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class FaultToleranceTests(EmulatorFixture emulator)
{
    private const string Model = "@cf/meta/llama-3.1-8b-instruct-fast";
    private const int MaxRetries = 2;
    private const int Calls = 240;
    private const int Concurrency = 16;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(1500);

    private sealed record Fault(string Name, string Step, bool Retryable, bool StreamOnly, string[] Kinds, bool Timing = false);

    // The same kinds as packages/reliability/src/fault-plan.ts (Retry-After 0 here: the gap itself is RetryTests' job).
    private static readonly Fault[] Kinds =
    [
        new("rate-limit", "rate-limit:0", true, false, [EdgeAiErrorKind.RateLimited]),
        new("capacity-3040", "capacity", true, false, [EdgeAiErrorKind.Capacity]),
        new("quota-3036", "quota", false, false, [EdgeAiErrorKind.QuotaExhausted]),
        new("server-503", "server-error:503", true, false, [EdgeAiErrorKind.Server]),
        new("html-502", "html-502", true, false, [EdgeAiErrorKind.Server]),
        new("reset", "reset", true, false, [EdgeAiErrorKind.Connection]),
        new("slow-first-byte", "slow-first-byte:5000", true, false, [EdgeAiErrorKind.Timeout], Timing: true),
        new("stream-cut", "stream-cut:2", false, true, [EdgeAiErrorKind.Stream, EdgeAiErrorKind.Connection]),
    ];

    private sealed record Plan(int Index, bool Stream, Fault? Fault, int Repeats)
    {
        public string Header => Fault is null ? "none" : string.Join(',', Enumerable.Repeat(Fault.Step, Repeats));
    }

    private sealed record Outcome(Plan Plan, string Key, bool Settled, bool Ok, string? Kind, string? Untyped, double Ms);

    /// <summary>Every tenth call is faulted; kinds and repeat counts rotate so each combination occurs.</summary>
    private static Plan PlanFor(int i)
    {
        if (i % 10 != 3)
            return new Plan(i, i % 3 == 0, null, 1);
        var n = i / 10;
        var fault = Kinds[n % Kinds.Length];
        var repeats = fault.Retryable ? 1 + (n / Kinds.Length % (MaxRetries + 1)) : 1;
        return new Plan(i, fault.StreamOnly || i % 3 == 0, fault, repeats);
    }

    private static TimeSpan DeadlineFor(Plan plan) =>
        // every attempt may use its whole limit, backoff is at most 100 ms (ClientFactory), plus queueing slack
        TimeSpan.FromTicks(AttemptTimeout.Ticks * (MaxRetries + 1)) + TimeSpan.FromSeconds(10);

    private static async Task Execute(ITextGenerationClient chat, Plan plan)
    {
        if (plan.Stream)
        {
            await foreach (var _ in chat.StreamEventsAsync(Model, new TextGenerationInput { Prompt = $"soak {plan.Index}", MaxTokens = 8 }))
            {
            }
        }
        else
        {
            await chat.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = $"soak {plan.Index}", MaxTokens = 4 });
        }
    }

    private static async Task<Outcome> RunOne(ITextGenerationClient chat, Plan plan)
    {
        // Inside this async method, so the AsyncLocal fault scope is this call's alone.
        using var scope = Faults.Inject(plan.Header, out var key);
        var clock = Stopwatch.StartNew();
        var call = Execute(chat, plan);
        var first = await Task.WhenAny(call, Task.Delay(DeadlineFor(plan)));
        if (first != call)
        {
            _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe a late failure
            return new Outcome(plan, key, false, false, null, null, clock.Elapsed.TotalMilliseconds);
        }
        try
        {
            await call;
            return new Outcome(plan, key, true, true, null, null, clock.Elapsed.TotalMilliseconds);
        }
        catch (EdgeAiException e)
        {
            return new Outcome(plan, key, true, false, e.Kind, null, clock.Elapsed.TotalMilliseconds);
        }
#pragma warning disable CA1031 // anything else is exactly what this test reports
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Outcome(plan, key, true, false, null, $"{e.GetType().Name}: {e.Message}", clock.Elapsed.TotalMilliseconds);
        }
    }

    [Fact]
    public async Task When_every_fault_kind_hits_concurrent_calls_then_each_settles_typed_and_within_the_retry_policy()
    {
        using var services = ClientFactory.Create(emulator, o => o.AttemptTimeout = AttemptTimeout);
        var chat = services.GetRequiredService<ITextGenerationClient>();
        using var gate = new SemaphoreSlim(Concurrency);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await RunOne(chat, PlanFor(i));
            }
            finally
            {
                gate.Release();
            }
        }));

        var violations = new List<string>();
        var maxAttempts = MaxRetries + 1;
        foreach (var o in outcomes)
        {
            var (plan, fault) = (o.Plan, o.Plan.Fault);
            var label = $"call {plan.Index} ({fault?.Name ?? "clean"} x{plan.Repeats}, {(plan.Stream ? "stream" : "json")})";
            if (!o.Settled)
            {
                violations.Add($"{label}: did not settle within {DeadlineFor(plan).TotalMilliseconds} ms");
                continue;
            }
            if (o.Untyped is not null)
                violations.Add($"{label}: untyped {o.Untyped}");
            var ended = o.Ok ? "ok" : o.Kind ?? o.Untyped;
            if (fault is null)
            {
                if (!o.Ok)
                    violations.Add($"{label}: a clean call failed with {ended}");
            }
            else if (fault.Timing)
            {
                if (!o.Ok && !fault.Kinds.Contains(o.Kind))
                    violations.Add($"{label}: ended {ended}");
            }
            else if (!fault.Retryable || plan.Repeats > MaxRetries)
            {
                if (o.Ok || !fault.Kinds.Contains(o.Kind))
                    violations.Add($"{label}: ended {ended}, expected {string.Join('/', fault.Kinds)}");
            }
            else if (!o.Ok)
            {
                violations.Add($"{label}: ended {ended}, expected recovery after {plan.Repeats} retries");
            }

            if (fault is null && plan.Index % 5 != 0)
                continue; // clean calls: a sample of the request log is enough
            var (count, _) = await emulator.RequestsAsync(o.Key);
            var expected = fault is null || !fault.Retryable ? 1 : Math.Min(plan.Repeats, MaxRetries) + 1;
            if (count > maxAttempts)
                violations.Add($"{label}: {count} attempts exceed the policy's {maxAttempts}");
            else if (fault?.Timing == true ? count < expected : count != expected)
                violations.Add($"{label}: {count} attempts, expected {expected}");
        }

        Assert.Empty(violations);
        foreach (var kind in Kinds)
            Assert.Contains(outcomes, o => o.Plan.Fault == kind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task When_the_first_byte_never_comes_in_time_then_each_attempt_is_cut_at_the_attempt_timeout(bool stream)
    {
        using var services = ClientFactory.Create(emulator, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        var chat = services.GetRequiredService<ITextGenerationClient>();
        using var fault = Faults.Inject("slow-first-byte:5000,slow-first-byte:5000,slow-first-byte:5000", out var key);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Execute(chat, new Plan(0, stream, null, 1)));

        Assert.Equal(EdgeAiErrorKind.Timeout, error.Kind);
        Assert.Equal(3, (await emulator.RequestsAsync(key)).Count);
        // Three attempts of 300 ms plus backoff, nowhere near one 5 s answer.
        Assert.True(clock.ElapsedMilliseconds < 4000, $"took {clock.ElapsedMilliseconds} ms");
    }
}
