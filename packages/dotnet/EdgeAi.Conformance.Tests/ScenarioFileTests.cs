using System.Text.Json;
using Json.Schema;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// The C# side reads the same files as the TypeScript side: each must be valid against scenario.schema.json here
/// too, and every kind the scenarios use must name a C# type this runner can find.
/// </summary>
public sealed class ScenarioFileTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(ScenarioSource.ConformanceDir, "scenario.schema.json")));

    public static TheoryData<string> Files() => [.. ScenarioSource.Files()];

    [Theory]
    [MemberData(nameof(Files))]
    public void When_a_scenario_file_is_read_then_it_is_valid_against_the_schema(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScenarioSource.ConformanceDir, "scenarios", file)));
        var result = Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{file}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void When_a_scenario_breaks_the_schema_then_validation_fails()
    {
        using var json = JsonDocument.Parse("""{"scenarios":[{"id":"Bad Id","title":"short","call":{"model":"gpt-4","input":{}},"expect":{"attempts":-1}}]}""");
        Assert.False(Schema.Evaluate(json.RootElement).IsValid);
    }

    [Fact]
    public void When_the_files_are_loaded_then_there_are_at_least_40_scenarios_with_unique_ids()
    {
        var ids = ScenarioSource.Scenarios.Select(s => s.Id).ToList();
        Assert.True(ids.Count >= 40, $"only {ids.Count} scenarios");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void When_the_error_kind_table_is_read_then_every_csharp_type_exists()
    {
        var missing = ScenarioSource.ErrorKinds()
            .Where(k => (typeof(EdgeAi.Client.EdgeAiException).Assembly.GetType(k.Value.Csharp) ?? Type.GetType(k.Value.Csharp)) is null)
            .Select(k => $"{k.Key}: {k.Value.Csharp}");
        Assert.Empty(missing);
    }
}
