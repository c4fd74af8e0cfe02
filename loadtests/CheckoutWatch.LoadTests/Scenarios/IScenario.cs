namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// One scenario of the harness, run by name from the command line. A scenario is a small class:
/// it sets up what it needs through the <see cref="ScenarioContext"/>, runs one or more bounded
/// runs, and adds its own tables and verdicts to the report. Register it in <see cref="ScenarioCatalog"/>.
/// </summary>
public interface IScenario
{
    /// <summary>The command-line name, e.g. <c>baseline</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>The command line with the options this scenario reads.</summary>
    string Usage { get; }

    /// <summary>False for commands that measure nothing (no report folder is written).</summary>
    bool WritesReport => true;

    /// <summary>True when request errors are part of the measurement (capacity) rather than a failure.</summary>
    bool ToleratesErrors => false;

    Task RunAsync(ScenarioContext context);
}
