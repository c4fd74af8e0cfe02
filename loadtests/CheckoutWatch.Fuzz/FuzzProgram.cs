using System.Globalization;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// <c>dotnet run --project loadtests/CheckoutWatch.Fuzz -c Release -- [--seed N] [--requests N]
/// [--concurrency N] [--max-minutes N] [--server-dll PATH] [--report FILE]</c>: starts the built
/// node on loopback, fuzzes it, stops it. Exit code 0 only when every check passed.
/// </summary>
public static class FuzzProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Parse(args);
        var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
        var settings = new FuzzSettings
        {
            Seed = seed,
            RunId = options.GetValueOrDefault("run-id", $"fz{seed}-{DateTime.UtcNow:HHmmss}"),
            Requests = int.Parse(options.GetValueOrDefault("requests", "100000"), CultureInfo.InvariantCulture),
            Concurrency = int.Parse(options.GetValueOrDefault("concurrency", "8"), CultureInfo.InvariantCulture),
            MaxDuration = TimeSpan.FromMinutes(double.Parse(options.GetValueOrDefault("max-minutes", "12"), CultureInfo.InvariantCulture)),
            ProgressEvery = 10_000,
        };
        var dll = options.GetValueOrDefault("server-dll", "src/CheckoutWatch.Server/bin/Release/net10.0/CheckoutWatch.Server.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} not found: build the solution in Release first, or pass --server-dll.");
            return 2;
        }

        var logPath = Path.Combine(Path.GetTempPath(), $"checkoutwatch-fuzz-node-{settings.RunId}.log");
        Console.WriteLine($"Starting the node ({dll}); its log: {logPath}");
        await using var node = await NodeLauncher.StartAsync(dll, settings, logPath);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency })
        {
            BaseAddress = node.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Console.WriteLine($"Fuzzing {node.Address} with {settings.Requests:N0} requests, seed {settings.Seed}, run id {settings.RunId}");
        using var board = await node.SignInBoardAsync();
        var report = await new FuzzRunner(client, node.Key, settings, () => node.Alive, Console.Out, board).RunAsync();
        var markdown = report.ToMarkdown("dotnet run --project loadtests/CheckoutWatch.Fuzz -c Release -- " + string.Join(' ', args));
        Console.WriteLine(markdown);
        if (options.TryGetValue("report", out var reportPath))
        {
            await File.WriteAllTextAsync(reportPath, markdown);
        }

        return report.Passed ? 0 : 1;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
