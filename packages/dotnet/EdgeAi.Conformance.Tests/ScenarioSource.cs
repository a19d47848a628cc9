using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// Reads the shared files of conformance/ (the scenarios, the error-kind table, EXCEPTIONS.md) from the repository
/// this project sits in, so the C# runner judges exactly what the TypeScript runner judges.
/// </summary>
public static partial class ScenarioSource
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<IReadOnlyList<Scenario>> All = new(Load);

    /// <summary>The repository root (the folder holding pnpm-workspace.yaml).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The conformance/ folder.</summary>
    public static string ConformanceDir => Path.Combine(RepoRoot, "conformance");

    /// <summary>Every scenario, files in ordinal name order, scenarios in file order (the TypeScript runner's order).</summary>
    public static IReadOnlyList<Scenario> Scenarios => All.Value;

    /// <summary>The scenario files' names.</summary>
    public static IEnumerable<string> Files() =>
        Directory.GetFiles(Path.Combine(ConformanceDir, "scenarios"), "*.json").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!;

    /// <summary>The error-kind table.</summary>
    public static IReadOnlyDictionary<string, ErrorKindRow> ErrorKinds()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ConformanceDir, "error-kinds.json")));
        return doc.RootElement.GetProperty("kinds").Deserialize<Dictionary<string, ErrorKindRow>>(ScenarioJson.Options)!;
    }

    /// <summary>Scenario ids EXCEPTIONS.md lists for the C# client, with the written reason.</summary>
    public static IReadOnlyDictionary<string, string> CsharpExceptions()
    {
        var path = Path.Combine(ConformanceDir, "EXCEPTIONS.md");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return result;
        foreach (var line in File.ReadAllLines(path))
        {
            var m = ExceptionLine().Match(line.Trim());
            if (m.Success && m.Groups[2].Value == "csharp")
                result[m.Groups[1].Value] = m.Groups[3].Value.Trim();
        }
        return result;
    }

    private static List<Scenario> Load()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<Scenario>();
        foreach (var file in Files())
        {
            var parsed = JsonSerializer.Deserialize<ScenarioFile>(File.ReadAllText(Path.Combine(ConformanceDir, "scenarios", file)), ScenarioJson.Options)
                ?? throw new InvalidDataException($"{file}: empty scenario file");
            foreach (var s in parsed.Scenarios)
            {
                if (!seen.Add(s.Id))
                    throw new InvalidDataException($"{file}: scenario id {s.Id} is used twice");
                list.Add(s with { File = file });
            }
        }
        return list;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pnpm-workspace.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "conformance")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no repository root (pnpm-workspace.yaml + conformance/) above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^- `([a-z0-9-]+)` \((typescript|csharp)\): (.+)$")]
    private static partial Regex ExceptionLine();
}
