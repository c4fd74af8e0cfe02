namespace CheckoutWatch.LoadTests.Load;

/// <summary>One bounded run: who to hit, with what, at which rate, and the limits that make it stop by itself.</summary>
public sealed record RunSpec(string Name, string Target, IRequestSender Sender, LoadSimulation Load)
{
    /// <summary>No run lasts longer than this, whatever the simulation asks for.</summary>
    public static readonly TimeSpan MaxRunDuration = TimeSpan.FromHours(1);

    /// <summary>Requests allowed in flight at once; a due request past the cap is dropped by the client and counted.</summary>
    public int MaxInFlight { get; init; } = 256;

    /// <summary>Hard cap on requests; defaults to the simulation's expectation plus a margin.</summary>
    public long? MaxRequests { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Exponential inter-arrival times instead of evenly spaced ones.</summary>
    public bool Poisson { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Closed-loop runs only: the number of concurrent request loops.</summary>
    public int Connections { get; init; } = 16;

    public long RequestCap => MaxRequests ?? (long)Math.Min((Load.ExpectedRequests * 1.1) + 100, 50_000_000);

    public TimeSpan DurationCap => Load.Duration < MaxRunDuration ? Load.Duration : MaxRunDuration;
}
