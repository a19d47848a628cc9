namespace EdgeAi.Conformance.Tests;

/// <summary>
/// The gateway scenarios (conformance/gateway) through EdgeAi.Client's <c>Gateway</c> option against the emulator's
/// AI Gateway form; a scenario with <c>repeat</c> is called that many times with the same fault key and the last
/// outcome is judged, with the emulator's request log and the last answer's gateway headers.
/// </summary>
public sealed class GatewayConformanceTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly IReadOnlyDictionary<string, ErrorKindRow> Kinds = ScenarioSource.ErrorKinds();

    /// <summary>Gateway scenario ids, in the TypeScript runner's order.</summary>
    public static TheoryData<string> ScenarioIds() => [.. GatewayScenarios.Scenarios.Select(s => s.Id)];

    [Fact]
    public void When_the_gateway_folder_is_read_then_it_holds_the_gateway_scenarios()
    {
        Assert.True(GatewayScenarios.Scenarios.Count >= 8);
        Assert.All(GatewayScenarios.Scenarios, s => Assert.NotNull(GatewayScenarios.OptionsFor(s.Id, new Uri("http://127.0.0.1:1/client/v4"), "k")));
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public async Task When_a_gateway_scenario_runs_on_the_csharp_client_then_it_meets_its_expectations(string id)
    {
        var scenario = GatewayScenarios.Scenarios.Single(s => s.Id == id);
        var key = EmulatorFixture.NewFaultKey(scenario.Id);
        Outcome? outcome = null;
        for (var i = 0; i < GatewayScenarios.Repeat(id); i++)
            outcome = await new ClientInvoker(emulator, Kinds).RunAsync(scenario, key);
        var failures = Evaluator.Evaluate(scenario, outcome!, await emulator.StatsAsync(key)).ToList();
        failures.AddRange(GatewayScenarios.Evaluate(id, key));
        Assert.True(failures.Count == 0, $"{scenario.File} › {id}: {scenario.Title}\n  - {string.Join("\n  - ", failures)}");
    }
}
