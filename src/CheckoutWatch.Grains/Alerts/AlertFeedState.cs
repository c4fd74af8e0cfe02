using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Grains.Alerts;

/// <summary>The persisted alert feed: every retained alert in its latest version.</summary>
[GenerateSerializer]
public sealed class AlertFeedState
{
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public long NextAlertNumber { get; set; } = 1;
    [Id(2)] public Dictionary<string, AlertView> Alerts { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public Dictionary<string, string> IdByIncident { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The highest sequence of an alert pruned from the feed (catch-up before it is truncated).</summary>
    [Id(4)] public long PrunedThrough { get; set; }

    /// <summary>Each retained alert's timeline, oldest first (at most <see cref="AlertFeedGrain.MaxTimelineEntries"/>).</summary>
    [Id(5)] public Dictionary<string, List<AlertTimelineEntry>> Timelines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Silences in force or scheduled, as the silence grain last handed them over.</summary>
    [Id(6)] public List<SilenceView> Silences { get; set; } = [];

    /// <summary>Alerts that ever paged: their notifier hears about every later change (to acknowledge, resolve).</summary>
    [Id(7)] public HashSet<string> Paged { get; set; } = new(StringComparer.Ordinal);
}
