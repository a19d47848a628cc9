using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Client.Tests;

/// <summary>The retry policy mirrors the TypeScript client; attempt counts come from the emulator's request log.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RetryTests(EmulatorFixture emulator) : IDisposable
{
    private readonly ServiceProvider _services = ClientFactory.Create(emulator);

    public void Dispose() => _services.Dispose();

    private Task<TextGenerationNoUsageResponse> Call(ServiceProvider? services = null) =>
        (services ?? _services).GetRequiredService<ITextGenerationClient>().Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x", MaxTokens = 4 });

    [Theory]
    [InlineData("rate-limit:0", 2)]
    [InlineData("capacity", 2)]
    [InlineData("server-error:503,server-error:500", 3)]
    [InlineData("reset", 2)]
    public async Task When_a_transient_failure_happens_then_the_call_is_retried_and_succeeds(string steps, int attempts)
    {
        using var fault = Faults.Inject(steps, out var key);

        var answer = await Call();

        Assert.True(answer.Success);
        Assert.Equal(attempts, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_failures_outlast_two_retries_then_the_last_error_is_thrown_after_three_attempts()
    {
        using var fault = Faults.Inject("capacity,capacity,capacity,none", out var key);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Call());

        Assert.Equal(EdgeAiErrorKind.Capacity, error.Kind);
        Assert.Equal(3040, error.Code);
        Assert.True(error.Retryable);
        Assert.Equal(3, (await emulator.RequestsAsync(key)).Count);
    }

    [Theory]
    [InlineData("quota")]
    [InlineData("forbidden")]
    [InlineData("unauthorized")]
    public async Task When_the_failure_is_not_transient_then_it_is_never_retried(string steps)
    {
        using var fault = Faults.Inject(steps, out var key);

        await Assert.ThrowsAnyAsync<EdgeAiException>(() => Call());

        Assert.Equal(1, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_the_server_sends_retry_after_then_the_retry_waits_that_long()
    {
        using var fault = Faults.Inject("rate-limit:1", out var key);

        await Call();

        var (count, stamps) = await emulator.RequestsAsync(key);
        Assert.Equal(2, count);
        // The configured backoff is at most 100 ms here, so a gap of ~1 s can only come from Retry-After.
        Assert.True(stamps[1] - stamps[0] >= 900, $"gap was {stamps[1] - stamps[0]} ms");
    }

    [Fact]
    public async Task When_retry_after_exceeds_the_cap_then_the_rate_limit_surfaces_at_once()
    {
        using var services = ClientFactory.Create(emulator, o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(500));
        using var fault = Faults.Inject("rate-limit:30", out var key);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Call(services));

        Assert.Equal(EdgeAiErrorKind.RateLimited, error.Kind);
        Assert.Equal(1, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_no_retry_after_is_sent_then_the_retry_waits_at_least_three_quarters_of_the_backoff()
    {
        using var services = ClientFactory.Create(emulator, o => { o.InitialRetryDelay = TimeSpan.FromMilliseconds(400); o.MaxRetryDelay = TimeSpan.FromSeconds(1); o.MaxRetries = 1; });
        using var fault = Faults.Inject("server-error:500", out var key);

        await Call(services);

        var (count, stamps) = await emulator.RequestsAsync(key);
        Assert.Equal(2, count);
        Assert.True(stamps[1] - stamps[0] >= 290, $"gap was {stamps[1] - stamps[0]} ms");
    }

    [Fact]
    public async Task When_the_first_byte_is_too_slow_then_the_attempt_times_out_and_is_retried()
    {
        using var services = ClientFactory.Create(emulator, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        using var fault = Faults.Inject("slow-first-byte:3000", out var key);

        var answer = await Call(services);

        Assert.True(answer.Success);
        Assert.Equal(2, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_every_attempt_times_out_then_a_timeout_error_is_thrown()
    {
        using var services = ClientFactory.Create(emulator, o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 1; });
        using var fault = Faults.Inject("slow-first-byte:2000,slow-first-byte:2000", out _);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Call(services));

        Assert.Equal(EdgeAiErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task When_retries_are_disabled_then_a_transient_failure_surfaces_at_once()
    {
        using var services = ClientFactory.Create(emulator, o => o.MaxRetries = 0);
        using var fault = Faults.Inject("server-error:500", out var key);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Call(services));

        Assert.Equal(EdgeAiErrorKind.Server, error.Kind);
        Assert.Equal(1, (await emulator.RequestsAsync(key)).Count);
    }
}
