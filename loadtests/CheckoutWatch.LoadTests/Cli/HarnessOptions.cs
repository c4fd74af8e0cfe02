namespace CheckoutWatch.LoadTests.Cli;

/// <summary>
/// Everything the command line can set. Null means "the scenario's default", which differs
/// between a full run and <see cref="Quick"/> mode.
/// </summary>
public sealed class HarnessOptions
{
    public required string Command { get; init; }
    public bool Quick { get; init; }
    public Uri? Target { get; init; }
    public string ApiKey { get; init; } = "";

    /// <summary>Target arrival rate in events per second (requests/s = rate / batch size).</summary>
    public double? EventsPerSecond { get; init; }
    public IReadOnlyList<double>? Rates { get; init; }

    /// <summary>When set, measured runs ramp from this rate (events/s) up to the scenario's rate instead of holding it.</summary>
    public double? RampFrom { get; init; }
    public TimeSpan? Duration { get; init; }
    public TimeSpan? Warmup { get; init; }
    public int BatchSize { get; init; } = 500;
    public bool Ndjson { get; init; }
    public int Merchants { get; init; } = 100;
    public string MerchantPrefix { get; init; } = "merchant-";
    public int ActiveSessions { get; init; } = 10_000;
    public int MaxInFlight { get; init; } = 256;
    public long? MaxRequests { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public int Seed { get; init; } = 42;
    public bool Poisson { get; init; }
    public int Connections { get; init; } = 16;
    public int Port { get; init; }
    public string? ReportsDirectory { get; init; }
    public bool NoLive { get; init; }

    // Capacity search.
    public double? StartRate { get; init; }
    public double? StepRate { get; init; }
    public TimeSpan? StepDuration { get; init; }
    public int? MaxSteps { get; init; }
    public double P99LimitMs { get; init; } = 100;
    public double ErrorLimit { get; init; } = 0.01;

    // Node-level scenarios (alert-latency, fanout, sessions, overload, grains, scaling).

    /// <summary>The node's process id, to read its resident memory from /proc/&lt;pid&gt;/status.</summary>
    public int? NodePid { get; init; }

    /// <summary>fanout: board clients to connect.</summary>
    public int? Clients { get; init; }

    /// <summary>alert-latency and fanout: incidents to inject, each on a fresh merchant.</summary>
    public int? Incidents { get; init; }

    /// <summary>sessions: concurrent in-flight sessions to grow to.</summary>
    public int? Count { get; init; }

    /// <summary>overload: the node's measured capacity in events/s (the run offers twice that).</summary>
    public double? Capacity { get; init; }

    /// <summary>grains: the node's Orleans gateway port.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The arguments as typed, for the report.</summary>
    public IReadOnlyList<string> RawArguments { get; init; } = [];
}
