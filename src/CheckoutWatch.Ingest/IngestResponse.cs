namespace CheckoutWatch.Ingest;

/// <summary>
/// The <c>202</c> body of <c>POST /api/v1/events</c>:
/// <c>{"accepted":n,"duplicates":n,"rejected":[{"index":n,"eventId":"…","errors":[…]}]}</c>.
/// Serialize it with <see cref="IngestJsonContext"/>.
/// </summary>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected);
