namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// Every threshold of the merchant monitor, with defaults tuned for seconds-level detection and
/// no false alarms on stationary traffic (see the detection tests for the measured figures).
/// Binds from JSON/configuration: TimeSpans as "hh:mm:ss".
/// </summary>
public sealed record DetectionOptions
{
    public static DetectionOptions Default { get; } = new();

    public FailureSpikeOptions FailureSpike { get; init; } = new();
    public TrafficDropOptions TrafficDrop { get; init; } = new();
    public StuckSessionOptions StuckSessions { get; init; } = new();

    /// <summary>An alert stays open at least this long, so a short dip in a long incident does not resolve it.</summary>
    public TimeSpan MinFiringTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The resolve condition must hold this long before an alert resolves (hysteresis).</summary>
    public TimeSpan ResolveHold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A payment-failure spike alert of a merchant pages this long after it opens, unless a
    /// broader alert (the merchant-wide one over a slice, a PSP-wide one over a merchant's alert on
    /// that PSP) folded it meanwhile. The board shows it at once; only the page waits.
    /// </summary>
    public TimeSpan PagingGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The same incident firing again within this time re-opens the resolved alert instead of a new one.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Figures of an open alert are re-published at most this often (severity changes at once).</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// An event may be this far ahead of the last Evaluate time (events arriving between two ticks);
    /// later timestamps count as last Evaluate + this lead.
    /// </summary>
    public TimeSpan MaxEventLead { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Distinct affected sessions remembered per alert; beyond it the count is estimated from failures.</summary>
    public int MaxTrackedSessions { get; init; } = 10_000;
}
