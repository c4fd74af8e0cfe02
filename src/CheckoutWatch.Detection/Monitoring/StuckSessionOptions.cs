namespace CheckoutWatch.Detection.Monitoring;

/// <summary>Aggregation of per-session stuck findings into one merchant-level stuck_sessions alert.</summary>
public sealed record StuckSessionOptions
{
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>At least this many stuck sessions in the window …</summary>
    public int MinSessions { get; init; } = 5;

    /// <summary>… and at least this share of in-flight sessions (or of payments submitted in the window), merchant-wide or on one PSP.</summary>
    public double MinShare { get; init; } = 0.02;

    /// <summary>Resolved once no new session got stuck for this long.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Critical from this many stuck sessions or this share.</summary>
    public int CriticalSessions { get; init; } = 25;
    public double CriticalShare { get; init; } = 0.10;

    /// <summary>The title names a PSP when at least this share of the stuck sessions use it.</summary>
    public double DominantShare { get; init; } = 0.7;
}
