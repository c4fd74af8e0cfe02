using CheckoutWatch.LoadTests.Reports;
using Spectre.Console;

namespace CheckoutWatch.LoadTests.Cli;

/// <summary>The end-of-run summary in the console: the same tables as the reports.</summary>
public static class ConsoleSummary
{
    public static void Print(ScenarioReport report)
    {
        AnsiConsole.WriteLine();
        if (report.Runs.Count > 0)
        {
            Print(RunSummaryTable.Build("Runs (latency per batch in ms, from the scheduled send time)", report.Runs));
        }

        foreach (var table in report.Tables)
        {
            Print(table);
        }

        var errors = RunSummaryTable.Errors(report.Warmups.Concat(report.Runs));
        if (errors.Rows.Count > 0)
        {
            Print(errors);
        }

        foreach (var note in report.Notes)
        {
            AnsiConsole.MarkupLine($"[grey]•[/] {Markup.Escape(note)}");
        }

        foreach (var failure in report.Failures)
        {
            AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(failure)}[/]");
        }

        AnsiConsole.MarkupLine(report.Passed ? "[green]✓ passed: no request failed[/]" : "[red]✗ FAILED[/]");
    }

    private static void Print(ReportTable source)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(source.Title));
        foreach (var column in source.Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }

        foreach (var row in source.Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
    }
}
