using System.Text.Json.Nodes;

namespace EdgeAi.Conformance.Tests;

/// <summary>One chunk of a stream as the client surfaced it.</summary>
/// <param name="Text">The text delta ("" for tool-call or usage-only chunks).</param>
/// <param name="HasUsage">Whether the chunk carried token usage.</param>
/// <param name="HasToolCalls">Whether the chunk carried tool calls (native or in an OpenAI delta).</param>
public sealed record ObservedChunk(string Text, bool HasUsage, bool HasToolCalls);

/// <summary>What a run observed; mirrors conformance/src/outcome.ts.</summary>
public abstract record Outcome;

/// <summary>A JSON result (the envelope's <c>result</c>, or an unwrapped OpenAI body), serialised from the client's DTO.</summary>
public sealed record JsonOutcome(JsonNode? Value) : Outcome;

/// <summary>A binary image result.</summary>
public sealed record ImageOutcome(string MediaType, byte[] Bytes) : Outcome;

/// <summary>A stream's chunks.</summary>
public sealed record StreamOutcome(IReadOnlyList<ObservedChunk> Chunks) : Outcome;

/// <summary>A failed call, reduced to what both clients expose.</summary>
/// <param name="Kind">The error kind (EdgeAiException.Kind, or the table's kind for a mapped .NET type).</param>
/// <param name="Code">The Cloudflare code, if any.</param>
/// <param name="Status">The HTTP status, if any.</param>
/// <param name="TypeName">The exception's type, for messages.</param>
/// <param name="MatchesTableType">Whether the exception is an instance of the type error-kinds.json names for the expected kind.</param>
/// <param name="Message">The exception message.</param>
/// <param name="ChunksBeforeError">Stream chunks read before the error.</param>
public sealed record ErrorOutcome(string? Kind, int? Code, int? Status, string TypeName, bool MatchesTableType, string Message, int ChunksBeforeError) : Outcome;

/// <summary>What the emulator logged for one fault key.</summary>
public sealed record KeyStats(int Count, IReadOnlyList<long> Timestamps);
