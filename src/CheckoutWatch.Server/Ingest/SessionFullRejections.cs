using CheckoutWatch.Ingest;

namespace CheckoutWatch.Server.Ingest;

/// <summary>Adds the events a full session refused to a batch's rejections, under their item index.</summary>
internal static class SessionFullRejections
{
    public static IReadOnlyList<RejectedEvent> Merge(BatchParseResult parsed, IReadOnlyList<int> refusedEvents)
    {
        // The pipeline counts positions among the valid events; the answer counts items.
        var itemIndexes = parsed.Items.Where(i => i.IsValid).Select(i => i.Index).ToArray();
        var refused = refusedEvents.Select(e => new RejectedEvent(
            itemIndexes[e],
            parsed.Events[e].EventId,
            [new ValidationError("sessionId", ValidationCodes.SessionFull, "the session already holds the most events one session may hold; this event was not applied")]));
        return [.. parsed.Rejected.Concat(refused).OrderBy(r => r.Index)];
    }
}
