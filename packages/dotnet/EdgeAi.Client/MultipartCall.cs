using System.Net.Http.Headers;
using System.Text.Json;

namespace EdgeAi.Client;

/// <summary>
/// Sends the multipart operations that the NSwag export cannot describe (it turns a form body into an opaque
/// stream without a boundary), with the generated clients' error model: an API error throws
/// <see cref="EdgeAiApiException{TResult}"/> of <see cref="ErrorEnvelope"/>, an unparsable answer a validation error.
/// </summary>
internal static class MultipartCall
{
    /// <summary>A byte part with its form field name, file name and content type (buffered, so a retry can resend it).</summary>
    public static void AddFile(MultipartFormDataContent form, string field, string fileName, ReadOnlyMemory<byte> content, string contentType)
    {
        var part = new ReadOnlyMemoryContent(content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(field), FileName = Quote(fileName) };
        form.Add(part);
    }

    /// <summary>A text field (quoted name, like browsers send it).</summary>
    public static void AddField(MultipartFormDataContent form, string field, string value)
    {
        var part = new StringContent(value);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(field) };
        form.Add(part);
    }

    // .NET writes unquoted names (name=files); form parsers that follow browsers (RFC 7578 examples) expect quotes.
    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal)}\"";

    /// <summary>Sends <paramref name="request"/> (already prepared by the client's hooks) and reads a <typeparamref name="T"/> envelope.</summary>
    public static async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, Action<HttpResponseMessage> process, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var (name, values) in response.Headers)
            headers[name] = values;
        foreach (var (name, values) in response.Content.Headers)
            headers[name] = values;
        process(response);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (status == 200)
            return Parse<T>(text, status, headers) ?? throw new EdgeAiApiException("Response was null which was not expected.", status, text, headers, null);
        var envelope = Parse<ErrorEnvelope>(text, status, headers, swallow: true);
        if (envelope is null)
            throw new EdgeAiApiException("The error body is not an error envelope.", status, text, headers, null);
        throw new EdgeAiApiException<ErrorEnvelope>("Error envelope (any 4xx/5xx).", status, text, headers, envelope, null);
    }

    private static TValue? Parse<TValue>(string text, int status, Dictionary<string, IEnumerable<string>> headers, bool swallow = false)
        where TValue : class
    {
        try
        {
            return JsonSerializer.Deserialize(text, SseReader.Info<TValue>());
        }
        catch (JsonException e) when (!swallow)
        {
            throw new EdgeAiApiException($"Could not deserialize the response body as {typeof(TValue).Name}.", status, text, headers, e);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
