using System.Text.Json;

namespace EdgeAi.Client;

/// <summary>
/// Every failure of the client: switch on <see cref="Kind"/> (the names of <see cref="EdgeAiErrorKind"/>), and on
/// <see cref="Code"/> when the Cloudflare code matters (the API reuses statuses: a 429 is a rate limit, 3040 capacity
/// or 3036 quota). Messages never contain the API token.
/// </summary>
public class EdgeAiException : Exception
{
    /// <summary>Creates an exception of a given kind.</summary>
    public EdgeAiException(string kind, string message, int? statusCode = null, int? code = null, bool retryable = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        Code = code;
        Retryable = retryable;
    }

    /// <summary>One of <see cref="EdgeAiErrorKind"/>; safe to persist and compare across languages.</summary>
    public string Kind { get; }

    /// <summary>The HTTP status, when an answer arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The first Cloudflare error code of the body (for example 3040), when it had one.</summary>
    public int? Code { get; }

    /// <summary>Whether the default retry policy treats this failure as transient.</summary>
    public bool Retryable { get; }
}

/// <summary>
/// The exception class the generated clients throw (nswag.json: <c>exceptionClass</c>). Its constructors have the
/// signatures NSwag emits; they classify the answer so generated and hand-written paths share one error model.
/// </summary>
public class EdgeAiApiException : EdgeAiException
{
    private const int MaxBody = 2048;

    /// <summary>Called by generated code for unexpected answers and unreadable bodies.</summary>
    public EdgeAiApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(ErrorClassifier.Classify(statusCode, response), message, statusCode, response, headers, innerException)
    {
    }

    private EdgeAiApiException(ErrorClassification c, string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(c.Kind, $"HTTP {statusCode}: {c.Summary ?? message}", statusCode, c.Code, c.Retryable, innerException)
    {
        Response = response is { Length: > MaxBody } ? response[..MaxBody] : response;
        Headers = headers;
        Errors = c.Errors;
        RequestId = headers.TryGetValue("cf-ray", out var ray) ? ray.FirstOrDefault() : null;
    }

    /// <summary>The raw body, truncated to 2 KiB (kept for non-JSON answers such as a proxy's HTML 502).</summary>
    public string? Response { get; }

    /// <summary>Response headers (the request's Authorization header is never part of them).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The <c>errors[]</c> entries of the Cloudflare envelope.</summary>
    public IReadOnlyList<ErrorDetail> Errors { get; }

    /// <summary>The <c>cf-ray</c> header, which Cloudflare support asks for.</summary>
    public string? RequestId { get; }
}

/// <summary>The generated clients' typed error: <typeparamref name="TResult"/> is the parsed error body.</summary>
/// <typeparam name="TResult">The error schema (ErrorEnvelope).</typeparam>
public class EdgeAiApiException<TResult> : EdgeAiApiException
{
    /// <summary>Called by generated code when the error body parsed as <typeparamref name="TResult"/>.</summary>
    public EdgeAiApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response ?? ErrorClassifier.Serialize(result), headers, innerException)
    {
        Result = result;
    }

    /// <summary>The parsed error body.</summary>
    public TResult Result { get; }
}

/// <summary>One <c>errors[]</c> entry; <see cref="Code"/> is absent on some model-input validation errors.</summary>
/// <param name="Code">The Cloudflare code, if any.</param>
/// <param name="Message">The message text.</param>
public sealed record ErrorDetail(int? Code, string Message);

internal sealed record ErrorClassification(string Kind, bool Retryable, int? Code, string? Summary, IReadOnlyList<ErrorDetail> Errors);

/// <summary>Kind and retryability of one error code or status, from the contract's error table.</summary>
/// <param name="Kind">One of <see cref="EdgeAiErrorKind"/>.</param>
/// <param name="Retryable">Whether the same request may succeed later.</param>
internal sealed record ErrorRule(string Kind, bool Retryable);

/// <summary>
/// Maps an answer to a kind: the Cloudflare code wins over the HTTP status (table generated from
/// openapi/errors.yaml into ErrorTable.g.cs by scripts/generate-errors.ts), a 2xx that failed to parse is a validation error.
/// </summary>
internal static class ErrorClassifier
{
    /// <summary>The parsed error body as JSON again, when the generated client did not keep the text.</summary>
    public static string? Serialize<T>(T value) => value is null ? null : JsonSerializer.Serialize(value, SseReader.Info<T>());

    public static ErrorClassification Classify(int status, string? body)
    {
        var errors = ParseErrors(body);
        var code = errors.FirstOrDefault(e => e.Code is not null)?.Code;
        var first = errors.Count > 0 ? errors[0] : null;
        var summary = first is null ? null : first.Code is null ? first.Message : $"{first.Code}: {first.Message}";
        if (status is >= 200 and < 300)
            return new(EdgeAiErrorKind.Validation, false, code, summary ?? "the body does not match the contract", errors);
        // The generated table (openapi/errors.yaml, shared with TypeScript): status + code rules, then the first known code, then the status.
        var rule = ErrorTable.Classify(status, errors.Select(e => e.Code));
        return new(rule.Kind, rule.Retryable, code, summary, errors);
    }

    /// <summary>Reads <c>errors[]</c> from the envelope, <c>{error: string}</c> (discovery) or OpenAI's <c>{error: {message}}</c>.</summary>
    public static IReadOnlyList<ErrorDetail> ParseErrors(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] is not ('{' or '['))
            return [];
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return [];
            if (root.TryGetProperty("errors", out var arr) && arr.ValueKind == JsonValueKind.Array)
                return [.. arr.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ToDetail)];
            if (root.TryGetProperty("error", out var err))
            {
                if (err.ValueKind == JsonValueKind.String)
                    return [new ErrorDetail(null, err.GetString() ?? "")];
                if (err.ValueKind == JsonValueKind.Object)
                    return [ToDetail(err)];
            }
        }
        catch (JsonException)
        {
            // a proxy may label HTML as JSON; the status decides then
        }
        return [];
    }

    private static ErrorDetail ToDetail(JsonElement e)
    {
        int? code = null;
        if (e.TryGetProperty("code", out var c))
        {
            if (c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n)) code = n;
            else if (c.ValueKind == JsonValueKind.String && int.TryParse(c.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s)) code = s;
        }
        var message = e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
        return new ErrorDetail(code, message);
    }
}
