using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>What one invocation of the harness measured and concluded; rendered as Markdown, JSON and HTML.</summary>
public sealed class ScenarioReport
{
    public required string Scenario { get; init; }
    public required string Title { get; init; }
    public required string CommandLine { get; init; }
    public required MachineInfo Machine { get; init; }
    public required bool Quick { get; init; }
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>Measured runs, in the order they ran.</summary>
    public List<RunResult> Runs { get; } = [];

    /// <summary>Warm-up runs: not part of the figures, but their errors count.</summary>
    public List<RunResult> Warmups { get; } = [];
    public List<ReportTable> Tables { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Scenario-specific plots (scaling curves, delivery spread), each written as its own .svg file and drawn in report.html.</summary>
    public List<ReportChart> Charts { get; } = [];

    /// <summary>Why the scenario failed; empty when it passed.</summary>
    public List<string> Failures { get; } = [];
    public bool Passed => Failures.Count == 0;
}
