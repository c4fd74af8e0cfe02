using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Detection.Alerts;

/// <summary>
/// An alert as detection sees it: pure data, no status workflow (acknowledgement, feed sequence
/// and ids belong to the grains). One incident keeps one <see cref="IncidentKey"/> for its whole
/// life, through updates, resolution and re-opening within the cooldown.
/// </summary>
public sealed record DetectedAlert(string IncidentKey, string MerchantId, AlertKind Kind, AlertDimension Dimension)
{
    public AlertSeverity Severity { get; init; }

    /// <summary>
    /// Whether it should page the on-call engineer: major or critical, not folded into a parent
    /// alert, and past its paging grace (<see cref="PagesFrom"/>). It turns true once per incident
    /// at most: a parent adopts an alert only while it has not paged yet.
    /// </summary>
    public bool Pages => Severity != AlertSeverity.Minor && ParentIncidentKey is null && (PagesFrom is not { } from || UpdatedAt >= from);

    /// <summary>Whether it will page once its grace is over (unless something folds it meanwhile).</summary>
    public bool PagesAfterGrace => Severity != AlertSeverity.Minor && ParentIncidentKey is null;

    /// <summary>
    /// Paging grace: before this time the alert shows on the board but does not page, so that a
    /// broader alert (merchant-wide over a slice, PSP-wide over a merchant) opening a moment later
    /// can still fold it. Null: pages at once.
    /// </summary>
    public DateTimeOffset? PagesFrom { get; init; }

    /// <summary>Whether the alert rests on actionable (technical or configuration) failures rather than customer declines.</summary>
    public bool Actionable { get; init; }

    public string Title { get; init; } = "";

    /// <summary>Failure rate in the window (payment failure spikes).</summary>
    public double? ObservedRate { get; init; }

    /// <summary>The learned baseline the rate is compared with (frozen while the alert fires).</summary>
    public double? BaselineRate { get; init; }

    /// <summary>The rate the sequential test is tuned to detect (the threshold line on a chart).</summary>
    public double? ThresholdRate { get; init; }

    /// <summary>The window the observed figures cover (from the start of the incident, at most the monitor's memory).</summary>
    public TimeSpan Window { get; init; }

    public long Attempts { get; init; }
    public long Failures { get; init; }

    /// <summary>checkout_started events seen in the window (traffic drops).</summary>
    public double? ObservedStarts { get; init; }

    /// <summary>checkout_started events expected in the window (traffic drops).</summary>
    public double? ExpectedStarts { get; init; }

    /// <summary>Event time of the first failing event of the incident (the start of the test's run).</summary>
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset DetectedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <summary>1, plus one per re-opening within the cooldown.</summary>
    public int Occurrences { get; init; } = 1;

    /// <summary>Distinct sessions with a failed (or stuck) payment in the incident.</summary>
    public int AffectedSessions { get; init; }

    /// <summary>Amount of those sessions in <see cref="Currency"/>, the currency most of them pay in.</summary>
    public long RevenueAtRiskMinor { get; init; }
    public string? Currency { get; init; }
    public IReadOnlyDictionary<string, long> RevenueAtRiskByCurrency { get; init; } = _empty;

    public IReadOnlyList<DeclineCodeCount> TopDeclineCodes { get; init; } = [];

    /// <summary>Knowledge-base entry for the dominant decline code or failure kind.</summary>
    public KnowledgeEntry? Guidance { get; init; }

    /// <summary>Other slices that rose with this one and are explained by it.</summary>
    public IReadOnlyList<DimensionEvidence> Evidence { get; init; } = [];

    /// <summary>Set when a merchant-wide alert took this one over: the parent pages, this one no longer does.</summary>
    public string? ParentIncidentKey { get; init; }

    private static readonly IReadOnlyDictionary<string, long> _empty = new Dictionary<string, long>();

    public static string KeyFor(string merchantId, AlertKind kind, AlertDimension dimension) =>
        $"{merchantId}|{kind.ToWire()}|{dimension.Kind.ToWire()}|{dimension.Value}";
}
