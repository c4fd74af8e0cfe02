namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>Where the built server is: the same configuration as these tests, beside them in the tree.</summary>
internal static class ServerBuild
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Dll { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CheckoutWatch.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "CheckoutWatch.Server", "bin", Configuration, "net10.0", "CheckoutWatch.Server.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first ({Configuration}).", dll);
            }
        }

        throw new DirectoryNotFoundException("No CheckoutWatch.sln above " + AppContext.BaseDirectory);
    }
}
