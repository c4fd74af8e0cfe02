namespace CheckoutWatch.Ingest;

/// <summary>
/// One rejected item of a batch: its 0-based <paramref name="Index"/>, its eventId when one could
/// be read (null otherwise), and every reason it was rejected.
/// </summary>
public sealed record RejectedEvent(int Index, string? EventId, IReadOnlyList<ValidationError> Errors);
