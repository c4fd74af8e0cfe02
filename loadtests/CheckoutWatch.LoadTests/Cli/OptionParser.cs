using System.Globalization;

namespace CheckoutWatch.LoadTests.Cli;

/// <summary>
/// Parses <c>command [--name value | --name=value | --flag]...</c>. Rates take k/m suffixes
/// (<c>40k</c>), durations ms/s/m suffixes (<c>500ms</c>, <c>30s</c>, <c>2m</c>; bare numbers are seconds).
/// </summary>
public static class OptionParser
{
    private static readonly HashSet<string> _flags = ["quick", "ndjson", "poisson", "no-live"];

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new UsageException("Name a scenario first, e.g. 'baseline --quick'.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}'.");
            }

            var name = arg[2..];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (_flags.Contains(name))
            {
                value = "true";
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value (or is not an option; see --help).");
            }

            values[name] = value;
        }

        var reader = new OptionValues(values);
        var options = new HarnessOptions
        {
            Command = args[0].ToLowerInvariant(),
            Quick = reader.Flag("quick"),
            Target = reader.Text("target") is { } target ? LoopbackGuard.Parse(target) : null,
            ApiKey = reader.Text("key") ?? Environment.GetEnvironmentVariable("CHECKOUTWATCH_API_KEY") ?? "",
            EventsPerSecond = reader.Rate("rate"),
            Rates = reader.Text("rates")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => ParseRate("rates", r)).ToArray(),
            RampFrom = reader.Rate("ramp-from"),
            Duration = reader.Duration("duration"),
            Warmup = reader.Duration("warmup"),
            BatchSize = reader.Int("batch-size", 500, 1, 100_000),
            Ndjson = reader.Flag("ndjson"),
            Merchants = reader.Int("merchants", 100, 1, 1_000_000),
            MerchantPrefix = reader.Text("merchant-prefix") ?? "merchant-",
            ActiveSessions = reader.Int("sessions", 10_000, 1, 10_000_000),
            MaxInFlight = reader.Int("max-in-flight", 256, 1, 100_000),
            MaxRequests = reader.Text("max-requests") is { } max ? (long)ParseRate("max-requests", max) : null,
            RequestTimeout = reader.Duration("timeout") ?? TimeSpan.FromSeconds(10),
            Seed = reader.Int("seed", 42, int.MinValue, int.MaxValue),
            Poisson = reader.Flag("poisson"),
            Connections = reader.Int("connections", 16, 1, 10_000),
            Port = reader.Int("port", 0, 0, 65_535),
            ReportsDirectory = reader.Text("reports"),
            NoLive = reader.Flag("no-live"),
            StartRate = reader.Rate("start"),
            StepRate = reader.Rate("step"),
            StepDuration = reader.Duration("step-duration"),
            MaxSteps = reader.Text("max-steps") is null ? null : reader.Int("max-steps", 10, 1, 1_000),
            P99LimitMs = reader.Double("p99-limit-ms", 100),
            ErrorLimit = reader.Double("error-limit", 0.01),
            NodePid = reader.Text("node-pid") is null ? null : reader.Int("node-pid", 0, 1, int.MaxValue),
            Clients = reader.Text("clients") is null ? null : reader.Int("clients", 0, 1, 100_000),
            Incidents = reader.Text("incidents") is null ? null : reader.Int("incidents", 0, 1, 1_000),
            Count = reader.Text("count") is { } count ? (int)Math.Min(ParseRate("count", count), 50_000_000) : null,
            Capacity = reader.Rate("capacity"),
            GatewayPort = reader.Int("gateway-port", 30000, 1, 65_535),
            RawArguments = [.. args],
        };

        reader.ThrowOnUnused();
        return options;
    }

    public static double ParseRate(string name, string text)
    {
        var multiplier = 1.0;
        var number = text.Trim();
        if (number.EndsWith('k') || number.EndsWith('K'))
        {
            multiplier = 1_000;
            number = number[..^1];
        }
        else if (number.EndsWith('m') || number.EndsWith('M'))
        {
            multiplier = 1_000_000;
            number = number[..^1];
        }

        number = number.Replace("_", "", StringComparison.Ordinal);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
        {
            throw new UsageException($"--{name}: '{text}' is not a rate (e.g. 40000 or 40k).");
        }

        return value * multiplier;
    }

    public static TimeSpan ParseDuration(string name, string text)
    {
        var t = text.Trim();
        (string number, double scale) = t switch
        {
            _ when t.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (t[..^2], 0.001),
            _ when t.EndsWith('s') => (t[..^1], 1.0),
            _ when t.EndsWith('m') => (t[..^1], 60.0),
            _ when t.EndsWith('h') => (t[..^1], 3600.0),
            _ => (t, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value * scale > 86_400)
        {
            throw new UsageException($"--{name}: '{text}' is not a duration (e.g. 500ms, 30s, 2m).");
        }

        return TimeSpan.FromSeconds(value * scale);
    }
}
