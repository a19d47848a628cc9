using System.Text.Json.Nodes;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// The checks language against conformance/checks-fixtures.json, the cases the TypeScript unit tests run too: both
/// evaluators must accept, reject and word each failure the same way.
/// </summary>
public sealed class JsonChecksTests
{
    private static readonly JsonArray Cases =
        JsonNode.Parse(File.ReadAllText(Path.Combine(ScenarioSource.ConformanceDir, "checks-fixtures.json")))!["cases"]!.AsArray();

    public static TheoryData<string> CaseNames() => [.. Cases.Select(c => c!["name"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void When_a_shared_fixture_is_checked_then_the_failures_match_the_typescript_runner(string name)
    {
        var c = Cases.Single(x => x!["name"]!.GetValue<string>() == name)!;
        var checks = c["checks"]!.AsArray().Select(x => x!.AsObject());
        var expected = c["failures"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        Assert.Equal(expected, JsonChecks.Run(c["value"], checks));
    }

    [Fact]
    public void When_attempts_and_waits_differ_then_the_evaluator_reports_both_like_the_typescript_runner()
    {
        var scenario = new Scenario("x", "A scenario for the evaluator tests.", null,
            new ScenarioCall(null, "@cf/a/b", null, [], null, null), null,
            new Expectation(null, new ErrorExpectation("capacity", 3040, null, null), 2, 100));
        var outcome = new ErrorOutcome("capacity", 3036, 429, "X", true, "busy", 0);
        var failures = Evaluator.Evaluate(scenario, outcome, new KeyStats(3, [0, 20, 45]));
        Assert.Equal(
            ["attempts: the emulator saw 3, expected 2", "minWaitMs: attempts 20 ms apart, expected at least 100 ms", "error code: expected 3040, got 3036"],
            failures);
    }
}
