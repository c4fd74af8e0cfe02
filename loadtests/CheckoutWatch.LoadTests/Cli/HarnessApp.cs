using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Reports;
using CheckoutWatch.LoadTests.Scenarios;
using Spectre.Console;

namespace CheckoutWatch.LoadTests.Cli;

/// <summary>
/// Parses the command line, runs the named scenario, prints the summary and writes the reports.
/// Exit codes: 0 no request failed, 1 failures (or the scenario's own verdict), 2 bad command line.
/// </summary>
public static class HarnessApp
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args.Any(a => a is "--help" or "-h" or "help"))
        {
            Console.Out.Write(UsageText.Build());
            return args.Length == 0 ? BadUsage : Passed;
        }

        HarnessOptions options;
        try
        {
            options = OptionParser.Parse(args);
        }
        catch (UsageException ex)
        {
            return Usage(ex.Message);
        }

        if (ScenarioCatalog.Find(options.Command) is not { } scenario)
        {
            return Usage($"Unknown scenario '{options.Command}'.");
        }

        if (Console.IsOutputRedirected)
        {
            // Logs and CI: no terminal to ask for its width, and 80 columns crush the tables.
            AnsiConsole.Profile.Width = 180;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var report = new ScenarioReport
        {
            Scenario = scenario.Name,
            Title = $"CheckoutWatch load test: {scenario.Name}{(options.Quick ? " (quick)" : "")}",
            CommandLine = "loadtests " + string.Join(' ', args),
            Machine = MachineInfo.Current(),
            Quick = options.Quick,
        };
        if (report.Machine.Busy)
        {
            report.Notes.Add($"The machine was busy when the run began (load average {report.Machine.LoadAverageAtStart:0.##} on {report.Machine.Cores} cores): latency figures are noisy; the pass/fail verdict on errors still holds.");
        }

        var directory = ReportWriter.DirectoryFor(scenario.Name, options.ReportsDirectory, report.StartedAt);
        var context = new ScenarioContext(options, report, directory, cancel.Token);
        try
        {
            await scenario.RunAsync(context).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            return Usage(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            report.Failures.Add($"{scenario.Name} stopped with {ex.GetType().Name}: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: noted below.
        }

        report.FinishedAt = DateTimeOffset.UtcNow;
        if (MachineInfo.LoadAverage() is { } endLoad)
        {
            report.Notes.Add($"Load average at the end: {endLoad:0.##} (at the start: {report.Machine.LoadAverageAtStart:0.##}) on {report.Machine.Cores} cores.");
        }

        if (cancel.IsCancellationRequested)
        {
            report.Failures.Add("Cancelled (Ctrl+C) before the end.");
        }

        if (!scenario.ToleratesErrors)
        {
            AddRequestFailures(report);
        }

        if (!scenario.WritesReport)
        {
            // Commands that measure nothing keep stdout for their own output.
            foreach (var failure in report.Failures)
            {
                Console.Error.WriteLine(failure);
            }

            return report.Passed ? Passed : Failed;
        }

        ConsoleSummary.Print(report);
        if (report.Runs.Count > 0 || report.Warmups.Count > 0 || report.Notes.Count > 0)
        {
            foreach (var path in await ReportWriter.WriteAsync(report, directory).ConfigureAwait(false))
            {
                AnsiConsole.WriteLine($"report: {path}");
            }
        }

        return report.Passed ? Passed : Failed;
    }

    private static void AddRequestFailures(ScenarioReport report)
    {
        foreach (var run in report.Warmups.Concat(report.Runs).Where(r => r.Failed > 0))
        {
            var kinds = string.Join(", ", run.Errors.Take(3).Select(e => $"{e.Kind} × {Format.Count(e.Count)}"));
            report.Failures.Add($"{run.Name}: {Format.Count(run.Failed)} of {Format.Count(run.Sent)} requests failed ({kinds}).");
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine();
        Console.Error.Write(UsageText.Build());
        return BadUsage;
    }
}
