using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace EdgeAi.Client;

/// <summary>
/// The answer's headers (content headers included, content winning on a repeated name) as the generated clients
/// hand them to exceptions and <see cref="FileResponse"/>. Copied into a dictionary on first read, not on every
/// call: a successful JSON answer never reads them (decision 0320). Exceptions read them in their constructor,
/// before the response is disposed.
/// </summary>
internal sealed class ResponseHeaders(HttpResponseMessage response) : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private Dictionary<string, IEnumerable<string>>? _copy;

    private Dictionary<string, IEnumerable<string>> Copy => _copy ??= Snapshot(response);

    public IEnumerable<string> this[string key] => Copy[key];

    public IEnumerable<string> Keys => Copy.Keys;

    public IEnumerable<IEnumerable<string>> Values => Copy.Values;

    public int Count => Copy.Count;

    public bool ContainsKey(string key) => Copy.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Copy.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Dictionary<string, IEnumerable<string>> Snapshot(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var item in response.Headers)
            headers[item.Key] = item.Value;
        if (response.Content?.Headers is { } content)
            foreach (var item in content)
                headers[item.Key] = item.Value;
        return headers;
    }
}
