using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeAi.Conformance.Tests;

// The scenario format of conformance/scenario.schema.json (the schema is the authority; these records only name
// what it already validated). Property names bind case-insensitively to the camelCase JSON.

/// <summary>One file under conformance/scenarios.</summary>
public sealed record ScenarioFile(IReadOnlyList<Scenario> Scenarios);

/// <summary>One scenario: a call, the emulator's behaviour and the expected outcome.</summary>
public sealed record Scenario(string Id, string Title, IReadOnlyList<string>? Covers, ScenarioCall Call, EmulatorBehaviour? Emulator, Expectation Expect)
{
    /// <summary>The file the scenario came from (for messages).</summary>
    public string File { get; init; } = "";

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>What the client is asked to do.</summary>
public sealed record ScenarioCall(string? Operation, string Model, bool? Stream, JsonObject Input, Fill? Fill, CallOptions? Options);

/// <summary>Sets a top-level input key to a long string before sending (oversized bodies).</summary>
public sealed record Fill(string Key, int Length);

/// <summary>Client settings for the call; null keeps the client's default.</summary>
public sealed record CallOptions(int? MaxRetries, int? RetryInitialDelayMs, int? RetryMaxDelayMs, int? TimeoutMs, int? AbortAfterMs);

/// <summary>Fault steps sent as <c>x-emulator-fault</c>.</summary>
public sealed record EmulatorBehaviour(IReadOnlyList<string>? Faults);

/// <summary>The expected outcome: a result or an error, the attempts and the minimum wait between them.</summary>
public sealed record Expectation(ResultExpectation? Result, ErrorExpectation? Error, int Attempts, int? MinWaitMs);

/// <summary>The expected error.</summary>
public sealed record ErrorExpectation(string Kind, int? Code, int? Status, int? AfterChunks);

/// <summary>The expected result (json, image or stream; fields of the other types stay null).</summary>
public sealed record ResultExpectation(
    string Type,
    IReadOnlyList<JsonObject>? Checks,
    string? MediaType,
    int? MinBytes,
    string? MagicHex,
    int? MinChunks,
    int? MaxChunks,
    int? TextMinLength,
    bool? Usage,
    bool? ToolCalls);

/// <summary>One row of conformance/error-kinds.json.</summary>
public sealed record ErrorKindRow(string Description, string Typescript, string Csharp, bool Retried);

internal static class ScenarioJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
}
