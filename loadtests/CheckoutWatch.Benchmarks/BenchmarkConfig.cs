using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace CheckoutWatch.Benchmarks;

/// <summary>
/// The shared configuration: allocations measured, artifacts under the git-ignored
/// loadtests/reports/benchmarks. No job is fixed here, so <c>--job short</c> (or dry, medium)
/// from the command line decides; without one, BenchmarkDotNet's default job runs.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create()
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.JoinSummary);
        return RepositoryRoot() is { } root
            ? config.WithArtifactsPath(Path.Combine(root, "loadtests", "reports", "benchmarks"))
            : config;
    }

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
