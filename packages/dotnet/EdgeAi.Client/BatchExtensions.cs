using System.Text.Json;

namespace EdgeAi.Client;

/// <summary>The state of an async batch: still <see cref="Status"/>, or finished with a <see cref="Result"/>.</summary>
/// <param name="Status">Set while the batch is queued or running.</param>
/// <param name="Result">Set when it is done; responses sorted by <c>id</c> (the index into the submitted requests).</param>
public sealed record BatchPoll(BatchStatus? Status, BatchResult? Result)
{
    /// <summary>True once the responses are there.</summary>
    public bool IsDone => Result is not null;
}

/// <summary>
/// Async batch (beta) over the generic run operation: submit with <c>?queueRequest=true</c> and
/// <c>{requests: [...]}</c>, then poll with <c>{request_id}</c>. Hand-written because a batch item is "any model
/// input plus external_reference", which the export cannot type per model.
/// </summary>
public static class BatchExtensions
{
    /// <summary>Queues <paramref name="requests"/> (each a normal model input, optionally with <c>external_reference</c>).</summary>
    /// <example><c>var queued = await run.SubmitBatchAsync("@cf/baai/bge-base-en-v1.5", [new { text = new[] { "a" } }]);</c></example>
    public static async Task<BatchStatus> SubmitBatchAsync(this IRunClient run, string modelId, IEnumerable<object> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(requests);
        var body = new Dictionary<string, object> { ["requests"] = requests.ToList() };
        var answer = await run.RunModelAsync(modelId, body, QueueRequest.True, cancellationToken).ConfigureAwait(false);
        return Convert<BatchStatus>(answer.Result, "a queued batch status");
    }

    /// <summary>Asks once for the state of a batch.</summary>
    public static async Task<BatchPoll> PollBatchAsync(this IRunClient run, string modelId, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var body = new Dictionary<string, object> { ["request_id"] = requestId };
        var answer = await run.RunModelAsync(modelId, body, QueueRequest.True, cancellationToken).ConfigureAwait(false);
        if (answer.Result is JsonElement { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("responses", out _))
        {
            var result = Convert<BatchResult>(answer.Result, "a batch result");
            result.Responses = [.. result.Responses.OrderBy(r => r.Id)];
            return new BatchPoll(null, result);
        }
        return new BatchPoll(Convert<BatchStatus>(answer.Result, "a batch status"), null);
    }

    /// <summary>Polls every <paramref name="interval"/> until the batch is done.</summary>
    public static async Task<BatchResult> WaitForBatchAsync(this IRunClient run, string modelId, string requestId, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var poll = await run.PollBatchAsync(modelId, requestId, cancellationToken).ConfigureAwait(false);
            if (poll.Result is not null)
                return poll.Result;
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static T Convert<T>(object? result, string what)
    {
        try
        {
            return result is JsonElement e ? e.Deserialize(SseReader.Info<T>()) ?? throw new JsonException("null") : throw new JsonException("no result");
        }
        catch (JsonException ex)
        {
            throw new EdgeAiException(EdgeAiErrorKind.Validation, $"expected {what}: {ex.Message}", innerException: ex);
        }
    }
}
