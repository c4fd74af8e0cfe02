namespace CheckoutWatch.LoadTests.Reports;

/// <summary>A scenario-specific table (ratios, capacity steps, wrk beside the harness) that every report format renders.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns)
{
    public List<IReadOnlyList<string>> Rows { get; } = [];

    public ReportTable Add(params string[] cells)
    {
        Rows.Add(cells);
        return this;
    }
}
