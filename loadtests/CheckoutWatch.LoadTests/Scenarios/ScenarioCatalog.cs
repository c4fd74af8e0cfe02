namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>Every scenario by name. A new scenario is one class and one line here.</summary>
public static class ScenarioCatalog
{
    public static readonly IReadOnlyList<IScenario> All =
    [
        new BaselineScenario(),
        new IngestScenario(),
        new CompareScenario(),
        new CapacityScenario(),
        new WrkCheckScenario(),
        new ServeBaselineScenario(),
        new SampleScenario(),
        new AlertLatencyScenario(),
        new FanoutScenario(),
        new SessionsScenario(),
        new OverloadScenario(),
        new GrainsScenario(),
        new ScalingScenario(),
    ];

    public static IScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
