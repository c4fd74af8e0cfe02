using System.Globalization;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>Writes report.md, report.json and report.html into <c>loadtests/reports/&lt;timestamp&gt;-&lt;scenario&gt;/</c>.</summary>
public static class ReportWriter
{
    /// <summary>The folder for this invocation: under --reports if given, else loadtests/reports of the repository.</summary>
    public static string DirectoryFor(string scenario, string? reportsRoot, DateTimeOffset startedAt)
    {
        var root = reportsRoot ?? Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "loadtests", "reports");
        return Path.Combine(root, $"{startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{scenario}");
    }

    public static async Task<IReadOnlyList<string>> WriteAsync(ScenarioReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new (string Name, string Content)[]
        {
            ("report.md", MarkdownReport.Render(report)),
            ("report.json", JsonReport.Render(report)),
            ("report.html", HtmlReport.Render(report)),
        };
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, content).ConfigureAwait(false);
            paths.Add(path);
        }

        foreach (var chart in report.Charts)
        {
            var path = Path.Combine(directory, chart.FileName);
            await File.WriteAllTextAsync(path, chart.Svg).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The nearest folder up from the working directory that holds CheckoutWatch.sln.</summary>
    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CheckoutWatch.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
