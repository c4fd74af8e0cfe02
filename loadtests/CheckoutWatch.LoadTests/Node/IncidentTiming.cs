namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// One incident's timing. The <b>deciding batch</b> is the last spike batch whose <c>202</c>
/// reached the client at or before the alert's <c>detectedAt</c> (the node's clock is this host's
/// clock): the alert opened after that 202 and before the next one, so it is the first batch
/// after which the alert is open. Spike batches go out one at a time, so the order is unambiguous.
/// </summary>
public sealed record IncidentTiming(
    string Merchant,
    int SpikeBatches,
    DateTimeOffset FirstSpikeAccepted,
    DateTimeOffset DecidingAccepted,
    int DecidingIndex,
    DateTimeOffset DetectedAt,
    DateTimeOffset Received)
{
    /// <summary>202 of the deciding batch → AlertsChanged at the client: the spec's end-to-end figure.</summary>
    public double EndToEndMs => Math.Max(0, (Received - DecidingAccepted).TotalMilliseconds);

    /// <summary>202 of the deciding batch → detectedAt (buffer flush, merchant grain, detector).</summary>
    public double DetectMs => Math.Max(0, (DetectedAt - DecidingAccepted).TotalMilliseconds);

    /// <summary>detectedAt → AlertsChanged at the client (alert feed grain, hub, socket, client).</summary>
    public double PushMs => Math.Max(0, (Received - DetectedAt).TotalMilliseconds);

    /// <summary>202 of the first spike batch → AlertsChanged: how long the spike ran before the board knew.</summary>
    public double FromSpikeStartMs => (Received - FirstSpikeAccepted).TotalMilliseconds;

    public static IncidentTiming? From(string merchant, IReadOnlyList<(DateTimeOffset Sent, DateTimeOffset? Accepted)> batches, AlertSeen alert)
    {
        var accepted = batches.Select((b, i) => (b.Accepted, Index: i)).Where(b => b.Accepted is not null).ToList();
        if (accepted.Count == 0)
        {
            return null;
        }

        var before = accepted.LastOrDefault(b => b.Accepted <= alert.DetectedAt);
        // Detected before any spike 202 reached us (possible within a millisecond): the first spike batch decided.
        var deciding = before.Accepted is null ? accepted[0] : before;
        return new IncidentTiming(merchant, batches.Count, accepted[0].Accepted!.Value, deciding.Accepted!.Value, deciding.Index, alert.DetectedAt, alert.ReceivedAt);
    }
}
