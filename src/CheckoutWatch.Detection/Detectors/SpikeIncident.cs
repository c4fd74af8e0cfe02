using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Windows;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>An open payment-failure spike: the stream it is about and the tallies of what it hit.</summary>
internal sealed class SpikeIncident(string key, FailureStream stream, DateTimeOffset startedAt, int maxSessions)
{
    public string Key { get; } = key;
    public FailureStream Stream { get; } = stream;
    public DateTimeOffset StartedAt { get; set; } = startedAt;

    /// <summary>When the alert opened (evaluation time).</summary>
    public DateTimeOffset OpenedAt { get; init; }
    public IncidentTally All { get; } = new(maxSessions);
    public IncidentTally Actionable { get; } = new(maxSessions);
    public string? ParentKey { get; set; }

    /// <summary>Whether a version of this alert has paged (then nothing may fold it any more).</summary>
    public bool Paged { get; set; }

    public void Add(in FailureRecord failure)
    {
        All.Add(failure.SessionId, failure.AmountMinor, failure.Currency, failure.DeclineCode, failure.Kind);
        if (failure.Actionable) Actionable.Add(failure.SessionId, failure.AmountMinor, failure.Currency, failure.DeclineCode, failure.Kind);
    }
}
