using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Detection.Alerts;

namespace CheckoutWatch.Grains.Tests.Backtest;

/// <summary>
/// One stretch of an incident's alert, from opening (or re-opening) to resolution: what the
/// backtest and the live path must agree on.
/// </summary>
internal sealed record AlertEpisode(string MerchantId, string Kind, string Dimension, DateTimeOffset OpenedAt)
{
    public string HighestSeverity { get; set; } = "";
    public DateTimeOffset? ResolvedAt { get; set; }

    public string Stream => $"{MerchantId} {Kind} {Dimension}";

    public override string ToString() =>
        $"{Stream} {HighestSeverity} opened {OpenedAt:HH:mm:ss} resolved {ResolvedAt?.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}";

    /// <summary>Episodes from the detectors' changes (the backtest's record).</summary>
    public static List<AlertEpisode> From(IEnumerable<AlertChange> changes) =>
        Collect(changes.Select(c => (c.Alert.IncidentKey, c.Kind is ChangeKind.Opened or ChangeKind.Reopened, c.Kind == ChangeKind.Resolved,
            Episode(c.Alert.MerchantId, c.Alert.Kind.ToWire(), $"{c.Alert.Dimension.Kind.ToWire()}={c.Alert.Dimension.Value}", c.Alert.UpdatedAt),
            c.Alert.Severity.ToWire(), c.Alert.ResolvedAt)));

    /// <summary>Episodes from what the alert feed published, in sequence order (the live path's record).</summary>
    public static List<AlertEpisode> From(IEnumerable<AlertView> published)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        return Collect(published.OrderBy(v => v.Sequence).Select(v =>
        {
            var starts = v.Status != AlertStatus.Resolved && open.Add(v.IncidentKey);
            var resolves = v.Status == AlertStatus.Resolved && open.Remove(v.IncidentKey);
            return (v.IncidentKey, starts, resolves, Episode(v.MerchantId, v.Kind, $"{v.Dimension.Kind}={v.Dimension.Value}", v.UpdatedAt), v.Severity, v.ResolvedAt);
        }));
    }

    private static AlertEpisode Episode(string merchant, string kind, string dimension, DateTimeOffset at) => new(merchant, kind, dimension, at);

    private static List<AlertEpisode> Collect(IEnumerable<(string Key, bool Starts, bool Resolves, AlertEpisode Candidate, string Severity, DateTimeOffset? ResolvedAt)> changes)
    {
        var episodes = new List<AlertEpisode>();
        var current = new Dictionary<string, AlertEpisode>(StringComparer.Ordinal);
        foreach (var c in changes)
        {
            if (c.Starts)
            {
                current[c.Key] = c.Candidate;
                episodes.Add(c.Candidate);
            }

            if (!current.TryGetValue(c.Key, out var episode)) continue;
            if (Rank(c.Severity) > Rank(episode.HighestSeverity)) episode.HighestSeverity = c.Severity;
            if (c.Resolves)
            {
                episode.ResolvedAt = c.ResolvedAt;
                current.Remove(c.Key);
            }
        }

        return episodes;
    }

    private static int Rank(string severity) => severity switch
    {
        "critical" => 3,
        "major" => 2,
        "minor" => 1,
        _ => 0,
    };
}
