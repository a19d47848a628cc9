using System.Text.Json;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// Which generated client method serves a model: read from the NSwag export (openapi/dist/edge-ai.nswag.json), the
/// same document the C# client was generated from. A run path <c>/ai/run/@cf/author/name</c> has operationId
/// <c>Tag_Method</c>, which NSwag turns into <c>TagClient.MethodAsync</c>; unknown models go to <c>Run_RunModel</c>.
/// </summary>
public static class OperationMap
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ByPath = new(Load);

    /// <summary>The operationId of <c>POST</c> on an export path, or null.</summary>
    public static string? OperationIdFor(string path) => ByPath.Value.TryGetValue(path, out var id) ? id : null;

    /// <summary>(client class name, method name) for an operationId such as <c>TextGeneration_Llama31x8bInstructFast</c>.</summary>
    public static (string ClientClass, string Method) Split(string operationId)
    {
        var i = operationId.IndexOf('_', StringComparison.Ordinal);
        return ($"{operationId[..i]}Client", $"{operationId[(i + 1)..]}Async");
    }

    private static Dictionary<string, string> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioSource.RepoRoot, "openapi", "dist", "edge-ai.nswag.json")));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.TryGetProperty("post", out var post) && post.TryGetProperty("operationId", out var id))
                map[path.Name] = id.GetString()!;
        }
        return map;
    }
}
